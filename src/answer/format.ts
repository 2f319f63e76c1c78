/** Citations and display forms shared by every answer. */
import type { Agency, Plan, SourcePlace, Task } from '../corpus/types.js';
import { agencyKey, ENGLISH_NAMES } from '../corpus/agencies.js';
import { recordAnchor } from '../corpus/anchors.js';
import type { Lang, SourceRef } from './types.js';

/** "I. MỤC TIÊU" → "I", "2.1. Phát triển…" → "2.1", "a) …" → "a", "IX Phát triển…" → "IX". */
function codeOf(heading: string): string | null {
  const m = /^([IVXLC]+(?:\.\d+)*|[A-Z]|\d+(?:\.\d+)*|[a-zđ])(?:[.)]|\s|$)/u.exec(heading.trim());
  return m ? m[1]! : null;
}

function pathCode(path: string[]): string {
  const codes: string[] = [];
  for (const c of path.map(codeOf)) {
    if (!c) continue;
    // "2.1" under "2" already says "2".
    if (codes.length && c.startsWith(`${codes[codes.length - 1]}.`)) codes[codes.length - 1] = c;
    else codes.push(c);
  }
  return codes.join('.');
}

export function planLabel(plan: Plan): string {
  return plan.number ? `KH ${plan.number} (${plan.shortName})` : `KH ${plan.shortName}`;
}

export function taskWhere(task: Task, lang: Lang): string {
  const [appendix, ...section] = task.place.path;
  // Group rows whose number the task number repeats ("1 Tổ chức" above 1.2) add nothing.
  const groups = (task.part ? section.slice(1) : section).filter((g) => !task.number.startsWith(`${codeOf(g)}.`));
  const code = pathCode(groups);
  const part = task.part ? (lang === 'en' ? `part ${codeOf(task.part)}, ` : `phần ${codeOf(task.part)}, `) : '';
  const app = lang === 'en' ? (appendix ?? 'Phụ lục').replace('Phụ lục', 'Appendix') : (appendix ?? 'Phụ lục');
  // "Phụ lục A.IX" where the appendix has no number of its own; "Phụ lục III, mục II" where it has.
  const within = !code ? '' : codeOf(app.replace(/^(Phụ lục|Appendix)\s+/u, '')) ? `, ${lang === 'en' ? 'section' : 'mục'} ${code}` : ` ${code}`;
  return `${app}${within}, ${part}${lang === 'en' ? 'task' : 'nhiệm vụ'} ${task.number}`;
}

export function placeWhere(place: SourcePlace, lang: Lang): string {
  const code = pathCode(place.path);
  return code ? `${lang === 'en' ? 'section' : 'mục'} ${code}` : `${lang === 'en' ? 'line' : 'dòng'} ${place.line}`;
}

export function source(plan: Plan, where: string | null, recordId?: string): SourceRef {
  const ref = where ? `${planLabel(plan)}, ${where}` : planLabel(plan);
  return recordId ? { plan: plan.id, ref, anchor: recordAnchor(plan.id, recordId) } : { plan: plan.id, ref };
}

export function sourceLine(refs: SourceRef[], lang: Lang): string {
  const uniq = [...new Set(refs.map((r) => r.ref))];
  return `${lang === 'en' ? 'Source' : 'Nguồn'}: ${uniq.join('; ')}.`;
}

/**
 * An agency as written, with its abbreviation spelled out once per reply for citizens:
 * "Sở KH&CN (Khoa học và Công nghệ)", in English "Sở KH&CN (Department of Science and Technology)".
 */
export class AgencyNamer {
  private readonly expanded = new Set<string>();

  constructor(
    private readonly agencies: Map<string, Agency>,
    private readonly lang: Lang,
  ) {}

  name(written: string, id: string): string {
    const agency = this.agencies.get(id);
    if (!agency || this.expanded.has(agency.id)) return written;
    this.expanded.add(agency.id);
    const english = ENGLISH_NAMES.get(agency.id)?.[0];
    if (this.lang === 'en' && english) return `${written} (${english})`;
    const abbreviated = /(^|\s)[\p{Lu}Đ&-]{2,}(\s|$|,)/u.test(written.replace(/\([^)]*\)/g, ''));
    if (!abbreviated || agencyKey(written) === agencyKey(agency.name) || written.includes('(')) return written;
    const prefix = /^(Sở|Trung tâm|Văn phòng|Hội)\s+/u.exec(agency.name)?.[0] ?? '';
    return `${written} (${agency.name.slice(prefix.length)})`;
  }

  list(written: string[], ids: string[]): string {
    return written.map((w, i) => this.name(w, ids[i])).join('; ');
  }
}

export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${y} (ngày ${d} tháng ${m} năm ${y})`;
}

export function enDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d} ${months[m! - 1]} ${y} (${d}/${m}/${y})`;
}

export function clip(text: string, max = 220): string {
  return text.length <= max ? text : `${text.slice(0, max).replace(/\s+\S*$/, '')}…`;
}

/** A paragraph without its list marker ("- ", "a) "), for quoting inside our own list. */
export function unbullet(text: string): string {
  return text.replace(/^(?:[-–•+*]|[a-zđ]\)|\(\d+\))\s*/u, '');
}

/** Plan names for a reply, at most `max` of them and a count of the rest (a province-wide corpus has hundreds). */
export function planNames(plans: Plan[], lang: Lang, max = 12): string {
  const shown = plans
    .slice(0, max)
    .map((p) => p.shortName)
    .join('; ');
  const rest = plans.length - max;
  if (rest <= 0) return shown;
  return lang === 'en' ? `${shown} and ${rest} more (ask "list the plans")` : `${shown} và ${rest} kế hoạch khác (hỏi "danh sách kế hoạch")`;
}
