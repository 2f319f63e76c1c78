/** The shared store's connection: Redis through ioredis, one connection per process. */
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { redactUrl } from '../../config.js';

/** Every key this bot writes starts so (several bots may share one Redis if each has its own database number). */
export const KEY = 'planbot:';

/** How often an instance says it is alive, and how long that is believed. */
const ALIVE_EVERY_MS = 2_000;
const ALIVE_FOR_MS = 6_000;
/** Key saying an instance is alive: its leases and its place in a chat's line are not to be taken. */
export const aliveKey = (instance: string): string => `${KEY}alive:${instance}`;

export interface RedisConnection {
  redis: Redis;
  /** Connected and answering. */
  available(): boolean;
  close(): Promise<void>;
}

/**
 * Connect to REDIS_URL and check it answers; throws one clear message when it does not (wrong
 * host, port, password or database). Once connected, a lost connection is retried for ever;
 * meanwhile calls fail at once (no offline queue), so webhooks get 503 and platforms retry.
 */
export async function connectRedis(url: string, logger?: Logger): Promise<RedisConnection> {
  let lastError = null as Error | null;
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    retryStrategy: (times) => Math.min(100 * times, 1_000),
    // Commands issued in one tick go out in one write.
    enableAutoPipelining: true,
  });
  redis.on('error', (error: Error) => (lastError = error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    const reason = lastError?.message ?? (error as Error).message;
    throw new Error(`REDIS_URL (${redactUrl(url)}) cannot be reached: ${reason}`);
  }
  let wasReady = true;
  redis.on('close', () => {
    if (wasReady) logger?.error({ err: lastError ?? undefined }, 'redis connection lost: webhooks answer 503 until it is back');
    wasReady = false;
  });
  redis.on('ready', () => {
    if (!wasReady) logger?.info('redis connection back');
    wasReady = true;
  });
  return {
    redis,
    available: () => redis.status === 'ready',
    async close() {
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}

/**
 * Say now and then that this instance is alive, under a name of its own (host, pid, a random
 * part): its outbox leases and its chats' turns are left to it only while it does.
 */
export async function announceInstance(redis: Redis): Promise<{ me: string; stop(): Promise<void> }> {
  const me = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const sayAlive = () => redis.set(aliveKey(me), '1', 'PX', ALIVE_FOR_MS).catch(() => undefined);
  await sayAlive();
  redis.on('ready', sayAlive);
  const timer = setInterval(sayAlive, ALIVE_EVERY_MS).unref();
  return {
    me,
    async stop() {
      clearInterval(timer);
      redis.off('ready', sayAlive);
      await redis.del(aliveKey(me)).catch(() => undefined);
    },
  };
}

export type Arg = string | number;

/** A Lua script run by its hash, sent whole only when the server does not know it yet. */
export function luaScript(lua: string): (redis: Redis, keys: string[], args: Arg[]) => Promise<unknown> {
  const sha = createHash('sha1').update(lua).digest('hex');
  return async (redis, keys, args) => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error as Error).message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(lua, keys.length, ...keys, ...args);
    }
  };
}
