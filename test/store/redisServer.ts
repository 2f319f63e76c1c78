/**
 * A real redis-server for the tests: the one .ci/run started (PLANBOT_TEST_REDIS_URL), or one
 * started here on a free loopback port when the binary is installed. Without either, the Redis
 * tests fail under CI and are skipped elsewhere, saying why.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

export interface TestRedis {
  /** redis://127.0.0.1:port (no database number). */
  url: string;
  /** Stop the server (one started here only). */
  stop(): Promise<void>;
  /** Start it again on the same port (one started here only). */
  restart(): Promise<void>;
}

export const hasRedisServer = (): boolean => spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/** Why the Redis tests cannot run here, or null when they can. Under CI a missing server is an error, not a skip. */
export function redisMissing(): string | null {
  if (process.env.PLANBOT_TEST_REDIS_URL || hasRedisServer()) return null;
  const reason = 'Redis tests need redis-server (apt-get install redis-server) or PLANBOT_TEST_REDIS_URL';
  if (process.env.CI === 'true') throw new Error(`${reason}; .ci/run installs and starts one`);
  console.warn(`skipped: ${reason}`);
  return reason;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A redis-server of the test's own, on a free port, without persistence. */
export async function startRedisServer(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 10_000;
    while (!/Ready to accept connections/.test(output)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`redis-server did not start on port ${port}: ${output.slice(-500)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, stop, restart: start };
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
