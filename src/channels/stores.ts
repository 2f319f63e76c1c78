import type { ChatContexts } from './contexts.js';
import type { DeliveryLog } from './dedupe.js';
import type { Outbox } from './outbox.js';
import type { QuestionHistory, QuestionLog } from './questions.js';
import type { ChatRateLimit } from './rateLimit.js';

/** A value, or a promise of it: the embedded store answers at once, a shared one over the network. */
export type Awaitable<T> = T | Promise<T>;

/**
 * Where a chat's turns run. In one process the queue keeps a chat's turns in order and the
 * context store is the process's own, so a turn just runs. Shared between instances (Redis), a
 * turn waits for the chat's earlier turns, wherever they were admitted, with the chat's context
 * loaded before it and written back before the next may start.
 */
export interface ChatTurns {
  /** A place in the chat's line, taken when a delivery is admitted. */
  ticket(chatKey: string): Awaitable<number>;
  /** A place that will not be used (the delivery was not queued): the line passes over it. */
  skip(chatKey: string, ticket: number): Awaitable<void>;
  /** Run `turn` in its place: the ticket's, or a new one at the end of the line. */
  run<T>(chatKey: string, turn: () => Awaitable<T>, ticket?: number): Awaitable<T>;
}

/** Turns of one process: the queue already orders them. */
export const DIRECT_TURNS: ChatTurns = {
  ticket: () => 0,
  skip: () => undefined,
  run: (_chatKey, turn) => turn(),
};

/** The question log as a store keeps it: written in batches, read back by the inbox. */
export interface StoredQuestionLog extends QuestionLog, QuestionHistory {
  /** Write what is pending now. */
  flush(): Awaitable<void>;
}

/** What the channels keep: in SQLite (one instance) or Redis (several); src/store/index.ts opens them. */
export interface Stores {
  contexts: ChatContexts;
  deliveries: DeliveryLog;
  rateLimit: ChatRateLimit;
  outbox: Outbox;
  /** Null when PLANBOT_LOG=off. */
  questions: StoredQuestionLog | null;
  turns: ChatTurns;
  /** False while a shared store cannot be reached: webhooks and /readyz answer 503 meanwhile. */
  available(): boolean;
  /** Write what is pending and close. */
  close(): Promise<void>;
}

/** A shared store failed during a turn: the delivery stays in the outbox for a later attempt; an API call gets 503. */
export class StoreUnavailable extends Error {
  readonly statusCode = 503;

  constructor(cause: unknown) {
    super(`shared store unavailable: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'StoreUnavailable';
  }
}
