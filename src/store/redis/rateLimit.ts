import type { Redis } from 'ioredis';
import type { ChatRateLimit, RateDecision } from '../../channels/rateLimit.js';
import { KEY } from './connection.js';

/** The per-chat message limit shared by every instance: a counter per chat that expires with its window. */
export class RedisRateLimit implements ChatRateLimit {
  constructor(
    private readonly redis: Redis,
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  async hit(chatKey: string): Promise<RateDecision> {
    const key = `${KEY}rate:${chatKey}`;
    // The window starts with the chat's first message in it: created with its expiry, then counted.
    const results = await this.redis.multi().set(key, 0, 'PX', this.windowMs, 'NX').incr(key).exec();
    const [error, count] = results?.[1] ?? [new Error('rate limit: transaction aborted'), 0];
    if (error) throw error;
    if ((count as number) <= this.max) return 'ok';
    return count === this.max + 1 ? 'notify' : 'drop';
  }
}
