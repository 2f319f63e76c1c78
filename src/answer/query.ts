/** A question resolved against the conversation: what the handlers answer. */
import type { Agency, Corpus, Plan, Target, Task } from '../corpus/types.js';
import type { Catalog } from '../nlu/catalog.js';
import type { Intent } from '../nlu/intent.js';
import type { IndicatorConcept } from '../nlu/lexicon.js';
import type { Slot } from '../nlu/slots.js';
import type { SearchIndex } from '../search/index.js';
import type { Chart, Choice, Lang, SourceRef } from './types.js';

export interface Query {
  intent: Intent;
  lang: Lang;
  text: string;
  /** Candidate plans, best first. */
  plans: Plan[];
  /** The user (or the conversation) named the plan(s). */
  planNamed: boolean;
  /** A place the user named that no plan covers ("Hà Nội"). */
  unknownPlace: string | null;
  task: { number: string; part: string | null } | null;
  years: number[];
  /** The years come from the conversation, not this question. */
  yearsInherited: boolean;
  indicator: IndicatorConcept | null;
  agencies: string[];
  topic: string | null;
  /** The parts of a record asked for. */
  slots: Set<Slot>;
  /** The question's content words in runs, for retrieval. */
  runs: string[][];
}

export interface Env {
  corpus: Corpus;
  catalog: Catalog;
  index: SearchIndex;
  agencies: Map<string, Agency>;
  /** Each plan's targets for a lexicon indicator, by indicator id then plan id; filled as questions need them. */
  indicatorTargets: Map<string, Map<string, Target[]>>;
}

/** One plan's contribution to an answer. */
export interface PlanAnswer {
  plan: Plan;
  found: boolean;
  lines: string[];
  sources: SourceRef[];
}

export interface Answer {
  found: boolean;
  lines: string[];
  sources: SourceRef[];
  /** When set, the engine asks which plan instead of answering. */
  clarify?: { plans: Plan[] };
  choices?: Choice[];
  /** The task the answer is about, found by its words: it becomes the conversation's task. */
  task?: Task;
  chart?: Chart;
}

/** Combine per-plan answers: the plans that have the fact, or, when none does, why not. */
export function combine(q: Query, answers: PlanAnswer[], noneLine: () => string): Answer {
  const hits = answers.filter((a) => a.found);
  if (!hits.length) {
    if (answers.length === 1) return { found: false, lines: answers[0]!.lines, sources: [] };
    return { found: false, lines: [noneLine(), ...answers.map((a) => `• ${a.plan.shortName}: ${a.lines[0] ?? ''}`)], sources: [] };
  }
  if (hits.length > 3 && !q.planNamed) return { found: true, lines: [], sources: [], clarify: { plans: hits.map((h) => h.plan) } };
  if (hits.length === 1) return { found: true, lines: hits[0]!.lines, sources: hits[0]!.sources };
  return {
    found: true,
    lines: hits.flatMap((h) => [`• ${h.plan.shortName}:`, ...h.lines.map((l) => `  ${l}`)]),
    sources: hits.flatMap((h) => h.sources),
  };
}
