/**
 * Feedback (issue 10 item 2): 👍/👎 under factual Telegram answers, POST /api/feedback, a lone
 * thumb on Zalo, votes stored in the question log and 👎 shown by the inbox — over real HTTP with
 * the fake platform APIs on 127.0.0.1.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/channels/cli/main.js';
import { inboxGroups } from '../../src/channels/inbox.js';
import { NOTHING_TO_RATE, VOTE_THANKS, VOTE_UNKNOWN } from '../../src/channels/texts.js';
import { loggedQuestions, SqliteQuestionLog } from '../../src/store/questions.js';
import { openDatabase } from '../../src/store/sqlite.js';
import { zaloOaSignature } from '../../src/channels/verify.js';
import { FakeAnswerer } from './fakeAnswerer.js';
import { fakeTelegram, fakeZaloBot, fakeZaloOa, waitFor } from './fakeApi.js';
import { allChannels, OA_APP_ID, OA_SECRET, post, startServer, TG_SECRET, TG_TOKEN, ZALO_SECRET, type Harness } from './harness.js';

const ADMIN = 'admin-token-0123456789';
const tg = fakeTelegram();
const zalo = fakeZaloBot();
const oa = fakeZaloOa();
const answerer = new FakeAnswerer();
const data = mkdtempSync(join(tmpdir(), 'planbot-feedback-'));
let h: Harness;
let seq = 0;

const roots = { tg: '', zalo: '', oa: '' };

const tgText = (chat: number, text: string) => {
  seq += 1;
  return {
    update_id: seq,
    message: { message_id: seq, date: 0, chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'Dân' }, text },
  };
};
const tgPress = (chat: number, messageId: number, data: string) => {
  seq += 1;
  return {
    update_id: seq,
    callback_query: {
      id: `cb${seq}`,
      chat_instance: 'x',
      from: { id: chat, is_bot: false, first_name: 'Dân' },
      message: { message_id: messageId, date: 0, chat: { id: chat, type: 'private' }, text: 'answer' },
      data,
    },
  };
};
const tgHook = (base: string, body: unknown) => post(`${base}/telegram/webhook`, body, { 'x-telegram-bot-api-secret-token': TG_SECRET });
const tgSentTo = (api: typeof tg, chat: number) => api.callsTo('sendMessage').filter((c) => c.body.chat_id === chat);
type Keyboard = Array<Array<{ text: string; callback_data: string }>>;
const keyboardOf = (call: { body: any }): Keyboard => call.body.reply_markup?.inline_keyboard ?? [];

const zaloHook = (body: unknown) => post(`${h.url}/zalo/webhook`, body, { 'x-bot-api-secret-token': ZALO_SECRET });
const zaloText = (chat: string, text: string) => {
  seq += 1;
  return { event_name: 'message.text.received', message: { message_id: `fz${seq}`, date: 0, chat: { id: chat }, text } };
};
const zaloSentTo = (chat: string) =>
  zalo
    .callsTo('sendMessage')
    .filter((c) => c.body.chat_id === chat)
    .map((c) => c.body.text as string);
const oaHook = (user: string, text: string) => {
  seq += 1;
  const raw = JSON.stringify({
    app_id: OA_APP_ID,
    event_name: 'user_send_text',
    sender: { id: user },
    message: { text, msg_id: `fo${seq}` },
    timestamp: String(Date.now()),
  });
  const timestamp = JSON.parse(raw).timestamp as string;
  return post(`${h.url}/zalo-oa/webhook`, raw, { 'x-zevent-signature': zaloOaSignature(OA_APP_ID, Buffer.from(raw), timestamp, OA_SECRET) });
};
const oaSentTo = (user: string) =>
  oa
    .callsTo('cs')
    .filter((c) => c.body.recipient?.user_id === user)
    .map((c) => c.body.message.text as string);

const inbox = async () => {
  const response = await fetch(`${h.url}/api/inbox?since=1h`, { headers: { authorization: `Bearer ${ADMIN}` } });
  expect(response.status).toBe(200);
  return (
    (await response.json()) as { groups: Array<{ question: string; count: number; downVotes: number; comments: string[]; reply: string; intent: string }> }
  ).groups;
};
/** What the question log holds for a question, read from the data folder. */
const logged = (question: string) => {
  const db = openDatabase(data);
  try {
    return loggedQuestions(db, 0).filter((q) => q.question === question);
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  [roots.tg, roots.zalo, roots.oa] = await Promise.all([tg.listen(), zalo.listen(), oa.listen()]);
  h = await startServer({ env: { PLANBOT_DATA: data, PLANBOT_ADMIN_TOKEN: ADMIN, ...allChannels(roots) }, getAnswerer: () => answerer });
});
afterAll(async () => {
  await h.stop();
  await Promise.all([tg.close(), zalo.close(), oa.close()]);
});
beforeEach(() => {
  for (const api of [tg, zalo, oa]) api.reset();
});

describe('Telegram: 👍 / 👎 under a factual answer', () => {
  it('shows the buttons under a factual answer, not under "not found" nor a clarification (which keeps its choices)', async () => {
    await tgHook(h.url, tgText(11, 'cite'));
    await tgHook(h.url, tgText(12, 'nothing'));
    await tgHook(h.url, tgText(13, 'choose'));
    const [answer] = await waitFor('the answer', () => tgSentTo(tg, 11).length === 1 && tgSentTo(tg, 11));
    const [notFound] = await waitFor('the not-found reply', () => tgSentTo(tg, 12).length === 1 && tgSentTo(tg, 12));
    const [clarify] = await waitFor('the clarification', () => tgSentTo(tg, 13).length === 1 && tgSentTo(tg, 13));

    const [row, ...rest] = keyboardOf(answer!);
    expect(rest).toEqual([]);
    expect(row!.map((b) => b.text)).toEqual(['👍', '👎']);
    const replyId = /^v:([\w-]+):up$/.exec(row![0]!.callback_data)![1]!;
    expect(row![1]!.callback_data).toBe(`v:${replyId}:down`);
    expect(Buffer.byteLength(row![1]!.callback_data)).toBeLessThanOrEqual(64);
    await waitFor('the answer logged under its reply id', () => logged('cite').some((q) => q.replyId === replyId));

    expect(notFound!.body.reply_markup).toBeUndefined();
    expect(
      keyboardOf(clarify!)
        .flat()
        .map((b) => b.text),
    ).toEqual(['Huế 2026-2030', 'Bình Thuận']);
  });

  it('pressing 👎 stores the vote, answers the query and replaces the buttons with a thank-you; the inbox and the CLI list the question', async () => {
    await tgHook(h.url, tgText(21, 'Ai chủ trì nhiệm vụ 99?'));
    const [answer] = await waitFor('the answer', () => tgSentTo(tg, 21).length === 1 && tgSentTo(tg, 21));
    const down = keyboardOf(answer!)[0]![1]!.callback_data;
    const messageId = 555;
    expect((await tgHook(h.url, tgPress(21, messageId, down))).status).toBe(200);

    const [edit] = await waitFor('the buttons replaced', () => tg.callsTo('editMessageReplyMarkup').length === 1 && tg.callsTo('editMessageReplyMarkup'));
    expect(edit!.body).toMatchObject({ chat_id: 21, message_id: messageId });
    expect(keyboardOf(edit!)).toEqual([[{ text: VOTE_THANKS, callback_data: 'v:ok' }]]);
    const [query] = await waitFor('the query answered', () => tg.callsTo('answerCallbackQuery').length === 1 && tg.callsTo('answerCallbackQuery'));
    expect(query!.body).toMatchObject({ text: VOTE_THANKS });
    // No new message in the chat: the thanks is in place of the buttons.
    expect(tgSentTo(tg, 21)).toHaveLength(1);

    const [row] = logged('Ai chủ trì nhiệm vụ 99?');
    expect(row).toMatchObject({ found: true, vote: 'down', reply: 'echo: Ai chủ trì nhiệm vụ 99?' });
    const group = (await inbox()).find((g) => g.question === 'Ai chủ trì nhiệm vụ 99?');
    expect(group).toMatchObject({ count: 1, downVotes: 1, intent: 'test', reply: 'echo: Ai chủ trì nhiệm vụ 99?' });

    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
    process.env.PLANBOT_DATA = data;
    try {
      expect(await main(['inbox', '--since', '1d'])).toBe(0);
    } finally {
      delete process.env.PLANBOT_DATA;
      log.mockRestore();
    }
    expect(out.join('\n')).toMatch(/1× Ai chủ trì nhiệm vụ 99\?\n {3}test, 👎 1,/);

    // The thank-you button does nothing but stop the spinner.
    await tgHook(h.url, tgPress(21, messageId, 'v:ok'));
    await waitFor('spinner stopped', () => tg.callsTo('answerCallbackQuery').length === 2);
    expect(tg.callsTo('answerCallbackQuery')[1]!.body.text).toBeUndefined();
    expect(tgSentTo(tg, 21)).toHaveLength(1);
  });

  it('a button for a reply id the log does not know gets a notice, not a crash', async () => {
    await tgHook(h.url, tgPress(22, 9, 'v:unknownReply0001:up'));
    const [query] = await waitFor('the query answered', () => tg.callsTo('answerCallbackQuery').length === 1 && tg.callsTo('answerCallbackQuery'));
    expect(query!.body.text).toBe(VOTE_UNKNOWN);
  });
});

describe('POST /api/feedback', () => {
  it('stores a vote with its comment (200), 404 for an unknown id, 400 for a bad vote or body', async () => {
    const asked = await post(`${h.url}/api/ask`, { text: 'Sở nào chủ trì chữ ký số?' });
    const replyId = asked.json.replyId as string;
    expect(replyId).toMatch(/^[\w-]+$/);
    // At once: the row may not be written yet (the log writes in batches).
    const stored = await post(`${h.url}/api/feedback`, { replyId, vote: 'down', comment: 'Thiếu Sở Nội vụ' });
    expect(stored).toEqual({ status: 200, json: { ok: true } });
    expect(logged('Sở nào chủ trì chữ ký số?')[0]).toMatchObject({ vote: 'down', comment: 'Thiếu Sở Nội vụ' });
    expect((await inbox()).find((g) => g.question === 'Sở nào chủ trì chữ ký số?')).toMatchObject({ downVotes: 1, comments: ['Thiếu Sở Nội vụ'] });

    // A later vote replaces it: an 👍 takes the question out of the inbox.
    expect((await post(`${h.url}/api/feedback`, { replyId, vote: 'up' })).status).toBe(200);
    expect(logged('Sở nào chủ trì chữ ký số?')[0]!.vote).toBe('up');
    expect((await inbox()).some((g) => g.question === 'Sở nào chủ trì chữ ký số?')).toBe(false);

    const unknown = await post(`${h.url}/api/feedback`, { replyId: 'no-such-reply', vote: 'up' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatch(/unknown reply id/);
    for (const bad of [
      { replyId, vote: 'meh' },
      { replyId },
      { vote: 'up' },
      { replyId: '', vote: 'up' },
      { replyId, vote: 'up', comment: 'x'.repeat(2001) },
    ]) {
      const res = await post(`${h.url}/api/feedback`, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await post(`${h.url}/api/feedback`, '{"replyId": ')).status).toBe(400);
  });

  it('follows the API token rule', async () => {
    const guarded = await startServer({ env: { PLANBOT_API_TOKEN: 'api-token-0123456789' }, getAnswerer: () => answerer });
    try {
      expect((await post(`${guarded.url}/api/feedback`, { replyId: 'x', vote: 'up' })).status).toBe(401);
      const asked = await post(`${guarded.url}/api/ask`, { text: 'q' }, { authorization: 'Bearer api-token-0123456789' });
      const res = await post(`${guarded.url}/api/feedback`, { replyId: asked.json.replyId, vote: 'up' }, { authorization: 'Bearer api-token-0123456789' });
      expect(res).toEqual({ status: 200, json: { ok: true } });
    } finally {
      await guarded.stop();
    }
  });
});

describe('Zalo: a lone 👍 / 👎 right after an answer', () => {
  it('Zalo Bot: "👎" after an answer is a vote on it, thanked; the inbox lists the question', async () => {
    await zaloHook(zaloText('zf1', 'Kinh phí từ đâu?'));
    await waitFor('the answer', () => zaloSentTo('zf1').length === 1);
    await zaloHook(zaloText('zf1', ' 👎 '));
    await waitFor('the thanks', () => zaloSentTo('zf1').length === 2);
    expect(zaloSentTo('zf1')).toEqual(['echo: Kinh phí từ đâu?', VOTE_THANKS]);
    expect(answerer.asked.filter((q) => q.chatId === 'zalo:zf1').map((q) => q.text)).toEqual(['Kinh phí từ đâu?']);
    expect(logged('Kinh phí từ đâu?')[0]).toMatchObject({ vote: 'down' });
    expect((await inbox()).find((g) => g.question === 'Kinh phí từ đâu?')).toMatchObject({ downVotes: 1 });
  });

  it('Zalo Bot: "👎" with no answer before it does not crash and says how to rate; after another message it no longer rates the old answer', async () => {
    await zaloHook(zaloText('zf2', '👎'));
    await waitFor('the reply', () => zaloSentTo('zf2').length === 1);
    expect(zaloSentTo('zf2')).toEqual([NOTHING_TO_RATE]);
    expect(answerer.asked.some((q) => q.chatId === 'zalo:zf2')).toBe(false);

    await zaloHook(zaloText('zf2', 'Câu hỏi một'));
    await waitFor('the answer', () => zaloSentTo('zf2').length === 2);
    await zaloHook(zaloText('zf2', 'nothing'));
    await waitFor('the not-found reply', () => zaloSentTo('zf2').length === 3);
    // The last reply was not a factual answer: nothing to rate, and the earlier answer keeps no vote.
    await zaloHook(zaloText('zf2', '👍'));
    await waitFor('the reply', () => zaloSentTo('zf2').length === 4);
    expect(zaloSentTo('zf2')[3]).toBe(NOTHING_TO_RATE);
    const [row] = await waitFor('the answer logged', () => logged('Câu hỏi một').length === 1 && logged('Câu hỏi một'));
    expect(row!.vote).toBeUndefined();
  });

  it('Zalo OA: "👍🏽" after an answer is an up vote (not in the inbox); other text is asked as usual', async () => {
    await oaHook('of1', 'Mục tiêu 2030?');
    await waitFor('the answer', () => oaSentTo('of1').length === 1);
    await oaHook('of1', '👍🏽');
    await waitFor('the thanks', () => oaSentTo('of1').length === 2);
    expect(oaSentTo('of1')).toEqual(['echo: Mục tiêu 2030?', VOTE_THANKS]);
    expect(logged('Mục tiêu 2030?')[0]).toMatchObject({ vote: 'up' });
    expect((await inbox()).some((g) => g.question === 'Mục tiêu 2030?')).toBe(false);
    await oaHook('of1', '👍 cảm ơn');
    await waitFor('the answer', () => oaSentTo('of1').length === 3);
    expect(oaSentTo('of1')[2]).toBe('echo: 👍 cảm ơn');
  });
});

describe('with the question log off', () => {
  it('gives no reply id and no buttons; a thumb is asked like any text', async () => {
    const quiet = fakeTelegram();
    const root = await quiet.listen();
    const off = await startServer({
      env: { PLANBOT_LOG: 'off', TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_WEBHOOK_SECRET: TG_SECRET, TELEGRAM_API_ROOT: root },
      getAnswerer: () => answerer,
    });
    try {
      const asked = await post(`${off.url}/api/ask`, { text: 'cite' });
      expect(asked.json.replyId).toBeUndefined();
      expect(asked.json.reply).toBe('Sở TT&TT chủ trì.');
      expect((await post(`${off.url}/api/feedback`, { replyId: 'anything', vote: 'up' })).status).toBe(404);
      await tgHook(off.url, tgText(31, 'cite'));
      await tgHook(off.url, tgText(31, '👍'));
      const sent = await waitFor('two replies', () => tgSentTo(quiet, 31).length === 2 && tgSentTo(quiet, 31));
      expect(sent[0]!.body.reply_markup).toBeUndefined();
      expect(sent[1]!.body.text).toBe('echo: 👍');
    } finally {
      await off.stop();
      await quiet.close();
    }
  });
});

describe('SQLite question log votes', () => {
  it('takes a vote on a reply still waiting to be written, refuses an unknown id, keeps the answer text for the inbox', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planbot-votes-'));
    const log = new SqliteQuestionLog(openDatabase(dir), 90);
    const reply = { reply: 'Sở Y tế chủ trì.', found: true, intent: 'task.lead', sources: [], lang: 'vi' as const };
    const id = log.record('zalo:1', 'ai chủ trì hồ sơ sức khỏe?', reply);
    // Within the 200 ms batch: not flushed yet.
    expect(await log.vote(id, 'down', 'sai đơn vị')).toBe(true);
    expect(await log.vote('nope', 'down')).toBe(false);
    const again = log.record('zalo:2', 'ai chủ trì hồ sơ sức khỏe', reply);
    expect(await log.vote(again, 'down')).toBe(true);
    log.close();
    const db = openDatabase(dir);
    const groups = inboxGroups(loggedQuestions(db, 0));
    db.close();
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ count: 2, downVotes: 2, comments: ['sai đơn vị'], reply: 'Sở Y tế chủ trì.', intent: 'task.lead' });
  });
});
