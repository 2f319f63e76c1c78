import type { DeliveryLog } from '../channels/dedupe.js';
import type { SqlDatabase } from './sqlite.js';

/** Delivery ids remembered in SQLite, so a delivery repeated after a restart is not answered again. */
export class SqliteDeliveryLog implements DeliveryLog {
  private readonly removeKey;
  private readonly addKey;
  private readonly prune;
  private adds = 0;

  constructor(
    db: SqlDatabase,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.removeKey = db.prepare('DELETE FROM deliveries WHERE key = ?');
    this.addKey = db.prepare(
      'INSERT INTO deliveries (key, expires) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET expires = excluded.expires WHERE deliveries.expires <= ?',
    );
    this.prune = db.prepare('DELETE FROM deliveries WHERE expires <= ?');
  }

  claim(key: string): boolean {
    const now = this.now();
    // Expired ids go now and then, not on every delivery.
    if (++this.adds % 1_000 === 0) this.prune.run(now);
    return Number(this.addKey.run(key, now + this.ttlMs, now).changes) > 0;
  }

  release(key: string): void {
    this.removeKey.run(key);
  }
}
