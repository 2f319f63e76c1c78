import { CONTEXT_TTL_MS, type ChatContext, type ContextStore } from '../answer/context.js';
import type { SqlDatabase } from './sqlite.js';

/**
 * Chat contexts in SQLite, so a follow-up asked after a restart is answered in the context set
 * before it. One table for every kind of chat; each kind (chat apps, API) keeps at most `max`
 * chats, the least recently active forgotten first, and a chat idle for the ttl has none.
 */
export class SqliteContextStore implements ContextStore {
  private readonly read;
  private readonly write;
  private readonly remove;
  private readonly prune;
  private readonly begin;
  private readonly commit;
  private readonly rollback;
  private sets = 0;
  /** Contexts set or read lately, the most recent last; at most `max`. */
  private readonly recent = new Map<string, { ctx: ChatContext; at: number }>();
  private readonly dirty = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    db: SqlDatabase,
    private readonly kind: string,
    private readonly max: number,
    private readonly ttlMs = CONTEXT_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {
    this.read = db.prepare('SELECT ctx FROM contexts WHERE chat = ? AND at > ?');
    this.write = db.prepare(
      'INSERT INTO contexts (chat, kind, ctx, at) VALUES (?, ?, ?, ?) ON CONFLICT (chat) DO UPDATE SET ctx = excluded.ctx, at = excluded.at',
    );
    this.remove = db.prepare('DELETE FROM contexts WHERE chat = ?');
    this.prune = db.prepare(
      'DELETE FROM contexts WHERE kind = ? AND (at <= ? OR chat NOT IN (SELECT chat FROM contexts WHERE kind = ? ORDER BY at DESC LIMIT ?))',
    );
    this.begin = db.prepare('BEGIN');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    this.prune.run(kind, this.now() - ttlMs, kind, max);
    UNWRITTEN.add(this);
  }

  get(chatId: string): ChatContext | undefined {
    const known = this.recent.get(chatId);
    if (known) return this.now() - known.at < this.ttlMs ? known.ctx : undefined;
    const row = this.read.get(chatId, this.now() - this.ttlMs) as { ctx: string } | undefined;
    return row ? (JSON.parse(row.ctx) as ChatContext) : undefined;
  }

  /**
   * Written behind: kept in memory at once, written to the database in one transaction a moment
   * later (and at exit), so a question costs no disk write; a context is never changed in place, so
   * the object kept is the one stored. A hard kill loses at most the last moment's contexts.
   */
  set(chatId: string, ctx: ChatContext): void {
    this.recent.delete(chatId);
    this.recent.set(chatId, { ctx, at: this.now() });
    if (this.recent.size > this.max) this.recent.delete(this.recent.keys().next().value as string);
    this.dirty.add(chatId);
    this.timer ??= setTimeout(() => this.flush(), WRITE_BEHIND_MS).unref();
  }

  delete(chatId: string): void {
    this.recent.delete(chatId);
    this.dirty.delete(chatId);
    this.remove.run(chatId);
  }

  /** Write the contexts set since the last flush. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.dirty.size) return;
    this.begin.run();
    try {
      for (const chatId of this.dirty) {
        const entry = this.recent.get(chatId);
        if (entry) this.write.run(chatId, this.kind, JSON.stringify(entry.ctx), entry.at);
        // The bound is kept now and then (a count per write would cost more than the write).
        if (++this.sets % PRUNE_EVERY === 0 || this.max < PRUNE_EVERY) this.prune.run(this.kind, this.now() - this.ttlMs, this.kind, this.max);
      }
      this.commit.run();
    } catch (error) {
      this.rollback.run();
      throw error;
    } finally {
      this.dirty.clear();
    }
  }
}

/** Stores with contexts maybe not yet written: written when the process ends (a stop, not a kill). */
const UNWRITTEN = new Set<SqliteContextStore>();
process.once('exit', () => {
  for (const store of UNWRITTEN) store.flush();
});

/** How long a context waits in memory before it is written. */
const WRITE_BEHIND_MS = 100;
const PRUNE_EVERY = 1_000;
