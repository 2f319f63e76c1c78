import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EMPTY_CONTEXT, MemoryContextStore } from '../../src/answer/context.js';
import { main } from '../../src/channels/cli/main.js';
import { loadConfig } from '../../src/config.js';
import { openStores } from '../../src/store/index.js';
import { KEY } from '../../src/store/redis/connection.js';
import { RedisDeliveryLog } from '../../src/store/redis/deliveries.js';
import { RedisOutbox } from '../../src/store/redis/outbox.js';
import { QUESTIONS, RedisQuestionLog } from '../../src/store/redis/questions.js';
import { RedisRateLimit } from '../../src/store/redis/rateLimit.js';
import { RedisTurns } from '../../src/store/redis/turns.js';
import { FakeAnswerer } from '../channels/fakeAnswerer.js';
import { fakeTelegram, sleep, waitFor } from '../channels/fakeApi.js';
import { post, startServer, TG_SECRET, TG_TOKEN } from '../channels/harness.js';
import { flushDb, redisMissing, testRedis, type TestRedis } from './redisServer.js';

/** The Redis store against a real redis-server (this file's own database on it). */
const DB = 1;
const DAY = 24 * 3600 * 1000;
const ADMIN = 'admin-token-0123456789';
const skip = redisMissing();
let server: TestRedis;
let url = '';
let redis: Redis;

beforeAll(async () => {
  if (skip) return;
  server = await testRedis();
  url = `${server.url}/${DB}`;
  await flushDb(url);
  redis = new Redis(url);
});

afterAll(async () => {
  await redis?.quit();
  await server?.stop();
});

const reply = (found: boolean, text = 'Không có trong các kế hoạch.') => ({
  reply: text,
  found,
  intent: found ? 'task.lead' : 'topic',
  sources: [{ plan: 'hue', ref: 'KH 284' }],
  lang: 'vi' as const,
});

describe.skipIf(skip)('Redis store', () => {
  it('a delivery id is claimed by one instance only, until the ttl or until given back', async () => {
    const second = new Redis(url);
    const [a, b] = [new RedisDeliveryLog(redis, 300), new RedisDeliveryLog(second, 300)];
    expect(await Promise.all([a.claim('tg:1'), b.claim('tg:1')])).toEqual(expect.arrayContaining([true, false]));
    await a.release('tg:1');
    expect(await b.claim('tg:1')).toBe(true);
    await sleep(350);
    expect(await a.claim('tg:1')).toBe(true);
    await second.quit();
  });

  it('a chat rate limit is shared by the instances: max per window, one notice, then silence', async () => {
    const [a, b] = [new RedisRateLimit(redis, 2, 500), new RedisRateLimit(redis, 2, 500)];
    expect([await a.hit('tg:9'), await b.hit('tg:9'), await a.hit('tg:9'), await b.hit('tg:9')]).toEqual(['ok', 'ok', 'notify', 'drop']);
    expect(await b.hit('tg:10')).toBe('ok');
    await sleep(550);
    expect(await a.hit('tg:9')).toBe('ok');
  });

  it('outbox: an entry stays with a live instance under lease; it is taken once the lease ran out or the instance stopped saying it is alive', async () => {
    let now = 1_000_000;
    const a = new RedisOutbox(redis, 'host-a:1', 1_000, () => now);
    const b = new RedisOutbox(redis, 'host-b:2', 1_000, () => now);
    await redis.set(`${KEY}alive:host-a:1`, '1');
    await redis.set(`${KEY}alive:host-b:2`, '1');
    const id = await a.put('tg', { update_id: 1 });
    expect(await a.takeUnsent()).toEqual([]);
    expect(await b.takeUnsent()).toEqual([]);
    now += 1_001;
    expect(await b.takeUnsent()).toEqual([{ id, channel: 'tg', body: { update_id: 1 } }]);
    expect(await a.takeUnsent()).toEqual([]);
    // An instance gone (no alive key): its entries are taken at once, lease or not.
    const other = await b.put('zalo', { n: 2 });
    expect(await a.takeUnsent()).toEqual([]);
    await redis.del(`${KEY}alive:host-b:2`);
    expect((await a.takeUnsent()).map((e) => e.id)).toEqual([id, other]);
    // Never its own, lease or not: they are being answered.
    now += 1_001;
    expect(await a.takeUnsent()).toEqual([]);
    await Promise.all([b.done(id), a.done(other)]);
    expect(await redis.hlen(`${KEY}outbox:entries`)).toBe(0);
    expect(await redis.zcard(`${KEY}outbox:leases`)).toBe(0);
  });

  it('turns of one chat run in the order their places were taken, each with the context the one before wrote', async () => {
    const [ctxA, ctxB] = [new MemoryContextStore(), new MemoryContextStore()];
    const [a, b] = [new RedisTurns(redis, 'host-a:1', ctxA), new RedisTurns(redis, 'host-b:2', ctxB)];
    await redis.set(`${KEY}alive:host-a:1`, '1');
    await redis.set(`${KEY}alive:host-b:2`, '1');
    const chat = 'tg:77';
    const places = [await a.ticket(chat), await b.ticket(chat), await a.ticket(chat), await b.ticket(chat)];
    const skipped = await b.ticket(chat);
    const last = await a.ticket(chat);
    const seen: string[] = [];
    const turn = (store: MemoryContextStore, name: string) => async () => {
      seen.push(`${name}:${store.get(chat)?.planIds.join(',') ?? '-'}`);
      await sleep(30);
      store.set(chat, { ...EMPTY_CONTEXT, planIds: [...(store.get(chat)?.planIds ?? []), name] });
    };
    // Started last first: each waits for the places before it.
    await Promise.all([
      a.run(chat, turn(ctxA, 'six'), last),
      b.run(chat, turn(ctxB, 'four'), places[3]),
      a.run(chat, turn(ctxA, 'three'), places[2]),
      b.skip(chat, skipped),
      b.run(chat, turn(ctxB, 'two'), places[1]),
      a.run(chat, turn(ctxA, 'one'), places[0]),
    ]);
    expect(seen).toEqual(['one:-', 'two:one', 'three:one,two', 'four:one,two,three', 'six:one,two,three,four']);
    expect(JSON.parse((await redis.get(`${KEY}ctx:${chat}`))!).planIds).toEqual(['one', 'two', 'three', 'four', 'six']);
    expect(await redis.pttl(`${KEY}ctx:${chat}`)).toBeGreaterThan(29 * 60 * 1000);
  });

  it('a turn whose instance is gone does not hold its chat', async () => {
    const turns = new RedisTurns(redis, 'host-b:2', new MemoryContextStore());
    const chat = 'tg:78';
    // A turn entered by an instance that then died: its place is never left.
    const dead = new RedisTurns(redis, 'host-dead:3', new MemoryContextStore());
    const first = await dead.ticket(chat);
    const second = await turns.ticket(chat);
    await redis.hset(`${KEY}line:${chat}`, 'holder', 'host-dead:3', 'served', first - 1);
    const started = Date.now();
    expect(await turns.run(chat, () => 'ran', second)).toBe('ran');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('question log: a stream capped as it grows, pruned by age, with votes; the inbox reads it (CLI and API)', async () => {
    let now = Date.now();
    const log = await RedisQuestionLog.open(redis, 90, 100, () => now);
    const ids = Array.from({ length: 1_000 }, (_, i) => log.record(`tg:${i}`, `câu ${i}`, reply(true, 'ok')));
    const unanswered = log.record('tg:5', 'wifi miễn phí, gọi 0912345678', reply(false));
    await log.flush();
    // MAXLEN ~: trimmed to about the cap (Redis trims whole nodes of ~100 entries).
    const length = await redis.xlen(QUESTIONS);
    expect(length).toBeGreaterThanOrEqual(100);
    expect(length).toBeLessThan(300);
    expect(await log.vote(unanswered, 'down', 'sai')).toBe(true);
    expect(await log.vote('no-such-reply', 'up')).toBe(false);
    // An answer's row keeps no reply text; its 👎 brings it, for the inbox to show.
    expect(await log.vote(ids[999]!, 'down')).toBe(true);
    expect(ids).toHaveLength(1_000);
    const logged = await log.since(now - 60_000);
    const last = logged.find((q) => q.replyId === unanswered)!;
    expect(last).toMatchObject({
      question: 'wifi miễn phí, gọi [số điện thoại]',
      found: false,
      channel: 'tg',
      vote: 'down',
      comment: 'sai',
      sources: ['KH 284'],
    });
    expect(logged.find((q) => q.replyId === ids[999])).toMatchObject({ found: true, vote: 'down', reply: 'ok' });
    expect(JSON.stringify(await redis.xrange(QUESTIONS, '-', '+'))).not.toContain('tg:5');

    // The CLI reads the same log from Redis.
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    process.env.REDIS_URL = url;
    try {
      expect(await main(['inbox', '--since', '1d', '--jsonl'])).toBe(0);
    } finally {
      delete process.env.REDIS_URL;
      write.mockRestore();
    }
    expect(
      out
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).text)
        .sort(),
    ).toEqual(['câu 999', 'wifi miễn phí, gọi [số điện thoại]']);

    // Retention: opened 91 days on, the log prunes what is older than 90 days.
    await log.close();
    now += 91 * DAY;
    const later = await RedisQuestionLog.open(redis, 90, 100, () => now);
    expect(await redis.xlen(QUESTIONS)).toBe(0);
    await later.close();
  });

  it('the server on Redis: the inbox API reads the log from Redis; webhooks are answered through the Redis store', async () => {
    await redis.del(QUESTIONS);
    const tg = fakeTelegram();
    const root = await tg.listen();
    const h = await startServer({
      getAnswerer: () => new FakeAnswerer(),
      env: { REDIS_URL: url, PLANBOT_ADMIN_TOKEN: ADMIN, TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_WEBHOOK_SECRET: TG_SECRET, TELEGRAM_API_ROOT: root },
    });
    try {
      const update = { update_id: 4_242, message: { message_id: 1, date: 0, chat: { id: 5, type: 'private' }, text: 'choose' } };
      for (let i = 0; i < 2; i += 1)
        expect((await post(`${h.url}/telegram/webhook`, update, { 'x-telegram-bot-api-secret-token': TG_SECRET })).status).toBe(200);
      await post(`${h.url}/api/ask`, { text: 'choose', chat: 'desk' });
      await waitFor('telegram reply', () => tg.callsTo('sendMessage').length === 1);
      await sleep(300);
      expect(tg.callsTo('sendMessage')).toHaveLength(1);
      const response = await fetch(`${h.url}/api/inbox?since=1h`, { headers: { authorization: `Bearer ${ADMIN}` } });
      const { groups } = (await response.json()) as { groups: Array<{ count: number; channels: string[] }> };
      expect(groups).toHaveLength(1);
      expect(groups[0]!.count).toBe(2);
      expect(groups[0]!.channels.sort()).toEqual(['api', 'tg']);
      expect(await redis.exists(`${KEY}delivery:tg:4242`)).toBe(1);
    } finally {
      await h.stop();
      await tg.close();
    }
  });

  it('refuses to open on an unreachable Redis, with one clear message', async () => {
    const config = loadConfig({ REDIS_URL: 'redis://127.0.0.1:1' });
    await expect(openStores(config, { dedupeTtlMs: 1_000, rateLimit: { max: 1, windowMs: 1_000 } })).rejects.toThrow(
      /^REDIS_URL \(redis:\/\/127\.0\.0\.1:1\) cannot be reached: .*ECONNREFUSED/,
    );
  });
});
