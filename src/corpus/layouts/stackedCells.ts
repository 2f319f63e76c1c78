/**
 * Appendix tables a PDF extraction wrote cell after cell (Bình Thuận Phụ lục 01/02):
 * number, title lines, lead lines, support lines, time, mostly with a blank line
 * between cells; a cell may also start on the line where the previous one ends
 * ("đổi số. Sở Kế hoạch và Đầu tư"). The header repeats on every page.
 */
import type { RawTaskRow } from '../types.js';
import { columnsOf, headerEnd, headerText, readCellRows, type Column } from './cellBreaks.js';
import type { Region } from './pdfColumns.js';
import { isAppendixHeading } from '../regions.js';
import { fold } from '../../text/fold.js';

/** Task tables: TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian. */
export const TASK_COLUMNS: Column[] = ['title', 'lead', 'support', 'time'];
/** Target tables: TT | Nội dung mục tiêu | Cơ quan chủ trì theo dõi, đôn đốc | Cơ quan thực hiện. */
export const TARGET_COLUMNS: Column[] = ['title', 'lead', 'support'];

/** The region under the heading "PHỤ LỤC <n>" (n = 1 matches "01"), up to the next "Phụ lục" heading; null if absent. */
export function findNumberedAppendix(lines: string[], n: number): Region | null {
  const start = lines.findIndex((l) => isAppendixHeading(l) && Number(/\d+/.exec(fold(l))?.[0]) === n);
  if (start < 0) return null;
  let end = start + 1;
  while (end < lines.length && !isAppendixHeading(lines[end]!)) end++;
  return { start, end };
}

export const findPhuLuc01 = (lines: string[]): Region | null => findNumberedAppendix(lines, 1);
export const findPhuLuc02 = (lines: string[]): Region | null => findNumberedAppendix(lines, 2);

/**
 * Rows of a stacked-cells table. Columns come from the table header ("Thời gian" present
 * → a time column); `columns` overrides them. Target tables give title = target text,
 * lead = monitoring agency, support = implementing agencies.
 */
export function parseStackedCells(lines: string[], start: number, end: number, columns?: Column[]): RawTaskRow[] {
  let cols = columns;
  for (let j = start; !cols && j < end; j++) {
    if (headerEnd(lines, j, end) >= 0) cols = columnsOf(headerText(lines, j, end)) ?? undefined;
  }
  return readCellRows(lines, start, end, { columns: cols ?? TASK_COLUMNS, blankCloses: true, sharedLineCloses: false });
}
