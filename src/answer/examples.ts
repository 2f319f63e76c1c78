/**
 * Example questions made from the loaded plans — a task, an agency, a target, a plan fact, a
 * topic — so help texts and suggestions name what this corpus holds, whatever corpus it is.
 * Candidates of each kind, best first; the web page keeps those the engine answers.
 */
import type { Corpus } from '../corpus/types.js';
import { INDICATORS } from '../nlu/lexicon.js';
import type { Lang } from './types.js';

export interface ExampleKind {
  kind: 'task' | 'agency' | 'target' | 'compare' | 'signer' | 'plans';
  candidates: string[];
}

const MADE = new WeakMap<Corpus, Record<Lang, ExampleKind[]>>();

export function exampleCandidates(corpus: Corpus, lang: Lang): ExampleKind[] {
  let made = MADE.get(corpus);
  if (!made) MADE.set(corpus, (made = { vi: make(corpus, 'vi'), en: make(corpus, 'en') }));
  return made[lang];
}

/** The first candidate of each kind: examples that need no checking. */
export function examples(corpus: Corpus, lang: Lang): string[] {
  return exampleCandidates(corpus, lang)
    .map((k) => k.candidates[0])
    .filter((q): q is string => q !== undefined);
}

function make(corpus: Corpus, lang: Lang): ExampleKind[] {
  const en = lang === 'en';
  const plans = corpus.plans;
  const out: ExampleKind[] = [];
  const withTasks = plans.find((p) => p.tasks.some((t) => t.lead.length));
  const task = withTasks?.tasks.find((t) => t.lead.length);
  if (withTasks && task) {
    out.push({
      kind: 'task',
      candidates: [en ? `Who leads task ${task.number} in ${withTasks.shortName}?` : `Ai chủ trì nhiệm vụ ${task.number} kế hoạch ${withTasks.shortName}?`],
    });
  }
  const leads = new Map<string, number>();
  for (const t of plans.flatMap((p) => p.tasks)) for (const id of t.leadIds) leads.set(id, (leads.get(id) ?? 0) + 1);
  const agencies = new Map(corpus.agencies.map((a) => [a.id, a]));
  const busiest = [...leads]
    .sort((a, b) => b[1] - a[1])
    .map(([id]) => agencies.get(id))
    .filter((a) => a && !a.group)
    .slice(0, 3);
  out.push({ kind: 'agency', candidates: busiest.map((a) => (en ? `Which tasks does ${a!.name} lead?` : `${a!.name} chủ trì những nhiệm vụ nào?`)) });
  const withTargets = plans.find((p) => p.targets.length);
  if (withTargets) {
    out.push({
      kind: 'target',
      candidates: INDICATORS.map((c) =>
        en
          ? `What is the ${c.en} target for ${withTargets.yearTo} in ${withTargets.shortName}?`
          : `Mục tiêu ${c.vi} năm ${withTargets.yearTo} của ${withTargets.shortName}?`,
      ),
    });
  }
  out.push({
    kind: 'compare',
    candidates: INDICATORS.map((c) => (en ? `Compare ${c.en} targets across provinces` : `So sánh mục tiêu ${c.vi} giữa các tỉnh`)),
  });
  const numbered = plans.find((p) => p.number && p.signer);
  if (numbered) out.push({ kind: 'signer', candidates: [en ? `Who signed plan ${numbered.number}?` : `Ai ký kế hoạch ${numbered.number}?`] });
  out.push({ kind: 'plans', candidates: [en ? 'Which plans are there?' : 'Có những kế hoạch nào?'] });
  return out;
}
