/**
 * Per-chat conversation memory behind an interface, so a shared store (Redis, a
 * database) can replace the in-memory one. Entries expire after 30 idle minutes.
 */
import type { Intent } from '../nlu/intent.js';
import type { Lang } from './types.js';

export interface PendingQuestion {
  /** The question waiting for a plan choice. */
  text: string;
  candidates: string[];
}

export interface ChatContext {
  planIds: string[];
  intent: Intent | null;
  task: { number: string; part: string | null } | null;
  indicator: string | null;
  year: number | null;
  agencies: string[];
  /** What the last topic question was about (folded). */
  topic: string | null;
  lang: Lang;
  pending: PendingQuestion | null;
}

/** Contexts are never changed in place: a new turn stores a new object, or the same one again. */
export interface ContextStore {
  get(chatId: string): ChatContext | undefined;
  /** Store the chat's context; the chat counts as active from now. */
  set(chatId: string, ctx: ChatContext): void;
  delete(chatId: string): void;
}

export const CONTEXT_TTL_MS = 30 * 60 * 1000;

/** A new chat's context; shared by every new chat, so frozen through and through. */
export const EMPTY_CONTEXT: ChatContext = Object.freeze({
  planIds: Object.freeze([]) as unknown as string[],
  intent: null,
  task: null,
  indicator: null,
  year: null,
  agencies: Object.freeze([]) as unknown as string[],
  topic: null,
  lang: 'vi',
  pending: null,
});

/** In-process store: expires idle chats and keeps at most `max` chats (the longest-known dropped first). */
export class MemoryContextStore implements ContextStore {
  private readonly chats = new Map<string, { ctx: ChatContext; at: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = CONTEXT_TTL_MS,
    private readonly max = 100_000,
  ) {}

  get(chatId: string): ChatContext | undefined {
    const entry = this.chats.get(chatId);
    if (!entry) return undefined;
    if (this.now() - entry.at > this.ttlMs) {
      this.chats.delete(chatId);
      return undefined;
    }
    return entry.ctx;
  }

  set(chatId: string, ctx: ChatContext): void {
    // Updated in place: deleting and re-inserting to keep recency order makes V8 rehash large maps.
    const entry = this.chats.get(chatId);
    if (entry) {
      entry.ctx = ctx;
      entry.at = this.now();
      return;
    }
    this.chats.set(chatId, { ctx, at: this.now() });
    if (this.chats.size > this.max) this.chats.delete(this.chats.keys().next().value as string);
  }

  delete(chatId: string): void {
    this.chats.delete(chatId);
  }
}
