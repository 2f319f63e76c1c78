/** The store the channels use, chosen in one place: SQLite in PLANBOT_DATA, or Redis when REDIS_URL is set. */
import type { Logger } from 'pino';
import type { Config, StoreConfig } from '../config.js';
import { ChatContexts } from '../channels/contexts.js';
import type { QuestionHistory } from '../channels/questions.js';
import { RateLimiter } from '../channels/rateLimit.js';
import { DIRECT_TURNS, type Stores } from '../channels/stores.js';
import { SqliteContextStore } from './contexts.js';
import { SqliteDeliveryLog } from './deliveries.js';
import { SqliteOutbox } from './outbox.js';
import { loggedQuestions, SqliteQuestionLog } from './questions.js';
import { announceInstance, connectRedis } from './redis/connection.js';
import { RedisDeliveryLog } from './redis/deliveries.js';
import { RedisOutbox } from './redis/outbox.js';
import { RedisQuestionLog, streamQuestions } from './redis/questions.js';
import { RedisRateLimit } from './redis/rateLimit.js';
import { RedisTurns } from './redis/turns.js';
import { openDatabase, openQuestionLog } from './sqlite.js';

/** Chat-app chats whose context is kept (API chats: PLANBOT_API_CONTEXTS). */
const APP_CONTEXTS = 100_000;

export interface StoreTuning {
  /** How long delivery ids are remembered. */
  dedupeTtlMs: number;
  /** Messages a chat may send per window. */
  rateLimit: { max: number; windowMs: number };
}

/** Open the configured store; with REDIS_URL, rejects with one clear message when Redis cannot be reached. */
export function openStores(config: Config, tuning: StoreTuning, logger?: Logger): Promise<Stores> {
  return config.redisUrl === null ? Promise.resolve(sqliteStores(config, tuning)) : redisStores(config, config.redisUrl, tuning, logger);
}

/** One instance: everything in `<PLANBOT_DATA>/planbot.db`; rate limits in memory. */
function sqliteStores(config: Config, tuning: StoreTuning): Stores {
  const db = openDatabase(config.dataDir);
  const apps = new SqliteContextStore(db, 'apps', APP_CONTEXTS);
  const api = new SqliteContextStore(db, 'api', config.limits.apiContexts);
  const questions = config.questionLogDays === null ? null : new SqliteQuestionLog(openQuestionLog(config.dataDir), config.questionLogDays);
  return {
    contexts: new ChatContexts(apps, api),
    deliveries: new SqliteDeliveryLog(db, tuning.dedupeTtlMs),
    rateLimit: new RateLimiter(tuning.rateLimit.max, tuning.rateLimit.windowMs),
    outbox: new SqliteOutbox(db, config.limits.outboxLeaseMs),
    questions,
    turns: DIRECT_TURNS,
    available: () => true,
    async close() {
      questions?.close();
      apps.flush();
      api.flush();
      db.close();
    },
  };
}

/** Several instances: everything in Redis; each process keeps the contexts of the chats it is answering, loaded per turn. */
async function redisStores(config: Config, url: string, tuning: StoreTuning, logger?: Logger): Promise<Stores> {
  const connection = await connectRedis(url, logger);
  const { redis } = connection;
  try {
    const instance = await announceInstance(redis);
    const contexts = ChatContexts.inMemory({ apps: APP_CONTEXTS, api: config.limits.apiContexts });
    const questions = config.questionLogDays === null ? null : await RedisQuestionLog.open(redis, config.questionLogDays, config.limits.questionLogMax);
    return {
      contexts,
      deliveries: new RedisDeliveryLog(redis, tuning.dedupeTtlMs),
      rateLimit: new RedisRateLimit(redis, tuning.rateLimit.max, tuning.rateLimit.windowMs),
      outbox: new RedisOutbox(redis, instance.me, config.limits.outboxLeaseMs),
      questions,
      turns: new RedisTurns(redis, instance.me, contexts),
      available: connection.available,
      async close() {
        await questions?.close();
        await instance.stop();
        await connection.close();
      },
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}

/** The question log read back, for `planbot inbox`: from Redis when REDIS_URL is set, else from PLANBOT_DATA. */
export async function openQuestionHistory(config: StoreConfig): Promise<QuestionHistory & { close(): Promise<void> }> {
  if (config.redisUrl !== null) {
    const connection = await connectRedis(config.redisUrl);
    return { since: (sinceMs) => streamQuestions(connection.redis, sinceMs), close: connection.close };
  }
  const db = openDatabase(config.dataDir);
  return { since: async (sinceMs) => loggedQuestions(db, sinceMs), close: async () => db.close() };
}
