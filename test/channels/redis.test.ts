import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushDb, redisMissing, startRedisServer, testRedis, type TestRedis } from '../store/redisServer.js';
import { compileServe } from './compileServe.js';
import { spawnServe, type ServeChild } from './serveChild.js';
import { fakeTelegram, sleep, waitFor } from './fakeApi.js';
import { post, TG_SECRET, TG_TOKEN } from './harness.js';

/**
 * Several instances on one Redis: real server processes (runServe compiled, as in
 * serve.test.ts), a real redis-server, Telegram faked on 127.0.0.1.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = join(root, '.cache', 'redis-test');
const echoChild = join(root, 'test/channels/fixtures/serve-child.mjs');
const corpusChild = join(root, 'test/channels/fixtures/serve-corpus-child.mjs');
/** This file's database on the shared server. */
const DB = 2;

type Child = ServeChild;

const children: Child[] = [];
const tg = fakeTelegram();
let tgRoot = '';
let scratch = '';
let redis: TestRedis;
const skip = redisMissing();

function startChild(env: Record<string, string>, script = echoChild): Child {
  const started = spawnServe(
    outDir,
    script,
    {
      PLANBOT_DATA: mkdtempSync(join(scratch, 'data-')),
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
      TELEGRAM_API_ROOT: tgRoot,
      PLANBOT_API_RATE_LIMIT: '0',
      ...env,
    },
    15_000,
  );
  children.push(started);
  return started;
}

const stopChild = async (child: Child) => {
  if (child.process.exitCode !== null) return;
  child.process.kill('SIGTERM');
  await Promise.race([child.exit, sleep(8_000)]);
};

const tgUpdate = (chat: number, updateId: number, text: string) => ({
  update_id: updateId,
  message: { message_id: updateId, date: 0, chat: { id: chat, type: 'private' }, text },
});
const tgHook = (url: string, body: unknown) => post(`${url}/telegram/webhook`, body, { 'x-telegram-bot-api-secret-token': TG_SECRET });
/** /readyz's status once it is `want`, or its last status after 5 s. */
async function readyzBecomes(url: string, want: number): Promise<number> {
  let status = 0;
  for (let i = 0; i < 100 && status !== want; i += 1) {
    status = (await fetch(`${url}/readyz`)).status;
    if (status !== want) await sleep(50);
  }
  return status;
}
const repliesTo = (chat: number) => tg.callsTo('sendMessage').filter((c) => c.body.chat_id === chat);

beforeAll(async () => {
  if (skip) return;
  compileServe(root, outDir);
  tgRoot = await tg.listen();
  scratch = mkdtempSync(join(tmpdir(), 'planbot-redis-'));
  redis = await testRedis();
  await flushDb(`${redis.url}/${DB}`);
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGKILL');
  await tg.close();
  await redis?.stop();
});

describe.skipIf(skip)('several instances on one Redis', () => {
  it('the same delivery posted to both instances is answered once; a chat keeps its order across them', async () => {
    const file = join(scratch, 'echo.txt');
    writeFileSync(file, 'v1');
    tg.reset();
    // Each reply takes a while to send, so the turns overlap if nothing keeps them in line.
    tg.on((call) =>
      call.method === 'sendMessage'
        ? { body: { ok: true, result: { message_id: 1, date: 0, chat: { id: call.body.chat_id, type: 'private' } } }, delayMs: 120 }
        : undefined,
    );
    const env = { ANSWERER_FILE: file, REDIS_URL: `${redis.url}/${DB}` };
    const [a, b] = [startChild(env), startChild(env)];
    const [urlA, urlB] = await Promise.all([a.url, b.url]);

    // One delivery, to both at once, and again to each.
    const same = tgUpdate(7_001, 90_001, 'once');
    const statuses = await Promise.all([tgHook(urlA, same), tgHook(urlB, same)]);
    expect(statuses.map((s) => s.status)).toEqual([200, 200]);
    expect((await tgHook(urlB, same)).status).toBe(200);
    await waitFor('the reply', () => repliesTo(7_001).length === 1);
    await sleep(800);
    expect(repliesTo(7_001).map((c) => c.body.text)).toEqual(['v1: once']);

    // Eight messages of one chat, alternating between the instances as fast as they are acknowledged.
    const texts = Array.from({ length: 8 }, (_, i) => `m${i + 1}`);
    for (const [i, text] of texts.entries()) expect((await tgHook(i % 2 ? urlB : urlA, tgUpdate(7_002, 91_000 + i, text))).status).toBe(200);
    await waitFor('eight replies', () => repliesTo(7_002).length === 8, 10_000);
    expect(repliesTo(7_002).map((c) => c.body.text)).toEqual(texts.map((t) => `v1: ${t}`));
    // In line: each reply was asked for after the one before had been sent.
    const sent = tg.calls.flatMap((c, i) => (c.method === 'sendMessage' && c.body.chat_id === 7_002 ? [{ at: c.at, done: tg.answeredAt[i]! }] : []));
    for (let i = 1; i < sent.length; i += 1) expect(sent[i]!.at).toBeGreaterThanOrEqual(sent[i - 1]!.done);
    // Both instances took part.
    for (const child of [a, b]) expect(child.lines().some((l) => l.msg === 'listening')).toBe(true);
    await Promise.all([stopChild(a), stopChild(b)]);
  }, 45_000);

  it("a chat's context set through one instance is used by the other", async () => {
    tg.reset();
    const env = { PLANBOT_CORPUS: join(root, 'corpus'), REDIS_URL: `${redis.url}/${DB}` };
    const [a, b] = [startChild(env, corpusChild), startChild(env, corpusChild)];
    const [urlA, urlB] = await Promise.all([a.url, b.url]);
    expect((await tgHook(urlA, tgUpdate(7_101, 92_001, 'Ai chủ trì nhiệm vụ 21 kế hoạch Huế 2026-2030?'))).status).toBe(200);
    await waitFor('the first answer', () => repliesTo(7_101).length === 1, 10_000);
    // The follow-up goes to the other instance right after the first reply.
    expect((await tgHook(urlB, tgUpdate(7_101, 92_002, 'thời hạn?'))).status).toBe(200);
    // The same follow-up from a chat with no context, for comparison.
    expect((await tgHook(urlB, tgUpdate(7_102, 92_003, 'thời hạn?'))).status).toBe(200);
    await waitFor('the follow-ups', () => repliesTo(7_101).length === 2 && repliesTo(7_102).length === 1, 10_000);
    const followUp = repliesTo(7_101)[1]!.body.text as string;
    const withoutContext = repliesTo(7_102)[0]!.body.text as string;
    expect(followUp).not.toBe(withoutContext);
    // Answered for the task and the plan asked about through the first instance.
    expect(followUp).toMatch(/Nhiệm vụ 21/);
    expect(followUp).toMatch(/KH 284/);
    expect(withoutContext).not.toMatch(/Nhiệm vụ 21/);
    await Promise.all([stopChild(a), stopChild(b)]);
  }, 45_000);

  it('a killed instance leaves its acknowledged delivery to the other, which sends it once', async () => {
    const file = join(scratch, 'takeover.txt');
    writeFileSync(file, 'v1');
    tg.reset();
    // The first instance's send never completes.
    let hang = true;
    tg.on((call) => (call.method === 'sendMessage' && hang ? { body: { ok: true, result: true }, delayMs: 60_000 } : undefined));
    const env = { ANSWERER_FILE: file, REDIS_URL: `${redis.url}/${DB}`, PLANBOT_OUTBOX_LEASE_MS: '2000' };
    const a = startChild(env);
    const urlA = await a.url;
    const b = startChild(env);
    await b.url;
    expect((await tgHook(urlA, tgUpdate(7_201, 93_001, 'kept'))).status).toBe(200);
    await waitFor('the send under way', () => repliesTo(7_201).length === 1);
    hang = false;
    a.process.kill('SIGKILL');
    await a.exit;
    await waitFor('the other instance sends it', () => repliesTo(7_201).length === 2, 20_000);
    expect(b.lines().find((l) => /admitted again/.test(l.msg))?.deliveries).toBe(1);
    await sleep(2_500);
    expect(repliesTo(7_201)).toHaveLength(2);
    await stopChild(b);
  }, 45_000);

  it('a wrong or unreachable REDIS_URL stops the start with a clear message', async () => {
    const file = join(scratch, 'wrong.txt');
    writeFileSync(file, 'v1');
    const malformed = startChild({ ANSWERER_FILE: file, REDIS_URL: 'http://localhost:6379' });
    expect(await Promise.race([malformed.exit.then((e) => e.code), sleep(8_000).then(() => -1)])).toBe(2);
    expect(malformed.output()).toMatch(/Invalid configuration:\n {2}- REDIS_URL must look like redis:\/\//);
    const unreachable = startChild({ ANSWERER_FILE: file, REDIS_URL: 'redis://:s3cret@127.0.0.1:1/0' });
    expect(await Promise.race([unreachable.exit.then((e) => e.code), sleep(15_000).then(() => -1)])).toBe(2);
    expect(unreachable.output()).toMatch(/REDIS_URL \(redis:\/\/:\*\*\*@127\.0\.0\.1:1\/0\) cannot be reached: .*ECONNREFUSED/);
    expect(unreachable.output()).not.toContain('s3cret');
  }, 30_000);

  it('Redis gone while running: /readyz and webhooks answer 503; both 200 again once it is back', async () => {
    const own = await startRedisServer();
    try {
      const file = join(scratch, 'outage.txt');
      writeFileSync(file, 'v1');
      tg.reset();
      const child = startChild({ ANSWERER_FILE: file, REDIS_URL: own.url });
      const url = await child.url;
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      await own.stop();
      expect(await readyzBecomes(url, 503)).toBe(503);
      expect((await tgHook(url, tgUpdate(7_301, 94_001, 'during'))).status).toBe(503);
      // An API chat's context is in Redis too: 503; a call naming no chat needs no store.
      expect((await post(`${url}/api/ask`, { text: 'hi', chat: 'desk' })).status).toBe(503);
      expect((await post(`${url}/api/ask`, { text: 'hi' })).json.reply).toBe('v1: hi');
      await own.restart();
      expect(await readyzBecomes(url, 200)).toBe(200);
      // The platform delivers it again: answered now.
      expect((await tgHook(url, tgUpdate(7_301, 94_001, 'during'))).status).toBe(200);
      await waitFor('the reply', () => repliesTo(7_301).length === 1, 5_000);
      expect((await post(`${url}/api/ask`, { text: 'hi', chat: 'desk' })).json.reply).toBe('v1: hi');
      expect(child.lines().some((l) => /redis connection lost/.test(l.msg))).toBe(true);
      await stopChild(child);
    } finally {
      await own.stop();
    }
  }, 45_000);
});
