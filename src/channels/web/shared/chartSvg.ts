/**
 * A comparison drawn as a horizontal bar chart in SVG: one bar per plan and year, the value
 * written at its end and the plan named above it. Pure string building (every text escaped),
 * so the server draws it into pages and PNGs and the browser into chat answers.
 * Presentation attributes only (no style attributes): the pages' CSP forbids inline styles.
 */
import type { Chart } from '../../../answer/types.js';
import { escapeMarkup as esc } from './escape.js';
import { figure, UI, type UiLang } from './i18n.js';

/** Narrow, so the text stays legible when a phone shrinks the chart to its width. */
export const CHART_WIDTH = 380;
/** Where the bars start. */
export const BAR_X = 12;
const WIDTH = CHART_WIDTH;
const PAD = BAR_X;
const TITLE_LINE = 19;
const ROW_H = 44;
const BAR_H = 18;
const VALUE_SPACE = 60;
/** Characters that fit across the chart: labels at 13 px, the bold title at 14 px. */
const LABEL_MAX = 46;
const TITLE_MAX = 40;
export const BAR_COLOR = '#1d4ed8';
const FONT = 'DejaVu Sans, Noto Sans, Arial, Helvetica, sans-serif';

function clip(text: string): string {
  return text.length <= LABEL_MAX ? text : `${text.slice(0, LABEL_MAX - 1)}…`;
}

/** Words into lines of at most TITLE_MAX characters (the title would run off the chart). */
function wrap(text: string): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= TITLE_MAX) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export function chartSvg(chart: Chart, lang: UiLang, id = 'chart'): string {
  const title = wrap(chart.title);
  const titleH = PAD + title.length * TITLE_LINE;
  const height = titleH + chart.bars.length * ROW_H + PAD;
  const allPercent = chart.bars.every((b) => b.unit === '%');
  const max = Math.max(allPercent ? 100 : 0, ...chart.bars.map((b) => b.value)) || 1;
  const span = WIDTH - 2 * PAD - VALUE_SPACE;
  const rows = chart.bars.map((b, i) => {
    const y = titleH + i * ROW_H;
    const w = Math.max(2, Math.round((b.value / max) * span));
    const label = [b.label, String(b.year), b.scope].filter(Boolean).join(' · ');
    const value = figure(b.value, b.unit, lang);
    return (
      `<g class="bar-row" data-plan="${esc(b.plan)}" data-year="${b.year}">` +
      `<title>${esc(`${label}: ${value}`)}</title>` +
      `<text x="${PAD + 4}" y="${y + 14}" font-size="13" fill="#111827">${esc(clip(label))}</text>` +
      `<rect class="bar" x="${PAD}" y="${y + 20}" width="${w}" height="${BAR_H}" fill="${BAR_COLOR}"/>` +
      `<text x="${PAD + w + 6}" y="${y + 34}" font-size="13" font-weight="bold" fill="#111827">${esc(value)}</text>` +
      `</g>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" ` +
    `role="img" aria-labelledby="${esc(id)}-t ${esc(id)}-d" font-family="${FONT}">` +
    `<title id="${esc(id)}-t">${esc(chart.title)}</title>` +
    `<desc id="${esc(id)}-d">${esc(UI[lang].chartDesc(chart.bars.length))}</desc>` +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>` +
    title.map((line, i) => `<text x="${PAD}" y="${PAD + 14 + i * TITLE_LINE}" font-size="14" font-weight="bold" fill="#111827">${esc(line)}</text>`).join('') +
    rows.join('') +
    `<line x1="${PAD}" y1="${titleH}" x2="${PAD}" y2="${height - PAD}" stroke="#4b5563" stroke-width="1"/>` +
    `</svg>`
  );
}
