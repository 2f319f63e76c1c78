/** Plan facts read from the text itself: title, number, date, signer, place, years, what it replaces, deadlines. */
import { fold } from '../text/fold.js';
import type { Deadline, PlanKind } from './types.js';
import { joinPieces, squash, stripMarkup } from './normalize.js';
import type { Block } from './blocks.js';

export interface PlanMeta {
  title: string | null;
  number: string | null;
  date: string | null;
  signer: string | null;
  signerTitle: string | null;
  province: string | null;
  provinceLevel: string | null;
  kind: PlanKind;
  yearFrom: number | null;
  yearTo: number | null;
  replaces: string | null;
  deadlines: Deadline[];
}

function isoDate(d: string | number, m: string | number, y: string | number): string | null {
  const dd = Number(d), mm = Number(m), yy = Number(y);
  if (!(dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12 && yy >= 1900)) return null;
  return `${yy}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** "07     tháng 12 năm 2022", "18 tháng 5 năm 2026", "07   /12/2022", "15/12/2024". */
const DATE = String.raw`(\d{1,2})\s*(?:tháng|\/)\s*(\d{1,2})\s*(?:năm|\/)\s*(\d{4})`;

function findNumberAndDate(text: string): { number: string | null; date: string | null } {
  const header = new RegExp(String.raw`Số\s*:\s*(\d+)\s*\/\s*(KH-[\p{Lu}Đ]+)[^\n]*?ngày\s+` + DATE, 'u').exec(text);
  if (header) return { number: `${header[1]}/${header[2]}`, date: isoDate(header[3]!, header[4]!, header[5]!) };
  const annex = new RegExp(String.raw`Kèm theo Kế hoạch số\s*:?\s*(\d+)\s*\/\s*(KH-[\p{Lu}Đ]+)\s+ngày\s+` + DATE, 'u').exec(text);
  if (annex) return { number: `${annex[1]}/${annex[2]}`, date: isoDate(annex[3]!, annex[4]!, annex[5]!) };
  const bare = /Số\s*:\s*(\d+)\s*\/\s*(KH-[\p{Lu}Đ]+)/u.exec(text);
  return { number: bare ? `${bare[1]}/${bare[2]}` : null, date: null };
}

const PERSON = /^(?:\p{Lu}\p{Ll}*)(?:\s\p{Lu}\p{Ll}*){1,4}$/u;

function findSigner(lines: string[], from: number, to: number): { signer: string | null; title: string | null } {
  let title: string | null = null;
  for (let i = from; i < to; i++) {
    const t = fold(stripMarkup(lines[i]!));
    if (/(^|\s)pho chu tich$/.test(t)) title = 'Phó Chủ tịch';
    else if (/^(kt\.\s*|tm\.\s*)?chu tich$/.test(t) && title === null) title = 'Chủ tịch';
    if (title) {
      for (let j = i + 1; j < to; j++) {
        const s = stripMarkup(lines[j]!);
        if (PERSON.test(s) && !/^(PHÓ|CHỦ|KT|TM)/u.test(s)) {
          const t2 = fold(stripMarkup(lines[j - 1] ?? ''));
          if (/pho chu tich/.test(t2)) title = 'Phó Chủ tịch';
          return { signer: s, title };
        }
        const f = fold(s);
        if (/pho chu tich$/.test(f)) title = 'Phó Chủ tịch';
      }
    }
  }
  return { signer: null, title: null };
}

function findTitle(lines: string[], blocks: Block[]): string | null {
  const head = lines.findIndex((l) => fold(stripMarkup(l)) === 'ke hoach');
  if (head >= 0) {
    const pieces: string[] = [];
    for (let i = head + 1; i < lines.length && pieces.length < 6; i++) {
      const s = stripMarkup(lines[i]!);
      if (s === '') {
        if (pieces.length && !/^\s*$/.test(lines[i + 1] ?? '') && /^Căn cứ/u.test(stripMarkup(lines[i + 1] ?? ''))) break;
        continue;
      }
      if (/^(Căn cứ|[IVX]+\.)/u.test(s) || /^-+$/.test(s)) break;
      pieces.push(s);
    }
    if (pieces.length) return `Kế hoạch ${joinPieces(pieces).replace(/^\p{Lu}/u, (c) => c.toLowerCase())}`;
  }
  for (const b of blocks) {
    const m = /ban hành (Kế hoạch [^.(]+?)(?:\s*\(|\.|,\s*với|$)/u.exec(b.text);
    if (m) return squash(m[1]!);
  }
  return null;
}

/** The place the plan is for: the most frequent "tỉnh X" / "thành phố X" in title, then text. */
function findProvince(title: string, text: string): { province: string | null; level: string | null } {
  const re = /\b(tỉnh|thành phố|TỈNH|THÀNH PHỐ)\s+((?:\p{Lu}[\p{Ll}\p{Lu}]*)(?:\s+\p{Lu}[\p{Ll}\p{Lu}]*){0,3})/gu;
  const score = new Map<string, { n: number; level: string; name: string }>();
  const count = (s: string, weight: number) => {
    for (const m of s.matchAll(re)) {
      let name = m[2]!;
      if (name === name.toUpperCase()) name = name.toLowerCase().replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());
      const level = m[1]!.toLowerCase();
      const key = `${level}|${name}`;
      const cur = score.get(key) ?? { n: 0, level, name };
      cur.n += weight;
      score.set(key, cur);
    }
  };
  count(title, 10);
  count(text, 1);
  const best = [...score.values()].sort((a, b) => b.n - a.n)[0];
  return best ? { province: best.name, level: best.level } : { province: null, level: null };
}

function findYears(title: string): { from: number | null; to: number | null } {
  const span = /(\d{4})\s*[-–]\s*(\d{4})/.exec(title);
  if (span) return { from: Number(span[1]), to: Number(span[2]) };
  const years = [...title.matchAll(/năm\s+(\d{4})/gu)].map((m) => Number(m[1]));
  if (!years.length) return { from: null, to: null };
  return { from: Math.min(...years), to: Math.max(...years) };
}

function findReplaces(text: string): string | null {
  const m = /thay thế\s+(Kế hoạch số\s*[^\s]+(?:\s+ngày\s+[\d/]+)?(?:\s+của\s+(?:UBND|Ủy ban nhân dân)\s+(?:tỉnh|thành phố)\s+(?:\p{Lu}\p{Ll}*\s?){1,4})?)/u.exec(text);
  return m ? squash(m[1]!) : null;
}

function findDeadlines(blocks: Block[]): Deadline[] {
  const out: Deadline[] = [];
  const re = new RegExp(String.raw`trước(?:\s+ngày)?\s+` + DATE, 'gu');
  for (const b of blocks) {
    for (const m of b.text.matchAll(re)) {
      const date = isoDate(m[1]!, m[2]!, m[3]!);
      if (date) out.push({ date, text: b.text });
    }
  }
  return out;
}

export function readPlanMeta(lines: string[], blocks: Block[], signature: [number, number]): PlanMeta {
  const text = lines.join('\n');
  const title = findTitle(lines, blocks);
  const { number, date } = findNumberAndDate(text);
  const { signer, title: signerTitle } = findSigner(lines, signature[0], signature[1]);
  const { province, level } = findProvince(title ?? '', text);
  const years = findYears(title ?? '');
  const ft = fold(title ?? '');
  const kind: PlanKind = ft.includes('chuyen doi so') && !ft.includes('kinh te so') ? 'chuyen-doi-so' : 'kinh-te-so';
  return {
    title,
    number,
    date,
    signer,
    signerTitle,
    province,
    provinceLevel: level,
    kind,
    yearFrom: years.from,
    yearTo: years.to,
    replaces: findReplaces(text),
    deadlines: findDeadlines(blocks),
  };
}
