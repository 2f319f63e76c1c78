import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_CONTEXT } from '../../src/answer/context.js';
import { SqliteContextStore } from '../../src/store/contexts.js';
import { SqliteDeliveryLog } from '../../src/store/deliveries.js';
import { SqliteOutbox } from '../../src/store/outbox.js';
import { openDatabase } from '../../src/store/sqlite.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'planbot-store-'));

describe('SQLite store', () => {
  it('remembers delivery ids for the ttl, across a reopen', () => {
    const dir = freshDir();
    let now = 1_000;
    const first = openDatabase(dir);
    const log = new SqliteDeliveryLog(first, 500, () => now);
    expect(log.claim('tg:1')).toBe(true);
    expect(log.claim('tg:1')).toBe(false);
    first.close();
    const again = new SqliteDeliveryLog(openDatabase(dir), 500, () => now);
    expect(again.claim('tg:1')).toBe(false);
    // Given back (the delivery was refused with 503): the next delivery of it is answered.
    again.release('tg:1');
    expect(again.claim('tg:1')).toBe(true);
    now = 1_500;
    expect(again.claim('tg:1')).toBe(true);
  });

  it('keeps contexts across a reopen, per kind within its bound, and forgets idle ones', () => {
    const dir = freshDir();
    let now = 0;
    const ctx = (plan: string) => ({ ...EMPTY_CONTEXT, planIds: [plan] });
    const apps = new SqliteContextStore(openDatabase(dir), 'apps', 10, 1_000, () => now);
    const api = new SqliteContextStore(openDatabase(dir), 'api', 3, 1_000, () => now);
    apps.set('tg:1', ctx('hue'));
    for (let i = 0; i < 20; i += 1) {
      now += 1;
      api.set(`api:${i}`, ctx(`p${i}`));
    }
    // Written behind: a moment later, or at exit; flushed here by hand.
    expect(new SqliteContextStore(openDatabase(dir), 'apps', 10, 1_000, () => now).get('tg:1')).toBeUndefined();
    apps.flush();
    api.flush();
    const reopened = new SqliteContextStore(openDatabase(dir), 'apps', 10, 1_000, () => now);
    expect(reopened.get('tg:1')?.planIds).toEqual(['hue']);
    expect(api.get('api:0')).toBeUndefined();
    expect(api.get('api:19')?.planIds).toEqual(['p19']);
    now += 1_000;
    expect(reopened.get('tg:1')).toBeUndefined();
  });

  it('outbox: an entry is leased by its writer; another process takes it once the lease runs out or the writer is gone', () => {
    const dir = freshDir();
    let now = 0;
    const db = openDatabase(dir);
    const outbox = new SqliteOutbox(db, 1_000, () => now);
    const id = outbox.put('tg', { update_id: 1 });
    // The writer never takes its own entries (it is answering them).
    expect(outbox.takeUnsent()).toEqual([]);
    // Another live process's entry under lease: left alone; once the lease ran out: taken, once.
    db.prepare('UPDATE outbox SET owner = ? WHERE id = ?').run(`${hostname()}:${process.ppid}`, id);
    expect(outbox.takeUnsent()).toEqual([]);
    now = 1_001;
    expect(outbox.takeUnsent()).toEqual([{ id, channel: 'tg', body: { update_id: 1 } }]);
    expect(outbox.takeUnsent()).toEqual([]);
    // A stopped process on this host: its entries are taken at once, lease or not.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const other = outbox.put('zalo', { n: 2 });
    db.prepare('UPDATE outbox SET owner = ?, lease_until = ? WHERE id = ?').run(`${hostname()}:${gone}`, now + 60_000, other);
    expect(outbox.takeUnsent().map((e) => e.id)).toEqual([other]);
    outbox.done(id);
    outbox.done(other);
    expect(db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  });
});
