/**
 * A real redis-server for the tests: the one .ci/run started (PLANBOT_TEST_REDIS_URL), or one
 * started here on a free loopback port when the binary is installed. Without either, the Redis
 * tests fail under CI and are skipped elsewhere, saying why.
 */
import { Redis } from 'ioredis';
import { hasRedisServer, startRedisServer, type OwnRedis } from '../../bench/redisServer.js';

export { startRedisServer };
export type TestRedis = OwnRedis;

/** Why the Redis tests cannot run here, or null when they can. Under CI a missing server is an error, not a skip. */
export function redisMissing(): string | null {
  if (process.env.PLANBOT_TEST_REDIS_URL || hasRedisServer()) return null;
  const reason = 'Redis tests need redis-server (apt-get install redis-server) or PLANBOT_TEST_REDIS_URL';
  if (process.env.CI === 'true') throw new Error(`${reason}; .ci/run installs and starts one`);
  console.warn(`skipped: ${reason}`);
  return reason;
}

/** The shared test server (CI's, or one started here); its `stop` stops only one started here. */
export async function testRedis(): Promise<TestRedis> {
  const given = process.env.PLANBOT_TEST_REDIS_URL;
  if (given) {
    const refuse = async () => {
      throw new Error('PLANBOT_TEST_REDIS_URL is shared: not stopped by a test');
    };
    return { url: given.replace(/\/\d*$/, ''), stop: async () => undefined, restart: refuse };
  }
  return startRedisServer();
}

/** Empty one database (tests use a database number of their own, so files running side by side do not meet). */
export async function flushDb(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  await redis.flushdb();
  await redis.quit();
}
