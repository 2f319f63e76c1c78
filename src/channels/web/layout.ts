/** The frame every page shares: language, skip link, navigation, stylesheet, scripts. */
import { html, type Html, type Part } from './html.js';
import { UI, type UiLang } from './shared/i18n.js';

export type Section = 'chat' | 'plans' | 'compare';

export interface PageOptions {
  lang: UiLang;
  title: string;
  section: Section;
  /** Path and query of this page without `lang`, for the language switch. */
  here: string;
  body: Part;
  /** Page modules under /static/channels/web/client/. */
  scripts?: string[];
  /** A compact frame for embedding in a portal: only the language switch above the page. */
  embed?: boolean;
}

/** A link to one of our pages in the given language (Vietnamese needs no parameter). */
export function localHref(path: string, lang: UiLang, hash = ''): string {
  if (lang === 'vi') return `${path}${hash}`;
  return `${path}${path.includes('?') ? '&' : '?'}lang=en${hash}`;
}

export function page(o: PageOptions): Html {
  const t = UI[o.lang];
  const nav: [Section, string, string][] = [
    ['chat', '/', t.navChat],
    ['plans', '/plans', t.navPlans],
    ['compare', '/compare', t.navCompare],
  ];
  const other = UI[o.lang].switchLang as UiLang;
  return html`<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} · ${t.siteName}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/web.css">
${(o.scripts ?? []).map((s) => html`<script type="module" src="/static/channels/web/client/${s}.js"></script>\n`)}
</head>
<body class="${o.embed ? 'embed' : ''}">
<a class="skip" href="#main">${t.skip}</a>
<header class="top">
${o.embed ? '' : html`<p class="brand"><a href="${localHref('/', o.lang)}">${t.siteName}</a></p>`}
<nav aria-label="${t.siteName}"><ul>
${o.embed ? '' : nav.map(([key, href, label]) => html`<li><a href="${localHref(href, o.lang)}"${key === o.section ? html` aria-current="page"` : ''}>${label}</a></li>`)}
<li><a href="${localHref(o.here, other)}" hreflang="${other}" lang="${other}" aria-label="${t.switchLabel}" data-lang-switch>${t.switchTo}</a></li>
</ul></nav>
</header>
<main id="main" tabindex="-1">
${o.body}
</main>
</body>
</html>
`;
}
