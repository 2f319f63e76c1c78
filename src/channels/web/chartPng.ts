/** A chart as a PNG (for Telegram photos), rasterized by resvg from the same SVG the pages show. */
import { Resvg } from '@resvg/resvg-js';
import type { Chart } from '../../answer/types.js';
import { chartSvg } from './shared/chartSvg.js';
import type { UiLang } from './shared/i18n.js';

/** Twice the SVG's width: sharp on phones. */
const PNG_WIDTH = 960;

export function chartPng(chart: Chart, lang: UiLang): Buffer {
  const svg = chartSvg(chart, lang);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: PNG_WIDTH },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
