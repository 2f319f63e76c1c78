/** What every appendix layout gives back, so the registry can compare their readings. */
import type { RawTaskRow } from '../types.js';
import type { Column } from './columns.js';

export interface LayoutReading {
  /** The layout's name ("tabbed", "pdf-columns", "stacked-cells"). */
  layout: string;
  /** Columns after the row number, as read from the table's header. */
  columns: Column[];
  rows: RawTaskRow[];
  /** Header cells or words that no column of the vocabulary claims, as written (folded for flattened headers). */
  unplaced: string[];
  /** The unit of a funding column's bare figures, from its header ("triệu đồng"), else null. */
  fundingUnit: string | null;
}

export interface Layout {
  name: string;
  /** The table in [start, end) read this layout's way; null when the layout does not apply (no header it knows). */
  read(lines: string[], start: number, end: number): LayoutReading | null;
}
