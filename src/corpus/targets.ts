/**
 * Targets: the percentage bullets under a "Mục tiêu" heading. Year and group come
 * from the headings above the bullet (or the plan's single year); a bullet with two
 * figures yields two targets.
 */
import { fold } from '../text/fold.js';
import type { Block } from './blocks.js';
import type { Comparator, Target, TargetGroup } from './types.js';
import { squash } from './normalize.js';

const FIGURE = /(\d+(?:,\d+)?)\s*%/g;

function groupOf(path: string[]): TargetGroup | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const f = fold(path[i]!);
    if (f.includes('chinh quyen so')) return 'chinh-quyen-so';
    if (f.includes('kinh te so')) return 'kinh-te-so';
    if (f.includes('xa hoi so')) return 'xa-hoi-so';
  }
  return null;
}

function yearOf(path: string[]): number | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const m = /nam\s+(\d{4})/.exec(fold(path[i]!));
    if (m) return Number(m[1]);
  }
  return null;
}

function isTargetSection(path: string[]): boolean {
  return path.some((p) => /muc tieu/.test(fold(p)) && !/muc tieu chung|muc tieu tong quat/.test(fold(p)));
}

const COMPARATOR_TAIL = /\s*(?:đạt\s+chiếm|đạt|chiếm|tăng)?\s*(trên|tối thiểu|khoảng|ít nhất)?\s*$/iu;

function comparatorOf(before: string, whole: string): Comparator {
  const f = fold(before).trimEnd();
  if (/tren$/.test(f)) return 'tren';
  if (/(toi thieu|it nhat)$/.test(f)) return 'toi-thieu';
  if (/khoang$/.test(f)) return 'khoang';
  if (/^phan dau/.test(fold(whole))) return 'phan-dau';
  return 'dat';
}

function capitalize(s: string): string {
  return s.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/** Scope words that tell two figures of one bullet apart. */
function scopeOf(clause: string): string | null {
  const levels = [...clause.matchAll(/cấp (tỉnh|huyện|xã|thành phố)/gu)].map((m) => m[0]);
  return levels.length ? levels.join('; ') : null;
}

/** Split a bullet so that each piece holds one figure: cut at the last ";", "," or " và " before each later figure. */
function clauses(text: string): string[] {
  const figs = [...text.matchAll(FIGURE)];
  if (figs.length < 2) return [text];
  const out: string[] = [];
  let start = 0;
  for (let k = 1; k < figs.length; k++) {
    const prevEnd = figs[k - 1]!.index! + figs[k - 1]![0].length;
    const region = text.slice(prevEnd, figs[k]!.index!);
    const cut = Math.max(region.lastIndexOf(';'), region.lastIndexOf(' và '), region.lastIndexOf(','));
    if (cut < 0) continue;
    out.push(text.slice(start, prevEnd + cut));
    start = prevEnd + cut + (region.startsWith(' và ', cut) ? 4 : 1);
  }
  out.push(text.slice(start));
  return out;
}

function parseClause(clause: string): Omit<Target, 'id' | 'planId' | 'text' | 'group' | 'year' | 'monitor' | 'monitorIds' | 'implementers' | 'place'> | null {
  const m = new RegExp(FIGURE.source).exec(clause);
  if (!m) return null;
  const value = Number(m[1]!.replace(',', '.'));
  const before = clause.slice(0, m.index);
  const after = clause.slice(m.index + m[0].length);
  const unitWord = /^\s*(GRDP|GDP)\b/u.exec(after);
  const unit = unitWord ? `% ${unitWord[1]}` : '%';
  const rest = squash(after.replace(/^\s*(GRDP|GDP)\b/u, '').replace(/[.;]+\s*$/, ''));
  const restMatters = rest.split(' ').filter((w) => w && !/^(của|tỉnh|thành|phố)$/u.test(w)).length > 2;
  let head = squash(before.replace(/^[-–•+*]\s*/, ''));
  if (!restMatters) head = head.replace(COMPARATOR_TAIL, '');
  head = head.replace(/^Phấn đấu(\s+|$)/iu, '');
  const indicator = capitalize(squash(restMatters ? `${head} ${rest}` : head).replace(/[.;:,]+$/, ''));
  return {
    indicator,
    value,
    unit,
    comparator: comparatorOf(before, clause.replace(/^[-–•+*]\s*/, '')),
    scope: null,
  };
}

export function readTargets(blocks: Block[], planId: string, file: string, planYear: number | null): Target[] {
  const out: Target[] = [];
  for (const b of blocks) {
    if (b.kind !== 'para' || !isTargetSection(b.path) || !new RegExp(FIGURE.source).test(b.text)) continue;
    const year = yearOf(b.path) ?? planYear;
    if (year === null) continue;
    const parts = clauses(b.text);
    for (const clause of parts) {
      const parsed = parseClause(clause);
      if (!parsed) continue;
      out.push({
        ...parsed,
        scope: parts.length > 1 ? scopeOf(clause) : null,
        id: `${planId}/t${out.length + 1}`,
        planId,
        text: b.text.replace(/^[-–•+*]\s*/, ''),
        group: groupOf(b.path),
        year,
        monitor: [],
        monitorIds: [],
        implementers: [],
        place: { file, line: b.line, path: b.path },
      });
    }
  }
  return out;
}
