/**
 * Issue 13: slow clients, floods, a hung chat API, replays and malformed payloads, each
 * reproduced against the real server on 127.0.0.1 with the fake platform APIs. Loops are
 * bounded in count and time; timings have wide margins (the machine is shared).
 */
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/engine.js';
import { ChatContexts } from '../../src/channels/contexts.js';
import { escapeHtml } from '../../src/channels/render.js';
import { zaloOaSignature } from '../../src/channels/verify.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { FakeAnswerer } from './fakeAnswerer.js';
import { fakeTelegram, fakeZaloBot, fakeZaloOa, sleep, waitFor } from './fakeApi.js';
import { allChannels, OA_APP_ID, OA_SECRET, post, startServer, TG_SECRET, ZALO_SECRET, type Harness } from './harness.js';

const tg = fakeTelegram();
const zalo = fakeZaloBot();
const oa = fakeZaloOa();
const roots = { tg: '', zalo: '', oa: '' };
const running: Harness[] = [];

beforeAll(async () => {
  [roots.tg, roots.zalo, roots.oa] = await Promise.all([tg.listen(), zalo.listen(), oa.listen()]);
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.stop()));
  for (const api of [tg, zalo, oa]) api.reset();
});
afterAll(async () => {
  await Promise.all([tg.close(), zalo.close(), oa.close()]);
});

async function serve(options: Partial<Parameters<typeof startServer>[0]> = {}): Promise<Harness> {
  const answerer = new FakeAnswerer();
  const h = await startServer({ getAnswerer: () => answerer, ...options, env: { ...allChannels(roots), ...options.env } });
  running.push(h);
  return h;
}

let seq = 0;
const tgUpdate = (chat: number, text: string) => {
  seq += 1;
  return { update_id: seq, message: { message_id: seq, date: 0, chat: { id: chat, type: 'private' }, text } };
};
const tgHook = (h: Harness, body: unknown) => post(`${h.url}/telegram/webhook`, body, { 'x-telegram-bot-api-secret-token': TG_SECRET });
const zaloHook = (h: Harness, body: unknown) => post(`${h.url}/zalo/webhook`, body, { 'x-bot-api-secret-token': ZALO_SECRET });
const zaloEvent = (chat: string, text: string) => {
  seq += 1;
  return { event_name: 'message.text.received', message: { message_id: `z${seq}`, chat: { id: chat }, text } };
};
const oaEvent = (user: string, text: string, timestamp = Date.now()) => {
  seq += 1;
  return { app_id: OA_APP_ID, event_name: 'user_send_text', sender: { id: user }, message: { text, msg_id: `m${seq}` }, timestamp: String(timestamp) };
};
const oaHook = (h: Harness, event: Record<string, unknown>) => {
  const raw = JSON.stringify(event);
  const signature = zaloOaSignature(OA_APP_ID, Buffer.from(raw), String(event.timestamp), OA_SECRET);
  return post(`${h.url}/zalo-oa/webhook`, raw, { 'x-zevent-signature': signature });
};
const tgSentTo = (chat: number) => tg.callsTo('sendMessage').filter((c) => c.body.chat_id === chat);
const zaloSentTo = (chat: string) => zalo.callsTo('sendMessage').filter((c) => c.body.chat_id === chat);
const oaSentTo = (user: string) => oa.callsTo('cs').filter((c) => c.body.recipient?.user_id === user);

/** Run `count` calls, `width` at a time. */
async function inParallel<T>(count: number, width: number, call: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await call(i);
      }
    }),
  );
  return results;
}

interface RawOutcome {
  /** Milliseconds from connecting until the server closed the connection (null: still open at the deadline). */
  closedAfterMs: number | null;
  received: string;
}

/** A raw TCP client: sends `first`, then one byte of `trickle` every `gapMs`, until closed or `deadlineMs`. */
function rawClient(url: string, first: string, trickle: string, gapMs: number, deadlineMs: number): Promise<RawOutcome> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    let sent = 0;
    const timer = setInterval(() => {
      if (sent < trickle.length && !socket.destroyed) socket.write(trickle[sent++]!);
    }, gapMs);
    const done = (closedAfterMs: number | null) => {
      clearInterval(timer);
      clearTimeout(deadline);
      socket.destroy();
      resolve({ closedAfterMs, received });
    };
    const deadline = setTimeout(() => done(null), deadlineMs);
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('close', () => done(Date.now() - started));
    socket.on('error', () => {});
    socket.write(first);
  });
}

describe('slow clients and the connection cap', () => {
  const env = { HTTP_HEADERS_TIMEOUT_MS: '600', HTTP_REQUEST_TIMEOUT_MS: '3000', HTTP_IDLE_TIMEOUT_MS: '1000', HTTP_KEEP_ALIVE_TIMEOUT_MS: '400' };

  it('cuts off clients that send headers or a body too slowly, go idle, or linger after a reply; keeps answering others', async () => {
    const h = await serve({ env });
    const head = 'POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n';
    const body = '{"text":"' + 'a'.repeat(29) + '"}';
    const [slowHeaders, slowBody, idleBody, silent, kept] = await Promise.all([
      // One header byte every 150 ms: the headers would take 10 s.
      rawClient(h.url, 'POST /api/ask HTTP/1.1\r\n', 'X-Slow: ' + 'a'.repeat(60), 150, 10_000),
      // Headers at once, then a body byte every 300 ms: never idle, but the request takes 12 s.
      rawClient(h.url, head, body, 300, 10_000),
      // A body byte every 1.5 s: idle longer than the idle timeout.
      rawClient(h.url, head, body, 1_500, 10_000),
      rawClient(h.url, '', '', 1_000, 10_000),
      // A keep-alive connection left open after its reply.
      rawClient(h.url, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n', '', 1_000, 10_000),
    ]);
    for (const outcome of [slowHeaders, slowBody, idleBody, silent, kept]) expect(outcome.closedAfterMs).not.toBeNull();
    expect(slowHeaders.closedAfterMs!).toBeGreaterThanOrEqual(500);
    expect(slowHeaders.closedAfterMs!).toBeLessThan(2_500);
    // A connection that sends nothing has sent no headers either: the headers timeout closes it.
    expect(silent.closedAfterMs!).toBeGreaterThanOrEqual(500);
    expect(silent.closedAfterMs!).toBeLessThan(2_500);
    expect(slowBody.received).toMatch(/^HTTP\/1.1 408/);
    expect(slowBody.closedAfterMs!).toBeGreaterThanOrEqual(2_900);
    expect(slowBody.closedAfterMs!).toBeLessThan(6_000);
    expect(idleBody.closedAfterMs!).toBeGreaterThanOrEqual(900);
    expect(idleBody.closedAfterMs!).toBeLessThan(2_900);
    expect(kept.received).toMatch(/^HTTP\/1.1 200/);
    expect(kept.closedAfterMs!).toBeLessThan(2_000);
    expect((await post(`${h.url}/api/ask`, { text: 'still here' })).json.reply).toBe('echo: still here');
  }, 20_000);

  it('answers 503 to connections over HTTP_MAX_CONNECTIONS, and serves again once they close', async () => {
    const h = await serve({ env: { HTTP_MAX_CONNECTIONS: '5' } });
    const idle = Array.from({ length: 5 }, () => connect(Number(new URL(h.url).port), '127.0.0.1'));
    await Promise.all(idle.map((s) => new Promise((r) => s.once('connect', r))));
    await sleep(50);
    const refused = await fetch(`${h.url}/healthz`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('connection')).toBe('close');
    expect((await refused.json()).error).toMatch(/too many connections/);
    for (const s of idle) s.destroy();
    await sleep(100);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });
});

describe('contexts', () => {
  it('100,001 anonymous API calls and many named API chats leave a Telegram chat its plan', async () => {
    const corpusDir = fileURLToPath(new URL('../../corpus', import.meta.url));
    const engine = createAnswerer(loadCorpus(corpusDir), { store: ChatContexts.inMemory({ apps: 1_000, api: 100 }) });
    const h = await serve({ getAnswerer: () => engine, env: { PLANBOT_API_CONTEXTS: '100' } });
    const first = 'Ai chủ trì nhiệm vụ 21 kế hoạch Huế 2026-2030?';
    const followUp = 'còn nhiệm vụ 3?';
    // What the follow-up gets in a chat that chose the plan, and in one that did not.
    engine.ask('control', first);
    const inContext = engine.ask('control', followUp).reply;
    const without = engine.ask('api:fresh', followUp).reply;
    expect(inContext).not.toBe(without);

    expect((await tgHook(h, tgUpdate(777, first))).status).toBe(200);
    await waitFor('first reply', () => tgSentTo(777).length === 1);

    const pool = new Pool(h.url, { connections: 8, pipelining: 8 });
    const started = Date.now();
    try {
      const statuses = await inParallel(100_001, 64, async (i) => {
        const chat = i % 500 === 0 ? `,"chat":"desk-${i}"` : '';
        const { statusCode, body } = await pool.request({
          path: '/api/ask',
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: `{"text":"Ai ký kế hoạch ${i % 7}?"${chat}}`,
        });
        await body.dump();
        return statusCode;
      });
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
    } finally {
      await pool.close();
    }
    expect(Date.now() - started).toBeLessThan(110_000);

    expect((await tgHook(h, tgUpdate(777, followUp))).status).toBe(200);
    const [, second] = await waitFor('follow-up reply', () => tgSentTo(777).length === 2 && tgSentTo(777));
    // Telegram gets the reply HTML-escaped, sources appended when the reply does not quote them.
    expect(second!.body.text.startsWith(escapeHtml(inContext))).toBe(true);
  }, 120_000);
});

describe('floods and a hung chat API', () => {
  it('a one-chat flood of 1,100 updates is taken without 503; another chat is answered within 2 s', async () => {
    const h = await serve({ env: { PLANBOT_CHAT_RATE_LIMIT: '20', PLANBOT_CHAT_QUEUE: '5' } });
    const statuses = await inParallel(1_100, 50, () => tgHook(h, tgUpdate(1, 'flood')).then((r) => r.status));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const asked = Date.now();
    expect((await tgHook(h, tgUpdate(2, 'hello'))).status).toBe(200);
    expect((await zaloHook(h, zaloEvent('z-2', 'hello'))).status).toBe(200);
    await waitFor('the other chats answered', () => tgSentTo(2).length === 1 && zaloSentTo('z-2').length === 1, 2_000);
    expect(Date.now() - asked).toBeLessThan(2_000);
    await sleep(300);
    // The flooding chat: at most its rate's worth of answers, plus the notices.
    const flood = tgSentTo(1);
    expect(flood.length).toBeLessThanOrEqual(20 + 2);
    expect(flood.some((c) => /nhanh quá|đang trả lời/.test(c.body.text))).toBe(true);
  }, 30_000);

  it('a hung Telegram API slows only Telegram: Zalo and OA are answered within 2 s, even with 1,100 Telegram updates waiting', async () => {
    tg.on(() => ({ body: { ok: true, result: true }, delayMs: 60_000 }));
    const h = await serve({
      env: { PLANBOT_CHANNEL_QUEUE: '1000', PLANBOT_SEND_TIMEOUT_MS: '30000' },
      tuning: { drainTimeoutMs: 100, outbound: { requestTimeoutMs: 30_000 } },
    });
    for (let chat = 100; chat < 140; chat += 1) expect((await tgHook(h, tgUpdate(chat, 'q'))).status).toBe(200);
    let asked = Date.now();
    expect((await zaloHook(h, zaloEvent('z-1', 'hi'))).status).toBe(200);
    await waitFor('zalo reply', () => zaloSentTo('z-1').length === 1, 2_000);
    expect(Date.now() - asked).toBeLessThan(2_000);

    const statuses = await inParallel(1_100, 50, (i) => tgHook(h, tgUpdate(1_000 + i, 'q')).then((r) => r.status));
    // Telegram's own lane fills (its webhook gets 503, so Telegram retries later)...
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    // ...while the other channels are untouched.
    asked = Date.now();
    expect((await zaloHook(h, zaloEvent('z-2', 'hi'))).status).toBe(200);
    expect((await oaHook(h, oaEvent('oa-1', 'hi'))).status).toBe(200);
    await waitFor('zalo and OA replies', () => zaloSentTo('z-2').length === 1 && oaSentTo('oa-1').length === 1, 2_000);
    expect(Date.now() - asked).toBeLessThan(2_000);
    // The typing indicator never held a reply back, and getMe was asked once.
    expect(tg.callsTo('getMe')).toHaveLength(1);
  }, 30_000);

  it('a typing indicator that hangs does not delay the answer; 16 first updates make one getMe', async () => {
    tg.on((call) => (call.method === 'sendChatAction' ? { body: { ok: true, result: true }, delayMs: 10_000 } : undefined));
    const h = await serve();
    const chats = Array.from({ length: 16 }, (_, i) => 300 + i);
    const asked = Date.now();
    await Promise.all(chats.map((chat) => tgHook(h, tgUpdate(chat, 'q'))));
    await waitFor('16 replies', () => chats.every((chat) => tgSentTo(chat).length === 1), 2_000);
    expect(Date.now() - asked).toBeLessThan(2_000);
    expect(tg.callsTo('getMe')).toHaveLength(1);
  });

  it('keeps a reply whose retry_after exceeds the cap and sends it later; the channel goes on meanwhile', async () => {
    let limited = true;
    tg.on((call) => {
      if (call.method !== 'sendMessage' || call.body.chat_id !== 400 || !limited) return undefined;
      limited = false;
      return { status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 2 } } };
    });
    const h = await serve({ tuning: { outbound: { maxRetryAfterMs: 500 } } });
    const asked = Date.now();
    await tgHook(h, tgUpdate(400, 'kept'));
    await sleep(200);
    await tgHook(h, tgUpdate(401, 'other'));
    await waitFor('the other chat', () => tgSentTo(401).length === 1, 1_500);
    await waitFor('the kept reply', () => tgSentTo(400).length === 2, 5_000);
    expect(tgSentTo(400)[1]!.at - asked).toBeGreaterThanOrEqual(1_900);
    expect(tgSentTo(400)[1]!.body.text).toBe('echo: kept');
  });
});

describe('replays and malformed payloads', () => {
  it('refuses an OA event older (or newer) than the freshness window; a fresh one is answered', async () => {
    const h = await serve({ env: { ZALO_OA_MAX_EVENT_AGE_MS: '900000' } });
    const old = await oaHook(h, oaEvent('oa-old', 'hi', Date.now() - 16 * 60_000));
    const future = await oaHook(h, oaEvent('oa-old', 'hi', Date.now() + 16 * 60_000));
    expect([old.status, future.status]).toEqual([403, 403]);
    expect(old.json.error).toMatch(/too old/);
    expect((await oaHook(h, oaEvent('oa-new', 'hi', Date.now() - 60_000))).status).toBe(200);
    await waitFor('fresh event answered', () => oaSentTo('oa-new').length === 1);
    await sleep(100);
    expect(oaSentTo('oa-old')).toHaveLength(0);
  });

  it('acknowledges malformed but authenticated payloads with 200, answers none of them, and keeps serving', async () => {
    const h = await serve({ logLevel: 'debug' });
    const telegram = [
      { update_id: 9001, message: null },
      { update_id: 9002, message: { message_id: 1, date: 0, text: 'no chat' } },
      { update_id: 9003, callback_query: null },
      { update_id: 9004, message: { message_id: 1, date: 0, chat: { id: 5 }, text: 12345 } },
      { update_id: 9005, message: { message_id: 1, date: 0, chat: { id: '5' }, text: 'chat id as text' } },
      { update_id: 9006, callback_query: { id: 'c', from: null, data: 'm:1:0' } },
      { update_id: -1, message: { message_id: 1, date: 0, chat: { id: 5 }, text: 'negative id' } },
      [],
      'just a string',
      null,
    ];
    const zaloBodies = [
      { event_name: '__proto__', message: { message_id: 'p1', chat: { id: 'z' }, text: 'x' } },
      { event_name: 'constructor', message: { message_id: 'p2', chat: { id: 'z' }, text: 'x' } },
      { event_name: 'toString', message: { message_id: 'p3', chat: { id: 'z' }, text: 'x' } },
      { event_name: 'message.text.received', message: null },
      { event_name: 'message.text.received', message: { message_id: 'p4', chat: { id: 'z' }, text: 42 } },
      { event_name: 'message.text.received', message: { message_id: 'p5', chat: null, text: 'x' } },
      { ok: true, result: { event_name: '__proto__' } },
      { event_name: 7 },
    ];
    const oaBodies = [
      { ...oaEvent('u', 'x'), event_name: '__proto__' },
      { ...oaEvent('u', 'x'), sender: null },
      { ...oaEvent('u', 'x'), message: null },
      { ...oaEvent('u', 'x'), message: { text: 7, msg_id: 'n1' } },
      { ...oaEvent('u', 'x'), sender: { id: 12 } },
    ];
    const statuses = [
      ...(await Promise.all(telegram.map((body) => tgHook(h, JSON.stringify(body))))),
      ...(await Promise.all(zaloBodies.map((body) => zaloHook(h, body)))),
      ...(await Promise.all(oaBodies.map((body) => oaHook(h, body)))),
    ].map((r) => r.status);
    expect(statuses).toEqual(statuses.map(() => 200));
    await sleep(200);
    expect(tg.callsTo('sendMessage')).toHaveLength(0);
    expect(zalo.callsTo('sendMessage')).toHaveLength(0);
    expect(oa.callsTo('cs')).toHaveLength(0);
    expect(h.logs.filter((l) => /"level":50/.test(l))).toEqual([]);
    expect(h.logs.some((l) => /malformed: ignored/.test(l))).toBe(true);
    await tgHook(h, tgUpdate(600, 'after'));
    await waitFor('a good update after the bad ones', () => tgSentTo(600).length === 1);
  });
});

describe('/api/ask limits', () => {
  it('limits each client per minute (429 with Retry-After), clients apart', async () => {
    const h = await serve({ env: { PLANBOT_API_RATE_LIMIT: '3', PLANBOT_TRUST_PROXY: 'true' } });
    const ask = (client: string) => post(`${h.url}/api/ask`, { text: 'q' }, { 'x-forwarded-for': client });
    const a = [];
    for (let i = 0; i < 4; i += 1) a.push((await ask('10.0.0.1')).status);
    expect(a).toEqual([200, 200, 200, 429]);
    const limited = await fetch(`${h.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.0.1' },
      body: '{"text":"q"}',
    });
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await ask('10.0.0.2')).status).toBe(200);
    // Webhooks are not counted against an API client's limit.
    expect((await tgHook(h, tgUpdate(700, 'q'))).status).toBe(200);
  });

  it('is on by default', async () => {
    const h = await serve({ env: { PLANBOT_API_RATE_LIMIT: '' } });
    const statuses = [];
    for (let i = 0; i < 61; i += 1) statuses.push((await post(`${h.url}/api/ask`, { text: 'q' })).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
  });

  it('requires the bearer token when PLANBOT_API_TOKEN is set: 401 without, 403 with another', async () => {
    const token = 'tok-0123456789abcdef';
    const h = await serve({ env: { PLANBOT_API_TOKEN: token } });
    const ask = (headers: Record<string, string>) => post(`${h.url}/api/ask`, { text: 'q' }, headers);
    expect((await ask({})).status).toBe(401);
    expect((await ask({ authorization: 'Bearer wrong-token-xxxxxxxx' })).status).toBe(403);
    expect((await ask({ authorization: `Bearer ${token}` })).json.reply).toBe('echo: q');
    expect((await fetch(`${h.url}/api/plans`)).status).toBe(401);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    expect(h.logs.join('\n')).not.toContain(token);
  });
});
