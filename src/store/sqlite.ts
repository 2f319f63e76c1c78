/**
 * The embedded store's database: SQLite in PLANBOT_DATA, through better-sqlite3 (Node 20 and
 * up), or Node's own `node:sqlite` where better-sqlite3's native build does not load (a Node
 * other than the one that ran `npm ci`). Both are synchronous and share the calls used here.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type SqlValue = string | number | bigint | null;

export interface SqlStatement {
  run(...params: SqlValue[]): { changes: number | bigint };
  get(...params: SqlValue[]): unknown;
  all(...params: SqlValue[]): unknown[];
}

export interface SqlDatabase {
  exec(sql: string): void;
  prepare(sql: string): SqlStatement;
  close(): void;
}

type DatabaseClass = new (file: string) => SqlDatabase;

/** Bump when SCHEMA changes; older files are upgraded by running SCHEMA again (statements are idempotent). */
const SCHEMA_VERSION = 4;
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS deliveries (key TEXT PRIMARY KEY, expires INTEGER NOT NULL) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS deliveries_expires ON deliveries (expires);
  CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY,
    channel TEXT NOT NULL,
    body TEXT NOT NULL,
    created INTEGER NOT NULL,
    owner TEXT NOT NULL,
    lease_until INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS contexts (chat TEXT PRIMARY KEY, kind TEXT NOT NULL, ctx TEXT NOT NULL, at INTEGER NOT NULL) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS contexts_kind_at ON contexts (kind, at);
  CREATE TABLE IF NOT EXISTS questions (
    reply_id TEXT PRIMARY KEY,
    at INTEGER NOT NULL,
    channel TEXT NOT NULL,
    chat TEXT NOT NULL,
    question TEXT NOT NULL,
    lang TEXT NOT NULL,
    intent TEXT NOT NULL,
    found INTEGER NOT NULL,
    sources TEXT NOT NULL,
    reply TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS questions_at ON questions (at);
  CREATE TABLE IF NOT EXISTS votes (reply_id TEXT PRIMARY KEY, vote TEXT NOT NULL, comment TEXT, reply TEXT NOT NULL DEFAULT '', at INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
`;

/** A connection through better-sqlite3, or node:sqlite when better-sqlite3's native build does not load here. */
function connect(file: string): SqlDatabase {
  try {
    // The native build is loaded by the first `new`, not by require.
    const BetterSqlite = createRequire(import.meta.url)('better-sqlite3') as DatabaseClass;
    return new BetterSqlite(file);
  } catch (error) {
    // better-sqlite3 is built for the Node that installed it; another Node has node:sqlite (22.5+).
    const builtin = (process as { getBuiltinModule?: (id: string) => { DatabaseSync?: DatabaseClass } | undefined }).getBuiltinModule?.('node:sqlite');
    if (!builtin?.DatabaseSync) throw error;
    return new builtin.DatabaseSync(file);
  }
}

/** Open (creating the folder and file) `<dir>/planbot.db`: WAL, so readers never wait for the writer. */
export function openDatabase(dir: string): SqlDatabase {
  let db: SqlDatabase;
  try {
    mkdirSync(dir, { recursive: true });
    db = connect(join(dir, 'planbot.db'));
  } catch (error) {
    throw new Error(`the store in PLANBOT_DATA (${dir}) cannot be opened: ${(error as Error).message}`);
  }
  // NORMAL: a commit is durable once the WAL is checkpointed; a process crash loses nothing, a power cut at most the last commits.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
  const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
  if (version < SCHEMA_VERSION) db.exec(`${SCHEMA} PRAGMA user_version = ${SCHEMA_VERSION};`);
  return db;
}

/**
 * A connection for the question log: every question is a write, so it does not wait for the
 * disk (synchronous OFF): a power cut may lose the last moments of the log, never the outbox,
 * which has its own connection.
 */
export function openQuestionLog(dir: string): SqlDatabase {
  const db = openDatabase(dir);
  db.exec('PRAGMA synchronous = OFF;');
  return db;
}
