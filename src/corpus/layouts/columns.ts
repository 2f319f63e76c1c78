/**
 * The one column vocabulary of appendix tables, shared by every layout: which header words
 * name which column. A header cell (tab-separated tables) or a run of header text (tables
 * a PDF extraction flattened) is read through the same table, so a column word is defined
 * once. Words a header holds that no entry claims are returned, so the layout can report
 * them instead of guessing.
 */
import { fold } from '../../text/fold.js';
import { splitUnits } from '../agencies.js';
import { squash } from '../normalize.js';
import type { RawTaskRow } from '../types.js';

/**
 * `leadSupport`: one "Chủ trì, phối hợp" cell, split into lead and partners. `other`: a column
 * whose title the vocabulary lacks ("Căn cứ", "Đơn vị tính"); it keeps its place so its cells
 * do not spill into a neighbour, records leave it out, and it is reported.
 */
export type Column = 'number' | 'title' | 'lead' | 'support' | 'leadSupport' | 'monitor' | 'time' | 'output' | 'funding' | 'note' | 'other';

/** How anomalies name each column, in the words of the tables. */
export const COLUMN_LABEL: Record<Column, string> = {
  number: 'TT',
  title: 'Nhiệm vụ / Nội dung',
  lead: 'Chủ trì',
  support: 'Phối hợp',
  leadSupport: 'Chủ trì, phối hợp',
  monitor: 'Theo dõi',
  time: 'Thời gian',
  output: 'Sản phẩm',
  funding: 'Kinh phí',
  note: 'Ghi chú',
  other: 'cột không rõ',
};

/** Columns that hold agency names (cells split into units). */
export const AGENCY_COLUMNS: ReadonlySet<Column> = new Set(['lead', 'support', 'leadSupport', 'monitor']);

/**
 * Header phrases, folded, most specific first: an earlier phrase claims its words before a
 * later one looks ("chủ trì theo dõi" is a monitor column, not a lead one).
 */
const VOCABULARY: [Column, string[]][] = [
  ['number', ['so thu tu', 'so tt', 'stt', 'tt']],
  ['monitor', ['chu tri theo doi / don doc', 'chu tri theo doi don doc', 'chu tri theo doi', 'theo doi / don doc', 'theo doi don doc', 'theo doi']],
  // Merged only when written as one cell title ("Chủ trì, phối hợp"); "Chủ trì Phối hợp" is two columns.
  ['leadSupport', ['chu tri thuc hien va phoi hop', 'chu tri va phoi hop', 'chu tri / phoi hop']],
  ['lead', ['chu tri thuc hien', 'chu tri']],
  ['support', ['phoi hop thuc hien', 'phoi hop', 'co quan thuc hien', 'don vi thuc hien']],
  ['time', ['thoi gian thuc hien', 'thoi gian hoan thanh', 'thoi gian', 'nam trien khai', 'tien do thuc hien', 'tien do', 'lo trinh', 'thoi han hoan thanh', 'thoi han']],
  ['output', ['san pham dau ra', 'san pham du kien', 'san pham', 'ket qua dau ra', 'ket qua du kien', 'ket qua', 'dau ra']],
  ['funding', ['kinh phi trieu dong', 'kinh phi ty dong', 'kinh phi thuc hien', 'kinh phi du kien', 'du kien kinh phi', 'kinh phi', 'nguon kinh phi', 'nguon von', 'du toan']],
  ['note', ['ghi chu']],
  ['title', ['ten nhiem vu', 'noi dung nhiem vu', 'nhiem vu giai phap', 'nhiem vu du an', 'nhiem vu', 'ten du an', 'du an', 'giai phap', 'noi dung muc tieu', 'noi dung chi tieu', 'noi dung', 'muc tieu', 'chi tieu', 'ten']],
];

/** Words that may stand in a header around the column phrases ("Cơ quan … thực hiện", "(triệu đồng)"). */
const FILLER = new Set('co quan don vi thuc hien trien khai cac va cua chinh trieu dong ty du kien nam'.split(' '));

/** Every word a header phrase or filler uses: what a wrapped header line may hold. */
export const HEADER_WORDS: ReadonlySet<string> = new Set([...FILLER, ...VOCABULARY.flatMap(([, phrases]) => phrases.flatMap((p) => p.split(' ')))]);

const PHRASES: [Column, RegExp][] = VOCABULARY.map(([column, phrases]) => [column, new RegExp(`(?<![a-z0-9/])(?:${phrases.join('|')})(?![a-z0-9/])`, 'g')]);

/** Folded words (or, unfolded, the same words as written), with "," and "/" kept as a "/" token: they tell a merged cell title from two columns. */
function normalHeader(text: string, folded = true): string {
  const t = text.normalize('NFC').replace(/[,/]/g, ' / ');
  return squash(folded ? fold(t).replace(/[^a-z0-9/]+/g, ' ') : t.replace(/[^\p{L}\p{N}/]+/gu, ' '));
}

interface HeaderReading {
  /** Columns in order of their place in the header (the number column dropped). */
  columns: Column[];
  /** Runs of header words that no column claims, as written ("Đơn vị tính"). */
  unknown: string[];
  /** The unit a funding column gives its figures in ("Kinh phí (triệu đồng)" → "triệu đồng"), else null. */
  fundingUnit: string | null;
}

/**
 * Columns named in a run of header text, in order of where their phrase stands, with the
 * words no phrase claims. Works on one tab cell as well as on a flattened header.
 */
export function readHeader(text: string): HeaderReading {
  const f = normalHeader(text);
  const claimed = new Array<boolean>(f.length).fill(false);
  const found: [number, Column][] = [];
  for (const [column, re] of PHRASES) {
    re.lastIndex = 0;
    for (let m = re.exec(f); m; m = re.exec(f)) {
      const span = [m.index, m.index + m[0].length] as const;
      if (claimed.slice(span[0], span[1]).some(Boolean)) continue;
      claimed.fill(true, span[0], span[1]);
      found.push([m.index, column]);
    }
  }
  // Unclaimed runs of words, reported as written ("Căn cứ", "Đơn vị tính") when one of their words is not filler.
  const folded = f.split(' ');
  const written = normalHeader(text, false).split(' ');
  const shown = written.length === folded.length ? written : folded;
  const unknown: string[] = [];
  let run: number[] = [];
  let at = 0;
  const starts: number[] = [];
  folded.forEach((w, k) => {
    const free = w !== '/' && !claimed[at];
    starts.push(at);
    at += w.length + 1;
    if (free) run.push(k);
    if (!free || k === folded.length - 1) {
      // Filler at the end of a run belongs to the next column's title ("Căn cứ | Cơ quan chủ trì").
      while (run.length && FILLER.has(folded[run[run.length - 1]!]!)) run.pop();
      if (run.some((j) => !FILLER.has(folded[j]!) && !/^\d+$/.test(folded[j]!))) {
        unknown.push(run.map((j) => shown[j]).join(' '));
        found.push([starts[run[0]!]!, 'other']);
      }
      run = [];
    }
  });
  const columns = found
    .sort((a, b) => a[0] - b[0])
    .map(([, c]) => c)
    // "Nhiệm vụ, giải pháp" is one title column.
    .filter((c, k, all) => c !== 'number' && c !== all[k - 1]);
  const fundingUnit = /(?:kinh phí|nguồn vốn|dự toán)[^()\t]*\(\s*([^()]*?(?:đồng|USD))\s*\)/iu.exec(text.normalize('NFC'))?.[1] ?? null;
  return { columns, unknown, fundingUnit };
}

/** The one column a tab cell names; null when it names none or several. */
export function columnOfCell(cell: string): Column | null {
  const f = normalHeader(cell);
  if (VOCABULARY[0]![1].includes(f)) return 'number';
  const { columns } = readHeader(cell);
  return columns.length === 1 && columns[0] !== 'other' ? columns[0]! : null;
}

/** Whether a header names who carries the rows out (a lead, merged lead/partner or monitor column): without one a table is not read. */
export function hasUnitColumn(columns: Column[]): boolean {
  return columns.some((c) => c === 'lead' || c === 'leadSupport' || c === 'monitor');
}

/**
 * A merged "Chủ trì, phối hợp" cell → lead and partners. Marked forms are read as marked
 * ("Chủ trì: Sở A; Phối hợp: Sở B, Sở C", "Sở A (chủ trì), Sở B"); otherwise the first unit
 * leads and the others support, which is how such cells are written.
 */
function splitLeadSupport(cell: string | null): { lead: string | null; support: string | null } {
  if (!cell) return { lead: null, support: null };
  const marked = /^\s*chủ trì\s*:\s*(.*?)[;.,]?\s*phối hợp\s*:\s*(.*)$/iu.exec(cell);
  if (marked) return { lead: squash(marked[1]!) || null, support: squash(marked[2]!) || null };
  const units = splitUnits(cell.replace(/^\s*chủ trì\s*:\s*/iu, ''));
  const flagged = units.findIndex((u) => /\(\s*chủ trì\s*\)/iu.test(u));
  const at = flagged >= 0 ? flagged : 0;
  const clean = (u: string) => squash(u.replace(/\(\s*(?:chủ trì|phối hợp)\s*\)/giu, ''));
  const rest = units.filter((_, k) => k !== at).map(clean);
  return { lead: units[at] ? clean(units[at]!) : null, support: rest.length ? rest.join('; ') : null };
}

/** A row from its cells as a layout read them (joined text per column, null when empty). */
export function rawRow(number: string, section: string[], line: number, cell: (c: Column) => string | null): RawTaskRow {
  const merged = splitLeadSupport(cell('leadSupport'));
  return {
    number,
    section,
    title: cell('title') ?? '',
    lead: cell('lead') ?? merged.lead,
    support: cell('support') ?? merged.support,
    monitor: cell('monitor'),
    time: cell('time'),
    output: cell('output'),
    funding: cell('funding'),
    note: cell('note'),
    other: cell('other'),
    line,
  };
}
