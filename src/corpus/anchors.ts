/**
 * Where a record stands on its plan's web page: an HTML id made from the record id alone
 * (`<plan>/21` → "nhiem-vu-21", `<plan>/t3` → "chi-tieu-3", `<plan>/p12` → "doan-12"), so an
 * answer citing a record can link to it without knowing how the page is drawn.
 */
export function recordAnchor(planId: string, recordId: string): string {
  const local = recordId.startsWith(`${planId}/`) ? recordId.slice(planId.length + 1) : recordId;
  const target = /^t(\d+)$/.exec(local);
  if (target) return `chi-tieu-${target[1]}`;
  const passage = /^p(\d+)$/.exec(local);
  if (passage) return `doan-${passage[1]}`;
  // Tasks: "21", "p2-21" (numbering restarts in part II), "21#2" (a repeated number).
  return `nhiem-vu-${local.replace(/[^0-9A-Za-z.-]+/g, '-')}`;
}
