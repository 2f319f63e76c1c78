/**
 * Each appendix is read by the layout that fits it: tab-separated rows, PDF columns
 * (one cell per line run), or stacked cells. A table of who monitors which target
 * is told apart from a task table by its heading.
 */
import { fold } from '../text/fold.js';
import { joinPieces, stripMarkup } from './normalize.js';
import type { RawTaskRow } from './types.js';
import { findTabbedHeader, parseTabbed } from './layouts/tabbed.js';
import { findPdfColumnsAppendix, parsePdfColumns } from './layouts/pdfColumns.js';
import { parseStackedCells, TARGET_COLUMNS } from './layouts/stackedCells.js';

export interface Appendix {
  kind: 'tasks' | 'monitors';
  /** The heading lines under "PHỤ LỤC", joined. */
  heading: string;
  /** Year named in the heading ("… ĐẾN NĂM 2025"), for monitor tables. */
  year: number | null;
  rows: RawTaskRow[];
  /** 0-based index of the "PHỤ LỤC" line. */
  start: number;
  /** "Phụ lục", "Phụ lục 02": how citations name it. */
  name: string;
}

function headingOf(lines: string[], start: number, end: number): string {
  const pieces: string[] = [];
  for (let i = start + 1; i < end && pieces.length < 3; i++) {
    const s = stripMarkup(lines[i]!);
    if (s === '') continue;
    if (/^\(?Kèm theo/u.test(s) || s.includes('\t') || /^S?TT\b/u.test(s)) break;
    pieces.push(s);
  }
  return joinPieces(pieces);
}

export function readAppendix(lines: string[], start: number, end: number): Appendix {
  const heading = headingOf(lines, start, end);
  const f = fold(heading);
  const kind = /muc tieu/.test(f) && /theo doi|don doc/.test(f) ? 'monitors' : 'tasks';
  const year = /nam (\d{4})/.exec(f)?.[1];
  let rows: RawTaskRow[];
  const tabbed = findTabbedHeader(lines, start);
  const pdf = findPdfColumnsAppendix(lines, start);
  if (tabbed >= 0 && tabbed < end) rows = parseTabbed(lines, tabbed, end);
  else if (pdf && pdf.start === start) rows = parsePdfColumns(lines, pdf.start, Math.min(pdf.end, end));
  else rows = parseStackedCells(lines, start, end, kind === 'monitors' ? TARGET_COLUMNS : undefined);
  const number = /phu luc\s+(\d+)/.exec(fold(stripMarkup(lines[start]!)))?.[1];
  return { kind, heading, year: year ? Number(year) : null, rows, start, name: number ? `Phụ lục ${number}` : 'Phụ lục' };
}
