import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { ConfigError, loadConfig, loadCorpusLimits } from '../../src/config.js';
import { EMPTY_CONTEXT } from '../../src/answer/context.js';
import { ANONYMOUS_CHAT, ChatContexts } from '../../src/channels/contexts.js';
import { TtlSet } from '../../src/channels/dedupe.js';
import { reloadRefusal } from '../../src/corpus/load.js';
import type { Corpus, Plan } from '../../src/corpus/types.js';
import { Outbound, RetryableError, RetryLaterError, parseRetryAfter } from '../../src/channels/outbound.js';
import { ChatQueue } from '../../src/channels/queue.js';
import { RateLimiter } from '../../src/channels/rateLimit.js';
import { escapeHtml } from '../../src/channels/render.js';
import { splitText } from '../../src/channels/split.js';
import { secretHeaderStatus, zaloOaSignature } from '../../src/channels/verify.js';
import { FakeApi, sleep, waitFor } from './fakeApi.js';

const silent = pino({ level: 'silent' });

describe('splitText', () => {
  it('keeps short text whole', () => {
    expect(splitText('a\nb', 10)).toEqual(['a\nb']);
  });

  it('cuts on line boundaries under the limit and loses nothing', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i} `.padEnd(30, '.'));
    const chunks = splitText(lines.join('\n'), 100);
    expect(chunks.every((c) => c.length <= 100)).toBe(true);
    expect(chunks.join('\n')).toBe(lines.join('\n'));
    for (const chunk of chunks) expect(chunk.split('\n').every((l) => lines.includes(l))).toBe(true);
  });

  it('cuts an over-long line at a space, or hard when there is none', () => {
    const words = 'từ '.repeat(100).trim();
    const chunks = splitText(words, 50);
    expect(chunks.every((c) => c.length <= 50 && !c.startsWith(' '))).toBe(true);
    expect(chunks.join(' ')).toBe(words);
    expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });
});

describe('TtlSet', () => {
  it('refuses a key within the ttl and accepts it after', () => {
    let now = 0;
    const set = new TtlSet(1000, 10, () => now);
    expect(set.claim('a')).toBe(true);
    now = 999;
    expect(set.claim('a')).toBe(false);
    now = 1000;
    expect(set.claim('a')).toBe(true);
  });

  it('stays bounded, forgetting the oldest key', () => {
    const set = new TtlSet(60_000, 3);
    for (const k of ['a', 'b', 'c', 'd']) set.claim(k);
    expect(set.has('a')).toBe(false);
    expect(set.has('d')).toBe(true);
  });
});

describe('RateLimiter', () => {
  it('allows max per window, notifies once, then drops until the window ends', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 1000, 100, () => now);
    expect(['x', 'x', 'x', 'x'].map((k) => limiter.hit(k))).toEqual(['ok', 'ok', 'notify', 'drop']);
    expect(limiter.hit('other')).toBe('ok');
    now = 1000;
    expect(limiter.hit('x')).toBe('ok');
  });
});

describe('ChatQueue', () => {
  it('runs one chat in order, chats in parallel, and isolates failures', async () => {
    const errors: string[] = [];
    const queue = new ChatQueue({ maxPending: 10, perChat: 5, concurrency: 4, taskTimeoutMs: 1000 }, (_e, task) => errors.push(task.id));
    const order: string[] = [];
    const task = (id: string, ms: number, fail = false) => ({
      id,
      run: async () => {
        await sleep(ms);
        if (fail) throw new Error(id);
        order.push(id);
      },
    });
    queue.push('tg', 'a', task('a1', 40, true));
    queue.push('tg', 'a', task('a2', 0));
    queue.push('tg', 'b', task('b1', 5));
    expect(await queue.drain(1000)).toBe(true);
    expect(order).toEqual(['b1', 'a2']);
    expect(errors).toEqual(['a1']);
  });

  it('refuses beyond maxPending per lane and after close; abandons a hung task after the timeout', async () => {
    const errors: unknown[] = [];
    const queue = new ChatQueue({ maxPending: 2, perChat: 5, concurrency: 1, taskTimeoutMs: 30 }, (e) => errors.push(e));
    const hang = { id: 'hang', run: () => new Promise<void>(() => {}) };
    expect(queue.push('tg', 'a', hang)).toBe('queued');
    expect(queue.push('tg', 'a', { id: 'next', run: async () => {} })).toBe('queued');
    expect(queue.push('tg', 'b', { id: 'over', run: async () => {} })).toBe('lane-full');
    // Another lane has its own bound.
    expect(queue.push('zalo', 'c', { id: 'other lane', run: async () => {} })).toBe('queued');
    expect(await queue.drain(1000)).toBe(true);
    expect(String(errors[0])).toMatch(/timed out/);
    queue.close();
    expect(queue.push('tg', 'c', { id: 'late', run: async () => {} })).toBe('closed');
  });

  it('bounds one chat (forced past it once) and takes chats in turn', async () => {
    const queue = new ChatQueue({ maxPending: 100, perChat: 3, concurrency: 1, taskTimeoutMs: 1000 }, () => {});
    const order: string[] = [];
    const task = (id: string) => ({ id, run: async () => void order.push(id) });
    const pushed = ['a1', 'a2', 'a3', 'a4'].map((id) => queue.push('tg', 'a', task(id)));
    expect(pushed).toEqual(['queued', 'queued', 'queued', 'chat-full']);
    expect(queue.push('tg', 'a', task('notice'), true)).toBe('queued');
    expect(queue.chatSize('tg', 'a')).toBe(4);
    queue.push('tg', 'b', task('b1'));
    expect(await queue.drain(1000)).toBe(true);
    // b1 does not wait for all of a's tasks: chats take turns.
    expect(order.indexOf('b1')).toBeLessThan(order.indexOf('a3'));
    expect(order.filter((id) => id.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    expect(queue.chatSize('tg', 'a')).toBe(0);
  });
});

describe('Outbound', () => {
  const api = new FakeApi(() => ({ body: { ok: true } }));
  let root = '';
  beforeAll(async () => {
    root = await api.listen();
  });
  afterAll(() => api.close());

  it('retries 5xx and 429 (honouring Retry-After) then succeeds, at most maxAttempts', async () => {
    api.reset();
    let n = 0;
    api.on(() => {
      n += 1;
      if (n === 1) return { status: 503, body: 'down' };
      if (n === 2) return { status: 429, body: {}, headers: { 'retry-after': '0.2' } };
      return undefined;
    });
    const outbound = new Outbound(
      { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 50, maxRetryAfterMs: 5000, maxDeferred: 10, paceMs: 0, requestTimeoutMs: 1000 },
      silent,
    );
    const result = await outbound.call('t', () => outbound.postJson(`${root}/x`, {}));
    expect(result.body).toEqual({ ok: true });
    expect(api.calls).toHaveLength(3);
    expect(api.calls[2]!.at - api.calls[1]!.at).toBeGreaterThanOrEqual(190);
    await outbound.close();
  });

  it('gives up after maxAttempts and does not retry other errors', async () => {
    const outbound = new Outbound(
      { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 5000, maxDeferred: 10, paceMs: 0, requestTimeoutMs: 1000 },
      silent,
    );
    let tries = 0;
    await expect(
      outbound.call('t', async () => {
        tries += 1;
        throw new RetryableError('503');
      }),
    ).rejects.toThrow('503');
    expect(tries).toBe(3);
    tries = 0;
    await expect(
      outbound.call('t', async () => {
        tries += 1;
        throw new Error('400');
      }),
    ).rejects.toThrow('400');
    expect(tries).toBe(1);
    await expect(
      outbound.call('t', async () => {
        throw new RetryableError('slow down', 60_000);
      }),
    ).rejects.toThrow(RetryLaterError);
    await outbound.close();
  });

  it('keeps a message whose retry_after exceeds the cap and sends it later, in order, without holding the caller', async () => {
    const outbound = new Outbound(
      { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 50, maxDeferred: 10, paceMs: 0, requestTimeoutMs: 1000 },
      silent,
    );
    const sent: Array<{ text: string; at: number }> = [];
    let first = true;
    const start = Date.now();
    await outbound.send('a', 't', async () => {
      if (first) {
        first = false;
        throw new RetryableError('429', 300);
      }
      sent.push({ text: 'one', at: Date.now() });
    });
    // Resolved without waiting 300 ms; the chat's next message queues behind the kept one.
    expect(Date.now() - start).toBeLessThan(250);
    await outbound.send('a', 't', async () => void sent.push({ text: 'two', at: Date.now() }));
    expect(outbound.deferredCount).toBe(2);
    await waitFor('kept messages sent', () => sent.length === 2, 3_000);
    expect(sent.map((s) => s.text)).toEqual(['one', 'two']);
    expect(sent[0]!.at - start).toBeGreaterThanOrEqual(290);
    expect(outbound.deferredCount).toBe(0);
    await outbound.close();
  });

  it('paces messages into one chat but not across chats', async () => {
    const outbound = new Outbound(
      { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 5000, maxDeferred: 10, paceMs: 150, requestTimeoutMs: 1000 },
      silent,
    );
    const times: Record<string, number[]> = { a: [], b: [] };
    const send = (chat: 'a' | 'b') => outbound.send(chat, 't', async () => void times[chat].push(Date.now()));
    await Promise.all([
      (async () => {
        await send('a');
        await send('a');
      })(),
      send('b'),
    ]);
    expect(times.a[1]! - times.a[0]!).toBeGreaterThanOrEqual(145);
    expect(Math.abs(times.b[0]! - times.a[0]!)).toBeLessThan(100);
    await outbound.close();
  });

  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(new Date(Date.now() + 3000).toUTCString())).toBeGreaterThan(1000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});

describe('loadConfig', () => {
  it('defaults to the JSON API alone on 0.0.0.0:8080', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', logLevel: 'info', publicUrl: null, telegram: null, zaloBot: null, zaloOa: null });
  });

  it('reads every channel', () => {
    const config = loadConfig({
      PORT: '3000',
      PUBLIC_URL: 'https://bot.example.gov.vn/',
      TELEGRAM_BOT_TOKEN: '123:abc',
      TELEGRAM_WEBHOOK_SECRET: 's3cret',
      ZALO_BOT_TOKEN: '1:z',
      ZALO_WEBHOOK_SECRET: '12345678',
      ZALO_OA_APP_ID: 'a',
      ZALO_OA_SECRET_KEY: 'b',
      ZALO_OA_ACCESS_TOKEN: 'c',
    });
    expect(config.publicUrl).toBe('https://bot.example.gov.vn');
    expect(config.telegram).toMatchObject({ mode: 'webhook', apiRoot: 'https://api.telegram.org' });
    expect(config.zaloBot?.apiRoot).toBe('https://bot-api.zaloplatforms.com');
    expect(config.zaloOa?.apiRoot).toBe('https://openapi.zalo.me');
  });

  it('lists every bad variable in one message', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        TELEGRAM_MODE: 'push',
        TELEGRAM_BOT_TOKEN: '123:abc',
        TELEGRAM_WEBHOOK_SECRET: 'has spaces!',
        ZALO_OA_APP_ID: 'a',
        PUBLIC_URL: 'ftp://x',
        LOG_LEVEL: 'loud',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'TELEGRAM_MODE', 'TELEGRAM_WEBHOOK_SECRET', 'ZALO_OA_SECRET_KEY', 'ZALO_OA_ACCESS_TOKEN', 'PUBLIC_URL', 'LOG_LEVEL']) {
      expect(message).toContain(name);
    }
    expect((error as ConfigError).problems).toHaveLength(6);
  });

  it('reads the limits with their defaults, and names every bad one', () => {
    expect(loadConfig({}).limits).toMatchObject({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      maxConnections: 1_000,
      chatRatePerMinute: 20,
      apiRatePerMinute: 60,
      oaMaxEventAgeMs: 900_000,
    });
    expect(loadConfig({ HTTP_MAX_CONNECTIONS: '50', PLANBOT_API_RATE_LIMIT: '0' }).limits).toMatchObject({ maxConnections: 50, apiRatePerMinute: 0 });
    let error: unknown;
    try {
      loadConfig({
        HTTP_MAX_CONNECTIONS: '0',
        PLANBOT_CHAT_QUEUE: 'many',
        HTTP_HEADERS_TIMEOUT_MS: '40000',
        PLANBOT_API_TOKEN: 'short',
        PLANBOT_TRUST_PROXY: 'maybe',
      });
    } catch (e) {
      error = e;
    }
    const message = (error as Error).message;
    for (const name of ['HTTP_MAX_CONNECTIONS', 'PLANBOT_CHAT_QUEUE', 'HTTP_HEADERS_TIMEOUT_MS must not exceed', 'PLANBOT_API_TOKEN', 'PLANBOT_TRUST_PROXY']) {
      expect(message).toContain(name);
    }
    expect(loadCorpusLimits({}).maxFileBytes).toBe(10 * 1024 * 1024);
    expect(loadCorpusLimits({ PLANBOT_CORPUS_MAX_FILE_MB: '0.5' }).maxFileBytes).toBe(512 * 1024);
    expect(() => loadCorpusLimits({ PLANBOT_CORPUS_MAX_FILE_MB: 'big' })).toThrow(/PLANBOT_CORPUS_MAX_FILE_MB/);
  });

  it('requires the webhook secrets that refuse forgeries', () => {
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: '1:a' })).toThrow(/TELEGRAM_WEBHOOK_SECRET is required/);
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '1:a', TELEGRAM_MODE: 'polling' }).telegram?.mode).toBe('polling');
    expect(() => loadConfig({ ZALO_BOT_TOKEN: '1:a' })).toThrow(/ZALO_WEBHOOK_SECRET is required/);
    expect(() => loadConfig({ ZALO_BOT_TOKEN: '1:a', ZALO_WEBHOOK_SECRET: 'short' })).toThrow(/8-256/);
  });
});

describe('verification helpers', () => {
  it('secret header: missing 401, wrong 403, right null', () => {
    expect(secretHeaderStatus(undefined, 's')).toBe(401);
    expect(secretHeaderStatus('t', 's')).toBe(403);
    expect(secretHeaderStatus('s', 's')).toBeNull();
  });

  it('OA signature is mac= + sha256(app_id + body + timestamp + key)', () => {
    // sha256("a" + "{}" + "1" + "k")
    expect(zaloOaSignature('a', Buffer.from('{}'), '1', 'k')).toBe(`mac=${createHash('sha256').update('a{}1k').digest('hex')}`);
  });

  it('escapes the three HTML characters Telegram parses', () => {
    expect(escapeHtml('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
  });
});

describe('ChatContexts', () => {
  const ctx = { ...EMPTY_CONTEXT, planIds: ['hue'] };
  it('keeps chat-app and API chats in separate bounds and anonymous calls nowhere', () => {
    const store = ChatContexts.inMemory({ apps: 2, api: 2 });
    store.set('tg:1', ctx);
    for (let i = 0; i < 10; i += 1) store.set(`api:${i}`, ctx);
    store.set(ANONYMOUS_CHAT, ctx);
    expect(store.get('tg:1')).toBe(ctx);
    expect(store.get('api:0')).toBeUndefined();
    expect(store.get('api:9')).toBe(ctx);
    expect(store.get(ANONYMOUS_CHAT)).toBeUndefined();
  });
});

describe('reloadRefusal', () => {
  const plan = (file: string) => ({ id: file.replace('.txt', ''), file }) as unknown as Plan;
  const corpus = (files: string[], skipped: string[] = []) =>
    ({ plans: files.map(plan), skipped: skipped.map((file) => ({ file, reason: 'broken' })), agencies: [], hash: '' }) as Corpus;
  it('refuses a corpus without plans, and one that lost a plan whose file is still there', () => {
    expect(reloadRefusal(null, corpus([]))).toMatch(/no plan/);
    expect(reloadRefusal(corpus(['a.txt']), corpus([], ['x.txt']))).toMatch(/no plan.*x\.txt: broken/);
    expect(reloadRefusal(corpus(['a.txt', 'b.txt']), corpus(['a.txt'], ['b.txt']))).toMatch(/b\.txt \(broken\)/);
    // b.txt is gone from the folder: its plan may go.
    expect(reloadRefusal(corpus(['a.txt', 'b.txt']), corpus(['a.txt']))).toBeNull();
    expect(reloadRefusal(null, corpus(['a.txt']))).toBeNull();
  });
});
