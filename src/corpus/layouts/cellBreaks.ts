/**
 * Shared heuristics for appendix tables that a PDF extraction flattened into lines:
 * where one cell ends and the next begins (agency-start words, connectors, year/time
 * tokens), which lines are page furniture (repeated headers, page numbers, running
 * heads), and how row numbers and group rows are recognized. Plus the row reader both
 * PDF layouts use; they differ only in what closes a cell (see `CellRules`).
 */
import { fold } from '../../text/fold.js';
import { squash } from '../normalize.js';
import type { RawTaskRow } from '../types.js';
import type { LayoutReading } from './layout.js';
import { AGENCY_COLUMNS, HEADER_WORDS, hasUnitColumn, rawRow, readHeader, type Column } from './columns.js';

/** The columns after the row number. */
type CellColumn = Exclude<Column, 'number'>;

// ---------------------------------------------------------------- words

// Word lists are compared in lowercase NFC, not folded: folding merges "tư" with "từ", "Sở" with "Số".

/** Words after which a wrapped phrase must go on: "Sở Thông tin và" / "Truyền thông". */
const CONNECTORS = new Set(['và', 'của', 'với', 'cho', 'các', 'về', 'tại', 'từ', 'trên', 'theo', 'thuộc', 'hoặc', 'đến', 'để', 'trong', 'là', 'những', 'nhằm', 'ở', 'bằng', 'giữa', 'cùng']);

/** Bare word of a token: punctuation around it removed, lowercase. */
function bare(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}&]+$/gu, '').toLowerCase();
}

/** True when a cell piece ends so that the next line must continue it (connector, comma, open parenthesis). */
export function endsWithConnector(text: string): boolean {
  const t = text.trimEnd();
  if (t === '') return false;
  if (/[,;:(&/\-–]$/.test(t)) return true;
  if ((t.match(/\(/g) ?? []).length > (t.match(/\)/g) ?? []).length) return true;
  return CONNECTORS.has(t.split(/\s+/).pop()!.toLowerCase());
}

/** Words that may follow a head such as "Công an", "UBND", "Thanh tra": "tỉnh", "cấp huyện". */
const PLACE = new Set(['tỉnh', 'thành', 'huyện', 'cấp', 'xã', 'thị']);
/** What may follow "Các" in an agency cell: "Các sở", "Các doanh nghiệp", "Các viện". */
const AFTER_CAC = new Set(
  'sở doanh viện cơ đơn hội trường địa tổ ngân ban bộ huyện xã ubnd ủy uỷ nhà phòng trung công hiệp tập chi đài báo'.split(' '),
);

type HeadRule = 'any' | 'proper' | 'cac';
/**
 * Words an agency cell starts with. `proper`: the next word must be a name ("Hội Công
 * nghệ…", not "Hội nghị"; "Ban Quản lý…", not "Ban hành") or a place word.
 */
const HEADS: [string, HeadRule][] = [
  ['sở', 'proper'], ['các', 'cac'], ['ubnd', 'any'], ['ủy ban', 'any'], ['uỷ ban', 'any'], ['hđnd', 'any'],
  ['ngân hàng', 'any'], ['ngân hành', 'any'], ['kho bạc', 'any'], ['công an', 'any'], ['bưu điện', 'any'],
  ['tỉnh đoàn', 'any'], ['tỉnh ủy', 'any'], ['tỉnh uỷ', 'any'], ['vnpt', 'any'], ['viettel', 'any'], ['bộ chỉ huy', 'any'],
  ['văn phòng', 'proper'], ['trung tâm', 'proper'], ['thanh tra', 'proper'], ['liên minh', 'proper'],
  ['liên đoàn', 'proper'], ['hiệp hội', 'proper'], ['hội đồng', 'proper'], ['hội', 'proper'], ['bộ', 'proper'],
  ['ban', 'proper'], ['báo', 'proper'], ['bảo hiểm', 'proper'], ['đài', 'proper'], ['chi cục', 'proper'],
  ['cục', 'proper'], ['viện', 'proper'], ['trường', 'proper'], ['cơ quan', 'proper'], ['công ty', 'proper'],
  ['tổng công ty', 'proper'], ['mặt trận', 'proper'], ['đoàn', 'proper'], ['quỹ', 'proper'], ['phòng', 'proper'],
];
/** Heads strong enough to open a new cell in mid-line with no punctuation before them ("…Đầu tư Các sở, ban…"). */
const STRONG = new Set(['sở', 'các', 'ngân hàng', 'ngân hành', 'ủy ban', 'uỷ ban', 'công an', 'trung tâm']);

/** HEADS by their first word, each split into words: a line start is checked against its own few heads only. */
const HEADS_BY_FIRST = new Map<string, { words: string[]; rule: HeadRule }[]>();
for (const [head, rule] of HEADS) {
  const words = head.split(' ');
  HEADS_BY_FIRST.set(words[0]!, [...(HEADS_BY_FIRST.get(words[0]!) ?? []), { words, rule }]);
}

/** The agency head starting `text` (capitalized, with a fitting next word), or null; the longest wins. */
function agencyHead(text: string): string | null {
  if (!/^\p{Lu}/u.test(text)) return null;
  const tokens = text.split(/\s+/, 5);
  const candidates = HEADS_BY_FIRST.get(bare(tokens[0]!));
  if (!candidates) return null;
  let best: string[] | null = null;
  for (const { words, rule } of candidates) {
    const n = words.length;
    if ((best && best.length >= n) || !words.every((w, k) => k === 0 || (tokens[k] !== undefined && bare(tokens[k]!) === w))) continue;
    const next = tokens[n];
    const nextBare = next === undefined ? '' : bare(next);
    const ok =
      rule === 'any' ? true : rule === 'cac' ? AFTER_CAC.has(nextBare) : next !== undefined && (/^\(?\p{Lu}/u.test(next) || PLACE.has(nextBare));
    if (ok) best = words;
  }
  return best ? best.join(' ') : null;
}

export function startsWithAgency(text: string): boolean {
  return agencyHead(text.trimStart()) !== null;
}

/** Index of the first word-start in `text` (after index 0) where `accept(head, before)` holds, or -1. */
function findHead(text: string, accept: (head: string, before: string) => boolean): number {
  const re = /\s+(?=\S)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index + m[0].length;
    const head = agencyHead(text.slice(at));
    if (head && accept(head, text.slice(0, m.index))) return at;
  }
  return -1;
}

/** Where a title gives way to the lead on the same line: an agency after a sentence end or a figure ("…của tỉnh. Sở…", "…đạt 90% Sở Y tế"). */
function titleEndAt(text: string): number {
  return findHead(text, (_h, before) => /[.;…%]$/.test(before));
}

/** Where a lead gives way to the support cell on the same line: a strong head after a plain word ("…Đầu tư Các sở…"). */
function leadEndAt(text: string): number {
  return findHead(text, (head, before) => STRONG.has(head) && !endsWithConnector(before));
}

// ---------------------------------------------------------------- time

/** A time cell: "2024", "2023-2025", "2023 - 2025", "Quý IV/2024", "Thường xuyên". */
const TIME = /(?<!\S)(?:(?:(?:Quý|Tháng)\s+[IVX\d]{1,4}\s*[/,-]?\s*)?(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?|Thường xuyên|Hằng năm|Hàng năm)(?!\S)/gu;
/** Words that make a following year part of the sentence ("năm 2023", "giai đoạn 2021-2025"). */
const YEAR_CONTEXT = new Set(['năm', 'đoạn', 'đến', 'từ', 'trước', 'sau', 'cuối', 'đầu', 'tháng', 'quý', 'kỳ', 'và', 'hết', 'trong', 'ngày', 'khóa', 'khoá']);

/**
 * First time token in `text` that stands as a cell: not led by "năm"/"giai đoạn"… (the
 * previous line's last word `before` counts at index 0) and followed by the end of the
 * line or a capital (the lead that comes next). A year inside a title ("năm 2023 trên
 * địa") is not one.
 */
export function findTime(text: string, before = ''): { index: number; length: number; token: string } | null {
  TIME.lastIndex = 0;
  for (let m = TIME.exec(text); m; m = TIME.exec(text)) {
    const prevWord = (text.slice(0, m.index).trim() || before.trim()).split(/\s+/).pop() ?? '';
    const after = text.slice(m.index + m[0].length).trimStart();
    if (YEAR_CONTEXT.has(prevWord.toLowerCase())) continue; // "năm 2023", but not "… số. 2024"
    if (after !== '' && !/^\p{Lu}/u.test(after)) continue;
    return { index: m.index, length: m[0].length, token: squash(m[0]) };
  }
  return null;
}

// ---------------------------------------------------------------- furniture

function headerWords(line: string): boolean {
  const words = fold(line).split(/[^a-z0-9]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => HEADER_WORDS.has(w));
}

/** A header line: only header words, or column phrases with at most two words the vocabulary lacks ("Đơn vị tính"). */
function headerLine(line: string, least: number): boolean {
  if (headerWords(line)) return true;
  const { columns, unknown } = readHeader(line);
  const known = columns.filter((c) => c !== 'other').length;
  const strange = unknown.join(' ').split(' ').filter(Boolean).length;
  return known >= least && strange <= 2 && rowStart(line) === null && groupRow(line) === null;
}

/** A short line of words the vocabulary lacks ("Căn cứ") between header lines: a column title to report, not a cell. */
function unknownColumnTitle(lines: string[], j: number, end: number): boolean {
  const line = lines[j]!.normalize('NFC');
  if (line.trim().split(/\s+/).length > 3 || rowStart(line) || groupRow(line) || startsWithAgency(line.trim())) return false;
  for (let k = j + 1; k < end; k++) {
    const next = lines[k]!.normalize('NFC');
    if (next.trim() !== '') return headerLine(next, 1);
  }
  return false;
}

/**
 * If a table header starts at `i` ("TT Nhiệm vụ" then its wrapped column titles), the
 * index just after it (trailing blanks included); else -1. PDF tables repeat it on every page.
 */
function headerEnd(lines: string[], i: number, end = lines.length): number {
  const first = lines[i]!.normalize('NFC');
  if (!/^s?tt(\s|$)/.test(fold(first.trim())) || !headerLine(first, 2)) return -1;
  let j = i + 1;
  while (j < end && (lines[j]!.trim() === '' || headerLine(lines[j]!.normalize('NFC'), 1) || unknownColumnTitle(lines, j, end))) j++;
  return j;
}

/** Text of the header that starts at `i` (for reading its columns). */
function headerText(lines: string[], i: number, end = lines.length): string {
  const stop = headerEnd(lines, i, end);
  return stop < 0 ? '' : squash(lines.slice(i, stop).join(' ').normalize('NFC'));
}

/** Column order after the number read from a header, and its words no column claims; null columns if no unit column is named. */
function columnsOf(header: string): { columns: CellColumn[] | null; unknown: string[]; fundingUnit: string | null } {
  const { columns, unknown, fundingUnit } = readHeader(header);
  if (!hasUnitColumn(columns)) return { columns: null, unknown, fundingUnit };
  return { columns: (columns.includes('title') ? columns : ['title', ...columns]) as CellColumn[], unknown, fundingUnit };
}

/** Page marks and running heads: "- 12 -", "Trang 3", "3/12", "UBND TỈNH THỪA THIÊN HUẾ" (no lowercase, 3+ words). */
function isFurniture(line: string): boolean {
  const t = line.trim();
  if (/^(?:[-–]\s*\d{1,3}\s*[-–]|Trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?|\d{1,3}\s*\/\s*\d{1,3})$/u.test(t)) return true;
  return !/\p{Ll}/u.test(t) && (t.match(/\p{Lu}/gu) ?? []).length >= 8 && t.split(/\s+/).length >= 3;
}

// ---------------------------------------------------------------- numbering

export interface RowStart {
  number: string;
  parts: number[];
  rest: string;
}

/** "1  ", "2  Triển khai…", "4.2 Xây dựng…", "12." → number and the text after it (which must start with a capital). */
function rowStart(line: string): RowStart | null {
  const m = /^\s*(\d{1,3}(?:\.\d{1,3}){0,3})\.?(?:\s+(\S.*?))?\s*$/u.exec(line);
  if (!m) return null;
  const rest = m[2] ?? '';
  if (rest !== '' && !/^[\p{Lu}"“(]/u.test(rest)) return null;
  return { number: m[1]!, parts: m[1]!.split('.').map(Number), rest };
}

/**
 * Whether `cand` can follow `prev`: a sibling or uncle a little further on (gaps and
 * duplicates happen in plans), a first child, or a restart at 1 after a group row.
 */
function plausibleNext(prev: number[] | null, cand: number[], restart: boolean): boolean {
  if (!prev) return true;
  if (restart && cand.every((n) => n === 1)) return true;
  const samePrefix = (k: number) => prev.slice(0, k).every((n, j) => cand[j] === n);
  if (cand.length === prev.length + 1 && samePrefix(prev.length) && cand[prev.length] === 1) return true;
  for (let k = 0; k < prev.length; k++) {
    if (cand.length === k + 1 && samePrefix(k) && cand[k]! >= prev[k]! && cand[k]! <= prev[k]! + 5) return true;
  }
  return false;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
function romanValue(s: string): number {
  let v = 0;
  for (let k = 0; k < s.length; k++) {
    const cur = ROMAN[s[k]!]!;
    const next = ROMAN[s[k + 1] ?? ''] ?? 0;
    v += cur < next ? -cur : cur;
  }
  return v;
}

export interface GroupRow {
  /** 0: lettered part ("A PHÁT TRIỂN…"), 1: Roman group ("XII Không gian…"). */
  level: number;
  value: number;
  text: string;
}

/** "I Nhận thức số    ", " XII Không gian…", "A PHÁT TRIỂN NỀN MÓNG…" → group row. */
function groupRow(line: string): GroupRow | null {
  const m = /^\s*([IVXL]{1,6}|[A-H])\.?\s+(\p{Lu}.*?)\s*$/u.exec(line);
  if (!m) return null;
  const code = m[1]!;
  const text = squash(line);
  if (/^[IVXL]+$/.test(code)) return { level: 1, value: romanValue(code), text };
  // A lettered part is written in capitals.
  return /\p{Ll}/u.test(m[2]!) ? null : { level: 0, value: code.charCodeAt(0) - 64, text };
}

// ---------------------------------------------------------------- row reader

interface CellRules {
  /** Columns after the number, left to right. */
  columns: CellColumn[];
  /** Stacked cells: a blank line ends a cell (unless the next line starts in lowercase). */
  blankCloses: boolean;
  /** PDF columns: single-line cells share one line, so a line holding 2+ pieces ends its last cell. */
  sharedLineCloses: boolean;
}

interface Row {
  number: string;
  parts: number[];
  line: number;
  cells: Record<CellColumn, string[]>;
  cur: number;
  /** 'soft': a layout hint (blank line, shared line) that a lowercase start overrides. */
  closed: false | 'soft' | 'hard';
  sawBlank: boolean;
  tail: string;
}

type Entry = { kind: 'group'; group: GroupRow } | { kind: 'row'; row: Row };

function newRow(start: RowStart, line: number): Row {
  const cells: Record<CellColumn, string[]> = { title: [], time: [], lead: [], support: [], leadSupport: [], monitor: [], output: [], funding: [], note: [], other: [] };
  return { number: start.number, parts: start.parts, line, cells, cur: 0, closed: false, sawBlank: false, tail: '' };
}

function nextTextColumn(cols: CellColumn[], cur: number): number {
  for (let j = cur + 1; j < cols.length; j++) if (cols[j] !== 'time') return j;
  for (let j = cols.length - 1; j >= 0; j--) if (cols[j] !== 'time') return j;
  return cur;
}

const laterAgencyColumn = (cols: CellColumn[], cur: number): number => cols.findIndex((c, j) => j > cur && AGENCY_COLUMNS.has(c));

/**
 * The column a closed cell gives way to. A piece that starts with an agency goes to the
 * next agency column (skipping free-text ones such as "Sản phẩm"); in the last agency
 * column it is the next unit of the same cell.
 */
function advance(row: Row, cols: CellColumn[], piece: string): void {
  if (startsWithAgency(piece)) {
    const next = laterAgencyColumn(cols, row.cur);
    if (next >= 0) {
      row.cur = next;
      return;
    }
    const cell = row.cells[cols[row.cur]!];
    if (AGENCY_COLUMNS.has(cols[row.cur]!) && cell.length) {
      // "Sở Tài chính" / "Sở Y tế" on two lines are two units, not one name.
      if (!/[;,]$/.test(cell[cell.length - 1]!)) cell[cell.length - 1] += ';';
      return;
    }
  }
  row.cur = nextTextColumn(cols, row.cur);
}

/** Feed one non-blank line of a row; returns how many cell pieces it held. */
function feedLine(row: Row, text: string, rules: CellRules): number {
  const cols = rules.columns;
  const timeIdx = cols.indexOf('time');
  const curText = () => row.cells[cols[row.cur]!];
  let rest = text.trim();
  if (/^\p{Ll}/u.test(rest) && row.closed === 'soft') row.closed = false;
  if (rules.blankCloses && row.sawBlank && !/^\p{Ll}/u.test(rest) && curText().length) row.closed ||= 'soft';
  row.sawBlank = false;
  // An agency at line start opens a new cell unless the line above left a phrase open.
  if (!row.closed && curText().length && startsWithAgency(rest) && !endsWithConnector(row.tail)) row.closed = 'hard';

  let pieces = 0;
  while (rest !== '') {
    const timeOpen = timeIdx >= 0 && row.cells.time.length === 0 && row.cur < timeIdx;
    const time = timeOpen ? findTime(rest, row.tail) : null;
    if (row.closed && curText().length && time?.index !== 0) {
      advance(row, cols, rest);
      row.closed = false;
    }
    const col = cols[row.cur]!;
    let cut = time ? time.index : -1;
    // Where this cell may give way to an agency cell on the same line.
    const agencyNext = laterAgencyColumn(cols, row.cur) >= 0;
    const cell = !agencyNext ? -1 : AGENCY_COLUMNS.has(col) ? leadEndAt(rest) : col !== 'time' ? titleEndAt(rest) : -1;
    const cellFirst = cell >= 0 && (cut < 0 || cell < cut);
    if (cellFirst) cut = cell;
    const before = (cut < 0 ? rest : rest.slice(0, cut)).trim();
    if (before) {
      row.cells[col].push(before);
      row.tail = before;
      pieces++;
    }
    if (cut < 0) break;
    if (cellFirst) {
      row.closed = 'hard';
      rest = rest.slice(cut).trim();
    } else {
      row.cells.time.push(time!.token);
      row.cur = timeIdx;
      row.closed = 'hard';
      row.tail = time!.token;
      pieces++;
      rest = rest.slice(cut + time!.length).trim();
    }
  }
  return pieces;
}

/**
 * A bare number is the funding cell ("500" under "Kinh phí (triệu đồng)"), not a page number,
 * in a stacked table when the cell before it is done and the funding column comes next.
 */
function isFundingFigure(row: Row, rules: CellRules): boolean {
  const cols = rules.columns;
  const funding = cols.indexOf('funding');
  return rules.blankCloses && row.sawBlank && funding >= 0 && row.cells.funding.length === 0 && nextTextColumn(cols, row.cur) === funding && row.cells[cols[row.cur]!].length > 0;
}

/** Index of the next non-blank, non-furniture line after `i`, or -1. */
function nextContent(lines: string[], i: number, end: number): number {
  for (let j = i + 1; j < end; j++) {
    const t = lines[j]!.normalize('NFC');
    if (t.trim() !== '' && !isFurniture(t)) return j;
  }
  return -1;
}

/** A bare number is a page number when what follows it is another row, a group row or a header, not a cell. */
function isPageNumber(lines: string[], i: number, end: number): boolean {
  const j = nextContent(lines, i, end);
  if (j < 0) return true;
  const next = lines[j]!.normalize('NFC');
  return rowStart(next) !== null || groupRow(next) !== null || headerEnd(lines, j, end) > 0;
}

/**
 * A flattened table in [start, end) read with `rules`: columns from its first header; null
 * when there is no header, no rows when the header names no unit column.
 */
export function readFlattened(layout: string, lines: string[], start: number, end: number, rules: Omit<CellRules, 'columns'>): LayoutReading | null {
  let header = -1;
  for (let j = start; j < end && header < 0; j++) if (headerEnd(lines, j, end) >= 0) header = j;
  if (header < 0) return null;
  const { columns, unknown, fundingUnit } = columnsOf(headerText(lines, header, end));
  if (!columns) return { layout, columns: [], rows: [], unplaced: unknown, fundingUnit };
  return { layout, columns, rows: readCellRows(lines, header, end, { ...rules, columns }), unplaced: unknown, fundingUnit };
}

/** Read rows between `start` and `end`: everything before the first table header (if any) is skipped. */
function readCellRows(lines: string[], start: number, end: number, rules: CellRules): RawTaskRow[] {
  const entries: Entry[] = [];
  let row: Row | null = null;
  let prev: number[] | null = null;
  let restart = true;
  let lastGroup = 0;
  let i = start;
  for (let j = start; j < end; j++) {
    if (headerEnd(lines, j, end) > 0) {
      i = j;
      break;
    }
  }
  for (; i < end; i++) {
    const text = lines[i]!.normalize('NFC');
    if (text.trim() === '') {
      if (row) row.sawBlank = true;
      continue;
    }
    const h = headerEnd(lines, i, end);
    if (h > 0) {
      i = h - 1;
      continue;
    }
    const group = groupRow(text);
    if (group && (group.level === 0 || group.value === 1 || (group.value > lastGroup && group.value <= lastGroup + 3))) {
      entries.push({ kind: 'group', group });
      if (group.level === 1) lastGroup = group.value;
      row = null;
      restart = true;
      continue;
    }
    const rs = rowStart(text);
    if (rs && plausibleNext(prev, rs.parts, restart) && (rs.rest !== '' || !isPageNumber(lines, i, end))) {
      row = newRow(rs, i + 1);
      entries.push({ kind: 'row', row });
      prev = rs.parts;
      restart = false;
      const pieces = 1 + (rs.rest === '' ? 0 : feedLine(row, rs.rest, rules));
      if (rules.sharedLineCloses && pieces >= 2) row.closed ||= 'soft';
      continue;
    }
    if (isFurniture(text) || (/^\s*\d{1,3}\s*$/.test(text) && !(row && isFundingFigure(row, rules)))) continue;
    if (!row) continue;
    const pieces = feedLine(row, text, rules);
    if (rules.sharedLineCloses && pieces >= 2) row.closed ||= 'soft';
  }
  return toRawRows(entries);
}

const isPrefix = (a: number[], b: number[]) => a.length < b.length && a.every((n, k) => b[k] === n);

/** Entries → rows with their sections; a numbered row whose next row is its child ("3" then "3.1") is a group. */
function toRawRows(entries: Entry[]): RawTaskRow[] {
  const out: RawTaskRow[] = [];
  const sections: { level: number; text: string; parts?: number[] }[] = [];
  entries.forEach((entry, k) => {
    if (entry.kind === 'group') {
      while (sections.length && sections[sections.length - 1]!.level >= entry.group.level) sections.pop();
      sections.push({ level: entry.group.level, text: entry.group.text });
      return;
    }
    const r = entry.row;
    while (sections.length) {
      const top = sections[sections.length - 1]!;
      if (!top.parts || isPrefix(top.parts, r.parts)) break;
      sections.pop();
    }
    const cell = (c: Column) => (c !== 'number' && r.cells[c].length ? squash(r.cells[c].join(' ')) : null);
    const next = entries[k + 1];
    if (next?.kind === 'row' && isPrefix(r.parts, next.row.parts)) {
      sections.push({ level: 1 + r.parts.length, text: squash(`${r.number} ${cell('title') ?? ''}`), parts: r.parts });
      return;
    }
    out.push(rawRow(r.number, sections.map((s) => s.text), r.line, cell));
  });
  return out;
}
