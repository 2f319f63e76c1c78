/**
 * The 100× corpus: the real plan files plus renamed copies. Every copy names an invented
 * province (two or three capitalised Vietnamese-looking words that are no real province,
 * no phrase of the real plans and no other copy's name) and carries its own plan numbers,
 * so questions about the real provinces keep their answers.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROVINCES } from '../src/corpus/provinces.js';
import { fold, foldWords } from '../src/text/fold.js';

/** Real place names written in the five plans, longest first, as words. */
const REAL_PLACES: { name: string; words: number }[] = [
  { name: 'Thừa Thiên Huế', words: 3 },
  { name: 'Phan Thiết', words: 2 },
  { name: 'Bình Thuận', words: 2 },
  { name: 'Đắk Lắk', words: 2 },
  { name: 'Đắc Lắc', words: 2 },
  { name: 'Huế', words: 1 },
];

const FIRST = [
  'Lâm',
  'Vạn',
  'Ngọc',
  'Thạch',
  'Tràng',
  'Khê',
  'Phước',
  'Diên',
  'Cẩm',
  'Kỳ',
  'Tiên',
  'Mỹ',
  'Sơn',
  'Hương',
  'Quế',
  'Bích',
  'Liễu',
  'Trúc',
  'Doãn',
  'Uyển',
  'Nghĩa',
  'Khánh',
  'Thụy',
  'Hạc',
];
const SECOND = [
  'Lộc',
  'Xuyên',
  'Điền',
  'Uyên',
  'Thạnh',
  'Hiệp',
  'Tường',
  'Khuê',
  'Lũy',
  'Dực',
  'Nhạn',
  'Quỳnh',
  'Châu',
  'Trạch',
  'Vỹ',
  'Ngạn',
  'Tuyền',
  'Thiều',
  'Bảo',
  'Luân',
];
const THIRD = ['Tây', 'Đông', 'Thượng', 'Hạ', 'Nam', 'Bắc'];

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length]!;
}

/**
 * Invented names with `words` words, `count` of them, none of which is or resembles a real
 * province form, occurs as a phrase in `avoidText` (folded), or repeats.
 */
export function inventNames(count: number, words: 2 | 3, avoidText: string, taken: Set<string>): string[] {
  const real = PROVINCES.flatMap((p) => [p.name, ...p.aliases]).map(foldWords);
  const haystack = ` ${foldWords(avoidText)} `;
  const out: string[] = [];
  const pairs: string[] = [];
  for (const a of FIRST) for (const b of SECOND) pairs.push(`${a} ${b}`);
  const candidates = words === 2 ? pairs : pairs.flatMap((p) => THIRD.map((c) => `${p} ${c}`));
  // Spread the picks so neighbouring copies do not share a first word.
  for (let i = 0; out.length < count && i < candidates.length * 7; i++) {
    const name = candidates[(i * 7919) % candidates.length]!;
    const f = foldWords(name);
    if (taken.has(f)) continue;
    if (haystack.includes(` ${f} `)) continue;
    if (real.some((r) => r === f || editDistance(r, f) <= 2 || ` ${f} `.includes(` ${r} `) || ` ${r} `.includes(` ${f} `))) continue;
    taken.add(f);
    out.push(name);
  }
  if (out.length < count) throw new Error(`only ${out.length} of ${count} synthetic names`);
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A place name in any case, its words split by any white space (captured), not inside a longer word. */
function placeRegExp(name: string): RegExp {
  const parts = name.split(' ').map(escapeRe);
  return new RegExp(`(?<![\\p{L}\\p{M}])${parts.join('(\\s+)')}(?![\\p{L}\\p{M}])`, 'giu');
}

/** Replace each real place (any case, words split by any white space) with its new name, keeping separators and upper case. */
export function renamePlaces(text: string, renames: Map<string, string>): string {
  let out = text.normalize('NFC');
  for (const { name } of REAL_PLACES) {
    const to = renames.get(name);
    if (!to) continue;
    const parts = name.split(' ');
    const re = placeRegExp(name);
    const toWords = to.split(' ');
    out = out.replace(re, (match: string, ...groups: unknown[]) => {
      const seps = groups.slice(0, parts.length - 1) as string[];
      const upper = match === match.toUpperCase() && match !== match.toLowerCase();
      const w = upper ? toWords.map((x) => x.toUpperCase()) : toWords;
      return w.map((x, i) => x + (i < w.length - 1 ? (seps[i] ?? ' ') : '')).join('');
    });
  }
  return out;
}

/** Give every "N/KH-…" plan number in a copy a new number unique to that copy (six digits: never a year, never a real number). */
export function renumberPlans(text: string, base: number): string {
  const seen = new Map<string, string>();
  return text.replace(/(\d+)(\s*\/\s*KH-)/gu, (_m, n: string, rest: string) => {
    if (!seen.has(n)) seen.set(n, String(base + seen.size));
    return seen.get(n)! + rest;
  });
}

function slug(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface SyntheticCorpus {
  dir: string;
  /** Real files copied unchanged plus synthetic ones. */
  files: number;
  /** Invented province names used, by copy. */
  names: string[];
}

/**
 * Write `factor`× the corpus in `srcDir` into `outDir` (emptied first): the real files
 * unchanged and factor−1 renamed copies of each.
 */
export function writeSyntheticCorpus(srcDir: string, outDir: string, factor = 100, avoidText = ''): SyntheticCorpus {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const sources = readdirSync(srcDir)
    .filter((n) => /\.(txt|md)$/i.test(n))
    .sort();
  const texts = sources.map((n) => readFileSync(join(srcDir, n), 'utf8'));
  const avoid = texts.join('\n') + '\n' + avoidText;
  const taken = new Set<string>();
  const copies = factor - 1;
  // One name per real place per copy; places of a copy are distinct, so "Huế" and "Thừa Thiên Huế" stay two places.
  const names = new Map<string, string[]>();
  const nfc = avoid.normalize('NFC');
  for (const { name, words } of REAL_PLACES) {
    if (placeRegExp(name).test(nfc)) names.set(name, inventNames(copies, words === 3 ? 3 : 2, avoid, taken));
  }
  for (const n of sources) {
    copyFileSync(join(srcDir, n), join(outDir, n));
    try {
      copyFileSync(join(srcDir, `${n}.meta.json`), join(outDir, `${n}.meta.json`));
    } catch {
      // no meta file
    }
  }
  const used: string[] = [];
  let written = sources.length;
  for (let k = 0; k < copies; k++) {
    const renames = new Map([...names].map(([name, list]) => [name, list[k]!]));
    used.push(...renames.values());
    sources.forEach((n, j) => {
      const text = renumberPlans(renamePlaces(texts[j]!, renames), 100_000 + k * 1000 + j * 100);
      const what = /(kinh-te-so|chuyen-doi-so).*$/.exec(n.replace(/\.(txt|md)$/i, ''))?.[0] ?? String(j);
      const place = slug(renames.get(REAL_PLACES.find((r) => names.has(r.name) && texts[j]!.normalize('NFC').includes(r.name))?.name ?? 'Huế') ?? 'x');
      const fileName = `zz-${String(k + 1).padStart(3, '0')}-${j}-${place}-${what}.txt`;
      writeFileSync(join(outDir, fileName), text);
      written++;
    });
  }
  return { dir: outDir, files: written, names: used };
}
