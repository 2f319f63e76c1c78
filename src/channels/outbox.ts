import type { Awaitable } from './stores.js';

/** A delivery kept until it is answered. */
export interface OutboxEntry {
  id: number;
  /** The channel's lane ("tg", "zalo", "zoa"). */
  channel: string;
  /** The delivery as received. */
  body: unknown;
}

/**
 * Deliveries written before the webhook is acknowledged and removed once answered, so a
 * process that stops or dies in between loses nothing: the next one takes them (src/store).
 */
export interface Outbox {
  /** Keep a delivery; returns its id. */
  put(channel: string, body: unknown): Awaitable<number>;
  /** The delivery was answered, or given up on (logged). */
  done(id: number): Awaitable<void>;
  /** Deliveries another process took and did not finish (it stopped, or its lease ran out), now leased to this one. */
  takeUnsent(): Awaitable<OutboxEntry[]>;
}
