import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { zaloOaSignature } from '../../src/channels/verify.js';
import { TOO_LONG, UNSUPPORTED } from '../../src/channels/texts.js';
import { FakeAnswerer } from './fakeAnswerer.js';
import { fakeZaloBot, fakeZaloOa, sleep, waitFor } from './fakeApi.js';
import { OA_APP_ID, OA_SECRET, OA_TOKEN, post, startServer, ZALO_SECRET, ZALO_TOKEN, type Harness } from './harness.js';

const zalo = fakeZaloBot();
const oa = fakeZaloOa();
const answerer = new FakeAnswerer();
let h: Harness;
let seq = 0;
const next = () => (seq += 1);

beforeAll(async () => {
  const [zaloRoot, oaRoot] = await Promise.all([zalo.listen(), oa.listen()]);
  h = await startServer({
    env: {
      ZALO_BOT_TOKEN: ZALO_TOKEN,
      ZALO_WEBHOOK_SECRET: ZALO_SECRET,
      ZALO_API_ROOT: zaloRoot,
      ZALO_OA_APP_ID: OA_APP_ID,
      ZALO_OA_SECRET_KEY: OA_SECRET,
      ZALO_OA_ACCESS_TOKEN: OA_TOKEN,
      ZALO_OA_API_ROOT: oaRoot,
    },
    getAnswerer: () => answerer,
  });
});
afterAll(async () => {
  await h.stop();
  await Promise.all([zalo.close(), oa.close()]);
});
beforeEach(() => {
  zalo.reset();
  oa.reset();
});

describe('Zalo Bot webhook over real HTTP', () => {
  const event = (chat: string, text: string, eventName = 'message.text.received', messageId = `m${next()}`) => ({
    event_name: eventName,
    message: { message_id: messageId, date: 0, chat: { id: chat, chat_type: 'PRIVATE' }, from: { id: chat }, text },
  });
  const hook = (body: unknown, secret: string | null = ZALO_SECRET) =>
    post(`${h.url}/zalo/webhook`, body, secret === null ? {} : { 'x-bot-api-secret-token': secret });
  const sentTo = (chat: string) => zalo.callsTo('sendMessage').filter((c) => c.body.chat_id === chat);
  const waitSent = (chat: string, n = 1, timeoutMs?: number) =>
    waitFor(`${n} zalo message(s) to ${chat}`, () => sentTo(chat).length >= n && sentTo(chat), timeoutMs);

  it('answers an unwrapped and a wrapped text event with plain text', async () => {
    expect((await hook(event('za', 'a < b & c'))).status).toBe(200);
    expect((await hook({ ok: true, result: event('zb', 'wrapped') })).status).toBe(200);
    const [a] = await waitSent('za');
    const [b] = await waitSent('zb');
    expect(a!.path).toBe(`/bot${ZALO_TOKEN}/sendMessage`);
    expect(a!.body).toEqual({ chat_id: 'za', text: 'echo: a < b & c' });
    expect(b!.body.text).toBe('echo: wrapped');
    expect(answerer.asked.some((q) => q.chatId === 'zalo:za')).toBe(true);
  });

  it('refuses a missing (401) or wrong (403) secret', async () => {
    expect((await hook(event('zf', 'forged'), null)).status).toBe(401);
    expect((await hook(event('zf', 'forged'), 'not-the-secret')).status).toBe(403);
    await sleep(100);
    expect(zalo.calls).toHaveLength(0);
  });

  it('de-duplicates on message_id', async () => {
    const update = event('zd', 'once');
    expect((await hook(update)).status).toBe(200);
    expect((await hook({ ok: true, result: update })).status).toBe(200);
    await waitSent('zd');
    await sleep(100);
    expect(sentTo('zd')).toHaveLength(1);
  });

  it('splits a long reply into messages of at most 2,000 characters', async () => {
    await hook(event('zl', 'long'));
    const sent = await waitSent('zl', 3);
    await sleep(100);
    expect(sentTo('zl')).toHaveLength(3);
    expect(sent.every((c) => c.body.text.length <= 2000 && c.body.text.length >= 1)).toBe(true);
    expect(sent.map((c) => c.body.text).join('\n')).toBe(answerer.ask('probe', 'long').reply);
  });

  it('answers images and stickers with what the bot can do; ignores unknown events', async () => {
    await hook(event('zi', '', 'message.image.received'));
    await hook(event('zs', '', 'message.sticker.received'));
    expect((await hook(event('zu', 'x', 'message.reaction.received'))).status).toBe(200);
    expect((await waitSent('zi'))[0]!.body.text).toBe(UNSUPPORTED);
    expect((await waitSent('zs'))[0]!.body.text).toBe(UNSUPPORTED);
    await sleep(100);
    expect(sentTo('zu')).toHaveLength(0);
  });

  it('offers choices as a numbered list and takes the number as the answer', async () => {
    await hook(event('zc', 'choose'));
    const [menu] = await waitSent('zc');
    expect(menu!.body.text).toContain('1. Huế 2026-2030\n2. Bình Thuận');
    await hook(event('zc', '2'));
    expect((await waitSent('zc', 2))[1]!.body.text).toBe('echo: mục tiêu Bình Thuận');
  });

  it('retries an error inside HTTP 200 (ok:false, 429) and a 5xx; gives up on other errors', async () => {
    let n = 0;
    zalo.on((call) => {
      if (call.body.chat_id !== 'zr') return undefined;
      n += 1;
      if (n === 1) return { body: { ok: false, error_code: 429, description: 'rate limited' } };
      if (n === 2) return { status: 500, body: 'oops' };
      return undefined;
    });
    await hook(event('zr', 'retry'));
    const sent = await waitSent('zr', 3);
    expect(sent[2]!.body.text).toBe('echo: retry');

    zalo.on((call) => (call.body.chat_id === 'zx' ? { body: { ok: false, error_code: 403, description: 'forbidden' } } : undefined));
    await hook(event('zx', 'nope'));
    await waitFor('failure log', () => h.logs.some((l) => l.includes('update failed') && l.includes('zalo sendMessage failed: 403')));
    expect(sentTo('zx')).toHaveLength(1);
  });

  it('replies politely to text over 2,000 characters', async () => {
    await hook(event('zt', 'x'.repeat(2001)));
    expect((await waitSent('zt'))[0]!.body.text).toBe(TOO_LONG);
  });

  it('registers the webhook with setWebhook {url, secret_token}', async () => {
    await h.server.registerWebhooks('https://bot.example.gov.vn');
    expect(zalo.callsTo('setWebhook')[0]!.body).toEqual({ url: 'https://bot.example.gov.vn/zalo/webhook', secret_token: ZALO_SECRET });
  });
});

describe('Zalo OA webhook over real HTTP', () => {
  const oaEvent = (userId: string, text: string, eventName = 'user_send_text', msgId = `oa${next()}`) => ({
    app_id: OA_APP_ID,
    event_name: eventName,
    sender: { id: userId },
    recipient: { id: 'oa-1' },
    message: { text, msg_id: msgId },
    timestamp: String(Date.now() + seq),
  });
  /** Sign the exact bytes sent; `tamper` alters the body after signing. */
  const hook = async (event: ReturnType<typeof oaEvent>, options: { sign?: boolean; secret?: string; raw?: string } = {}) => {
    const raw = options.raw ?? JSON.stringify(event, null, 1); // unusual spacing: the signature must cover these bytes
    const signature = zaloOaSignature(OA_APP_ID, Buffer.from(raw), event.timestamp, options.secret ?? OA_SECRET);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (options.sign !== false) headers['x-zevent-signature'] = signature;
    return post(`${h.url}/zalo-oa/webhook`, raw, headers);
  };
  const sentTo = (user: string) => oa.callsTo('cs').filter((c) => c.body.recipient?.user_id === user);
  const waitSent = (user: string, n = 1) => waitFor(`${n} OA message(s) to ${user}`, () => sentTo(user).length >= n && sentTo(user));

  it('verifies the signature over the raw body and replies through message/cs with the access token', async () => {
    expect((await hook(oaEvent('u1', 'xin chào'))).status).toBe(200);
    const [sent] = await waitSent('u1');
    expect(sent!.path).toBe('/v3.0/oa/message/cs');
    expect(sent!.headers['access_token']).toBe(OA_TOKEN);
    expect(sent!.body).toEqual({ recipient: { user_id: 'u1' }, message: { text: 'echo: xin chào' } });
    expect(answerer.asked.at(-1)?.chatId).toBe('zoa:u1');
  });

  it('refuses a missing (401), wrongly keyed or tampered (403) signature', async () => {
    const event = oaEvent('u2', 'forged');
    expect((await hook(event, { sign: false })).status).toBe(401);
    expect((await hook(event, { secret: 'guessed' })).status).toBe(403);
    const signedRaw = JSON.stringify(event);
    const signature = zaloOaSignature(OA_APP_ID, Buffer.from(signedRaw), event.timestamp, OA_SECRET);
    const tampered = signedRaw.replace('forged', 'FORGED');
    expect((await post(`${h.url}/zalo-oa/webhook`, tampered, { 'x-zevent-signature': signature })).status).toBe(403);
    await sleep(100);
    expect(sentTo('u2')).toHaveLength(0);
  });

  it('ignores oa_send_* echoes and de-duplicates msg_id', async () => {
    expect((await hook(oaEvent('u3', 'our own reply', 'oa_send_text'))).status).toBe(200);
    const event = oaEvent('u3', 'once');
    expect((await hook(event)).status).toBe(200);
    expect((await hook(event)).status).toBe(200);
    await waitSent('u3');
    await sleep(100);
    expect(sentTo('u3').map((c) => c.body.message.text)).toEqual(['echo: once']);
  });

  it('acknowledges at once and replies afterwards (slow OA API)', async () => {
    oa.on(() => ({ body: { error: 0, message: 'Success' }, delayMs: 800 }));
    const started = Date.now();
    expect((await hook(oaEvent('u4', 'slow'))).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(400);
    await waitSent('u4');
    await waitFor('the reply to complete', () => oa.answeredAt[0]);
    expect(oa.answeredAt[0]! - started).toBeGreaterThanOrEqual(750);
  });

  it('treats error != 0 as a failure (logged with the message id)', async () => {
    oa.on(() => ({ body: { error: -216, message: 'Access token is invalid' } }));
    const event = oaEvent('u5', 'token expired');
    await hook(event);
    await waitFor('failure log', () => h.logs.some((l) => l.includes('update failed') && l.includes(`zoa:msg:${event.message.msg_id}`) && l.includes('-216')));
    expect(sentTo('u5')).toHaveLength(1);
  });

  it('refuses malformed JSON with 400 and answers images with what the bot can do', async () => {
    const event = oaEvent('u6', '');
    expect((await hook(event, { raw: '{"event_name": ' })).status).toBe(400);
    await hook(oaEvent('u6', '', 'user_send_image'));
    expect((await waitSent('u6'))[0]!.body.message.text).toBe(UNSUPPORTED);
  });

  it('keeps credentials and message text out of the logs', () => {
    const all = h.logs.join('\n');
    for (const secret of [ZALO_TOKEN, ZALO_SECRET, OA_SECRET, OA_TOKEN]) expect(all).not.toContain(secret);
    expect(all).not.toContain('xin chào');
  });
});
