import type { Redis } from 'ioredis';
import type { DeliveryLog } from '../../channels/dedupe.js';
import { KEY } from './connection.js';

/** Delivery ids in Redis: `SET NX` decides which instance answers a delivery; the id expires after the ttl. */
export class RedisDeliveryLog implements DeliveryLog {
  constructor(
    private readonly redis: Redis,
    private readonly ttlMs: number,
  ) {}

  async claim(key: string): Promise<boolean> {
    return (await this.redis.set(`${KEY}delivery:${key}`, '1', 'PX', this.ttlMs, 'NX')) === 'OK';
  }

  async release(key: string): Promise<void> {
    await this.redis.del(`${KEY}delivery:${key}`);
  }
}
