/**
 * Each intent's handler, as a table: adding an intent is one entry here (and its cues in the
 * NLU), and an intent without a handler does not compile. The rules only say which part of a
 * record is asked; questions in other words are answered from the records that match them.
 */
import type { Corpus, TargetGroup } from '../corpus/types.js';
import type { Understanding } from '../nlu/index.js';
import type { Intent } from '../nlu/intent.js';
import { CUES } from '../nlu/lexicon.js';
import { foldSpelt } from '../nlu/shorthand.js';
import type { Slot } from '../nlu/slots.js';
import { examples } from './examples.js';
import { answerPlanFact, answerPlanList } from './facts.js';
import { say, type MessageKey } from './messages.js';
import type { Answer, Env, Query } from './query.js';
import { answerFromRecords, coversQuestion } from './records.js';
import { answerAgencyTasks, answerTask } from './tasks.js';
import { answerCompare, answerMonitor, answerTarget, answerTargetsOfYear } from './targets.js';
import { answerTopic } from './topic.js';

/** Intents answered without the plans (greeting, help…): see canned.ts. */
const CANNED = ['greeting', 'help', 'thanks', 'out_of_scope'] as const;
export type CannedIntent = (typeof CANNED)[number];

export function isCanned(intent: Intent): intent is CannedIntent {
  return (CANNED as readonly string[]).includes(intent);
}

/** One question in its conversation, as a handler sees it. */
export interface Turn {
  q: Query;
  u: Understanding;
  env: Env;
  corpus: Corpus;
}

export type Handler = (t: Turn) => Answer;

function ask(q: Query, key: MessageKey & ('askTask' | 'askAgency' | 'askIndicator')): Answer {
  return { found: false, lines: [say(q.lang, key)], sources: [] };
}

/** A task question: by number, else the task whose words match. */
const task: Handler = ({ q, env }) => {
  if (q.task) return answerTask(q, env);
  return q.runs.length ? answerFromRecords(q, env, withTaskSlot(q.slots)) : ask(q, 'askTask');
};

const plan: Handler = ({ q }) => answerPlanFact(q);

/** The lead unless the question asks for partners or time. */
function withTaskSlot(slots: ReadonlySet<Slot>): Set<Slot> {
  const out = new Set(slots);
  if (!out.has('partners') && !out.has('time')) out.add('lead');
  return out;
}

/** Whether the question has content words besides the agencies' names ("Sở Tài chính … bố trí kinh phí"). */
function beyondAgency(q: Query, env: Env): boolean {
  const named = new Set(
    q.agencies.flatMap((id) => [env.agencies.get(id)?.name ?? '', ...(env.agencies.get(id)?.forms ?? [])]).flatMap((n) => foldSpelt(n).split(' ')),
  );
  return q.runs.some((run) => run.some((w) => !named.has(w) && !/^(so|nhiem|vu|tinh|thanh|pho)$/.test(w)));
}

/** "mục tiêu kinh tế số / xã hội số / chính quyền số": a whole group of targets, when that is all the words say. */
function groupNamed(topic: string | null): TargetGroup | null {
  const t = (topic ?? '')
    .replace(/\b(ve|phat trien|cac)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (/^kinh te so$|^digital economy$/.test(t)) return 'kinh-te-so';
  if (/^xa hoi so$|^digital society$/.test(t)) return 'xa-hoi-so';
  if (/^chinh quyen so$|^digital government$/.test(t)) return 'chinh-quyen-so';
  return null;
}

const targetValue: Handler = ({ q, u, env }) => {
  const figure = new Set<Slot>([...q.slots, 'value']);
  const content = (u.topic ?? '').trim().length > 0;
  if (!q.indicator && !content) return q.years.length || q.planNamed ? answerTargetsOfYear(q) : ask(q, 'askIndicator');
  // A year no candidate plan sets targets for ends the search: no passage stands in for it.
  if (!q.indicator && q.years.length && !q.yearsInherited && !q.plans.some((p) => p.targets.some((t) => q.years.includes(t.year)))) {
    return answerTargetsOfYear(q);
  }
  const group = groupNamed(q.topic);
  if (!q.indicator && group) return answerTargetsOfYear(q, group);
  const a = answerTarget(q, env);
  // The lexicon's indicator is only part of what was asked ("trường học có wifi miễn phí"): the records decide.
  if (a.found && !a.clarify && u.entities.indicator && !coversQuestion(q, env, a)) return answerFromRecords(q, env, q.slots.has('value') ? figure : q.slots);
  if (a.found) return a;
  // Words no target holds may still be in the plan's text (a count target, a task, a paragraph);
  // the lexicon's "not set" stands unless a record holds the question and a figure.
  if (q.indicator && q.lang === 'en') return a; // English coverage counts only the words the glossary maps: too thin to overrule the lexicon
  // "bám theo mục tiêu của quyết định nào?": target words, but no figure asked (nor an indicator or a target year named).
  // A one-year plan's own year names the plan ("KH KTS TT Huế 2024"), not a target year.
  const targetYears = q.years.filter((y) => !q.plans.every((p) => p.yearFrom === y && p.yearTo === y));
  const asksFigure = q.slots.has('value') || q.indicator !== null || q.plans.some((p) => p.targets.some((t) => targetYears.includes(t.year)));
  const records = answerFromRecords(q, env, asksFigure ? figure : q.slots);
  return records.found || !q.indicator ? records : a;
};

export const HANDLERS: { readonly [I in Exclude<Intent, CannedIntent>]: Handler } = {
  'task.lead': task,
  'task.support': task,
  'task.time': task,
  'task.note': task,
  'task.about': task,
  'agency.tasks': ({ q, u, env }) => {
    if (!q.agencies.length) return ask(q, 'askAgency');
    // "Sở Tài chính được giao bố trí kinh phí cho những việc gì?": words beyond the agency's name ask
    // what the plan says of it; the records answer that, the task list stays when they cannot.
    const asksTasks = q.slots.has('count') || /\b(nhiem vu|tasks?)\b/.test(u.folded);
    if (!u.about && !asksTasks && q.plans.some((p) => p.tasks.length) && beyondAgency(q, env)) {
      const records = answerFromRecords(q, env, q.slots);
      if (records.found) return records;
    }
    return answerAgencyTasks(q, env, u.about, !asksTasks);
  },
  'target.value': targetValue,
  'target.monitor': ({ q, env }) => answerMonitor(q, env),
  'target.compare': ({ q, env, corpus }) => answerCompare({ ...q, plans: q.planNamed && q.plans.length > 1 ? q.plans : corpus.plans }, env),
  // A plan named with other words ("kinh phí … lấy từ đâu?") asks what the plan says about them.
  'plan.info': (t) => (t.q.runs.length && !CUES.counts.test(t.u.folded) ? answerFromRecords(t.q, t.env, t.q.slots) : plan(t)),
  'plan.signer': plan,
  'plan.date': plan,
  'plan.number': plan,
  'plan.replaces': plan,
  'plan.deadline': plan,
  'plan.list': ({ q, corpus }) => answerPlanList(corpus, q),
  topic: ({ q, u, env, corpus }) => {
    // "and Binh Thuan?" after a topic: the topic in context.
    if (q.topic !== u.topic) return answerTopic(q, env);
    if (!q.runs.length && u.intent !== 'topic') {
      const [a = '', b = ''] = examples(corpus, q.lang);
      return { found: false, lines: [say(q.lang, 'notUnderstood'), say(q.lang, 'tryAsking', a, b)], sources: [] };
    }
    return answerFromRecords(q, env, q.slots);
  },
};
