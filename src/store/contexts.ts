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
  private sets = 0;

  constructor(
    db: SqlDatabase,
    private readonly kind: string,
    private readonly max: number,
    private readonly ttlMs = CONTEXT_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {
    this.read = db.prepare('SELECT ctx FROM contexts WHERE chat = ? AND at > ?');
    this.write = db.prepare('INSERT INTO contexts (chat, kind, ctx, at) VALUES (?, ?, ?, ?) ON CONFLICT (chat) DO UPDATE SET ctx = excluded.ctx, at = excluded.at');
    this.remove = db.prepare('DELETE FROM contexts WHERE chat = ?');
    this.prune = db.prepare(
      'DELETE FROM contexts WHERE kind = ? AND (at <= ? OR chat NOT IN (SELECT chat FROM contexts WHERE kind = ? ORDER BY at DESC LIMIT ?))',
    );
    this.prune.run(kind, this.now() - ttlMs, kind, max);
  }

  get(chatId: string): ChatContext | undefined {
    const row = this.read.get(chatId, this.now() - this.ttlMs) as { ctx: string } | undefined;
    return row ? (JSON.parse(row.ctx) as ChatContext) : undefined;
  }

  set(chatId: string, ctx: ChatContext): void {
    this.write.run(chatId, this.kind, JSON.stringify(ctx), this.now());
    // The bound is kept now and then (a count per write would cost more than the write).
    if (++this.sets % PRUNE_EVERY === 0 || this.max < PRUNE_EVERY) this.prune.run(this.kind, this.now() - this.ttlMs, this.kind, this.max);
  }

  delete(chatId: string): void {
    this.remove.run(chatId);
  }
}

const PRUNE_EVERY = 1_000;
