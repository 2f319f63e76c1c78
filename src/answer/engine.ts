/**
 * The answering service: understand the message, merge it with the chat's context,
 * resolve plans, answer from the records, cite, and remember what was talked about.
 */
import type { Agency, Corpus, TargetGroup } from '../corpus/types.js';
import { lexiconAgencies } from '../corpus/agencies.js';
import { buildCatalog } from '../nlu/catalog.js';
import { understand, type Understanding } from '../nlu/index.js';
import { TASK_INTENTS, type Intent } from '../nlu/intent.js';
import { CUES, INDICATORS } from '../nlu/lexicon.js';
import { SearchIndex } from '../search/index.js';
import { EMPTY_CONTEXT, MemoryContextStore, type ChatContext, type ContextStore } from './context.js';
import { answerPlanFact, answerPlanList } from './facts.js';
import { planNames, sourceLine } from './format.js';
import { choosePlans, PlanLookup } from './plans.js';
import type { Answer, Env, Query } from './query.js';
import { answerAgencyTasks, answerTask, answerTaskByTitle } from './tasks.js';
import { answerCompare, answerMonitor, answerTarget, answerTargetsOfYear } from './targets.js';
import { answerTopic } from './topic.js';
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
    const q: Query = { intent: 'target.compare', lang, text: '', plans: this.corpus.plans, planNamed: false, unknownPlace: null, task: null, years, yearsInherited: false, indicator, agencies: [], topic: null };
    return this.finish(q, answerCompare(q, this.env), q.intent);
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
    const clean = text.normalize('NFC').replace(/\s+/g, ' ').trim();
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
    const inherit = intent === null && ctx.intent !== null && (u.followUp || hasEntities(u));
    if (inherit) intent = ctx.intent;
    if (intent === null && (e.taskRef || e.task) && ctx.intent && TASK_INTENTS.includes(ctx.intent)) intent = ctx.intent;

    const canned = cannedReply(intent, u, this.corpus);
    if (canned) return { reply: canned, next: { ...ctx, lang, pending: null } };

    const choice = choosePlans(this.lookup, e, ctx.planIds);
    const task = e.task ?? (intent && TASK_INTENTS.includes(intent) ? ctx.task : null);
    const indicator = e.indicator ?? (intent && TARGET_INTENTS.includes(intent) ? INDICATORS.find((c) => c.id === ctx.indicator) ?? null : null);
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
    if (!choice.plans.length) return { reply: this.noPlanFits(q), next };

    const answer = this.dispatch(q, u);
    if (answer.clarify) {
      const plans = answer.clarify.plans;
      const reply = this.finish(q, {
        found: true,
        lines: [
          lang === 'en' ? 'Several plans have this. Which plan do you mean?' : 'Nhiều kế hoạch có thông tin này. Bạn hỏi kế hoạch nào?',
          ...plans.map((p, i) => `${i + 1}. ${p.shortName}`),
        ],
        sources: [],
        choices: plans.map((p) => ({ label: p.shortName, text: p.shortName })),
      }, 'clarify');
      return { reply, next: { ...next, planIds: ctx.planIds, pending: { text: u.text, candidates: plans.map((p) => p.id) } } };
    }
    // A single plan answered becomes the chat's plan; several leave the choice open.
    const answered = answer.sources.map((s) => s.plan);
    const single = [...new Set(answered)];
    if (single.length === 1 && answer.found) next.planIds = single;
    return { reply: this.finish(q, answer, intent), next };
  }

  private dispatch(q: Query, u: Understanding): Answer {
    switch (q.intent) {
      case 'task.lead':
      case 'task.support':
      case 'task.time':
      case 'task.note':
      case 'task.about':
        if (!q.task) return u.taskTitle ? answerTaskByTitle(q, this.env, u.taskTitle) : this.askFor(q, 'task');
        return answerTask(q, this.env);
      case 'agency.tasks':
        if (!q.agencies.length) return this.askFor(q, 'agency');
        return answerAgencyTasks(q, this.env, u.about);
      case 'target.value': {
        if (!q.indicator && !hasContent(u)) return q.years.length || q.planNamed ? answerTargetsOfYear(q) : this.askFor(q, 'indicator');
        // A year no candidate plan sets targets for ends the search: no passage stands in for it.
        if (!q.indicator && q.years.length && !q.yearsInherited && !q.plans.some((p) => p.targets.some((t) => q.years.includes(t.year)))) {
          return answerTargetsOfYear(q);
        }
        const group = groupNamed(q.topic);
        if (!q.indicator && group) return answerTargetsOfYear(q, group);
        const a = answerTarget(q, this.env);
        if (a.found || q.indicator) return a;
        // Words no target holds may still be in the plan's text (a task, a paragraph).
        const passages = answerTopic(q, this.env);
        return passages.found ? passages : a;
      }
      case 'target.monitor':
        return answerMonitor(q, this.env);
      case 'target.compare':
        return answerCompare({ ...q, plans: q.planNamed && q.plans.length > 1 ? q.plans : this.corpus.plans }, this.env);
      case 'plan.info': {
        // A plan named with other words ("kinh phí … lấy từ đâu?") asks what the plan says about them.
        if (hasContent(u) && !CUES.counts.test(u.folded)) {
          const passages = answerTopic(q, this.env);
          if (passages.found) return passages;
        }
        return answerPlanFact(q);
      }
      case 'plan.signer':
      case 'plan.date':
      case 'plan.number':
      case 'plan.replaces':
      case 'plan.deadline':
        return answerPlanFact(q);
      case 'plan.list':
        return answerPlanList(this.corpus, q);
      default: {
        const found = answerTopic(q, this.env);
        if (found.found || u.intent === 'topic' || q.topic !== u.topic) return found;
        return this.notUnderstood(q);
      }
    }
  }

  private askFor(q: Query, what: 'task' | 'agency' | 'indicator'): Answer {
    const en = q.lang === 'en';
    const lines = {
      task: en ? 'Which task number? For example: "who leads task 21?"' : 'Bạn hỏi nhiệm vụ số mấy? Ví dụ: "Ai chủ trì nhiệm vụ 21?"',
      agency: en ? 'Which agency? For example: "Which tasks does the Department of Health lead?"' : 'Bạn hỏi cơ quan nào? Ví dụ: "Sở Y tế chủ trì những nhiệm vụ nào?"',
      indicator: en ? 'Which indicator? For example: smartphones, digital signatures, e-commerce, fibre broadband.' : 'Bạn hỏi chỉ tiêu nào? Ví dụ: điện thoại thông minh, chữ ký số, thương mại điện tử, cáp quang.',
    };
    return { found: false, lines: [lines[what]], sources: [] };
  }

  private notUnderstood(q: Query): Answer {
    const en = q.lang === 'en';
    return {
      found: false,
      lines: [
        en ? 'Sorry, I could not find that in the plans.' : 'Xin lỗi, tôi không tìm thấy nội dung này trong các kế hoạch.',
        en ? 'Try: "Who leads task 21 in Hue 2026-2030?" or "Smartphone target 2030 in Binh Thuan?"' : 'Bạn thử hỏi: "Ai chủ trì nhiệm vụ 21 kế hoạch Huế 2026-2030?" hoặc "Mục tiêu điện thoại thông minh năm 2030 ở Bình Thuận?"',
      ],
      sources: [],
    };
  }

  private unknownPlace(q: Query): Reply {
    const en = q.lang === 'en';
    const names = planNames(this.corpus.plans, q.lang);
    return this.finish(q, {
      found: false,
      lines: [
        en ? `There is no plan for ${q.unknownPlace} in these documents.` : `Chưa có kế hoạch của ${q.unknownPlace} trong dữ liệu.`,
        en ? `The plans I know: ${names}.` : `Các kế hoạch hiện có: ${names}.`,
      ],
      sources: [],
    }, q.intent);
  }

  private noPlanFits(q: Query): Reply {
    const en = q.lang === 'en';
    const names = planNames(this.corpus.plans, q.lang);
    return this.finish(q, {
      found: false,
      lines: [en ? 'No plan matches that place and period.' : 'Không có kế hoạch nào khớp địa phương và giai đoạn này.', en ? `The plans I know: ${names}.` : `Các kế hoạch hiện có: ${names}.`],
      sources: [],
    }, q.intent);
  }

  private finish(q: Query, a: Answer, intent: string): Reply {
    const lines = [...a.lines];
    if (a.sources.length) lines.push(sourceLine(a.sources, q.lang));
    const seen = new Set<string>();
    const sources = a.sources.filter((s) => (seen.has(s.ref) ? false : (seen.add(s.ref), true)));
    return { reply: lines.join('\n'), found: a.found, intent, sources, lang: q.lang, ...(a.choices ? { choices: a.choices } : {}), ...(a.chart ? { chart: a.chart } : {}) };
  }
}

function hasEntities(u: Understanding): boolean {
  const e = u.entities;
  return e.places.length > 0 || e.planNumbers.length > 0 || e.years.length > 0 || e.task !== null || e.period !== null || e.agencies.length > 0 || e.indicator !== null || e.kind !== null;
}

/** "mục tiêu kinh tế số / xã hội số / chính quyền số": a whole group of targets, when that is all the words say. */
function groupNamed(topic: string | null): TargetGroup | null {
  const t = (topic ?? '').replace(/\b(ve|phat trien|cac)\b/g, ' ').replace(/\s+/g, ' ').trim();
  if (/^kinh te so$|^digital economy$/.test(t)) return 'kinh-te-so';
  if (/^xa hoi so$|^digital society$/.test(t)) return 'xa-hoi-so';
  if (/^chinh quyen so$|^digital government$/.test(t)) return 'chinh-quyen-so';
  return null;
}

/** Words beyond cue words ("xe điện"), for the search index to find an indicator by. */
function hasContent(u: Understanding): boolean {
  return (u.topic ?? '').trim().length > 0;
}

export function createAnswerer(corpus: Corpus, options: EngineOptions = {}): Engine {
  return new Engine(corpus, options);
}
