/** Appendix rows → tasks: units split and resolved, parts found, numbering and times checked. */
import type { AgencyRegistry } from './agencies.js';
import { splitUnits } from './agencies.js';
import { looksLikeUnit } from './layouts/confidence.js';
import type { Anomaly, RawTaskRow, Task } from './types.js';

/** Numbering restarts under each top group ("I PHÁT TRIỂN NỀN MÓNG" / "II GIẢI PHÁP"): those groups are parts. */
function hasParts(rows: RawTaskRow[]): boolean {
  const seen = new Map<string, string>();
  for (const r of rows) {
    const top = r.section[0] ?? '';
    const prev = seen.get(r.number);
    if (prev !== undefined && prev !== top) return true;
    seen.set(r.number, top);
  }
  return false;
}

/**
 * The code of the part a task sits under, as written: "I", "II" of a part where numbering
 * restarts, or the letter of a lettered top group ("A PHÁT TRIỂN…", "B GIẢI PHÁP…") even
 * when numbering runs on; a Roman group of an appendix without parts is a section, not a part.
 */
function partCodeOf(top: string | null, isPart: boolean): string | null {
  const code = top ? /^(?:Phần\s+)?([A-Z]|[IVXL]+)\b\.?/u.exec(top)?.[1] : undefined;
  if (!code) return null;
  return isPart || !/^[IVXL]+$/.test(code) ? code : null;
}

function checkNumbering(rows: RawTaskRow[], label: string): Anomaly[] {
  const out: Anomaly[] = [];
  // Compare each number with the one before it under the same parent ("" for top level, "1" for 1.x).
  const last = new Map<string, number>();
  for (const r of rows) {
    const parts = r.number.split('.').map(Number);
    for (let depth = 0; depth < parts.length; depth++) {
      const parent = parts.slice(0, depth).join('.');
      const n = parts[depth]!;
      const prev = last.get(parent);
      const isLeaf = depth === parts.length - 1;
      if (prev !== undefined) {
        if (n === prev && isLeaf) {
          out.push({ kind: 'numbering-duplicate', message: `${label}: số ${r.number} lặp lại (dòng ${r.line})`, line: r.line });
        } else if (n > prev + 1) {
          const missing = Array.from({ length: n - prev - 1 }, (_, k) => (parent ? `${parent}.` : '') + (prev + k + 1));
          out.push({
            kind: 'numbering-gap',
            message: `${label}: số thứ tự nhảy từ ${(parent ? `${parent}.` : '') + prev} lên ${r.number} (thiếu ${missing.join(', ')})`,
            line: r.line,
          });
        }
      }
      last.set(parent, n);
    }
  }
  return out;
}

function checkTime(r: RawTaskRow, label: string): Anomaly | null {
  if (!r.time) return { kind: 'no-time', message: `${label}: nhiệm vụ ${r.number} không ghi thời gian`, line: r.line };
  const m = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(r.time.trim());
  if (m && Number(m[2]) < Number(m[1])) {
    return { kind: 'odd-time', message: `${label}: nhiệm vụ ${r.number} có thời gian "${r.time}" (năm kết thúc trước năm bắt đầu)`, line: r.line };
  }
  return null;
}

export function toTasks(
  rows: RawTaskRow[],
  planId: string,
  file: string,
  registry: AgencyRegistry,
  /** How the appendix calls itself in citations and anomalies ("Phụ lục", "Phụ lục 02", "Phụ lục III"). */
  appendixName: string,
): { tasks: Task[]; anomalies: Anomaly[] } {
  const label = appendixName;
  const parts = hasParts(rows);
  const anomalies: Anomaly[] = [];
  const byPart = new Map<string, RawTaskRow[]>();
  for (const r of rows) {
    const key = parts ? r.section[0] ?? '' : '';
    byPart.set(key, [...(byPart.get(key) ?? []), r]);
  }
  for (const [part, list] of byPart) anomalies.push(...checkNumbering(list, part ? `${label} (${part})` : label));

  const ids = new Set<string>();
  const tasks = rows.map((r): Task => {
    const part = parts ? r.section[0] ?? null : null;
    const partIndex = part ? [...byPart.keys()].indexOf(part) + 1 : 0;
    let id = `${planId}/${partIndex ? `p${partIndex}-` : ''}${r.number}`;
    const flags: string[] = [];
    if (ids.has(id)) {
      flags.push('duplicate-number');
      let k = 2;
      while (ids.has(`${id}#${k}`)) k++;
      id = `${id}#${k}`;
    }
    ids.add(id);
    // A cell that is not a unit ("Quyết định phê duyệt") is reported by the appendix reader and never becomes an agency.
    const [lead, support] = [splitUnits(r.lead), splitUnits(r.support)].map((units) => {
      const kept = units.filter(looksLikeUnit);
      if (kept.length < units.length && !flags.includes('odd-cell')) flags.push('odd-cell');
      return kept;
    }) as [string[], string[]];
    if (!lead.length) anomalies.push({ kind: 'no-lead', message: `${label}: nhiệm vụ ${r.number} không có đơn vị chủ trì`, line: r.line });
    const timeIssue = checkTime(r, label);
    if (timeIssue) {
      anomalies.push(timeIssue);
      flags.push(timeIssue.kind);
    }
    return {
      id,
      planId,
      number: r.number,
      appendix: appendixName,
      part,
      partCode: partCodeOf(part ?? r.section[0] ?? null, part !== null),
      section: parts ? r.section.slice(1) : r.section,
      title: r.title,
      lead,
      support,
      leadIds: lead.map((u) => registry.resolve(u).id),
      supportIds: support.map((u) => registry.resolve(u).id),
      time: r.time,
      output: r.output,
      funding: r.funding,
      note: r.note,
      flags,
      place: { file, line: r.line, path: [appendixName, ...r.section] },
    };
  });
  const misspelt = new Set(tasks.flatMap((t) => [...t.lead, ...t.support]).filter((u) => registry.typoOf(u)));
  for (const u of misspelt) anomalies.push({ kind: 'typo', message: `Tên đơn vị viết "${u}", hiểu là ${registry.typoOf(u)!.name}` });
  // The first of a duplicated pair is flagged too, so both show in answers.
  for (const t of tasks) {
    if (t.flags.includes('duplicate-number')) {
      const first = tasks.find((o) => o.number === t.number && o.part === t.part);
      if (first && !first.flags.includes('duplicate-number')) first.flags.push('duplicate-number');
    }
  }
  return { tasks, anomalies };
}
