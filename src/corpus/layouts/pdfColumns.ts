/**
 * Appendix tables a PDF extraction laid out column by column (Thừa Thiên Huế chuyển đổi
 * số 2024): cells that fit on one line share the row's line ("2  Triển khai … 2024 Sở
 * TTTT"), cells that wrap follow on their own lines, with blank lines between every
 * wrapped line (so blank lines mean nothing here).
 */
import type { RawTaskRow } from '../types.js';
import { isAppendixHeading } from '../regions.js';
import { columnsOf, headerEnd, headerText, readCellRows, type Column } from './cellBreaks.js';

export interface Region {
  /** 0-based index of the "Phụ lục" line. */
  start: number;
  /** Exclusive end: the next "Phụ lục" heading or the end of the file. */
  end: number;
}

function nextHeading(lines: string[], from: number): number {
  for (let j = from; j < lines.length; j++) if (isAppendixHeading(lines[j]!)) return j;
  return lines.length;
}

/** Columns of the Huế table when its header cannot be read. */
const DEFAULT_COLUMNS: Column[] = ['title', 'time', 'lead', 'note'];

/**
 * The first "Phụ lục" heading at or after `from` followed (within 15 lines) by a table
 * header ("STT Tên nhiệm vụ") whose first row number is set off by two spaces ("1  "),
 * the mark of this extraction; null when the file has no such table.
 */
export function findPdfColumnsAppendix(lines: string[], from = 0): Region | null {
  for (let i = from; i < lines.length; i++) {
    if (!isAppendixHeading(lines[i]!)) continue;
    const end = nextHeading(lines, i + 1);
    for (let j = i + 1; j < Math.min(end, i + 16); j++) {
      const h = headerEnd(lines, j, end);
      if (h < 0 || lines[j]!.includes('\t')) continue;
      const firstRow = lines.slice(h, end).find((l) => /^\s*\d{1,3}(?:\s{2,}|\s*$)/.test(l) && l.trim() !== '');
      if (firstRow && /^\s*\d{1,3}\s{2,}/.test(firstRow)) return { start: i, end };
    }
  }
  return null;
}

/** Rows of a PDF-columns table between `start` and `end` (columns read from its header). */
export function parsePdfColumns(lines: string[], start: number, end: number): RawTaskRow[] {
  let columns = DEFAULT_COLUMNS;
  for (let j = start; j < end; j++) {
    if (headerEnd(lines, j, end) < 0) continue;
    columns = columnsOf(headerText(lines, j, end)) ?? DEFAULT_COLUMNS;
    break;
  }
  return readCellRows(lines, start, end, { columns, blankCloses: false, sharedLineCloses: true });
}
