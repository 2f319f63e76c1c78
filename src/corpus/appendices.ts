/**
 * Each appendix is read by every registered layout; the reading with the highest
 * confidence wins (registry order breaks ties). What the winner could not place — header
 * words outside the column vocabulary, cells that do not look like what their column
 * holds, a low confidence, no rows at all — comes back as anomalies named after the
 * appendix, so a table the parser cannot read is reported, not guessed.
 */
import { fold } from '../text/fold.js';
import { joinPieces, stripMarkup } from './normalize.js';
import type { Anomaly, AppendixInfo, RawTaskRow } from './types.js';
import { judge, type Judgement } from './layouts/confidence.js';
import type { Column } from './layouts/columns.js';
import type { Layout, LayoutReading } from './layouts/layout.js';
import { pdfColumns } from './layouts/pdfColumns.js';
import { stackedCells } from './layouts/stackedCells.js';
import { tabbed } from './layouts/tabbed.js';

/** Every layout an appendix may be written in; a new layout is one entry here. */
const LAYOUTS: readonly Layout[] = [tabbed, pdfColumns, stackedCells];

/** Below this share of passed row checks a reading is reported as doubtful. */
const LOW_CONFIDENCE = 0.8;

/** An appendix as read: what the plan records about it (AppendixInfo) plus its rows and anomalies. */
export interface Appendix extends Omit<AppendixInfo, 'rows' | 'line' | 'columns'> {
  /** Year named in the heading ("… ĐẾN NĂM 2025"), for monitor tables. */
  year: number | null;
  rows: RawTaskRow[];
  /** Columns the winning layout read from the header. */
  columns: Column[];
  /** 0-based index of the "PHỤ LỤC" line. */
  start: number;
  anomalies: Anomaly[];
}

function headingOf(lines: string[], start: number, end: number): string {
  const pieces: string[] = [];
  for (let i = start + 1; i < end && pieces.length < 3; i++) {
    const s = stripMarkup(lines[i]!);
    if (s === '') continue;
    if (/^\(?Kèm theo/u.test(s) || lines[i]!.includes('\t') || /^S?TT\b/u.test(s)) break;
    pieces.push(s);
  }
  return joinPieces(pieces);
}

/** "PHỤ LỤC 02:" → "Phụ lục 02", "Phụ lục III" → "Phụ lục III", "**PHỤ LỤC**" → "Phụ lục". */
function appendixName(line: string): string {
  const code = /^phụ lục\s+(\d{1,2}|[ivx]{1,4})\s*[:.]?$/iu.exec(stripMarkup(line).normalize('NFC'))?.[1];
  return code ? `Phụ lục ${code.toUpperCase()}` : 'Phụ lục';
}

type Judged = { reading: LayoutReading } & Judgement;

/**
 * The best reading of the table in [start, end): highest confidence, a reading with rows
 * before one without, registry order on ties. A reading with full confidence cannot be
 * beaten by a later layout, so the rest are not tried.
 */
function bestReading(lines: string[], start: number, end: number): Judged | null {
  let top: Judged | null = null;
  const score = (j: Judged) => (j.reading.rows.length ? j.confidence : -1);
  for (const layout of LAYOUTS) {
    const reading = layout.read(lines, start, end);
    if (!reading) continue;
    const judged = { reading, ...judge(reading) };
    if (!top || score(judged) > score(top)) top = judged;
    if (score(top) === 1) break;
  }
  return top;
}

/** "5.000" under "Kinh phí (triệu đồng)" → "5.000 triệu đồng": the figure keeps its unit. */
function withFundingUnit(row: RawTaskRow, unit: string | null): RawTaskRow {
  return unit && row.funding && /^[\d.,\s]+$/.test(row.funding) ? { ...row, funding: `${row.funding.trim()} ${unit}` } : row;
}

export function readAppendix(lines: string[], start: number, end: number): Appendix {
  const heading = headingOf(lines, start, end);
  const f = fold(heading);
  const year = /nam (\d{4})/.exec(f)?.[1];
  const name = appendixName(lines[start]!);
  const won = bestReading(lines, start, end);
  const reading = won?.reading ?? null;
  const monitors = (/muc tieu/.test(f) && /theo doi|don doc/.test(f)) || !!reading?.columns.includes('monitor');
  const label = `${name}${heading ? ` (${heading.length > 60 ? `${heading.slice(0, 60)}…` : heading})` : ''}`;
  const anomalies: Anomaly[] = [];
  if (!reading || !reading.rows.length) {
    const why = !reading ? 'không thấy dòng tiêu đề cột (TT, Nhiệm vụ, Chủ trì…)' : reading.columns.length ? 'không có dòng nào' : 'tiêu đề cột không nêu đơn vị chủ trì';
    anomalies.push({ kind: 'unread-table', message: `${label}: không đọc được bảng — ${why}`, line: start + 1 });
  } else {
    const example = reading.rows.find((r) => r.other)?.other;
    for (const u of reading.unplaced) {
      const seen = example && reading.unplaced.length === 1 ? ` (vd. "${example.length > 40 ? `${example.slice(0, 40)}…` : example}")` : '';
      anomalies.push({ kind: 'unknown-column', message: `${name}: cột "${u}" không rõ nghĩa${seen}, bỏ qua`, line: start + 1 });
    }
    if (won!.confidence < LOW_CONFIDENCE) {
      anomalies.push({
        kind: 'low-confidence',
        message: `${name}: đọc bảng không chắc chắn (kiểu ${reading.layout}, tin cậy ${won!.confidence.toFixed(2)})`,
        line: start + 1,
      });
    }
    for (const i of won!.issues) anomalies.push({ kind: 'odd-cell', message: `${name}: ${i.message}`, line: i.line });
  }
  return {
    kind: monitors ? 'monitors' : 'tasks',
    heading,
    year: year ? Number(year) : null,
    rows: (reading?.rows ?? []).map((r) => withFundingUnit(r, reading!.fundingUnit)),
    columns: reading?.columns ?? [],
    start,
    name,
    layout: reading?.rows.length ? reading.layout : null,
    confidence: won?.confidence ?? 0,
    anomalies,
  };
}
