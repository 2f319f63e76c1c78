/**
 * Appendix tables a PDF extraction laid out column by column (Thừa Thiên Huế chuyển đổi
 * số 2024): cells that fit on one line share the row's line ("2  Triển khai … 2024 Sở
 * TTTT"), cells that wrap follow on their own lines, with blank lines between every
 * wrapped line (so blank lines mean nothing here). Columns come from the table's header.
 */
import { readFlattened } from './cellBreaks.js';
import type { Layout } from './layout.js';

export const pdfColumns: Layout = {
  name: 'pdf-columns',
  read: (lines, start, end) => readFlattened('pdf-columns', lines, start, end, { blankCloses: false, sharedLineCloses: true }),
};
