/**
 * Appendix tables a PDF extraction wrote cell after cell (Bình Thuận Phụ lục 01/02):
 * number, title lines, lead lines, support lines, time, mostly with a blank line
 * between cells; a cell may also start on the line where the previous one ends
 * ("đổi số. Sở Kế hoạch và Đầu tư"). The header repeats on every page; columns come from it.
 */
import { readFlattened } from './cellBreaks.js';
import type { Layout } from './layout.js';

export const stackedCells: Layout = {
  name: 'stacked-cells',
  read: (lines, start, end) => readFlattened('stacked-cells', lines, start, end, { blankCloses: true, sharedLineCloses: false }),
};
