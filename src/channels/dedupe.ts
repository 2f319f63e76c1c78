import type { Awaitable } from './stores.js';

/**
 * Delivery ids already taken, so a delivery the platform repeats is answered once (in memory
 * here; src/store keeps them in SQLite or Redis, where one claim decides between instances).
 */
export interface DeliveryLog {
  /** True when the key was not taken within the ttl: it is now, by this process. */
  claim(key: string): Awaitable<boolean>;
  /** Forget a claimed key: the delivery was refused (503) and will come again. */
  release(key: string): Awaitable<void>;
}

/**
 * Remembers keys for a fixed time so retried webhook deliveries are answered once.
 * Bounded: the oldest keys are forgotten first when `maxKeys` is reached.
 */
export class TtlSet implements DeliveryLog {
  // Insertion order equals expiry order because every key lives for the same ttl.
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxKeys = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when the key was not seen within the ttl (and is now remembered). */
  claim(key: string): boolean {
    const now = this.now();
    this.sweep(now);
    if (this.expiries.has(key)) return false;
    if (this.expiries.size >= this.maxKeys) {
      const oldest = this.expiries.keys().next().value;
      if (oldest !== undefined) this.expiries.delete(oldest);
    }
    this.expiries.set(key, now + this.ttlMs);
    return true;
  }

  release(key: string): void {
    this.expiries.delete(key);
  }

  has(key: string): boolean {
    this.sweep(this.now());
    return this.expiries.has(key);
  }

  private sweep(now: number): void {
    for (const [key, expiry] of this.expiries) {
      if (expiry > now) break;
      this.expiries.delete(key);
    }
  }
}
