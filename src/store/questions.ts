import { createHmac, randomBytes } from 'node:crypto';
import type { Reply } from '../answer/types.js';
import { channelOf, couldNotAnswer, maskPersonal, type LoggedQuestion, type QuestionLog, type Vote } from '../channels/questions.js';
import type { SqlDatabase } from './sqlite.js';

const DAY_MS = 24 * 3600 * 1000;
/** Questions are written in batches, off the request path. */
const FLUSH_MS = 200;
const FLUSH_ROWS = 500;
/** Chat hashes and masked questions worked out lately, so a busy chat or a popular question costs one hash or mask. */
const MEMO = 10_000;

/** A Map that forgets its oldest entry beyond `max`. */
function remembered<V>(map: Map<string, V>, key: string, max: number, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
    if (map.size > max) map.delete(map.keys().next().value as string);
  }
  return value;
}

/**
 * Votes on logged replies, with the reply's text (kept for the inbox: the questions table keeps
 * it only for questions the bot could not answer). Made here, beside the log that fills it.
 */
const VOTES_TABLE =
  'CREATE TABLE IF NOT EXISTS votes (reply_id TEXT PRIMARY KEY, vote TEXT NOT NULL, comment TEXT, reply TEXT NOT NULL, at INTEGER NOT NULL) WITHOUT ROWID';

/** Rows this process logs get ids from one random prefix and a counter: unique, and appended in order. */
const ID_PREFIX = randomBytes(6).toString('base64url');

/**
 * The question log in SQLite: time, channel, a keyed hash of the chat id (never the id), the
 * question with personal numbers masked, language, intent, found, the records cited, a reply
 * id, and the reply when the bot could not answer. Kept `days`, pruned at start and daily.
 */
export class SqliteQuestionLog implements QuestionLog {
  private readonly key: string;
  private readonly insert;
  private readonly prune;
  private readonly pruneVotes;
  private readonly known;
  private readonly keepVote;
  private pending: unknown[][] = [];
  private readonly chats = new Map<string, string>();
  private readonly masked = new Map<string, string>();
  private readonly sources = new WeakMap<Reply, string>();
  /** Lately given answers' texts by reply id, for a vote to keep beside it. */
  private readonly replies = new Map<string, string>();
  private counter = 0;
  private readonly flushTimer: NodeJS.Timeout;
  private readonly pruneTimer: NodeJS.Timeout;

  constructor(
    private readonly db: SqlDatabase,
    private readonly days: number,
    private readonly now: () => number = Date.now,
  ) {
    this.key = chatHashKey(db);
    this.insert = db.prepare(
      'INSERT INTO questions (reply_id, at, channel, chat, question, lang, intent, found, sources, reply) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.prune = db.prepare('DELETE FROM questions WHERE at < ?');
    db.exec(VOTES_TABLE);
    this.pruneVotes = db.prepare('DELETE FROM votes WHERE reply_id NOT IN (SELECT reply_id FROM questions)');
    this.known = db.prepare('SELECT reply FROM questions WHERE reply_id = ?');
    this.keepVote = db.prepare('INSERT OR REPLACE INTO votes (reply_id, vote, comment, reply, at) VALUES (?, ?, ?, ?, ?)');
    this.pruneOld();
    this.flushTimer = setInterval(() => this.flush(), FLUSH_MS).unref();
    this.pruneTimer = setInterval(() => this.pruneOld(), DAY_MS).unref();
  }

  record(chatKey: string, question: string, reply: Reply): string {
    this.counter += 1;
    const replyId = `${ID_PREFIX}${this.counter.toString(36).padStart(8, '0')}`;
    const chat = remembered(this.chats, chatKey, MEMO, () => createHmac('sha256', this.key).update(chatKey).digest('hex').slice(0, 32));
    const masked = remembered(this.masked, question, MEMO, () => maskPersonal(question));
    let sources = this.sources.get(reply);
    if (sources === undefined) this.sources.set(reply, (sources = JSON.stringify(reply.sources.map((s) => s.ref))));
    // The reply text is kept where the inbox shows it: for questions the bot could not answer (and, with a vote, for the others).
    const kept = couldNotAnswer(reply) ? reply.reply : '';
    if (kept === '') remembered(this.replies, replyId, MEMO, () => reply.reply);
    this.pending.push([replyId, this.now(), channelOf(chatKey), chat, masked, reply.lang, reply.intent, reply.found ? 1 : 0, sources, kept]);
    if (this.pending.length >= FLUSH_ROWS) this.flush();
    return replyId;
  }

  async vote(replyId: string, vote: Vote, comment?: string): Promise<boolean> {
    // The reply may still be in the batch waiting to be written.
    if (this.pending.some((row) => row[0] === replyId)) this.flush();
    const row = this.known.get(replyId) as { reply: string } | undefined;
    if (row === undefined) return false;
    this.keepVote.run(replyId, vote, comment ?? null, row.reply || (this.replies.get(replyId) ?? ''), this.now());
    return true;
  }

  /** Write what is pending, in one transaction. */
  flush(): void {
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    this.db.exec('BEGIN');
    try {
      for (const row of rows) this.insert.run(...(row as Parameters<typeof this.insert.run>));
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Flush, stop the timers and close the connection. */
  close(): void {
    clearInterval(this.flushTimer);
    clearInterval(this.pruneTimer);
    this.flush();
    this.db.close();
  }

  private pruneOld(): void {
    this.prune.run(this.now() - this.days * DAY_MS);
    this.pruneVotes.run();
  }
}

type QuestionRow = Omit<LoggedQuestion, 'found' | 'sources' | 'vote' | 'comment'> & { found: number; sources: string; vote: Vote | null; comment: string | null };

/** Questions logged since `since` (ms), oldest first, with their votes. */
export function loggedQuestions(db: SqlDatabase, since: number): LoggedQuestion[] {
  db.exec(VOTES_TABLE);
  const rows = db
    .prepare(
      `SELECT q.reply_id AS replyId, q.at, q.channel, q.question, q.lang, q.intent, q.found, q.sources,
              CASE WHEN q.reply = '' THEN coalesce(v.reply, '') ELSE q.reply END AS reply, v.vote, v.comment
       FROM questions q LEFT JOIN votes v ON v.reply_id = q.reply_id WHERE q.at >= ? ORDER BY q.at`,
    )
    .all(since) as QuestionRow[];
  return rows.map(({ vote, comment, ...row }) => ({
    ...row,
    at: Number(row.at),
    found: row.found === 1,
    sources: JSON.parse(row.sources) as string[],
    ...(vote === null ? {} : { vote }),
    ...(comment === null ? {} : { comment }),
  }));
}

/** The key of the chat-id hash: made once per data folder, so the same chat hashes alike across restarts. */
function chatHashKey(db: SqlDatabase): string {
  db.prepare('INSERT OR IGNORE INTO settings (name, value) VALUES (?, ?)').run('chat-hash-key', randomBytes(32).toString('hex'));
  return (db.prepare('SELECT value FROM settings WHERE name = ?').get('chat-hash-key') as { value: string }).value;
}
