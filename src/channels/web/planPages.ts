/** GET /plans and GET /plans/:id, drawn on the server: readable without JavaScript, linkable, printable. */
import { recordAnchor } from '../../corpus/anchors.js';
import type { Agency, Corpus, Plan, Target, Task } from '../../corpus/types.js';
import { html, type Html } from './html.js';
import { localHref, page } from './layout.js';
import { filterKey, filterWords, rowMatches } from './shared/filter.js';
import { figure, UI, type UiLang } from './shared/i18n.js';

export function plansIndex(corpus: Corpus, lang: UiLang): Html {
  const t = UI[lang];
  return page({
    lang,
    title: t.plansTitle,
    section: 'plans',
    here: '/plans',
    body: html`<h1>${t.plansTitle}</h1>
<ul class="plans-list">
${corpus.plans.map(
  (p) => html`<li><a href="${localHref(`/plans/${encodeURIComponent(p.id)}`, lang)}">${p.shortName}</a>${p.number ? ` · ${p.number}` : ''}
<br><span class="muted"><span lang="vi">${p.title}</span> · ${t.planCount(p.targets.length, p.tasks.length)}</span></li>`,
)}
</ul>`,
  });
}

export function planPage(corpus: Corpus, plan: Plan, lang: UiLang, query: string): Html {
  const t = UI[lang];
  const agencies = new Map(corpus.agencies.map((a) => [a.id, a]));
  const self = `/plans/${encodeURIComponent(plan.id)}`;
  return page({
    lang,
    title: plan.shortName,
    section: 'plans',
    here: self,
    scripts: ['plan'],
    // The plan's own words stay marked Vietnamese when the page around them is in English.
    body: html`<h1 lang="vi">${plan.title}</h1>
${facts(plan, lang)}
<nav class="toc" aria-label="${t.contents}"><ul>
<li><a href="#muc-tieu">${t.targets} (${plan.targets.length})</a></li>
<li><a href="#nhiem-vu">${t.tasks} (${plan.tasks.length})</a></li>
<li><a href="#toan-van">${t.fullText}</a></li>
</ul></nav>
<section id="muc-tieu" aria-labelledby="h-muc-tieu"><h2 id="h-muc-tieu">${t.targets}</h2>
${plan.targets.length ? targetsTable(plan, agencies, lang) : html`<p>${t.noTargets}</p>`}
</section>
<section id="nhiem-vu" aria-labelledby="h-nhiem-vu"><h2 id="h-nhiem-vu">${t.tasks}</h2>
${plan.tasks.length ? tasksTable(plan, agencies, lang, query, self) : html`<p>${t.noTasks}</p>`}
</section>
<section id="toan-van" class="fulltext" lang="vi" aria-labelledby="h-toan-van"><h2 id="h-toan-van" lang="${lang}">${t.fullText}</h2>
${fullText(plan)}
</section>`,
  });
}

function facts(plan: Plan, lang: UiLang): Html {
  const t = UI[lang];
  const rows: [string, string | null][] = [
    [t.plan, plan.shortName],
    [t.kind, plan.kind === 'kinh-te-so' ? t.kindKts : t.kindCds],
    [t.number, plan.number],
    [t.date, plan.date ? dateText(plan.date) : null],
    [t.issuer, plan.issuer],
    [t.signer, plan.signer ? `${plan.signer}${plan.signerTitle ? ` (${plan.signerTitle})` : ''}` : null],
    [t.period, `${plan.yearFrom}–${plan.yearTo}`],
    [t.replaces, plan.replaces],
    [t.deadlines, plan.deadlines.length ? plan.deadlines.map((d) => d.text).join('; ') : null],
    [t.file, plan.file],
  ];
  return html`<dl class="facts">${rows.filter(([, v]) => v).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

function dateText(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${y}`;
}

function agencyList(written: string[], ids: string[], agencies: Map<string, Agency>): Html {
  // The unit as the plan writes it; the full name as a tooltip when the plan abbreviates.
  return html`${written.map((w, i) => {
    const full = agencies.get(ids[i] ?? '')?.name;
    return html`${i ? '; ' : ''}${full && full !== w ? html`<abbr title="${full}">${w}</abbr>` : w}`;
  })}`;
}

function targetsTable(plan: Plan, agencies: Map<string, Agency>, lang: UiLang): Html {
  const t = UI[lang];
  return html`<div class="table-wrap" role="region" aria-labelledby="h-muc-tieu" tabindex="0"><table class="cards">
<thead><tr><th scope="col">${t.indicator}</th><th scope="col">${t.year}</th><th scope="col">${t.value}</th><th scope="col">${t.monitor}</th></tr></thead>
<tbody>
${plan.targets.map((x) => targetRow(x, agencies, lang))}
</tbody></table></div>`;
}

function targetRow(x: Target, agencies: Map<string, Agency>, lang: UiLang): Html {
  const t = UI[lang];
  const value = `${t.comparator[x.comparator] ?? ''} ${figure(x.value, x.unit, lang)}`.trim();
  return html`<tr id="${recordAnchor(x.planId, x.id)}"><th scope="row" lang="vi">${x.indicator}<span class="section-path">${x.text}</span></th>
<td class="num" data-label="${t.year}">${x.year}</td><td class="num" data-label="${t.value}">${value}${x.scope ? html`<br><span class="muted">${x.scope}</span>` : ''}</td>
<td data-label="${t.monitor}">${x.monitor.length ? agencyList(x.monitor, x.monitorIds, agencies) : '–'}</td></tr>
`;
}

/** The words a task row is found by: what it shows, and the full names of the units it abbreviates. */
export function taskKey(task: Task, agencies: Map<string, Agency>): string {
  const names = [...task.leadIds, ...task.supportIds].map((id) => agencies.get(id)?.name ?? '');
  return filterKey([task.number, ...task.section, task.title, ...task.lead, ...task.support, ...names, task.time ?? '', task.note ?? ''].join(' '));
}

function tasksTable(plan: Plan, agencies: Map<string, Agency>, lang: UiLang, query: string, self: string): Html {
  const t = UI[lang];
  const words = filterWords(query);
  const rows = plan.tasks.map((task) => {
    const key = taskKey(task, agencies);
    return { task, key, shown: rowMatches(key, words) };
  });
  const shown = rows.filter((r) => r.shown).length;
  return html`<form class="filter" role="search" method="get" action="${self}#nhiem-vu">
<label for="task-filter">${t.filter}</label>
${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<input type="search" id="task-filter" name="q" value="${query}" autocomplete="off" aria-describedby="filter-status">
<button type="submit">${t.filterButton}</button>
</form>
<p id="filter-status" class="status" role="status" data-total="${plan.tasks.length}" data-lang="${lang}">${t.shown(shown, plan.tasks.length)}</p>
<div class="table-wrap" role="region" aria-labelledby="h-nhiem-vu" tabindex="0"><table id="tasks" class="cards">
<thead><tr><th scope="col">${t.taskNo}</th><th scope="col">${t.taskTitle}</th><th scope="col">${t.lead}</th><th scope="col">${t.support}</th><th scope="col">${t.time}</th><th scope="col">${t.note}</th></tr></thead>
<tbody>
${rows.map(
  ({ task, key, shown: visible }) => html`<tr id="${recordAnchor(task.planId, task.id)}" data-key="${key}"${visible ? '' : html` hidden`}>
<td class="num" data-label="${t.taskNo}">${task.number}</td>
<th scope="row" lang="vi">${task.title}${task.section.length ? html`<span class="section-path">${[task.part, ...task.section].filter(Boolean).join(' › ')}</span>` : ''}</th>
<td data-label="${t.lead}">${agencyList(task.lead, task.leadIds, agencies)}</td>
<td data-label="${t.support}">${task.support.length ? agencyList(task.support, task.supportIds, agencies) : '–'}</td>
<td class="num" data-label="${t.time}">${task.time ?? '–'}</td>
<td data-label="${t.note}">${task.note ?? ''}</td></tr>
`,
)}
</tbody></table></div>`;
}

/** Passages in order; a heading is written where the path changes. */
function fullText(plan: Plan): Html {
  let last: string[] = [];
  const out: Html[] = [];
  for (const p of plan.passages) {
    let same = 0;
    while (same < p.path.length && same < last.length && p.path[same] === last[same]) same += 1;
    for (let depth = same; depth < p.path.length; depth += 1) {
      const level = Math.min(depth + 3, 6);
      out.push(html`<p class="path" role="heading" aria-level="${level}">${p.path[depth]}</p>`);
    }
    last = p.path;
    out.push(html`<p id="${recordAnchor(p.planId, p.id)}">${p.text}</p>`);
  }
  return html`${out}`;
}
