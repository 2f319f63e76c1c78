import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_CHAT } from '../../src/channels/contexts.js';
import type { Answerer } from '../../src/answer/types.js';
import { FakeAnswerer } from './fakeAnswerer.js';
import { fakeTelegram, sleep } from './fakeApi.js';
import { post, startServer, TG_SECRET, TG_TOKEN, type Harness } from './harness.js';

describe('JSON API and health over real HTTP', () => {
  const tg = fakeTelegram();
  const answerer = new FakeAnswerer();
  let current: Answerer | undefined;
  let h: Harness;

  beforeAll(async () => {
    const root = await tg.listen();
    h = await startServer({
      env: { TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_WEBHOOK_SECRET: TG_SECRET, TELEGRAM_API_ROOT: root },
      getAnswerer: () => current,
    });
  });
  afterAll(async () => {
    await h.stop();
    await tg.close();
  });

  it('is alive but not ready before the corpus loads; webhooks get 503 so platforms retry', async () => {
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'loading' });
    expect((await post(`${h.url}/api/ask`, { text: 'hi' })).status).toBe(503);
    const update = { update_id: 1, message: { message_id: 1, date: 0, chat: { id: 5, type: 'private' }, text: 'early' } };
    const early = await post(`${h.url}/telegram/webhook`, update, { 'x-telegram-bot-api-secret-token': TG_SECRET });
    expect(early.status).toBe(503);

    current = answerer;
    expect((await fetch(`${h.url}/readyz`)).status).toBe(200);
    // The refused delivery was not remembered: Telegram's retry is answered.
    expect((await post(`${h.url}/telegram/webhook`, update, { 'x-telegram-bot-api-secret-token': TG_SECRET })).status).toBe(200);
    for (let i = 0; i < 100 && tg.callsTo('sendMessage').length === 0; i += 1) await sleep(10);
    expect(tg.callsTo('sendMessage')[0]?.body.text).toBe('echo: early');
  });

  it('POST /api/ask answers with reply, found, intent, sources and the reply id of a factual answer', async () => {
    const res = await post(`${h.url}/api/ask`, { text: 'cite', chat: 'desk-7' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      reply: 'Sở TT&TT chủ trì.',
      found: true,
      intent: 'test',
      lang: 'vi',
      sources: [{ plan: 'hue', ref: 'KH 284/KH-UBND, nhiệm vụ 21' }],
      replyId: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/),
    });
    expect(answerer.asked.at(-1)?.chatId).toBe('api:desk-7');
  });

  it('sends a reply it is handed again as the same bytes but its own reply id, shaped by the response schema', async () => {
    const first = await fetch(`${h.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'same' }) });
    const second = await fetch(`${h.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'same' }) });
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const [a, b] = [await first.text(), await second.text()];
    const [idA, idB] = [JSON.parse(a).replyId as string, JSON.parse(b).replyId as string];
    expect(idA).not.toBe(idB);
    expect(b.replace(idB, '')).toBe(a.replace(idA, ''));
    expect(JSON.parse(a)).toEqual({
      reply: 'Nhiệm vụ 21: Sở Thông tin và Truyền thông chủ trì.\n"Nguồn": KH 284',
      found: true,
      intent: 'test',
      lang: 'vi',
      sources: [],
      replyId: idA,
    });
    expect(Number(second.headers.get('content-length'))).toBe(Buffer.byteLength(b));
  });

  it('keeps chat context for a given chat id; calls without one are asked as the anonymous chat (no context kept)', async () => {
    answerer.selectPlan('api:desk-8', 'hue-2026');
    expect((await post(`${h.url}/api/ask`, { text: 'q', chat: 'desk-8' })).json.reply).toBe('echo: q [hue-2026]');
    await post(`${h.url}/api/ask`, { text: 'anon' });
    const anon = answerer.asked.filter((q) => q.text === 'anon').map((q) => q.chatId);
    expect(anon).toEqual([ANONYMOUS_CHAT]);
  });

  it('returns choices when the answer asks to clarify (and no reply id: it is not a factual answer)', async () => {
    const res = await post(`${h.url}/api/ask`, { text: 'choose' });
    expect(res.json.replyId).toBeUndefined();
    expect(res.json.choices).toEqual([
      { label: 'Huế 2026-2030', text: 'mục tiêu Huế' },
      { label: 'Bình Thuận', text: 'mục tiêu Bình Thuận' },
    ]);
  });

  it('refuses a request without text (400 with a message), too long text, malformed JSON, and > 1 MB', async () => {
    const missing = await post(`${h.url}/api/ask`, { chat: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.json.error).toMatch(/text/);
    expect((await post(`${h.url}/api/ask`, { text: '' })).status).toBe(400);
    expect((await post(`${h.url}/api/ask`, { text: 'x'.repeat(2001) })).status).toBe(400);
    expect((await post(`${h.url}/api/ask`, '{"text": "a"')).status).toBe(400);
    expect((await post(`${h.url}/api/ask`, { text: 'x'.repeat(1_100_000) })).status).toBe(413);
  });

  it('answers 500 without details when the answerer throws, and keeps serving', async () => {
    const res = await post(`${h.url}/api/ask`, { text: 'boom' });
    expect(res.status).toBe(500);
    expect(res.json).toEqual({ error: 'Internal Server Error' });
    expect((await post(`${h.url}/api/ask`, { text: 'ok' })).status).toBe(200);
  });

  it('GET /api/plans lists the plans', async () => {
    const res = await fetch(`${h.url}/api/plans`);
    expect(await res.json()).toEqual(answerer.plans());
  });

  it('serves the JSON API alone when no channel is configured', async () => {
    const bare = await startServer({ env: {}, getAnswerer: () => answerer });
    try {
      expect((await post(`${bare.url}/api/ask`, { text: 'solo' })).json.reply).toBe('echo: solo');
      expect((await post(`${bare.url}/telegram/webhook`, { update_id: 1 })).status).toBe(404);
      expect(bare.logs.join('\n')).toMatch(/no chat channel configured/);
      expect(bare.logs.join('\n')).toMatch(/TELEGRAM_BOT_TOKEN not set/);
    } finally {
      await bare.stop();
    }
  });
});
