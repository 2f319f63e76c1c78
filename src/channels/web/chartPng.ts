/**
 * A chart as a PNG (for Telegram photos), rasterized by resvg from the same SVG the pages show.
 * The native module loads on the first chart, not at start-up.
 */
import type { Chart } from '../../answer/types.js';
import { CHART_WIDTH, chartSvg } from './shared/chartSvg.js';
import type { UiLang } from './shared/i18n.js';

/** Twice the SVG's width: sharp on phones. */
export const PNG_SCALE = 2;

let resvgModule: Promise<typeof import('@resvg/resvg-js')> | null = null;

export async function chartPng(chart: Chart, lang: UiLang): Promise<Buffer> {
  resvgModule ??= import('@resvg/resvg-js');
  const { Resvg } = await resvgModule;
  const resvg = new Resvg(chartSvg(chart, lang), {
    fitTo: { mode: 'width', value: PNG_SCALE * CHART_WIDTH },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
