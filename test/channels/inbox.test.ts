import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inboxGroups, parseSince } from '../../src/channels/inbox.js';
import { main } from '../../src/channels/cli/main.js';
import { maskPersonal, type LoggedQuestion } from '../../src/channels/questions.js';
import { loggedQuestions, SqliteQuestionLog } from '../../src/store/questions.js';
import { openDatabase } from '../../src/store/sqlite.js';
import { FakeAnswerer } from './fakeAnswerer.js';
import { fakeTelegram, waitFor } from './fakeApi.js';
import { post, startServer, TG_SECRET, TG_TOKEN, type Harness } from './harness.js';

const ADMIN = 'admin-token-0123456789';

describe('question log', () => {
  it('masks phone numbers, e-mail addresses and ID-card numbers, and keeps plan numbers and years', () => {
    expect(maskPersonal('Gọi 0912 345 678 hoặc +84 912.345.678, mail a.b@so.gov.vn, CCCD 012345678901, CMND 123456789')).toBe(
      'Gọi [số điện thoại] hoặc [số điện thoại], mail [email], CCCD [số giấy tờ], CMND [số giấy tờ]',
    );
    expect(maskPersonal('Kế hoạch 4181/KH-UBND năm 2025, nhiệm vụ 21')).toBe('Kế hoạch 4181/KH-UBND năm 2025, nhiệm vụ 21');
  });

  it('stores a keyed hash of the chat, never the id; prunes questions older than the retention', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planbot-log-'));
    let now = Date.UTC(2026, 0, 1);
    const reply = { reply: 'Không tìm thấy.', found: false, intent: 'task.lead', sources: [{ plan: 'hue', ref: 'KH 284' }], lang: 'vi' as const };
    const log = new SqliteQuestionLog(openDatabase(dir), 90, () => now);
    const id = log.record('tg:987654321', 'ai chủ trì, gọi 0912345678', reply);
    log.close();
    const db = openDatabase(dir);
    const [row] = db.prepare('SELECT * FROM questions').all() as Array<Record<string, unknown>>;
    expect(row).toMatchObject({ reply_id: id, channel: 'tg', question: 'ai chủ trì, gọi [số điện thoại]', found: 0, intent: 'task.lead' });
    expect(JSON.stringify(row)).not.toContain('987654321');
    expect(loggedQuestions(db, 0)[0]!.sources).toEqual(['KH 284']);
    now += 91 * 24 * 3600 * 1000;
    new SqliteQuestionLog(openDatabase(dir), 90, () => now).close();
    expect(loggedQuestions(db, 0)).toEqual([]);
  });

  it('groups what the bot could not answer by folded wording, most asked first', () => {
    const q = (question: string, found: boolean, at: number, intent = 'topic'): LoggedQuestion => ({
      replyId: String(at),
      at,
      channel: 'tg',
      question,
      lang: 'vi',
      intent,
      found,
      sources: [],
      reply: `r${at}`,
    });
    const groups = inboxGroups([q('Wifi miễn phí?', false, 1), q('wifi mien phi', false, 3), q('Ai ký?', true, 2), q('Hỏi gì đó', true, 4, 'clarify')]);
    expect(groups.map((g) => [g.question, g.count, g.reply])).toEqual([
      ['wifi mien phi', 2, 'r3'],
      ['Hỏi gì đó', 1, 'r4'],
    ]);
    expect(groups[0]!.firstSeen).toBe(new Date(1).toISOString());
    expect(parseSince('7d')).toBe(7 * 86_400_000);
    expect(parseSince('soon')).toBeNull();
  });
});

describe('inbox over the real server and the CLI', () => {
  const tg = fakeTelegram();
  const data = mkdtempSync(join(tmpdir(), 'planbot-inbox-'));
  let h: Harness;

  beforeAll(async () => {
    const root = await tg.listen();
    const answerer = new FakeAnswerer();
    h = await startServer({
      getAnswerer: () => answerer,
      env: { PLANBOT_DATA: data, PLANBOT_ADMIN_TOKEN: ADMIN, TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_WEBHOOK_SECRET: TG_SECRET, TELEGRAM_API_ROOT: root },
    });
  });
  afterAll(async () => {
    await h.stop();
    await tg.close();
  });

  it('lists unanswered questions with their count and channels, for the admin token only; the CLI writes eval lines', async () => {
    await post(`${h.url}/api/ask`, { text: 'choose' });
    await post(`${h.url}/api/ask`, { text: 'choose', chat: 'desk' });
    await post(`${h.url}/api/ask`, { text: 'answered fine' });
    const update = { update_id: 1, message: { message_id: 1, date: 0, chat: { id: 5, type: 'private' }, text: 'choose' } };
    await post(`${h.url}/telegram/webhook`, update, { 'x-telegram-bot-api-secret-token': TG_SECRET });
    await waitFor('telegram reply', () => tg.callsTo('sendMessage').length === 1);

    expect((await fetch(`${h.url}/api/inbox`)).status).toBe(401);
    expect((await fetch(`${h.url}/api/inbox`, { headers: { authorization: 'Bearer not-the-admin-token' } })).status).toBe(403);
    const response = await fetch(`${h.url}/api/inbox?since=1h`, { headers: { authorization: `Bearer ${ADMIN}` } });
    const { groups } = (await response.json()) as { groups: Array<{ question: string; count: number; channels: string[]; reply: string }> };
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ count: 3, reply: 'Bạn hỏi kế hoạch nào?' });
    expect(groups[0]!.channels.sort()).toEqual(['api', 'tg']);

    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    process.env.PLANBOT_DATA = data;
    try {
      expect(await main(['inbox', '--since', '1d', '--jsonl'])).toBe(0);
    } finally {
      delete process.env.PLANBOT_DATA;
      write.mockRestore();
    }
    const lines = out
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([{ id: 'inbox-1', chat: 'inbox-1', text: groups[0]!.question, want: [] }]);
  });

  it('has no inbox route without PLANBOT_ADMIN_TOKEN', async () => {
    const other = await startServer({ getAnswerer: () => new FakeAnswerer(), env: {} });
    try {
      expect((await fetch(`${other.url}/api/inbox`)).status).toBe(404);
    } finally {
      await other.stop();
    }
  });
});
