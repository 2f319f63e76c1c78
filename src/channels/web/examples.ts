/**
 * Example questions for the chat page, made from the loaded plans (a task, an agency, a target, a
 * comparison, a signer) and kept only when the engine answers them: a new corpus gets its own.
 */
import type { Answerer } from '../../answer/types.js';
import type { Corpus } from '../../corpus/types.js';
import { INDICATORS } from '../../nlu/lexicon.js';
import type { UiLang } from './shared/i18n.js';

const MADE = new WeakMap<Corpus, Record<UiLang, string[]>>();

export function exampleQuestions(corpus: Corpus, answerer: Answerer, lang: UiLang): string[] {
  let made = MADE.get(corpus);
  if (!made) MADE.set(corpus, (made = { vi: make(corpus, answerer, 'vi'), en: make(corpus, answerer, 'en') }));
  return made[lang];
}

type Check = (q: string) => boolean;

function make(corpus: Corpus, answerer: Answerer, lang: UiLang): string[] {
  let n = 0;
  // A fresh chat per try: one example's plan must not carry over to the next.
  const reply = (q: string) => answerer.ask(`web-examples:${lang}:${n++}`, q);
  const found: Check = (q) => reply(q).found;
  const charted: Check = (q) => new Set(reply(q).chart?.bars.map((b) => b.plan)).size > 1;
  const en = lang === 'en';
  const plans = corpus.plans;
  const candidates: [string, Check][][] = [];

  const withTasks = plans.find((p) => p.tasks.some((t) => t.lead.length));
  const task = withTasks?.tasks.find((t) => t.lead.length);
  if (withTasks && task) {
    candidates.push([[en ? `Who leads task ${task.number} in ${withTasks.shortName}?` : `Ai chủ trì nhiệm vụ ${task.number} kế hoạch ${withTasks.shortName}?`, found]]);
  }
  const leads = new Map<string, number>();
  for (const t of plans.flatMap((p) => p.tasks)) for (const id of t.leadIds) leads.set(id, (leads.get(id) ?? 0) + 1);
  const agencies = new Map(corpus.agencies.map((a) => [a.id, a]));
  const busiest = [...leads].sort((a, b) => b[1] - a[1]).map(([id]) => agencies.get(id)).filter((a) => a && !a.group).slice(0, 3);
  candidates.push(busiest.map((a) => [en ? `Which tasks does ${a!.name} lead?` : `${a!.name} chủ trì những nhiệm vụ nào?`, found]));
  const withTargets = plans.find((p) => p.targets.length);
  if (withTargets) {
    candidates.push(
      INDICATORS.map((c) => [
        en ? `What is the ${c.en} target for ${withTargets.yearTo} in ${withTargets.shortName}?` : `Mục tiêu ${c.vi} năm ${withTargets.yearTo} của ${withTargets.shortName}?`,
        found,
      ]),
    );
  }
  candidates.push(INDICATORS.map((c) => [en ? `Compare ${c.en} targets across provinces` : `So sánh mục tiêu ${c.vi} giữa các tỉnh`, charted]));
  const numbered = plans.find((p) => p.number && p.signer);
  if (numbered) candidates.push([[en ? `Who signed plan ${numbered.number}?` : `Ai ký kế hoạch ${numbered.number}?`, found]]);
  candidates.push([[en ? 'Which plans are there?' : 'Có những kế hoạch nào?', found]]);
  // The first candidate of each kind that the engine answers.
  return candidates.map((kind) => kind.find(([q, ok]) => ok(q))?.[0]).filter((q): q is string => q !== undefined);
}
