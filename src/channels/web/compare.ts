/**
 * GET /compare?indicator=…[&year=…]: any lexicon indicator compared across the plans, the
 * engine's own comparison answer (as the chat gives for "So sánh mục tiêu … giữa các tỉnh"),
 * drawn as SVG on the server.
 */
import type { Answerer, Reply } from '../../answer/types.js';
import { INDICATORS, type IndicatorConcept } from '../../nlu/lexicon.js';
import { html, trusted, type Html } from './html.js';
import { localHref, page } from './layout.js';
import { chartSvg } from './shared/chartSvg.js';
import { figure, UI, type UiLang } from './shared/i18n.js';

export interface CompareQuery {
  indicator?: string;
  year?: string;
}

export function indicatorOf(id: string | undefined): IndicatorConcept | undefined {
  return INDICATORS.find((c) => c.id === id);
}

export function yearOf(raw: string | undefined): number | null {
  return raw && /^(19|20)\d\d$/.test(raw) ? Number(raw) : null;
}

export function compareReply(answerer: Answerer, c: IndicatorConcept, year: number | null, lang: UiLang): Reply | null {
  return answerer.compare?.(c.id, year ? [year] : [], lang) ?? null;
}

export function comparePage(answerer: Answerer, query: CompareQuery, lang: UiLang): { status: number; body: Html } {
  const t = UI[lang];
  const c = indicatorOf(query.indicator);
  const year = yearOf(query.year);
  const asked = query.indicator !== undefined && query.indicator !== '';
  const reply = c ? compareReply(answerer, c, year, lang) : null;
  const here = c ? `/compare?indicator=${encodeURIComponent(c.id)}${year ? `&year=${year}` : ''}` : '/compare';
  const body = html`<h1>${t.compareTitle}</h1>
<form class="compare-form" method="get" action="/compare">
${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<div><label for="indicator">${t.compareIndicator}</label>
<select id="indicator" name="indicator">
${INDICATORS.map((x) => html`<option value="${x.id}"${x.id === c?.id ? html` selected` : ''}>${lang === 'en' ? x.en : x.vi}</option>`)}
</select></div>
<div><label for="year">${t.compareYear}</label>
<input type="number" id="year" name="year" min="2000" max="2100" value="${year ?? ''}"></div>
<div><button type="submit">${t.compareShow}</button></div>
</form>
${asked && !c ? html`<p role="alert">${t.compareUnknown}</p>` : ''}
${reply ? result(reply, lang) : ''}`;
  return { status: asked && !c ? 400 : 200, body: page({ lang, title: t.compareTitle, section: 'compare', here, body }) };
}

function result(reply: Reply, lang: UiLang): Html {
  const t = UI[lang];
  const chart = reply.chart;
  if (!chart || !chart.bars.length) return html`<p>${reply.found ? reply.reply : t.compareNone}</p>`;
  return html`<figure class="chart-box">
${trusted(chartSvg(chart, lang, 'compare-chart'))}
</figure>
<div class="table-wrap" role="region" aria-label="${chart.title}" tabindex="0"><table>
<caption>${chart.title}</caption>
<thead><tr><th scope="col">${t.plan}</th><th scope="col">${t.year}</th><th scope="col">${t.value}</th><th scope="col">${t.place}</th></tr></thead>
<tbody>
${chart.bars.map((b, i) => {
  const source = reply.sources.find((s) => s.plan === b.plan && s.anchor === b.anchor) ?? reply.sources[i];
  return html`<tr><th scope="row">${b.label}${b.scope ? ` (${b.scope})` : ''}</th><td>${b.year}</td><td>${figure(b.value, b.unit, lang)}</td>
<td><a href="${localHref(`/plans/${encodeURIComponent(b.plan)}`, lang, `#${b.anchor}`)}">${source?.ref ?? b.label}</a></td></tr>`;
})}
</tbody></table></div>`;
}
