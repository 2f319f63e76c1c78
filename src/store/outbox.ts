import { hostname } from 'node:os';
import type { Outbox, OutboxEntry } from '../channels/outbox.js';
import type { SqlDatabase } from './sqlite.js';

/** This process, as an outbox owner: host and pid, so a restart on the same host sees its predecessor is gone. */
const ME = `${hostname()}:${process.pid}`;

/** True when `owner` names a process on this host that no longer runs. */
function ownerGone(owner: string): boolean {
  const [host, pid] = owner.split(':');
  if (host !== hostname() || owner === ME) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Deliveries written before they are acknowledged and deleted once answered, in SQLite. Each
 * row is leased by the process that wrote or took it; rows whose lease ran out, or whose owner
 * on this host has stopped, are taken (leased anew) by the next process that looks.
 */
export class SqliteOutbox implements Outbox {
  private readonly insert;
  private readonly remove;
  private readonly unsent;
  private readonly lease;

  constructor(
    db: SqlDatabase,
    private readonly leaseMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.insert = db.prepare('INSERT INTO outbox (channel, body, created, owner, lease_until) VALUES (?, ?, ?, ?, ?) RETURNING id');
    this.remove = db.prepare('DELETE FROM outbox WHERE id = ?');
    this.unsent = db.prepare('SELECT id, channel, body, owner, lease_until AS leaseUntil FROM outbox WHERE owner != ? ORDER BY id');
    // Taken only if nobody took it meanwhile: the lease is the lock.
    this.lease = db.prepare('UPDATE outbox SET owner = ?, lease_until = ? WHERE id = ? AND owner = ? AND lease_until = ?');
  }

  put(channel: string, body: unknown): number {
    const row = this.insert.get(channel, JSON.stringify(body), this.now(), ME, this.now() + this.leaseMs) as { id: number | bigint };
    return Number(row.id);
  }

  done(id: number): void {
    this.remove.run(id);
  }

  takeUnsent(): OutboxEntry[] {
    const now = this.now();
    const taken: OutboxEntry[] = [];
    for (const row of this.unsent.all(ME) as Array<{ id: number; channel: string; body: string; owner: string; leaseUntil: number }>) {
      if (row.leaseUntil > now && !ownerGone(row.owner)) continue;
      if (Number(this.lease.run(ME, now + this.leaseMs, row.id, row.owner, row.leaseUntil).changes) === 0) continue;
      taken.push({ id: Number(row.id), channel: row.channel, body: JSON.parse(row.body) as unknown });
    }
    return taken;
  }
}
