import type { Awaitable } from './stores.js';

export type RateDecision = 'ok' | 'notify' | 'drop';

/** Messages a chat may send in a window: in this process (RateLimiter) or shared between instances (src/store). */
export interface ChatRateLimit {
  hit(chatKey: string): Awaitable<RateDecision>;
}

interface Window {
  start: number;
  count: number;
}

/**
 * Fixed-window message limit per chat. The first message over the limit in a window
 * yields 'notify' (send one polite notice), later ones 'drop' (stay silent).
 */
export class RateLimiter implements ChatRateLimit {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly maxChats = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  hit(chatKey: string): RateDecision {
    const now = this.now();
    let window = this.windows.get(chatKey);
    if (!window || now - window.start >= this.windowMs) {
      if (!window && this.windows.size >= this.maxChats) this.sweep(now);
      window = { start: now, count: 0 };
      this.windows.set(chatKey, window);
    }
    window.count += 1;
    if (window.count <= this.max) return 'ok';
    return window.count === this.max + 1 ? 'notify' : 'drop';
  }

  /** Forget expired windows; if every chat is active, forget the oldest to stay bounded. */
  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key);
    }
    if (this.windows.size >= this.maxChats) {
      const oldest = this.windows.keys().next().value;
      if (oldest !== undefined) this.windows.delete(oldest);
    }
  }
}
