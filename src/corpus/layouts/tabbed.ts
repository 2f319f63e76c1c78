/**
 * Appendix tables exported with tab-separated cells (Word → text): one row a line,
 * `<b>` group rows, and cells that wrap onto following lines whose first cell is empty.
 */
import { fold } from '../../text/fold.js';
import { squash, stripMarkup } from '../normalize.js';
import type { RawTaskRow } from '../types.js';

type Column = 'number' | 'title' | 'lead' | 'support' | 'time' | 'note';

function columnOf(header: string): Column | null {
  const f = fold(header);
  if (/^s?tt$/.test(f)) return 'number';
  if (/chu tri/.test(f)) return 'lead';
  if (/phoi hop/.test(f)) return 'support';
  if (/thoi gian|nam trien khai/.test(f)) return 'time';
  if (/ghi chu/.test(f)) return 'note';
  if (/nhiem vu|giai phap|noi dung/.test(f)) return 'title';
  return null;
}

/** Index of the header row ("TT\tNhiệm vụ…\tChủ trì…") at or after `from`, or -1. */
export function findTabbedHeader(lines: string[], from = 0): number {
  for (let i = from; i < lines.length; i++) {
    const cells = lines[i]!.split('\t');
    if (cells.length >= 3 && columnOf(cells[0]!) === 'number' && cells.some((c) => columnOf(c) === 'lead')) return i;
  }
  return -1;
}

const GROUP_CODE = /^([A-Z]|[IVX]+(?:\.\d+)?)(?:\s|$)/;

function groupLevel(code: string): number {
  if (/^[A-Z]$/.test(code) && !/^[IVX]$/.test(code)) return 0;
  return code.includes('.') ? 2 : 1;
}

/** Parse rows after the header at `header` until `end`. */
export function parseTabbed(lines: string[], header: number, end = lines.length): RawTaskRow[] {
  const columns = lines[header]!.split('\t').map(columnOf);
  const rows: RawTaskRow[] = [];
  const sections: { level: number; text: string }[] = [];
  let current: (RawTaskRow & { pieces: Record<Column, string[]> }) | null = null;

  const finish = () => {
    if (!current) return;
    const cell = (c: Column) => (current!.pieces[c].length ? squash(current!.pieces[c].join(' ')) : null);
    rows.push({
      number: current.number,
      section: current.section,
      title: cell('title') ?? '',
      lead: cell('lead'),
      support: cell('support'),
      time: cell('time'),
      note: cell('note'),
      line: current.line,
    });
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
      current = {
        number,
        section: sections.map((s) => s.text),
        title: '',
        lead: null,
        support: null,
        time: null,
        note: null,
        line: i + 1,
        pieces: { number: [], title: [], lead: [], support: [], time: [], note: [] },
      };
    }
    if (!current) continue;
    // A row and its wrapped continuation lines add to the same cells, column by column.
    cells.forEach((c, k) => {
      const col = columns[k];
      if (col && col !== 'number' && c) current!.pieces[col].push(c);
    });
  }
  finish();
  return rows;
}
