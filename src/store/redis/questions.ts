import type { Redis } from 'ioredis';
import type { Reply } from '../../answer/types.js';
import type { LoggedQuestion, Vote } from '../../channels/questions.js';
import type { StoredQuestionLog } from '../../channels/stores.js';
import { newChatHashKey, QuestionRows, type QuestionRow } from '../questionRows.js';
import { KEY } from './connection.js';

const DAY_MS = 24 * 3600 * 1000;
/** Questions are written in batches, off the request path. */
const FLUSH_MS = 200;
const FLUSH_ROWS = 500;
/** Entries read per call when the log is read back. */
const PAGE = 1_000;

/** The stream of logged questions and votes, oldest first; its entry ids are the server's milliseconds. */
export const QUESTIONS = `${KEY}questions`;
const replyKey = (replyId: string) => `${KEY}reply:${replyId}`;

/** The key of the chat-id hash: made once per Redis, so a chat hashes alike on every instance. */
async function chatHashKey(redis: Redis): Promise<string> {
  await redis.set(`${KEY}chat-hash-key`, newChatHashKey(), 'NX');
  return (await redis.get(`${KEY}chat-hash-key`))!;
}

/**
 * The question log in a Redis Stream, shared by the instances: the same row as in SQLite, and a
 * vote as an entry of its own naming the reply. Capped at `maxEntries` (trimmed as entries are
 * added, `MAXLEN ~`) and kept `days` (entries older are trimmed at start and daily). A reply id
 * has a key of its own, kept as long, so a vote on an unknown or expired reply is refused.
 */
export class RedisQuestionLog implements StoredQuestionLog {
  private pending: QuestionRow[] = [];
  private writing: Promise<void> = Promise.resolve();
  private readonly flushTimer: NodeJS.Timeout;
  private readonly pruneTimer: NodeJS.Timeout;

  private constructor(
    private readonly redis: Redis,
    private readonly rows: QuestionRows,
    private readonly days: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {
    this.flushTimer = setInterval(() => void this.flush().catch(() => undefined), FLUSH_MS).unref();
    this.pruneTimer = setInterval(() => void this.pruneOld().catch(() => undefined), DAY_MS).unref();
  }

  static async open(redis: Redis, days: number, maxEntries: number, now: () => number = Date.now): Promise<RedisQuestionLog> {
    const log = new RedisQuestionLog(redis, new QuestionRows(await chatHashKey(redis), now), days, maxEntries, now);
    await log.pruneOld();
    return log;
  }

  record(chatKey: string, question: string, reply: Reply): string {
    const row = this.rows.row(chatKey, question, reply);
    this.pending.push(row);
    if (this.pending.length >= FLUSH_ROWS) void this.flush().catch(() => undefined);
    return row.replyId;
  }

  async vote(replyId: string, vote: Vote, comment?: string): Promise<boolean> {
    await this.flush();
    if ((await this.redis.exists(replyKey(replyId))) === 0) return false;
    await this.redis.xadd(
      QUESTIONS,
      'MAXLEN',
      '~',
      this.maxEntries,
      '*',
      'kind',
      'vote',
      'replyId',
      replyId,
      'vote',
      vote,
      'comment',
      comment ?? '',
      'reply',
      this.rows.replyOf(replyId),
    );
    return true;
  }

  since(sinceMs: number): Promise<LoggedQuestion[]> {
    return this.flush().then(() => streamQuestions(this.redis, sinceMs));
  }

  /** Write what is pending, in one round trip; a batch that fails is kept for the next attempt (a bounded number of rows). */
  flush(): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (this.pending.length === 0) return;
      const rows = this.pending;
      this.pending = [];
      const batch = this.redis.pipeline();
      const ttl = this.days * DAY_MS;
      for (const r of rows) {
        batch.xadd(
          QUESTIONS,
          'MAXLEN',
          '~',
          this.maxEntries,
          '*',
          'replyId',
          r.replyId,
          'at',
          r.at,
          'channel',
          r.channel,
          'chat',
          r.chat,
          'question',
          r.question,
          'lang',
          r.lang,
          'intent',
          r.intent,
          'found',
          r.found ? 1 : 0,
          'sources',
          r.sources,
          'reply',
          r.reply,
        );
        batch.set(replyKey(r.replyId), '1', 'PX', ttl);
      }
      const results = await batch.exec().catch((error: unknown) => [[error]]);
      const failed = results?.find(([error]) => error)?.[0];
      if (failed) {
        // Kept for the next flush, up to a bound: a long outage loses the oldest questions, never the process's memory.
        this.pending = [...rows, ...this.pending].slice(-10 * FLUSH_ROWS);
        throw failed;
      }
    });
    return this.writing;
  }

  /** Flush and stop the timers (the connection is the store's). */
  async close(): Promise<void> {
    clearInterval(this.flushTimer);
    clearInterval(this.pruneTimer);
    await this.flush().catch(() => undefined);
  }

  private async pruneOld(): Promise<void> {
    await this.redis.xtrim(QUESTIONS, 'MINID', this.now() - this.days * DAY_MS);
  }
}

/** Questions logged since `sinceMs`, oldest first, each with its latest vote. */
export async function streamQuestions(redis: Redis, sinceMs: number): Promise<LoggedQuestion[]> {
  const questions: LoggedQuestion[] = [];
  const byReply = new Map<string, LoggedQuestion>();
  let start = String(Math.max(0, Math.floor(sinceMs)));
  for (;;) {
    const page = await redis.xrange(QUESTIONS, start, '+', 'COUNT', PAGE);
    for (const [, flat] of page) {
      const f: Record<string, string> = {};
      for (let i = 0; i < flat.length; i += 2) f[flat[i]!] = flat[i + 1]!;
      if (f.kind === 'vote') {
        const voted = byReply.get(f.replyId!);
        // A later vote replaces the earlier one, comment included.
        if (voted) {
          voted.vote = f.vote as Vote;
          if (f.comment) voted.comment = f.comment;
          else delete voted.comment;
          // An answer's row keeps no reply text; the vote brings it for the inbox.
          if (!voted.reply && f.reply) voted.reply = f.reply;
        }
        continue;
      }
      const q: LoggedQuestion = {
        replyId: f.replyId!,
        at: Number(f.at),
        channel: f.channel!,
        question: f.question!,
        lang: f.lang!,
        intent: f.intent!,
        found: f.found === '1',
        sources: JSON.parse(f.sources!) as string[],
        reply: f.reply!,
      };
      questions.push(q);
      byReply.set(q.replyId, q);
    }
    if (page.length < PAGE) return questions;
    // The next page starts after the last id read ('(' excludes it).
    start = `(${page[page.length - 1]![0]}`;
  }
}
