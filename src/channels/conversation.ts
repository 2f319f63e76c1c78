import type { Logger } from 'pino';
import type { Answerer, Chart, Lang, Reply } from '../answer/types.js';
import { isFactual, type QuestionLog, type Vote } from './questions.js';
import * as texts from './texts.js';

/** What a user did, already stripped of platform detail by the channel. */
export type Input =
  | { kind: 'text'; text: string }
  | { kind: 'help' }
  | { kind: 'plans' }
  | { kind: 'unsupported' }
  /** A button press (Telegram carries the menu nonce) or a numbered reply (nonce omitted: latest menu). */
  | { kind: 'pick'; index: number; nonce?: string }
  /** 👍 / 👎 on an answer: a button carries its reply id; a lone thumb typed right after an answer omits it (the chat's last answer). */
  | { kind: 'vote'; vote: Vote; replyId?: string };

/** Buttons offered with a message; channels render them (inline keyboard, numbered list). */
export interface Menu {
  nonce: string;
  labels: string[];
}

export interface Outgoing {
  /** Plain text; channels escape and split it. */
  text: string;
  menu?: Menu;
  /** A comparison's figures, for channels that can send a picture (Telegram); others keep the text. */
  chart?: { chart: Chart; lang: Lang };
  /** A factual answer's id in the question log: channels with buttons offer 👍 / 👎 on it. */
  replyId?: string;
  /** The answer to a vote: shown in place of the pressed buttons where the channel can. */
  ack?: true;
}

type MenuAction = { ask: string } | { plan: string };

interface StoredMenu {
  nonce: string;
  actions: MenuAction[];
  expiresAt: number;
}

interface LastAnswer {
  replyId: string;
  expiresAt: number;
}

/** A message of just a thumb (any skin tone): a vote on the answer right before it. */
const THUMBS: ReadonlyArray<[RegExp, Vote]> = [
  [/^👍[\u{1F3FB}-\u{1F3FF}]?\uFE0F?$/u, 'up'],
  [/^👎[\u{1F3FB}-\u{1F3FF}]?\uFE0F?$/u, 'down'],
];

export interface ConversationOptions {
  getAnswerer: () => Answerer | undefined;
  /** Where answered questions are logged; null when the log is off. */
  questions: QuestionLog | null;
  /** How long a menu's buttons stay valid, and how long a typed 👍/👎 may follow an answer. */
  menuTtlMs: number;
  /** Menus (and last answers) kept at most. */
  maxMenus?: number;
}

/**
 * The channel-independent part of a chat: input checks, commands, menus and calls to the
 * Answerer (rate limits apply earlier, when a delivery is admitted). Channels map platform
 * events to an Input and deliver the Outgoing.
 */
export class Conversation {
  private readonly menus = new Map<string, StoredMenu>();
  /** Per chat, its last factual answer while a typed 👍/👎 may still rate it. */
  private readonly answers = new Map<string, LastAnswer>();
  private nonceCounter = 0;

  constructor(private readonly options: ConversationOptions) {}

  /** The message to send for an input. */
  async respond(chatKey: string, input: Input, log: Logger): Promise<Outgoing> {
    if (input.kind === 'vote') return this.vote(chatKey, input.vote, input.replyId, log);
    const typed = this.typedVote(input);
    if (typed) return this.vote(chatKey, typed, undefined, log);
    // Anything else said in the chat: a thumb that follows is no longer "right after" the answer.
    this.answers.delete(chatKey);
    switch (input.kind) {
      case 'help':
        return { text: this.help() };
      case 'unsupported':
        return { text: texts.UNSUPPORTED };
      case 'plans':
        return this.plansMenu(chatKey);
      case 'pick':
        return this.pick(chatKey, input.index, input.nonce, log);
      case 'text':
        return this.text(chatKey, input.text, log);
    }
  }

  private text(chatKey: string, raw: string, log: Logger): Outgoing {
    const text = raw.trim();
    if (text.length > texts.MAX_INPUT_CHARS) return { text: texts.TOO_LONG };
    // Channels without buttons (Zalo) answer a menu with its number, and type commands as text.
    if (/^\d{1,2}$/.test(text) && this.menus.has(chatKey)) return this.pick(chatKey, Number(text) - 1, undefined, log);
    const command = /^\/(\w+)/.exec(text)?.[1]?.toLowerCase();
    if (command === 'start' || command === 'help') return { text: this.help() };
    if (command === 'kehoach') return this.plansMenu(chatKey);
    return this.ask(chatKey, text, log);
  }

  private ask(chatKey: string, text: string, log: Logger): Outgoing {
    let reply: Reply;
    try {
      reply = this.answerer().ask(chatKey, text);
    } catch (error) {
      log.error({ err: error, chat: chatKey }, 'answerer failed');
      return { text: texts.FAILED };
    }
    log.debug({ chat: chatKey, intent: reply.intent, found: reply.found }, 'answered');
    const replyId = this.record(chatKey, text, reply, log);
    if (replyId !== undefined) bounded(this.answers, chatKey, { replyId, expiresAt: Date.now() + this.options.menuTtlMs }, this.maxKept);
    const menu = reply.choices?.length
      ? this.remember(
          chatKey,
          reply.choices.map((c) => c.label),
          reply.choices.map((c) => ({ ask: c.text })),
        )
      : undefined;
    return {
      text: withSources(reply),
      menu,
      ...(reply.chart?.bars.length ? { chart: { chart: reply.chart, lang: reply.lang } } : {}),
      ...(replyId === undefined ? {} : { replyId }),
    };
  }

  /**
   * Log a question and its reply (the JSON API calls this too); a failing log never costs the
   * answer. Returns the reply id of a factual answer (none when the log is off).
   */
  record(chatKey: string, question: string, reply: Reply, log: Pick<Logger, 'error'>): string | undefined {
    try {
      const replyId = this.options.questions?.record(chatKey, question, reply);
      return isFactual(reply) ? replyId : undefined;
    } catch (error) {
      log.error({ err: error }, 'question log failed');
      return undefined;
    }
  }

  /** Store a vote on a reply (the JSON API calls this too): false for an unknown reply id, or when the log is off. */
  async feedback(replyId: string, vote: Vote, comment?: string): Promise<boolean> {
    return (await this.options.questions?.vote(replyId, vote, comment)) ?? false;
  }

  /** A text of just 👍 or 👎 is a vote while the question log is on; otherwise it is asked like any text. */
  private typedVote(input: Input): Vote | undefined {
    if (input.kind !== 'text' || !this.options.questions) return undefined;
    const text = input.text.trim();
    return THUMBS.find(([pattern]) => pattern.test(text))?.[1];
  }

  private async vote(chatKey: string, vote: Vote, pressed: string | undefined, log: Logger): Promise<Outgoing> {
    const last = this.answers.get(chatKey);
    const replyId = pressed ?? (last && last.expiresAt > Date.now() ? last.replyId : undefined);
    if (replyId === undefined) return { text: texts.NOTHING_TO_RATE };
    try {
      const stored = await this.feedback(replyId, vote);
      log.debug({ chat: chatKey, vote, stored }, 'vote');
      return { text: stored ? texts.VOTE_THANKS : texts.VOTE_UNKNOWN, ack: true };
    } catch (error) {
      log.error({ err: error }, 'vote could not be stored');
      return { text: texts.FAILED, ack: true };
    }
  }

  private plansMenu(chatKey: string): Outgoing {
    const plans = this.answerer().plans();
    if (plans.length === 0) return { text: texts.NO_PLANS };
    const menu = this.remember(
      chatKey,
      plans.map((p) => p.shortName),
      plans.map((p) => ({ plan: p.id })),
    );
    return { text: texts.PICK_PLAN, menu };
  }

  private pick(chatKey: string, index: number, nonce: string | undefined, log: Logger): Outgoing {
    const menu = this.menus.get(chatKey);
    const action = menu && menu.expiresAt > Date.now() && (nonce === undefined || nonce === menu.nonce) ? menu.actions[index] : undefined;
    if (!action) return { text: texts.CHOICE_EXPIRED };
    this.menus.delete(chatKey);
    if ('ask' in action) return this.ask(chatKey, action.ask, log);
    const plan = this.answerer()
      .plans()
      .find((p) => p.id === action.plan);
    if (!plan || !this.answerer().selectPlan(chatKey, plan.id)) return { text: texts.CHOICE_EXPIRED };
    return { text: texts.planSelected(plan.shortName) };
  }

  private remember(chatKey: string, labels: string[], actions: MenuAction[]): Menu {
    this.nonceCounter = (this.nonceCounter + 1) % 1_000_000;
    const nonce = this.nonceCounter.toString(36);
    bounded(this.menus, chatKey, { nonce, actions, expiresAt: Date.now() + this.options.menuTtlMs }, this.maxKept);
    return { nonce, labels };
  }

  private get maxKept(): number {
    return this.options.maxMenus ?? 50_000;
  }

  /** The engine's help, made from the loaded plans, and how to choose a plan here. */
  private help(): string {
    return `${this.answerer().help('vi')}\n\n${texts.PLAN_MENU_HINT}`;
  }

  private answerer(): Answerer {
    const answerer = this.options.getAnswerer();
    // Webhooks are refused with 503 until the corpus is loaded, so this only trips on a bug.
    if (!answerer) throw new Error('corpus not loaded');
    return answerer;
  }
}

/** Set a chat's entry, keeping at most `max`: expired entries go first, then the oldest. */
function bounded<V extends { expiresAt: number }>(map: Map<string, V>, chatKey: string, value: V, max: number): void {
  if (map.size >= max) {
    const now = Date.now();
    for (const [key, stored] of map) if (stored.expiresAt <= now) map.delete(key);
    const oldest = map.keys().next().value;
    if (map.size >= max && oldest !== undefined) map.delete(oldest);
  }
  map.delete(chatKey); // re-insert so Map order stays oldest-first
  map.set(chatKey, value);
}

/** Append the citations unless the reply already quotes them. */
function withSources(reply: Reply): string {
  const missing = [...new Set(reply.sources.map((s) => s.ref))].filter((ref) => !reply.reply.includes(ref));
  return missing.length > 0 ? `${reply.reply}\n\n${texts.sourcesLine(reply.lang, missing)}` : reply.reply;
}
