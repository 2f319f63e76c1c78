import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PLAN_MENU_HINT, RATE_LIMITED, TOO_LONG, UNSUPPORTED, FAILED } from '../../src/channels/texts.js';
import { FakeAnswerer } from './fakeAnswerer.js';
import { fakeTelegram, sleep, waitFor } from './fakeApi.js';
import { post, startServer, TG_SECRET, TG_TOKEN, type Harness } from './harness.js';

const tg = fakeTelegram();
const answerer = new FakeAnswerer();
let h: Harness;
let updateId = 1000;
let nextChat = 100;

function textUpdate(chatId: number, text: string) {
  updateId += 1;
  const command = /^\/\w+/.exec(text);
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 0,
      chat: { id: chatId, type: 'private' },
      from: { id: chatId, is_bot: false, first_name: 'Dân' },
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    },
  };
}

function callbackUpdate(chatId: number, data: string) {
  updateId += 1;
  return {
    update_id: updateId,
    callback_query: {
      id: `cb${updateId}`,
      chat_instance: 'x',
      from: { id: chatId, is_bot: false, first_name: 'Dân' },
      message: { message_id: 1, date: 0, chat: { id: chatId, type: 'private' }, text: 'menu' },
      data,
    },
  };
}

const hook = (body: unknown, secret: string | null = TG_SECRET) =>
  post(`${h.url}/telegram/webhook`, body, secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret });
const sentTo = (chatId: number) => tg.callsTo('sendMessage').filter((c) => c.body.chat_id === chatId);
const waitSent = (chatId: number, n = 1, timeoutMs?: number) =>
  waitFor(`${n} message(s) to chat ${chatId}`, () => sentTo(chatId).length >= n && sentTo(chatId), timeoutMs);

beforeAll(async () => {
  const root = await tg.listen();
  h = await startServer({
    env: { TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_WEBHOOK_SECRET: TG_SECRET, TELEGRAM_API_ROOT: root },
    getAnswerer: () => answerer,
    tuning: { rateLimit: { max: 5, windowMs: 60_000 } },
  });
});
afterAll(async () => {
  await h.stop();
  await tg.close();
});
beforeEach(() => {
  tg.reset();
  nextChat += 1;
});

describe('Telegram webhook over real HTTP', () => {
  it('answers a text message: typing first, then HTML-escaped reply', async () => {
    const chat = nextChat;
    const res = await hook(textUpdate(chat, '<b>Tom & Jerry</b>'));
    expect(res.status).toBe(200);
    const [sent] = await waitSent(chat);
    expect(sent!.body).toMatchObject({ text: 'echo: &lt;b&gt;Tom &amp; Jerry&lt;/b&gt;', parse_mode: 'HTML' });
    const typing = tg.callsTo('sendChatAction').find((c) => c.body.chat_id === chat);
    expect(typing?.body.action).toBe('typing');
    expect(tg.calls.indexOf(typing!)).toBeLessThan(tg.calls.indexOf(sent!));
    expect(sent!.path).toBe(`/bot${TG_TOKEN}/sendMessage`);
    expect(answerer.asked.at(-1)).toEqual({ chatId: `tg:${chat}`, text: '<b>Tom & Jerry</b>' });
  });

  it('appends sources the reply does not quote', async () => {
    const chat = nextChat;
    await hook(textUpdate(chat, 'cite'));
    const [sent] = await waitSent(chat);
    expect(sent!.body.text).toBe('Sở TT&amp;TT chủ trì.\n\nNguồn: KH 284/KH-UBND, nhiệm vụ 21');
  });

  it('refuses a missing (401) or wrong (403) secret and answers nothing', async () => {
    const chat = nextChat;
    const asked = answerer.asked.length;
    expect((await hook(textUpdate(chat, 'forged'), null)).status).toBe(401);
    expect((await hook(textUpdate(chat, 'forged'), 'wrong-secret')).status).toBe(403);
    expect((await hook(textUpdate(chat, 'forged'), `${TG_SECRET}x`)).status).toBe(403);
    await sleep(150);
    expect(sentTo(chat)).toHaveLength(0);
    expect(answerer.asked.length).toBe(asked);
  });

  it('answers a retried delivery (same update_id) once', async () => {
    const chat = nextChat;
    const update = textUpdate(chat, 'once');
    const replies = await Promise.all([hook(update), hook(update)]);
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    expect((await hook(update)).status).toBe(200);
    await waitSent(chat);
    await sleep(150);
    expect(sentTo(chat)).toHaveLength(1);
  });

  it('splits a 5,000-character reply on line boundaries under 4,096', async () => {
    const chat = nextChat;
    await hook(textUpdate(chat, 'long'));
    const sent = await waitSent(chat, 2);
    await sleep(100);
    expect(sentTo(chat)).toHaveLength(2);
    const texts = sent.map((c) => c.body.text as string);
    expect(texts.every((t) => t.length <= 4096)).toBe(true);
    expect(texts.every((t) => t.startsWith('dòng ') && t.endsWith('x'))).toBe(true);
    expect(texts.join('\n')).toBe(answerer.ask('probe', 'long').reply);
  });

  it('/start and /help send the help text', async () => {
    const chat = nextChat;
    await hook(textUpdate(chat, '/start'));
    await hook(textUpdate(chat, '/help'));
    const sent = await waitSent(chat, 2);
    // The engine's help (examples from the loaded plans) and how to choose a plan.
    const help = `${answerer.help('vi')}\n\n${PLAN_MENU_HINT}`;
    expect(sent.map((c) => c.body.text)).toEqual([help, help]);
  });

  it('/kehoach offers the plans as inline buttons; pressing one selects the chat plan', async () => {
    const chat = nextChat;
    await hook(textUpdate(chat, '/kehoach'));
    const [menu] = await waitSent(chat);
    const buttons = menu!.body.reply_markup.inline_keyboard.flat() as Array<{ text: string; callback_data: string }>;
    expect(buttons.map((b) => b.text)).toEqual(['Huế 2026-2030', 'Bình Thuận 2025-2030']);
    await hook(callbackUpdate(chat, buttons[0]!.callback_data));
    await waitSent(chat, 2);
    expect(tg.callsTo('answerCallbackQuery')).toHaveLength(1);
    expect(answerer.selected.get(`tg:${chat}`)).toBe('hue-2026');
    expect(sentTo(chat)[1]!.body.text).toContain('Đã chọn kế hoạch: Huế 2026-2030');
    await hook(textUpdate(chat, 'hỏi tiếp'));
    const sent = await waitSent(chat, 3);
    expect(sent[2]!.body.text).toBe('echo: hỏi tiếp [hue-2026]');
  });

  it('shows clarification choices as buttons and asks the chosen text', async () => {
    const chat = nextChat;
    await hook(textUpdate(chat, 'choose'));
    const [menu] = await waitSent(chat);
    const buttons = menu!.body.reply_markup.inline_keyboard.flat() as Array<{ text: string; callback_data: string }>;
    expect(buttons.map((b) => b.text)).toEqual(['Huế 2026-2030', 'Bình Thuận']);
    await hook(callbackUpdate(chat, buttons[1]!.callback_data));
    const sent = await waitSent(chat, 2);
    expect(sent[1]!.body.text).toBe('echo: mục tiêu Bình Thuận');
    // A stale button (menu already used) gets its spinner stopped and an "expired" note.
    await hook(callbackUpdate(chat, buttons[0]!.callback_data));
    const after = await waitSent(chat, 3);
    expect(after[2]!.body.text).toMatch(/hết hạn/);
    expect(tg.callsTo('answerCallbackQuery')).toHaveLength(2);
  });

  it('retries 429 (honouring retry_after) and 5xx from Telegram', async () => {
    const chat = nextChat;
    let n = 0;
    tg.on((call) => {
      if (call.method !== 'sendMessage') return undefined;
      n += 1;
      if (n === 1) return { status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 1 } } };
      if (n === 2) return { status: 502, body: 'Bad Gateway' };
      return undefined;
    });
    await hook(textUpdate(chat, 'retry me'));
    const sent = await waitSent(chat, 3, 5_000);
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(950);
    expect(sent[2]!.body.text).toBe('echo: retry me');
  });

  it('a failing update is logged with its id, apologised for, and does not block other chats', async () => {
    const bad = nextChat;
    const good = nextChat + 1000;
    const badUpdate = textUpdate(bad, 'boom');
    await hook(badUpdate);
    await hook(textUpdate(good, 'fine'));
    expect((await waitSent(good))[0]!.body.text).toBe('echo: fine');
    expect((await waitSent(bad))[0]!.body.text).toBe(FAILED);
    expect(h.logs.some((l) => l.includes('answerer failed') && l.includes(`tg:update:${badUpdate.update_id}`))).toBe(true);

    // Telegram refusing the message (400, not retried): bot.catch logs it, the process goes on.
    tg.on((call) =>
      call.method === 'sendMessage' && call.body.chat_id === bad
        ? { status: 400, body: { ok: false, error_code: 400, description: 'chat not found' } }
        : undefined,
    );
    const refused = textUpdate(bad, 'again');
    expect((await hook(refused)).status).toBe(200);
    await waitFor('failure log', () => h.logs.some((l) => l.includes('telegram update failed') && l.includes(`tg:update:${refused.update_id}`)));
    await hook(textUpdate(good, 'still fine'));
    await waitSent(good, 2);
  });

  it('acknowledges and ignores unknown update kinds', async () => {
    updateId += 1;
    const res = await hook({ update_id: updateId, poll: { id: 'p', question: 'q', options: [] } });
    expect(res.status).toBe(200);
    updateId += 1;
    expect((await hook({ update_id: updateId, edited_message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, text: 'x' } })).status).toBe(200);
    await sleep(100);
    expect(tg.calls).toHaveLength(0);
  });

  it('refuses malformed JSON (400) and bodies over 1 MB (413); acknowledges and ignores updates without update_id', async () => {
    expect((await hook('{"update_id": 1, ')).status).toBe(400);
    const big = { update_id: 5, message: { text: 'x'.repeat(1_100_000) } };
    expect((await hook(big)).status).toBe(413);
    const missing = await hook({ message: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, text: 'x' } });
    expect(missing.status).toBe(200);
    await sleep(50);
    expect(tg.calls).toHaveLength(0);
  });

  it('replies politely to text over 2,000 characters, without asking the answerer', async () => {
    const chat = nextChat;
    const asked = answerer.asked.length;
    await hook(textUpdate(chat, 'hỏi '.repeat(600)));
    expect((await waitSent(chat))[0]!.body.text).toBe(TOO_LONG);
    expect(answerer.asked.length).toBe(asked);
  });

  it('rate-limits a chat with one polite notice', async () => {
    const chat = nextChat;
    for (let i = 0; i < 8; i += 1) expect((await hook(textUpdate(chat, `q${i}`))).status).toBe(200);
    await waitSent(chat, 6);
    await sleep(150);
    const texts = sentTo(chat).map((c) => c.body.text);
    expect(texts).toEqual(['echo: q0', 'echo: q1', 'echo: q2', 'echo: q3', 'echo: q4', RATE_LIMITED]);
  });

  it('answers a photo with what the bot can do', async () => {
    updateId += 1;
    const chat = nextChat;
    await hook({
      update_id: updateId,
      message: { message_id: 1, date: 0, chat: { id: chat, type: 'private' }, photo: [{ file_id: 'f', file_unique_id: 'u', width: 1, height: 1 }] },
    });
    expect((await waitSent(chat))[0]!.body.text).toBe(UNSUPPORTED);
  });

  it('registers the webhook with the secret when a public URL is given', async () => {
    await h.server.registerWebhooks('https://bot.example.gov.vn');
    const [call] = tg.callsTo('setWebhook');
    expect(call!.body).toMatchObject({
      url: 'https://bot.example.gov.vn/telegram/webhook',
      secret_token: TG_SECRET,
      allowed_updates: ['message', 'callback_query'],
    });
  });

  it('keeps the token and message text out of info logs', () => {
    const all = h.logs.join('\n');
    expect(all).not.toContain(TG_TOKEN);
    expect(all).not.toContain(TG_SECRET);
    expect(all).not.toContain('Tom & Jerry');
    expect(all).not.toContain('retry me');
  });
});

describe('Telegram polling mode', () => {
  const polled = fakeTelegram();
  let p: Harness;
  const chat = 777;

  beforeAll(async () => {
    const root = await polled.listen();
    let served = false;
    polled.on((call) => {
      if (call.method !== 'getUpdates' || served) return undefined;
      served = true;
      const update = { update_id: 50, message: { message_id: 1, date: 0, chat: { id: chat, type: 'private' }, text: 'long' } };
      return { body: { ok: true, result: [update] } };
    });
    p = await startServer({
      env: { TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_MODE: 'polling', TELEGRAM_API_ROOT: root },
      getAnswerer: () => answerer,
      tuning: { outbound: { paceMs: 200 } },
    });
  });
  afterAll(async () => {
    await p.stop();
    await polled.close();
  });

  it('deletes the webhook, polls, answers, paces chunks ~paceMs apart and advances the offset', async () => {
    const sent = await waitFor('two chunks', () => {
      const calls = polled.callsTo('sendMessage');
      return calls.length >= 2 && calls;
    });
    expect(polled.callsTo('deleteWebhook')).toHaveLength(1);
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(190);
    await waitFor('next poll', () => polled.callsTo('getUpdates').some((c) => c.body.offset === 51));
    expect((await fetch(`${p.url}/telegram/webhook`, { method: 'POST' })).status).toBe(404);
  });
});
