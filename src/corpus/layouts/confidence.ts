/**
 * How far to trust a layout's reading of a table: each row is checked for what any task
 * or target table promises (a title that is not an agency, unit cells that name units, a
 * time cell shaped like a time), and the share of checks passed is the confidence. The
 * failed checks of the reading that wins are reported, so a misread cell is never silent.
 */
import { isGroup, splitUnits, startsUnit } from '../agencies.js';
import type { RawTaskRow } from '../types.js';
import { findTime, startsWithAgency } from './cellBreaks.js';
import { COLUMN_LABEL } from './columns.js';
import type { LayoutReading } from './layout.js';

export interface Judgement {
  /** 0..1: share of row checks passed (0 for a table with no rows). */
  confidence: number;
  /** What failed, per row, in Vietnamese for the corpus report. */
  issues: { line: number; message: string }[];
}

/** Whether a written unit reads as an agency or a collective ("Sở Y tế", "các sở, ban, ngành", "HueIOC"), not a document or a date. */
export function looksLikeUnit(unit: string): boolean {
  return startsUnit(unit) || startsWithAgency(unit) || isGroup(unit) || /^\p{Lu}[\p{L}\d&-]*$/u.test(unit);
}

export function judge(reading: LayoutReading): Judgement {
  const issues: Judgement['issues'] = [];
  let passed = 0;
  let checks = 0;
  const check = (ok: boolean, weight: number, row: RawTaskRow, message: string) => {
    checks += weight;
    if (ok) passed += weight;
    else issues.push({ line: row.line, message: `dòng ${row.number}: ${message}` });
  };
  const units = (row: RawTaskRow, cell: string | null, what: string) => {
    for (const u of splitUnits(cell)) check(looksLikeUnit(u), 1, row, `${what} "${u}" không giống tên đơn vị`);
  };
  const timed = reading.columns.includes('time');
  for (const row of reading.rows) {
    check(row.title !== '' && !startsWithAgency(row.title), 1, row, row.title ? `nội dung "${row.title.slice(0, 40)}" bắt đầu bằng tên đơn vị` : 'không có nội dung');
    const who = row.monitor ?? row.lead;
    check(who !== null, 1, row, 'không có đơn vị chủ trì');
    units(row, row.lead, 'đơn vị chủ trì');
    units(row, row.monitor, 'đơn vị theo dõi');
    units(row, row.support, 'đơn vị phối hợp');
    for (const [cell, what] of [[row.output, 'sản phẩm'], [row.funding, 'kinh phí']] as const) {
      if (cell) check(!startsWithAgency(cell), 1, row, `${what} "${cell.slice(0, 40)}" là tên đơn vị`);
    }
    if (timed && row.time) check(findTime(row.time) !== null, 1, row, `thời gian "${row.time}" không giống mốc thời gian`);
  }
  // A column the header names but no row fills was not placed: its text went into another column.
  for (const column of reading.columns) {
    if (column === 'note' || column === 'number' || !reading.rows.length) continue;
    const key = column === 'leadSupport' ? 'lead' : column;
    if (reading.rows.some((r) => r[key])) continue;
    checks += reading.rows.length / 2;
    issues.push({ line: reading.rows[0]!.line, message: `cột "${COLUMN_LABEL[column]}" trống ở mọi dòng` });
  }
  return { confidence: checks ? passed / checks : 0, issues };
}
