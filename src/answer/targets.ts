/** Answers about targets: a value by indicator and year, who monitors it, and comparisons across plans. */
import type { Plan, Target, TargetGroup } from '../corpus/types.js';
import type { IndicatorConcept } from '../nlu/lexicon.js';
import { foldWords } from '../text/fold.js';
import { compareChart } from './chart.js';
import { AgencyNamer, placeWhere, planNames, source } from './format.js';
import { wordPairs } from './pairs.js';
import { combine, type Answer, type Env, type PlanAnswer, type Query } from './query.js';

function matches(t: Target, c: IndicatorConcept, env: Env): boolean {
  const text = env.index.doc(t.id)!.folded;
  return c.target.some((p) => (p === '#unit-gdp' ? /GR?DP/.test(t.unit) : text.includes(p)));
}

/**
 * A plan's targets for a lexicon indicator, worked out once per plan and indicator: a
 * comparison across every plan then reads a list per plan instead of every target's text.
 */
function indicatorTargets(plan: Plan, c: IndicatorConcept, env: Env): Target[] {
  let byPlan = env.indicatorTargets.get(c.id);
  if (!byPlan) env.indicatorTargets.set(c.id, (byPlan = new Map()));
  let ts = byPlan.get(plan.id);
  if (!ts) byPlan.set(plan.id, (ts = plan.targets.filter((t) => matches(t, c, env))));
  return ts;
}

function indicatorName(q: Query): string {
  if (!q.indicator) return q.lang === 'en' ? 'this indicator' : 'chỉ tiêu này';
  return q.lang === 'en' ? q.indicator.en : q.indicator.vi;
}

/** Targets the query points at in one plan; without a lexicon concept, its words must be in the target. */
function targetsFor(plan: Plan, q: Query, env: Env): Target[] {
  if (q.indicator) return indicatorTargets(plan, q.indicator, env);
  const pairs = wordPairs(q.topic ?? '');
  if (!pairs.length) return [];
  let best: [number, Target] | null = null;
  for (const t of plan.targets) {
    const folded = env.index.doc(t.id)!.folded;
    const share = pairs.filter((p) => folded.includes(` ${p} `)).length / pairs.length;
    if (share >= 0.6 && (!best || share > best[0])) best = [share, t];
  }
  if (!best) return [];
  // The same indicator in the plan's other years.
  const key = foldWords(best[1].indicator);
  return plan.targets.filter((t) => foldWords(t.indicator) === key);
}

/** The bullet as written, its list punctuation replaced by a full stop. */
export function targetText(t: Target): string {
  return `${t.text.replace(/[;,.\s]+$/, '')}.`;
}

function line(t: Target, q: Query): string {
  const scope = t.scope ? ` [${t.scope}]` : '';
  return q.lang === 'en' ? `${t.year}: ${targetText(t)}${scope}` : `Năm ${t.year}: ${targetText(t)}${scope}`;
}

function years(ts: Target[]): number[] {
  return [...new Set(ts.map((t) => t.year))].sort();
}

export function answerTarget(q: Query, env: Env): Answer {
  const en = q.lang === 'en';
  const answers: PlanAnswer[] = q.plans.map((plan) => {
    const all = targetsFor(plan, q, env);
    if (!all.length) {
      return {
        plan,
        found: false,
        lines: [en ? `${plan.shortName} sets no target for ${indicatorName(q)}.` : `${plan.shortName} không đặt mục tiêu về ${indicatorName(q)}.`],
        sources: [],
      };
    }
    let wanted = q.years.length ? all.filter((t) => q.years.includes(t.year)) : all;
    // A year carried over from the conversation does not bind a plan that lacks it.
    if (!wanted.length && q.yearsInherited) wanted = all;
    if (!wanted.length) {
      const have = years(all).join(', ');
      return {
        plan,
        found: false,
        lines: [
          en
            ? `${plan.shortName} sets no ${q.years.join(', ')} target for ${indicatorName(q)}; it sets targets for ${have}.`
            : `${plan.shortName} không đặt mục tiêu năm ${q.years.join(', ')} cho ${indicatorName(q)}; kế hoạch chỉ đặt mục tiêu cho năm ${have}.`,
        ],
        sources: [],
      };
    }
    return { plan, found: true, lines: wanted.map((t) => line(t, q)), sources: wanted.map((t) => source(plan, placeWhere(t.place, q.lang), t.id)) };
  });
  return combine(q, answers, () =>
    en
      ? `None of these plans sets a target for ${indicatorName(q)}${q.years.length ? ` in ${q.years.join(', ')}` : ''}.`
      : `Không kế hoạch nào đặt mục tiêu ${q.years.length ? `năm ${q.years.join(', ')} ` : ''}về ${indicatorName(q)}.`,
  );
}

export function answerMonitor(q: Query, env: Env): Answer {
  const en = q.lang === 'en';
  const namer = new AgencyNamer(env.agencies, q.lang);
  if (!q.indicator && q.agencies.length) return monitoredBy(q, env);
  const withMonitors = q.plans.filter((p) => p.targets.some((t) => t.monitor.length));
  const plans = q.planNamed ? q.plans : withMonitors;
  const answers: PlanAnswer[] = plans.map((plan) => {
    const ts = targetsFor(plan, q, env).filter((t) => (q.years.length ? q.years.includes(t.year) : true));
    const monitored = ts.filter((t) => t.monitor.length);
    if (!monitored.length) {
      const why = plan.targets.some((t) => t.monitor.length)
        ? en
          ? `${plan.shortName} assigns no monitoring agency for ${indicatorName(q)}.`
          : `${plan.shortName} không phân công cơ quan theo dõi ${q.indicator ? `chỉ tiêu ${q.indicator.vi}` : 'chỉ tiêu này'}.`
        : en
          ? `${plan.shortName} has no appendix assigning who monitors its targets.`
          : `${plan.shortName} không có phụ lục phân công theo dõi các chỉ tiêu.`;
      return { plan, found: false, lines: [why], sources: [] };
    }
    const lines = monitored.flatMap((t) => [
      en ? `Target (${t.year}): ${targetText(t)}` : `Chỉ tiêu (năm ${t.year}): ${targetText(t)}`,
      `${en ? 'Monitoring agency' : 'Cơ quan chủ trì theo dõi, đôn đốc'}: ${namer.list(t.monitor, t.monitorIds)}.`,
      ...(t.implementers.length ? [`${en ? 'Implemented by' : 'Cơ quan thực hiện'}: ${t.implementers.join('; ')}.`] : []),
    ]);
    return { plan, found: true, lines, sources: monitored.map((t) => source(plan, `${monitorAppendix(t, q)}, ${placeWhere(t.place, q.lang)}`, t.id)) };
  });
  if (!answers.length) {
    return {
      found: false,
      lines: [en ? 'None of the plans has an appendix assigning who monitors its targets.' : 'Không kế hoạch nào có phụ lục phân công theo dõi chỉ tiêu.'],
      sources: [],
    };
  }
  return combine(q, answers, () =>
    en ? `No plan assigns who monitors ${indicatorName(q)}.` : `Không kế hoạch nào phân công theo dõi chỉ tiêu ${indicatorName(q)}.`,
  );
}

export function answerCompare(q: Query, env: Env): Answer {
  const en = q.lang === 'en';
  const rows: { plan: Plan; t: Target }[] = [];
  for (const plan of q.plans) {
    for (const t of targetsFor(plan, q, env)) if (!q.years.length || q.years.includes(t.year)) rows.push({ plan, t });
  }
  if (!rows.length) {
    return {
      found: false,
      lines: [
        en
          ? `No plan sets a target for ${indicatorName(q)}${q.years.length ? ` in ${q.years.join(', ')}` : ''}.`
          : `Không kế hoạch nào đặt mục tiêu ${q.years.length ? `năm ${q.years.join(', ')} ` : ''}về ${indicatorName(q)}.`,
      ],
      sources: [],
    };
  }
  rows.sort((a, b) => a.t.year - b.t.year || b.t.value - a.t.value);
  const head = en
    ? `Targets for ${indicatorName(q)}${q.years.length ? ` in ${q.years.join(', ')}` : ''}:`
    : `Mục tiêu ${indicatorName(q)}${q.years.length ? ` năm ${q.years.join(', ')}` : ''} theo từng kế hoạch:`;
  if (rows.length > COMPARE_ROWS) return compareGrouped(head, rows, q);
  return {
    found: true,
    lines: [head, ...rows.map(({ plan, t }) => `- ${plan.shortName} (${t.year}): ${targetText(t)}`)],
    sources: rows.map(({ plan, t }) => source(plan, placeWhere(t.place, q.lang), t.id)),
    chart: compareChart(head, rows),
  };
}

/** Up to this many rows a comparison lists plan by plan; beyond, plans setting the same target share a line. */
const COMPARE_ROWS = 12;

/** A comparison across many plans (a province-wide corpus): one line per distinct target, the plans named and cited up to a cap. */
function compareGrouped(head: string, rows: { plan: Plan; t: Target }[], q: Query): Answer {
  const groups = new Map<string, { t: Target; rows: { plan: Plan; t: Target }[] }>();
  for (const row of rows) {
    const key = `${row.t.year}\u0000${targetText(row.t)}`;
    const g = groups.get(key);
    if (g) g.rows.push(row);
    else groups.set(key, { t: row.t, rows: [row] });
  }
  const shown = [...groups.values()];
  return {
    found: true,
    lines: [
      head,
      ...shown.map(
        (g) =>
          `- ${q.lang === 'en' ? '' : 'Năm '}${g.t.year}: ${targetText(g.t)} — ${planNames(
            g.rows.map((r) => r.plan),
            q.lang,
            PLAN_NAMES_SHOWN,
          )}`,
      ),
    ],
    sources: shown.flatMap((g) => g.rows.slice(0, PLAN_NAMES_SHOWN).map(({ plan, t }) => source(plan, placeWhere(t.place, q.lang), t.id))),
  };
}

/** Plans named (and cited) per line of a grouped comparison. */
const PLAN_NAMES_SHOWN = 5;

/** "Huế có mục tiêu gì năm 2030?": every target a plan sets for the years asked (all years if none), of one group if given. */
export function answerTargetsOfYear(q: Query, group: TargetGroup | null = null): Answer {
  const en = q.lang === 'en';
  const answers: PlanAnswer[] = q.plans.map((plan) => {
    const ts = plan.targets.filter((t) => (!q.years.length || q.years.includes(t.year)) && (!group || t.group === group));
    if (!ts.length) {
      const have = years(plan.targets).join(', ') || (en ? 'none' : 'không có');
      return {
        plan,
        found: false,
        lines: [
          en
            ? `${plan.shortName} sets no ${q.years.join(', ')} targets (target years: ${have}).`
            : `${plan.shortName} không đặt mục tiêu năm ${q.years.join(', ')} (các năm có mục tiêu: ${have}).`,
        ],
        sources: [],
      };
    }
    return {
      plan,
      found: true,
      lines: ts.map((t) => line(t, q)),
      sources: [...new Set(ts.map((t) => placeWhere(t.place, q.lang)))].map((w) => source(plan, w)),
    };
  });
  return combine(q, answers, () =>
    en ? `None of these plans sets targets for ${q.years.join(', ')}.` : `Không kế hoạch nào đặt mục tiêu cho năm ${q.years.join(', ')}.`,
  );
}

/** "Sở TTTT theo dõi những chỉ tiêu nào?": the targets an agency is charged with monitoring. */
/** The appendix that assigns a target's monitor, by its own name ("Phụ lục 01", "Phụ lục I"). */
function monitorAppendix(t: Target, q: Query): string {
  const name = t.monitorPlace?.path[0] ?? 'Phụ lục';
  return q.lang === 'en' ? name.replace('Phụ lục', 'Appendix') : name;
}

function monitoredBy(q: Query, env: Env): Answer {
  const en = q.lang === 'en';
  const id = q.agencies[0]!;
  const agency = env.agencies.get(id);
  const answers: PlanAnswer[] = q.plans.map((plan) => {
    const ts = plan.targets.filter((t) => t.monitorIds.includes(id));
    if (!ts.length) {
      return {
        plan,
        found: false,
        lines: [
          en
            ? `${plan.shortName} charges ${agency?.name ?? 'this agency'} with monitoring no target.`
            : `${plan.shortName} không giao ${agency?.name ?? 'cơ quan này'} theo dõi chỉ tiêu nào.`,
        ],
        sources: [],
      };
    }
    return {
      plan,
      found: true,
      lines: [
        en ? `${agency?.name} monitors ${ts.length} target(s):` : `${agency?.name} chủ trì theo dõi, đôn đốc ${ts.length} chỉ tiêu:`,
        ...ts.map((t) => `- ${line(t, q)}`),
      ],
      sources: [source(plan, monitorAppendix(ts[0]!, q))],
    };
  });
  return combine(q, answers, () => (en ? 'No plan assigns it targets to monitor.' : 'Không kế hoạch nào giao cơ quan này theo dõi chỉ tiêu.'));
}
