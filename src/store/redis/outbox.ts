import type { Redis } from 'ioredis';
import type { Outbox, OutboxEntry } from '../../channels/outbox.js';
import { aliveKey, KEY, luaScript } from './connection.js';

const ENTRIES = `${KEY}outbox:entries`;
const LEASES = `${KEY}outbox:leases`;
const OWNERS = `${KEY}outbox:owners`;
const SEQ = `${KEY}outbox:seq`;

/** Keep a delivery, leased to its writer: one step, so an entry never exists without its lease. */
const PUT = luaScript(`
local id = redis.call('INCR', KEYS[4])
redis.call('HSET', KEYS[1], id, ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[2], id)
redis.call('HSET', KEYS[3], id, ARGV[3])
return id`);

/** Take (lease anew) another instance's entries whose lease ran out or whose instance is no longer alive (never one's own: they are being answered). */
const TAKE = luaScript(`
local taken = {}
local leases = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')
for i = 1, #leases, 2 do
  local id, untilMs = leases[i], tonumber(leases[i + 1])
  local owner = redis.call('HGET', KEYS[3], id)
  if owner ~= ARGV[2] and (untilMs <= tonumber(ARGV[1]) or not owner or redis.call('EXISTS', ARGV[4] .. owner) == 0) then
    local body = redis.call('HGET', KEYS[1], id)
    if body then
      redis.call('ZADD', KEYS[2], ARGV[3], id)
      redis.call('HSET', KEYS[3], id, ARGV[2])
      taken[#taken + 1] = id
      taken[#taken + 1] = body
    else
      redis.call('ZREM', KEYS[2], id)
      redis.call('HDEL', KEYS[3], id)
    end
  end
end
return taken`);

/**
 * The outbox in Redis, shared by the instances: each entry is leased by the instance that wrote
 * or took it; entries whose lease ran out, or whose instance stopped saying it is alive (killed,
 * cut off), are taken by the next instance that looks; a restarted process is a new instance, so
 * it takes what its predecessor left. A lease outlives any reply (the queue gives up on one after
 * 60 s), so an entry under lease is not answered twice.
 */
export class RedisOutbox implements Outbox {
  constructor(
    private readonly redis: Redis,
    private readonly me: string,
    private readonly leaseMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async put(channel: string, body: unknown): Promise<number> {
    const entry = JSON.stringify({ channel, body, created: this.now() });
    return Number(await PUT(this.redis, [ENTRIES, LEASES, OWNERS, SEQ], [entry, this.now() + this.leaseMs, this.me]));
  }

  async done(id: number): Promise<void> {
    await this.redis.multi().hdel(ENTRIES, String(id)).zrem(LEASES, String(id)).hdel(OWNERS, String(id)).exec();
  }

  async takeUnsent(): Promise<OutboxEntry[]> {
    const now = this.now();
    const taken = (await TAKE(this.redis, [ENTRIES, LEASES, OWNERS], [now, this.me, now + this.leaseMs, aliveKey('')])) as string[];
    const entries: OutboxEntry[] = [];
    for (let i = 0; i < taken.length; i += 2) {
      const { channel, body } = JSON.parse(taken[i + 1]!) as { channel: string; body: unknown };
      entries.push({ id: Number(taken[i]), channel, body });
    }
    return entries;
  }
}
