import type { Logger } from 'pino';
import type { Answerer, Chart, Lang, Reply } from '../answer/types.js';
import type { QuestionLog } from './questions.js';
import * as texts from './texts.js';

/** What a user did, already stripped of platform detail by the channel. */
export type Input =
  | { kind: 'text'; text: string }
  | { kind: 'help' }
  | { kind: 'plans' }
  | { kind: 'unsupported' }
  /** A button press (Telegram carries the menu nonce) or a numbered reply (nonce omitted: latest menu). */
  | { kind: 'pick'; index: number; nonce?: string };

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
}

type MenuAction = { ask: string } | { plan: string };

interface StoredMenu {
  nonce: string;
  actions: MenuAction[];
  expiresAt: number;
}

export interface ConversationOptions {
  getAnswerer: () => Answerer | undefined;
  /** Where answered questions are logged; null when the log is off. */
  questions: QuestionLog | null;
  /** How long a menu's buttons stay valid. */
  menuTtlMs: number;
  maxMenus?: number;
}

/**
 * The channel-independent part of a chat: input checks, commands, menus and calls to the
 * Answerer (rate limits apply earlier, when a delivery is admitted). Channels map platform
 * events to an Input and deliver the Outgoing.
 */
export class Conversation {
  private readonly menus = new Map<string, StoredMenu>();
  private nonceCounter = 0;

  constructor(private readonly options: ConversationOptions) {}

  /** The message to send for an input. */
  respond(chatKey: string, input: Input, log: Logger): Outgoing {
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
    this.record(chatKey, text, reply, log);
    const menu = reply.choices?.length
      ? this.remember(chatKey, reply.choices.map((c) => c.label), reply.choices.map((c) => ({ ask: c.text })))
      : undefined;
    return { text: withSources(reply), menu, ...(reply.chart?.bars.length ? { chart: { chart: reply.chart, lang: reply.lang } } : {}) };
  }

  /** Log a question and its reply (the JSON API calls this too); a failing log never costs the answer. */
  record(chatKey: string, question: string, reply: Reply, log: Pick<Logger, 'error'>): void {
    try {
      this.options.questions?.record(chatKey, question, reply);
    } catch (error) {
      log.error({ err: error }, 'question log failed');
    }
  }

  private plansMenu(chatKey: string): Outgoing {
    const plans = this.answerer().plans();
    if (plans.length === 0) return { text: texts.NO_PLANS };
    const menu = this.remember(chatKey, plans.map((p) => p.shortName), plans.map((p) => ({ plan: p.id })));
    return { text: texts.PICK_PLAN, menu };
  }

  private pick(chatKey: string, index: number, nonce: string | undefined, log: Logger): Outgoing {
    const menu = this.menus.get(chatKey);
    const action = menu && menu.expiresAt > Date.now() && (nonce === undefined || nonce === menu.nonce)
      ? menu.actions[index]
      : undefined;
    if (!action) return { text: texts.CHOICE_EXPIRED };
    this.menus.delete(chatKey);
    if ('ask' in action) return this.ask(chatKey, action.ask, log);
    const plan = this.answerer().plans().find((p) => p.id === action.plan);
    if (!plan || !this.answerer().selectPlan(chatKey, plan.id)) return { text: texts.CHOICE_EXPIRED };
    return { text: texts.planSelected(plan.shortName) };
  }

  private remember(chatKey: string, labels: string[], actions: MenuAction[]): Menu {
    const now = Date.now();
    if (this.menus.size >= (this.options.maxMenus ?? 50_000)) {
      for (const [key, stored] of this.menus) if (stored.expiresAt <= now) this.menus.delete(key);
      const oldest = this.menus.keys().next().value;
      if (this.menus.size >= (this.options.maxMenus ?? 50_000) && oldest !== undefined) this.menus.delete(oldest);
    }
    this.nonceCounter = (this.nonceCounter + 1) % 1_000_000;
    const nonce = this.nonceCounter.toString(36);
    this.menus.delete(chatKey); // re-insert so Map order stays oldest-first
    this.menus.set(chatKey, { nonce, actions, expiresAt: now + this.options.menuTtlMs });
    return { nonce, labels };
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

/** Append the citations unless the reply already quotes them. */
function withSources(reply: Reply): string {
  const missing = [...new Set(reply.sources.map((s) => s.ref))].filter((ref) => !reply.reply.includes(ref));
  return missing.length > 0 ? `${reply.reply}\n\n${texts.sourcesLine(reply.lang, missing)}` : reply.reply;
}
