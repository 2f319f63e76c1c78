/**
 * Appendix tables exported with tab-separated cells (Word → text): one row a line,
 * `<b>` group rows, and cells that wrap onto following lines whose first cell is empty.
 */
import { squash, stripMarkup } from '../normalize.js';
import type { RawTaskRow } from '../types.js';
import { columnOfCell, hasUnitColumn, rawRow, readHeader, type Column } from './columns.js';
import type { Layout } from './layout.js';

export const tabbed: Layout = {
  name: 'tabbed',
  read(lines, start, end) {
    const header = findTabbedHeader(lines, start, end);
    if (header < 0) return null;
    const columns = headerColumns(lines[header]!);
    return {
      layout: 'tabbed',
      columns: columns.filter((c): c is Column => c !== null && c !== 'number'),
      rows: parseTabbed(lines, header, end),
      unplaced: unplacedTabbedColumns(lines, header),
      fundingUnit: readHeader(lines[header]!).fundingUnit,
    };
  },
};

/** Each header cell's column; a titled cell the vocabulary lacks is `other` (its cells kept out of records), an empty one null. */
function headerColumns(header: string): (Column | null)[] {
  return header.split('\t').map((c) => {
    const text = stripMarkup(c);
    return columnOfCell(text) ?? (text ? 'other' : null);
  });
}

/** Index of the header row ("TT\tNhiệm vụ…\tChủ trì…") in [from, end), or -1. */
function findTabbedHeader(lines: string[], from = 0, end = lines.length): number {
  for (let i = from; i < end; i++) {
    const cells = lines[i]!.split('\t');
    if (cells.length < 3 || columnOfCell(stripMarkup(cells[0]!)) !== 'number') continue;
    if (hasUnitColumn(cells.map((c) => columnOfCell(stripMarkup(c))).filter((c): c is Column => c !== null))) return i;
  }
  return -1;
}

/** The header's cells that name no column (or several), as written: reported, their cells dropped. */
function unplacedTabbedColumns(lines: string[], header: number): string[] {
  return lines[header]!.split('\t')
    .map((c) => stripMarkup(c))
    .filter((c) => c !== '' && columnOfCell(c) === null);
}

const GROUP_CODE = /^([A-Z]|[IVX]+(?:\.\d+)?)(?:\s|$)/;

function groupLevel(code: string): number {
  if (/^[A-Z]$/.test(code) && !/^[IVX]$/.test(code)) return 0;
  return code.includes('.') ? 2 : 1;
}

/** Parse rows after the header at `header` until `end`. */
function parseTabbed(lines: string[], header: number, end = lines.length): RawTaskRow[] {
  const columns = headerColumns(lines[header]!);
  const rows: RawTaskRow[] = [];
  const sections: { level: number; text: string }[] = [];
  let current: { number: string; section: string[]; line: number; pieces: Map<Column, string[]> } | null = null;

  const finish = () => {
    if (!current) return;
    const { pieces } = current;
    rows.push(rawRow(current.number, current.section, current.line, (c) => (pieces.get(c)?.length ? squash(pieces.get(c)!.join(' ')) : null)));
    current = null;
  };

  for (let i = header + 1; i < end; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    if (!raw.includes('\t')) break;
    const cells = raw.split('\t').map((c) => stripMarkup(c));
    const first = cells[0] ?? '';
    if (/<b>/i.test(raw.split('\t')[0] ?? '')) {
      finish();
      const text = squash([first, ...cells.slice(1)].filter(Boolean).join(' '));
      const code = GROUP_CODE.exec(first)?.[1] ?? first;
      const level = groupLevel(code);
      while (sections.length && sections[sections.length - 1]!.level >= level) sections.pop();
      sections.push({ level, text });
      continue;
    }
    const number = /^(\d+(?:\.\d+)*)\.?$/.exec(first)?.[1];
    if (number) {
      finish();
      current = { number, section: sections.map((s) => s.text), line: i + 1, pieces: new Map() };
    }
    if (!current) continue;
    // A row and its wrapped continuation lines add to the same cells, column by column.
    cells.forEach((c, k) => {
      const col = columns[k];
      if (col && col !== 'number' && c) current!.pieces.set(col, [...(current!.pieces.get(col) ?? []), c]);
    });
  }
  finish();
  return rows;
}
