/**
 * Channels as adapters (issue 12 item 6): the server loops over a registry; a channel is one
 * adapter (read, send, limits, webhook guard) and one line there; the delivery loop does the rest.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/channels/adapters/registry.js';
import type { ChannelAdapter, ChannelEntry, ChannelLimits, Delivery, OutMessage } from '../../src/channels/adapters/types.js';
import { NOTHING_TO_RATE, VOTE_THANKS } from '../../src/channels/texts.js';
import { zaloOaSignature } from '../../src/channels/verify.js';
import { FakeAnswerer } from './fakeAnswerer.js';
import { fakeTelegram, fakeZaloBot, fakeZaloOa, sleep, waitFor, type FakeApi } from './fakeApi.js';
import { allChannels, OA_APP_ID, OA_SECRET, post, startServer, TG_SECRET, ZALO_SECRET, type Harness } from './harness.js';

const TOY_LIMITS: ChannelLimits = { maxChars: 24, buttons: false, pictures: null };

/** A channel written for this test: JSON `{id, chat, text}` in, messages kept in memory out. */
class ToyAdapter implements ChannelAdapter<string> {
  readonly name = 'toy';
  readonly label = 'toy';
  readonly limits = TOY_LIMITS;
  readonly webhook = {
    prefix: '/toy',
    guard: (app: FastifyInstance) =>
      app.addHook('onRequest', async (request, reply) => {
        if (request.headers['x-toy'] !== 'ok') return reply.code(401).send({ error: 'no toy header' });
      }),
  };
  readonly sent: Array<{ to: string; message: OutMessage }> = [];
  readonly typed: string[] = [];

  read(body: unknown): Delivery<string> | undefined {
    const { id, chat, text } = (body ?? {}) as { id?: unknown; chat?: unknown; text?: unknown };
    if (typeof id !== 'string' || typeof chat !== 'string' || typeof text !== 'string') return undefined;
    return { id: `toy:${id}`, chat, to: chat, dedupeKey: `toy:${id}`, input: () => ({ kind: 'text', text }) };
  }

  async send(to: string, message: OutMessage): Promise<void> {
    this.sent.push({ to, message });
  }

  typing(to: string): void {
    this.typed.push(to);
  }
}

// A channel missing a required part does not compile: these lines are checked by `npm run typecheck`.
// @ts-expect-error a channel that cannot send a reply is not a ChannelAdapter
class NoSend implements ChannelAdapter<string> {
  readonly name = 'broken';
  readonly label = 'broken';
  readonly limits = TOY_LIMITS;
  readonly webhook = null;
  read(): undefined {
    return undefined;
  }
}
// @ts-expect-error limits must say whether the channel shows buttons
const noButtons: ChannelLimits = { maxChars: 10, pictures: null };
// @ts-expect-error a registry line must say how the channel is made
const noCreate: ChannelEntry = { key: 'broken', off: 'never' };

describe('a channel missing a required part', () => {
  it('is refused by the compiler (the @ts-expect-error lines above); at run time it lacks what the loop calls', () => {
    expect('send' in new NoSend()).toBe(false);
    expect('buttons' in noButtons).toBe(false);
    expect('create' in noCreate).toBe(false);
  });
});

describe('the registry drives each channel', () => {
  const tg = fakeTelegram();
  const zalo = fakeZaloBot();
  const oa = fakeZaloOa();
  const toy = new ToyAdapter();
  const answerer = new FakeAnswerer();
  let h: Harness;

  beforeAll(async () => {
    const [tgRoot, zaloRoot, oaRoot] = await Promise.all([tg.listen(), zalo.listen(), oa.listen()]);
    h = await startServer({
      env: allChannels({ tg: tgRoot, zalo: zaloRoot, oa: oaRoot }),
      getAnswerer: () => answerer,
      // The server's registry and one more line.
      channels: [...CHANNELS, { key: 'toy', off: 'never off', create: () => toy }],
    });
  });
  afterAll(async () => {
    await h.stop();
    await Promise.all([tg.close(), zalo.close(), oa.close()]);
  });

  /** How to deliver a text to each registered channel, and where its reply shows. */
  const platforms: Record<string, { api: () => FakeApi; deliver: (text: string) => Promise<number>; replies: () => string[] }> = {
    tg: {
      api: () => tg,
      deliver: async (text) =>
        (
          await post(
            `${h.url}/telegram/webhook`,
            { update_id: 7, message: { message_id: 7, date: 0, chat: { id: 70, type: 'private' }, text } },
            { 'x-telegram-bot-api-secret-token': TG_SECRET },
          )
        ).status,
      replies: () => tg.callsTo('sendMessage').map((c) => c.body.text),
    },
    zalo: {
      api: () => zalo,
      deliver: async (text) =>
        (
          await post(
            `${h.url}/zalo/webhook`,
            { event_name: 'message.text.received', message: { message_id: 'r1', chat: { id: 'z70' }, text } },
            { 'x-bot-api-secret-token': ZALO_SECRET },
          )
        ).status,
      replies: () => zalo.callsTo('sendMessage').map((c) => c.body.text),
    },
    zoa: {
      api: () => oa,
      deliver: async (text) => {
        const raw = JSON.stringify({
          app_id: OA_APP_ID,
          event_name: 'user_send_text',
          sender: { id: 'o70' },
          message: { text, msg_id: 'r1' },
          timestamp: String(Date.now()),
        });
        const signature = zaloOaSignature(OA_APP_ID, Buffer.from(raw), JSON.parse(raw).timestamp, OA_SECRET);
        return (await post(`${h.url}/zalo-oa/webhook`, raw, { 'x-zevent-signature': signature })).status;
      },
      replies: () => oa.callsTo('cs').map((c) => c.body.message.text),
    },
  };

  it('builds one adapter per configured registry line, serves each on its route and answers through it', async () => {
    expect(h.server.channels.map((c) => [c.name, c.label])).toEqual([
      ['tg', 'telegram'],
      ['zalo', 'zalo'],
      ['zoa', 'zalo-oa'],
      ['toy', 'toy'],
    ]);
    const line = JSON.parse(h.logs.find((l) => l.includes('"msg":"channels"'))!);
    expect(line).toMatchObject({ telegram: 'on (webhook)', zaloBot: 'on', zaloOa: 'on', toy: 'on' });
    for (const adapter of h.server.channels.filter((c) => c.name !== 'toy')) {
      const platform = platforms[adapter.name]!;
      expect(adapter.webhook?.prefix).toBeTruthy();
      expect(await platform.deliver(`hello ${adapter.name}`)).toBe(200);
      await waitFor(`${adapter.label} reply`, () => platform.replies().length === 1);
      expect(platform.replies()).toEqual([`echo: hello ${adapter.name}`]);
      // The same delivery again: acknowledged, answered once.
      expect(await platform.deliver(`hello ${adapter.name}`)).toBe(200);
    }
    await sleep(100);
    for (const name of ['tg', 'zalo', 'zoa']) expect(platforms[name]!.replies()).toHaveLength(1);
  });

  it('a channel that is one file and one line gets the whole loop: guard, dedupe, typing, splitting, numbered menus, feedback', async () => {
    const hook = (body: unknown, header = 'ok') => post(`${h.url}/toy/webhook`, body, { 'x-toy': header });
    expect((await hook({ id: 'a', chat: 'c1', text: 'hi' }, 'no')).status).toBe(401);
    expect((await hook({ id: 'a', chat: 'c1', text: 'a long question here' })).status).toBe(200);
    expect((await hook({ id: 'a', chat: 'c1', text: 'a long question here' })).status).toBe(200);
    expect((await hook({ nonsense: true })).status).toBe(200);
    await waitFor('the reply', () => toy.sent.length >= 2);
    await sleep(100);
    // "echo: a long question here" is 26 characters: two messages within the 24-character limit.
    expect(toy.sent.map((s) => s.message.text)).toEqual(['echo: a long question', 'here']);
    expect(toy.sent.every((s) => s.to === 'c1' && s.message.buttons === undefined)).toBe(true);
    expect(toy.typed).toEqual(['c1']);

    toy.sent.length = 0;
    await hook({ id: 'b', chat: 'c2', text: '👎' });
    await waitFor('the notice', () => toy.sent.length > 0);
    const words = (texts: string[]) => texts.join(' ').replace(/\s+/g, ' ');
    expect(words(toy.sent.map((s) => s.message.text))).toBe(words([NOTHING_TO_RATE]));
    toy.sent.length = 0;
    await hook({ id: 'c', chat: 'c2', text: 'ok' });
    await hook({ id: 'd', chat: 'c2', text: '👎' });
    await waitFor('the thanks', () => toy.sent.length >= 3);
    await sleep(50);
    expect(toy.sent[0]!.message.text).toBe('echo: ok');
    // Within the limit too: the thanks in parts, each marked as the answer to a vote.
    expect(toy.sent.slice(1).every((s) => s.message.ack === true && s.message.text.length <= 24)).toBe(true);
    expect(words(toy.sent.slice(1).map((s) => s.message.text))).toBe(VOTE_THANKS);

    toy.sent.length = 0;
    await hook({ id: 'e', chat: 'c3', text: 'choose' });
    await waitFor('the menu', () => toy.sent.length > 0);
    await sleep(50);
    expect(toy.sent.map((s) => s.message.text).join('\n')).toContain('1. Huế 2026-2030');
  });
});
