import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import type { Logger } from 'pino';

/** Thrown by an attempt that may succeed if tried again later (429, 5xx, network trouble). */
export class RetryableError extends Error {
  constructor(
    message: string,
    /** Delay the server asked for (Retry-After / retry_after), if any. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'RetryableError';
  }
}

/** The server asked to wait longer than the in-process retry cap allows: try again later, off the worker. */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

export interface OutboundOptions {
  /** Attempts per call, including the first. */
  maxAttempts: number;
  /** Backoff before the 2nd attempt; doubled each time, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A server asking to wait longer than this is not waited for by the worker: the message is kept and sent later. */
  maxRetryAfterMs: number;
  /** Messages kept for a later attempt at once; more are dropped (logged). */
  maxDeferred: number;
  /** Minimum gap between two messages into the same chat. */
  paceMs: number;
  /** Per-request timeout for HTTP calls. */
  requestTimeoutMs: number;
}

export const DEFAULT_OUTBOUND: OutboundOptions = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
  maxDeferred: 1_000,
  paceMs: 1_000,
  requestTimeoutMs: 10_000,
};

export interface JsonResponse {
  status: number;
  body: unknown;
}

/**
 * Every message the bot sends goes through here: retried with backoff on 429/5xx
 * (honouring the server's requested delay) and paced to about one message per chat per `paceMs`.
 * A message the server asks to hold back longer than `maxRetryAfterMs` is kept and sent after
 * the delay, off the worker; the chat's later messages queue behind it so the order holds.
 */
export class Outbound {
  private readonly nextSendAt = new Map<string, number>();
  /** Per chat, the chain of messages kept for later. */
  private readonly later = new Map<string, Promise<void>>();
  private deferred = 0;
  private readonly abort = new AbortController();
  private readonly agent: Agent;

  constructor(
    readonly options: OutboundOptions,
    private readonly logger: Logger,
  ) {
    this.agent = new Agent({
      connect: { timeout: options.requestTimeoutMs },
      headersTimeout: options.requestTimeoutMs,
      bodyTimeout: options.requestTimeoutMs,
    });
  }

  /** True once closed: calls fail at once. */
  get closed(): boolean {
    return this.abort.signal.aborted;
  }

  /** Messages kept for a later attempt and not yet sent. */
  get deferredCount(): number {
    return this.deferred;
  }

  /** Send one message into a chat: paced, then retried; resolves when sent or kept for later. */
  async send(chatKey: string, label: string, attempt: () => Promise<unknown>): Promise<void> {
    if (this.later.has(chatKey)) return this.defer(chatKey, label, attempt, 0);
    const wait = (this.nextSendAt.get(chatKey) ?? 0) - Date.now();
    if (wait > 0) await sleep(wait, undefined, { signal: this.abort.signal });
    try {
      await this.call(label, attempt);
    } catch (error) {
      if (!(error instanceof RetryLaterError)) throw error;
      this.defer(chatKey, label, attempt, error.retryAfterMs);
    } finally {
      this.remember(chatKey, Date.now() + this.options.paceMs);
    }
  }

  /** Keep a message for after `delayMs`, behind the chat's other kept messages. */
  private defer(chatKey: string, label: string, attempt: () => Promise<unknown>, delayMs: number): void {
    if (this.deferred >= this.options.maxDeferred) {
      this.logger.error({ call: label, chat: chatKey }, 'too many messages kept for later: this one is dropped');
      return;
    }
    this.deferred += 1;
    this.logger.warn({ call: label, delayMs }, 'message kept for a later attempt');
    const previous = this.later.get(chatKey) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        let wait = delayMs;
        // A server may keep asking to wait: a few long waits, then give up (logged).
        for (let round = 1; ; round += 1) {
          await sleep(wait, undefined, { signal: this.abort.signal });
          try {
            await this.call(label, attempt);
            return;
          } catch (error) {
            if (!(error instanceof RetryLaterError) || round >= this.options.maxAttempts) throw error;
            wait = error.retryAfterMs;
          }
        }
      })
      .catch((error: unknown) => {
        const lost = this.abort.signal.aborted ? 'message kept for later was not sent before stop' : 'message kept for later failed';
        this.logger.error({ err: error, call: label }, lost);
      })
      .finally(() => {
        this.deferred -= 1;
        if (this.later.get(chatKey) === next) this.later.delete(chatKey);
      });
    this.later.set(chatKey, next);
  }

  /** Call an API with retries but no pacing (typing actions, callback answers, set-up calls). */
  async call<T>(label: string, attempt: () => Promise<T>): Promise<T> {
    for (let n = 1; ; n += 1) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof RetryableError) || n >= this.options.maxAttempts) throw error;
        const delay = this.delayFor(error, n);
        this.logger.warn({ call: label, attempt: n, delayMs: delay, reason: error.message }, 'outbound call will be retried');
        await sleep(delay, undefined, { signal: this.abort.signal });
      }
    }
  }

  /**
   * POST JSON with undici. 429 and 5xx become RetryableError; other statuses are returned
   * for the caller to judge (APIs here report errors inside HTTP 200 too).
   */
  async postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
    let response;
    try {
      response = await request(url, {
        method: 'POST',
        dispatcher: this.agent,
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: this.abort.signal,
      });
    } catch (error) {
      if (this.abort.signal.aborted) throw error;
      throw new RetryableError(`network error: ${(error as Error).message}`);
    }
    const text = await response.body.text();
    const status = response.statusCode;
    if (status === 429 || status >= 500) {
      const retryAfter = parseRetryAfter(response.headers['retry-after']);
      throw new RetryableError(`HTTP ${status}`, retryAfter ?? retryAfterFromBody(text));
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`HTTP ${status}: response is not JSON`);
    }
    return { status, body: parsed };
  }

  /** Abort pacing waits, backoffs and requests still running, and release connections. */
  async close(): Promise<void> {
    this.abort.abort(new Error('outbound closed'));
    await this.agent.close();
  }

  private delayFor(error: RetryableError, attempt: number): number {
    if (error.retryAfterMs !== undefined) {
      if (error.retryAfterMs > this.options.maxRetryAfterMs) throw new RetryLaterError(error.message, error.retryAfterMs);
      return error.retryAfterMs;
    }
    const exponential = this.options.baseDelayMs * 2 ** (attempt - 1);
    const jitter = 0.75 + Math.random() * 0.5;
    return Math.min(this.options.maxDelayMs, Math.round(exponential * jitter));
  }

  private remember(chatKey: string, at: number): void {
    // Keep the pacing map small: entries in the past no longer constrain anything.
    if (this.nextSendAt.size > 10_000) {
      const now = Date.now();
      for (const [key, next] of this.nextSendAt) if (next <= now) this.nextSendAt.delete(key);
    }
    this.nextSendAt.set(chatKey, at);
  }
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | string[] | undefined): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(raw.trim())) return Math.round(Number(raw) * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Telegram-style bodies carry `parameters.retry_after` in seconds. */
function retryAfterFromBody(text: string): number | undefined {
  try {
    const seconds = (JSON.parse(text) as { parameters?: { retry_after?: unknown } }).parameters?.retry_after;
    return typeof seconds === 'number' ? seconds * 1000 : undefined;
  } catch {
    return undefined;
  }
}
