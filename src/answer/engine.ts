/**
 * The answering service: understand the message, merge it with the chat's context,
 * resolve plans, answer from the records, cite, and remember what was talked about.
 */
import type { Agency, Corpus, Plan } from '../corpus/types.js';
import { lexiconAgencies } from '../corpus/agencies.js';
import { buildCatalog } from '../nlu/catalog.js';
import { understand, type Understanding } from '../nlu/index.js';
import { TASK_INTENTS, type Intent } from '../nlu/intent.js';
import { foldSpelt } from '../nlu/shorthand.js';
import { contentRuns } from '../nlu/terms.js';
import { INDICATORS } from '../nlu/lexicon.js';
import { SearchIndex } from '../search/index.js';
import { EMPTY_CONTEXT, MemoryContextStore, type ChatContext, type ContextStore } from './context.js';
import { planNames, sourceLine } from './format.js';
import { choosePlans, PlanLookup } from './plans.js';
import type { Answer, Env, Query } from './query.js';
import { HANDLERS, isCanned } from './intents.js';
import { say } from './messages.js';
import type { Slot } from '../nlu/slots.js';
import { cannedReply } from './canned.js';
import type { Answerer, Lang, PlanSummary, Reply } from './types.js';

export interface EngineOptions {
  store?: ContextStore;
  index?: SearchIndex;
  now?: () => number;
  /** Keep replies per (question, context) and reuse them (default true); off to time the real work. */
  rememberReplies?: boolean;
}

const TARGET_INTENTS: Intent[] = ['target.value', 'target.monitor', 'target.compare'];
const PLAN_FACTS: Intent[] = ['plan.signer', 'plan.date', 'plan.number', 'plan.replaces'];

/**
 * A question is read up to this many words: enough for any question people ask, and a pasted page
 * (2,000 characters of "Sở Sở Sở …") costs what a question costs.
 */
const MAX_QUESTION_WORDS = 60;

function firstWords(text: string, max: number): string {
  let at = -1;
  for (let n = 0; n < max; n++) {
    at = text.indexOf(' ', at + 1);
    if (at < 0) return text;
  }
  return text.slice(0, at);
}

/** Distinct (question, context) pairs whose replies are kept; the oldest goes first. */
const REPLY_CACHE_SIZE = 5000;

const CONTEXT_KEYS = new WeakMap<ChatContext, string>();

/** Everything in a chat's context that a reply can depend on, worked out once per context object. */
function contextKey(ctx: ChatContext): string {
  let key = CONTEXT_KEYS.get(ctx);
  if (key === undefined) {
    key = [ctx.planIds.join(','), ctx.intent, ctx.task?.number, ctx.task?.part, ctx.indicator, ctx.year, ctx.agencies.join(','), ctx.topic].join('|');
    CONTEXT_KEYS.set(ctx, key);
  }
  return key;
}

export class Engine implements Answerer {
  private readonly env: Env;
  private readonly store: ContextStore;
  private readonly replies = new Map<string, { reply: Reply; next: ChatContext }>();
  private readonly rememberReplies: boolean;
  private readonly lookup: PlanLookup;

  constructor(
    readonly corpus: Corpus,
    options: EngineOptions = {},
  ) {
    // Agencies the plans write, then lexicon ones users may name though no plan writes them.
    const agencies = new Map<string, Agency>([...lexiconAgencies(), ...corpus.agencies].map((a) => [a.id, a]));
    const index = options.index ?? SearchIndex.build(corpus);
    this.env = { corpus, catalog: buildCatalog(corpus, index.vocabulary()), index, agencies, indicatorTargets: new Map() };
    this.store = options.store ?? new MemoryContextStore(options.now ?? Date.now);
    this.rememberReplies = options.rememberReplies ?? true;
    this.lookup = new PlanLookup(corpus);
  }

  plans(): PlanSummary[] {
    return this.corpus.plans.map((p) => ({ id: p.id, shortName: p.shortName, title: p.title, number: p.number }));
  }

  help(lang: Lang): string {
    return cannedReply('help', lang, this.corpus).reply;
  }

  selectPlan(chatId: string, planId: string): boolean {
    if (!this.lookup.byId([planId]).length) return false;
    const ctx = this.store.get(chatId) ?? EMPTY_CONTEXT;
    this.store.set(chatId, { ...ctx, planIds: [planId], pending: null });
    return true;
  }

  /** One lexicon indicator compared across every plan (GET /compare): the comparison answer without a question to read. */
  compare(indicatorId: string, years: number[], lang: Lang): Reply | null {
    const indicator = INDICATORS.find((c) => c.id === indicatorId);
    if (!indicator) return null;
    const q: Query = {
      intent: 'target.compare',
      lang,
      text: '',
      plans: this.corpus.plans,
      planNamed: false,
      unknownPlace: null,
      task: null,
      years,
      yearsInherited: false,
      indicator,
      agencies: [],
      topic: null,
      slots: new Set(),
      runs: [],
    };
    return this.finish(q, HANDLERS['target.compare']({ q, u: understand('', this.env.catalog), env: this.env, corpus: this.corpus }), q.intent);
  }

  ask(chatId: string, text: string): Reply {
    const ctx = this.store.get(chatId) ?? EMPTY_CONTEXT;
    // The reply depends only on the text and the context, so repeated questions are remembered,
    // keyed on the text as sent: a repeat costs no normalizing.
    const key = ctx.pending || !this.rememberReplies ? null : `${text}\u0001${contextKey(ctx)}`;
    const known = key === null ? undefined : this.replies.get(key);
    if (known) {
      this.store.set(chatId, known.next);
      return known.reply;
    }
    const clean = firstWords(text.normalize('NFC').replace(/\s+/g, ' ').trim(), MAX_QUESTION_WORDS);
    const picked = this.pendingChoice(clean, ctx);
    const u = understand(picked?.text ?? clean, this.env.catalog);
    const context = picked ? { ...ctx, planIds: picked.planIds } : ctx;
    const { reply, next } = this.respond(u, context, Boolean(picked));
    this.store.set(chatId, next);
    if (key !== null) this.remember(key, { reply, next });
    return reply;
  }

  private remember(key: string, value: { reply: Reply; next: ChatContext }): void {
    this.replies.set(key, value);
    if (this.replies.size > REPLY_CACHE_SIZE) this.replies.delete(this.replies.keys().next().value as string);
  }

  /** A reply to "which plan?": "2", or a plan name among the offered ones. */
  private pendingChoice(text: string, ctx: ChatContext): { text: string; planIds: string[] } | null {
    const pending = ctx.pending;
    if (!pending) return null;
    const n = /^\s*(\d{1,2})\s*\.?\s*$/.exec(text);
    if (n) {
      const id = pending.candidates[Number(n[1]) - 1];
      return id ? { text: pending.text, planIds: [id] } : null;
    }
    const u = understand(text, this.env.catalog);
    if (u.intent !== null && u.intent !== 'plan.info') return null;
    const { plans } = choosePlans(this.lookup, u.entities, []);
    const ids = plans.map((p) => p.id).filter((id) => pending.candidates.includes(id));
    return ids.length && ids.length < pending.candidates.length ? { text: pending.text, planIds: ids } : null;
  }

  private respond(u: Understanding, ctx: ChatContext, answeringChoice: boolean): { reply: Reply; next: ChatContext } {
    const lang: Lang = u.lang;
    const e = u.entities;
    let intent = u.intent;
    // "TP Huế năm 2026 đặt mức nào?" after a target: only a place and a year, so the same question of them.
    const bareFollowUp = intent === 'plan.info' && !u.runs.length && ctx.intent !== null && TARGET_INTENTS.includes(ctx.intent);
    const inherit = (intent === null || bareFollowUp) && ctx.intent !== null && (u.followUp || hasEntities(u));
    if (inherit) intent = ctx.intent;
    // "còn chỉ tiêu TMĐT?" after "ai theo dõi chỉ tiêu …?": another indicator, the same question.
    if (u.followUp && intent === 'target.value' && !u.slots.has('value') && ctx.intent !== null && TARGET_INTENTS.includes(ctx.intent)) intent = ctx.intent;
    if (intent === null && (e.taskRef || e.task) && ctx.intent && TASK_INTENTS.includes(ctx.intent)) intent = ctx.intent;

    // "thời hạn?", "ai phối hợp?", "nhiệm vụ tiếp theo": about the task in context, whatever its cue words say elsewhere.
    const step = TASK_STEP.exec(u.folded);
    // A place that names the plan in context ("bên BT làm khi nào?" after a Bình Thuận task) asks nothing new.
    const choice = choosePlans(this.lookup, e, ctx.planIds);
    const samePlace = !e.places.length || (ctx.task !== null && choice.plans.every((p) => ctx.planIds.includes(p.id)));
    const bare = !u.runs.length && samePlace && !e.planNumbers.length && !e.agencies.length && !e.indicator;
    let stepped: ChatContext['task'] = null;
    if (ctx.task && !e.task && (step || (bare && taskSlot(u.slots)))) {
      const plan = this.lookup.byId(ctx.planIds)[0];
      stepped = step && plan ? neighbour(plan, ctx.task, step[1] ? 1 : -1) : ctx.task;
      intent = taskSlot(u.slots) ?? (ctx.intent && TASK_INTENTS.includes(ctx.intent) ? ctx.intent : 'task.lead');
    }

    // "Ai lo phổ cập tài khoản DVCTT …?": an indicator's words in a question about who does something.
    if (intent === 'target.value' && taskSlot(u.slots) && !u.slots.has('value') && !e.task) intent = taskSlot(u.slots);
    // "Có kế hoạch TMĐT riêng không?": an indicator's words in a yes/no question about what the plan does.
    if (intent === 'target.value' && u.slots.has('yesno') && !u.slots.has('value')) intent = 'topic';
    // "các kế hoạch, nền tảng do Bộ … chủ trì": plans named among other things are no request for the list.
    if (intent === 'plan.list' && u.runs.length) intent = 'topic';

    if (intent !== null && isCanned(intent)) return { reply: cannedReply(intent, u.lang, this.corpus), next: { ...ctx, lang, pending: null } };

    let task = e.task ?? stepped ?? (intent && TASK_INTENTS.includes(intent) && (e.taskRef || !u.runs.length) ? ctx.task : null);
    let runs = u.runs;
    // "thế còn kế hoạch Bình Thuận?" after a task: the same work in the newly named plan, found by the task's title, not its number.
    const switched = choice.named && !choice.plans.some((p) => ctx.planIds.includes(p.id));
    if (task !== null && task === ctx.task && !e.task && switched) {
      const before = this.lookup.byId(ctx.planIds)[0];
      const row = before?.tasks[rowIndex(before, task)];
      if (row) [task, runs] = [null, contentRuns([foldSpelt(row.title)])];
    }
    const indicator = e.indicator ?? (intent && TARGET_INTENTS.includes(intent) ? (INDICATORS.find((c) => c.id === ctx.indicator) ?? null) : null);
    const years = e.years.length ? e.years : inherit && ctx.year !== null && intent && TARGET_INTENTS.includes(intent) ? [ctx.year] : [];
    const agencies = e.agencies.length ? e.agencies : intent === 'agency.tasks' ? ctx.agencies : [];
    // "and Binh Thuan?" after a topic question: the same topic in the newly named plan.
    const topic = inherit && intent === 'topic' && !(u.topic ?? '').replace(/\b[a-z]\b/g, '').trim() ? ctx.topic : u.topic;

    if (intent === null) intent = task ? 'task.lead' : 'topic';
    const q: Query = {
      intent,
      lang,
      text: u.text,
      plans: choice.plans,
      planNamed: choice.named || answeringChoice,
      unknownPlace: choice.unknownPlace,
      task,
      years,
      yearsInherited: !e.years.length && years.length > 0,
      indicator,
      agencies,
      topic,
      slots: u.slots,
      runs,
    };
    const next: ChatContext = {
      planIds: choice.named || answeringChoice ? choice.plans.map((p) => p.id) : ctx.planIds,
      intent,
      task,
      indicator: indicator?.id ?? null,
      year: years[0] ?? null,
      agencies,
      topic: intent === 'topic' ? topic : null,
      lang,
      pending: null,
    };

    if (choice.unknownPlace) return { reply: this.unknownPlace(q), next: { ...next, planIds: ctx.planIds } };
    // "Kế hoạch 1282/KH-UBND … do ai ký?": a plan the texts cite but that is not loaded.
    if (PLAN_FACTS.includes(intent) && !e.planNumbers.length && e.otherPlanNumbers.length) return { reply: this.otherPlan(q, e.otherPlanNumbers[0]!), next };
    if (!choice.plans.length) return { reply: this.noPlanFits(q), next };

    const answer = HANDLERS[intent]({ q, u, env: this.env, corpus: this.corpus });
    if (answer.clarify) {
      const plans = answer.clarify.plans;
      const reply = this.finish(
        q,
        {
          found: true,
          lines: [say(lang, 'whichPlan'), ...plans.map((p, i) => `${i + 1}. ${p.shortName}`)],
          sources: [],
          choices: plans.map((p) => ({ label: p.shortName, text: p.shortName })),
        },
        'clarify',
      );
      return { reply, next: { ...next, planIds: ctx.planIds, pending: { text: u.text, candidates: plans.map((p) => p.id) } } };
    }
    // A single plan answered becomes the chat's plan; several leave the choice open.
    const answered = answer.sources.map((s) => s.plan);
    const single = [...new Set(answered)];
    if (single.length === 1 && answer.found) next.planIds = single;
    // A task found by its words is the conversation's task, as if asked by number.
    if (answer.task) {
      next.task = { number: answer.task.number, part: answer.task.partCode };
      next.planIds = [answer.task.planId];
      if (!TASK_INTENTS.includes(next.intent!)) next.intent = taskSlot(q.slots) ?? 'task.lead';
    }
    return { reply: this.finish(q, answer, intent), next };
  }

  private otherPlan(q: Query, number: string): Reply {
    const citing = q.plans.filter((p) => p.passages.some((x) => new RegExp(String.raw`\b${number}\s*/`).test(x.text)));
    const lines = [say(q.lang, 'planNotLoaded', number)];
    if (citing.length) lines.push(say(q.lang, 'citedIn', planNames(citing, q.lang)));
    return this.finish(q, { found: false, lines, sources: [] }, q.intent);
  }

  private unknownPlace(q: Query): Reply {
    const lines = [say(q.lang, 'noPlanForPlace', q.unknownPlace ?? ''), say(q.lang, 'plansKnown', planNames(this.corpus.plans, q.lang))];
    return this.finish(q, { found: false, lines, sources: [] }, q.intent);
  }

  private noPlanFits(q: Query): Reply {
    const lines = [say(q.lang, 'noPlanFits'), say(q.lang, 'plansKnown', planNames(this.corpus.plans, q.lang))];
    return this.finish(q, { found: false, lines, sources: [] }, q.intent);
  }

  private finish(q: Query, a: Answer, intent: string): Reply {
    const lines = [...a.lines];
    if (a.sources.length) lines.push(sourceLine(a.sources, q.lang));
    const seen = new Set<string>();
    const sources = a.sources.filter((s) => (seen.has(s.ref) ? false : (seen.add(s.ref), true)));
    return {
      reply: lines.join('\n'),
      found: a.found,
      intent,
      sources,
      lang: q.lang,
      ...(a.choices ? { choices: a.choices } : {}),
      ...(a.chart ? { chart: a.chart } : {}),
    };
  }
}

/** "nhiệm vụ tiếp theo / kế tiếp / ngay sau đó" (group 1) or "nhiệm vụ trước đó". */
const TASK_STEP =
  /\b(?:nhiem vu|task)\s+(?:(tiep theo|ke tiep|ngay sau(?: do| no)?|sau do|sau no|ngay duoi(?: no)?|duoi no|ke)|(truoc(?: do| no)?|lien truoc|ngay truoc|ngay tren(?: no)?|tren no))\b|\b(?:(next)|(previous)) task\b/;

/** The task intent a bare slot question asks for ("thời hạn?" → time). */
function taskSlot(slots: ReadonlySet<Slot>): Intent | null {
  if (slots.has('partners')) return 'task.support';
  if (slots.has('time')) return 'task.time';
  if (slots.has('lead')) return 'task.lead';
  return null;
}

/** The task before or after one in its plan's appendix order. */
/** Where the row a chat's task names stands in its plan's table; -1 when it is not there. */
function rowIndex(plan: Plan, task: NonNullable<ChatContext['task']>): number {
  return plan.tasks.findIndex((t) => t.number === task.number && (task.part === null || t.partCode === task.part));
}

function neighbour(plan: Plan, task: NonNullable<ChatContext['task']>, step: 1 | -1): ChatContext['task'] {
  const i = rowIndex(plan, task);
  const t = i < 0 ? undefined : plan.tasks[i + step];
  return t ? { number: t.number, part: t.partCode } : null;
}

function hasEntities(u: Understanding): boolean {
  const e = u.entities;
  return (
    e.places.length > 0 ||
    e.planNumbers.length > 0 ||
    e.years.length > 0 ||
    e.task !== null ||
    e.period !== null ||
    e.agencies.length > 0 ||
    e.indicator !== null ||
    e.kind !== null
  );
}

export function createAnswerer(corpus: Corpus, options: EngineOptions = {}): Engine {
  return new Engine(corpus, options);
}
