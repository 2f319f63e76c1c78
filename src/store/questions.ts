import type { Reply } from '../answer/types.js';
import type { LoggedQuestion, Vote } from '../channels/questions.js';
import type { StoredQuestionLog } from '../channels/stores.js';
import { newChatHashKey, QuestionRows, type QuestionRow } from './questionRows.js';
import type { SqlDatabase } from './sqlite.js';

const DAY_MS = 24 * 3600 * 1000;
/** Questions are written in batches, off the request path. */
const FLUSH_MS = 200;
const FLUSH_ROWS = 500;
/** Rows per INSERT statement when many are pending: one native call writes them all. */
const INSERT_CHUNK = 50;

/**
 * The question log in SQLite: time, channel, a keyed hash of the chat id (never the id), the
 * question with personal numbers masked, language, intent, found, the records cited, a reply
 * id, and the reply when the bot could not answer. Kept `days`, pruned at start and daily.
 */
export class SqliteQuestionLog implements StoredQuestionLog {
  private readonly rows: QuestionRows;
  private readonly insert;
  private readonly insertChunk;
  private readonly prune;
  private readonly pruneVotes;
  private readonly known;
  private readonly addVote;
  private pending: QuestionRow[] = [];
  private readonly flushTimer: NodeJS.Timeout;
  private readonly pruneTimer: NodeJS.Timeout;

  constructor(
    private readonly db: SqlDatabase,
    private readonly days: number,
    private readonly now: () => number = Date.now,
  ) {
    this.rows = new QuestionRows(chatHashKey(db), now);
    const insert = (rows: number) =>
      db.prepare(
        `INSERT INTO questions (reply_id, at, channel, chat, question, lang, intent, found, sources, reply) VALUES ${Array(rows).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      );
    this.insert = insert(1);
    this.insertChunk = insert(INSERT_CHUNK);
    this.prune = db.prepare('DELETE FROM questions WHERE at < ?');
    this.pruneVotes = db.prepare('DELETE FROM votes WHERE at < ?');
    this.known = db.prepare('SELECT 1 FROM questions WHERE reply_id = ?');
    this.addVote = db.prepare(
      'INSERT INTO votes (reply_id, vote, comment, reply, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (reply_id) DO UPDATE SET vote = excluded.vote, comment = excluded.comment, at = excluded.at',
    );
    this.pruneOld();
    this.flushTimer = setInterval(() => this.flush(), FLUSH_MS).unref();
    this.pruneTimer = setInterval(() => this.pruneOld(), DAY_MS).unref();
  }

  record(chatKey: string, question: string, reply: Reply): string {
    const row = this.rows.row(chatKey, question, reply);
    this.pending.push(row);
    if (this.pending.length >= FLUSH_ROWS) this.flush();
    return row.replyId;
  }

  async vote(replyId: string, vote: Vote, comment?: string): Promise<boolean> {
    this.flush();
    if (this.known.get(replyId) === undefined) return false;
    this.addVote.run(replyId, vote, comment ?? null, this.rows.replyOf(replyId), this.now());
    return true;
  }

  async since(sinceMs: number): Promise<LoggedQuestion[]> {
    this.flush();
    return loggedQuestions(this.db, sinceMs);
  }

  /** Write what is pending, in one transaction. */
  flush(): void {
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    this.db.exec('BEGIN');
    try {
      const values = (r: QuestionRow) => [r.replyId, r.at, r.channel, r.chat, r.question, r.lang, r.intent, r.found ? 1 : 0, r.sources, r.reply];
      let i = 0;
      for (; i + INSERT_CHUNK <= rows.length; i += INSERT_CHUNK) this.insertChunk.run(...rows.slice(i, i + INSERT_CHUNK).flatMap(values));
      for (; i < rows.length; i++) this.insert.run(...values(rows[i]!));
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
    this.pruneVotes.run(this.now() - this.days * DAY_MS);
  }
}

/** Questions logged since `since` (ms), oldest first, with their votes. */
export function loggedQuestions(db: SqlDatabase, since: number): LoggedQuestion[] {
  const rows = db
    .prepare(
      `SELECT q.reply_id AS replyId, q.at, q.channel, q.question, q.lang, q.intent, q.found, q.sources,
              CASE WHEN q.reply = '' THEN coalesce(v.reply, '') ELSE q.reply END AS reply, v.vote, v.comment
       FROM questions q LEFT JOIN votes v ON v.reply_id = q.reply_id WHERE q.at >= ? ORDER BY q.at`,
    )
    .all(since) as Array<
    Omit<LoggedQuestion, 'found' | 'sources' | 'vote' | 'comment'> & { found: number; sources: string; vote: Vote | null; comment: string | null }
  >;
  return rows.map(({ vote, comment, ...row }) => ({
    ...row,
    at: Number(row.at),
    found: row.found === 1,
    sources: JSON.parse(row.sources) as string[],
    ...(vote ? { vote } : {}),
    ...(comment ? { comment } : {}),
  }));
}

/** The key of the chat-id hash: made once per data folder, so the same chat hashes alike across restarts. */
function chatHashKey(db: SqlDatabase): string {
  db.prepare('INSERT OR IGNORE INTO settings (name, value) VALUES (?, ?)').run('chat-hash-key', newChatHashKey());
  return (db.prepare('SELECT value FROM settings WHERE name = ?').get('chat-hash-key') as { value: string }).value;
}
