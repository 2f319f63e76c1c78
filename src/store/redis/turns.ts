import type { Redis } from 'ioredis';
import { CONTEXT_TTL_MS, type ChatContext, type ContextStore } from '../../answer/context.js';
import { ANONYMOUS_CHAT } from '../../channels/contexts.js';
import { StoreUnavailable, type Awaitable, type ChatTurns } from '../../channels/stores.js';
import { aliveKey, KEY, luaScript } from './connection.js';

/** A turn that shows no sign of life for this long no longer holds its chat's line (its instance hangs or died). */
const STALL_MS = 10_000;
/** How often a running turn says it is still running. */
const BEAT_MS = 2_000;
/** How often a waiting turn looks whether its place has come: soon at first, then less often. */
const POLL_FIRST_MS = 2;
const POLL_MAX_MS = 25;
/** A waiting turn gives up after this long (the queue abandons it sooner). */
const MAX_WAIT_MS = 120_000;
/** A chat's line is forgotten a day after its last turn. */
const LINE_TTL_MS = 24 * 3600 * 1000;

const lineKey = (chatKey: string) => `${KEY}line:${chatKey}`;
const contextKey = (chatKey: string) => `${KEY}ctx:${chatKey}`;

/** A new place at the end of the line; a line that was idle makes progress from now (its last progress may be long past). */
const TAKE_PLACE = `
  if served >= tonumber(redis.call('HGET', KEYS[1], 'next') or '0') then redis.call('HSET', KEYS[1], 'at', now) end
  place = redis.call('HINCRBY', KEYS[1], 'next', 1)`;

const TICKET = luaScript(`
local now = tonumber(ARGV[1])
local served = tonumber(redis.call('HGET', KEYS[1], 'served') or '0')
local place
${TAKE_PLACE}
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return place`);

/**
 * Take a place in the line (ARGV[1] = 0) or try again with one's place; the line's hash holds
 * `next` (places given), `served` (the last place done), `at` (the line's last progress) and
 * `holder` (the instance whose turn runs). A turn may start once every earlier place is done or
 * given up, or when the turn before stalled or its instance is gone. Returns {place, started,
 * the chat's context as stored or ''}.
 */
const ENTER = luaScript(`
local now = tonumber(ARGV[2])
local served = tonumber(redis.call('HGET', KEYS[1], 'served') or '0')
local place = tonumber(ARGV[1])
if place == 0 then
  ${TAKE_PLACE}
end
while served < place - 1 and redis.call('HDEL', KEYS[1], 'skip:' .. (served + 1)) == 1 do served = served + 1 end
local go = served >= place - 1
if not go then
  local at = tonumber(redis.call('HGET', KEYS[1], 'at') or '0')
  local holder = redis.call('HGET', KEYS[1], 'holder')
  go = now - at > tonumber(ARGV[3]) or (holder and redis.call('EXISTS', ARGV[5] .. holder) == 0)
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
if not go then
  redis.call('HSET', KEYS[1], 'served', served)
  return {place, 0, ''}
end
redis.call('HSET', KEYS[1], 'served', math.max(served, place - 1), 'at', now, 'holder', ARGV[6])
return {place, 1, redis.call('GET', KEYS[2]) or ''}`);

/** End a turn: write the chat's context ('' = unchanged, only kept alive; '-' = none), then the line moves on. */
const LEAVE = luaScript(`
if ARGV[3] == '-' then redis.call('DEL', KEYS[2])
elseif ARGV[3] == '' then redis.call('PEXPIRE', KEYS[2], ARGV[4])
else redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4]) end
local served = tonumber(redis.call('HGET', KEYS[1], 'served') or '0')
if served < tonumber(ARGV[1]) then redis.call('HSET', KEYS[1], 'served', ARGV[1]) end
redis.call('HSET', KEYS[1], 'at', ARGV[2])
redis.call('HDEL', KEYS[1], 'holder')
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`);

/**
 * Turns shared between instances through Redis. Each chat has a line: a delivery takes a place
 * when it is admitted, and its turn starts once the places before it are done, so replies to one
 * chat keep their order whichever instance took each message. The engine reads contexts
 * synchronously from the process's own store: a turn loads the chat's context from Redis into
 * it first and writes it back before the line moves on, so the next turn, on any instance, sees it.
 */
export class RedisTurns implements ChatTurns {
  /** The last API turn of each chat in this process: the next waits for it here, not by asking Redis again and again. */
  private readonly local = new Map<string, Promise<unknown>>();

  constructor(
    private readonly redis: Redis,
    private readonly me: string,
    /** The process's own store, the one the engine reads. */
    private readonly contexts: ContextStore,
    private readonly now: () => number = Date.now,
  ) {}

  async ticket(chatKey: string): Promise<number> {
    return Number(await TICKET(this.redis, [lineKey(chatKey)], [this.now(), LINE_TTL_MS]));
  }

  async skip(chatKey: string, ticket: number): Promise<void> {
    await this.redis.hset(lineKey(chatKey), `skip:${ticket}`, 1);
  }

  async run<T>(chatKey: string, turn: () => Awaitable<T>, ticket = 0): Promise<T> {
    // Calls that name no chat keep no context and wait for nobody.
    if (chatKey === ANONYMOUS_CHAT) return turn();
    // A delivery's turn comes from the queue, which runs a chat's deliveries one at a time, in the order of their places.
    if (ticket > 0) return this.shared(chatKey, turn, ticket);
    const before = this.local.get(chatKey);
    const mine = (before ? before.catch(() => undefined) : Promise.resolve()).then(() => this.shared(chatKey, turn, ticket));
    this.local.set(chatKey, mine);
    try {
      return await mine;
    } finally {
      if (this.local.get(chatKey) === mine) this.local.delete(chatKey);
    }
  }

  /** The turn in the chat's line shared by the instances. */
  private async shared<T>(chatKey: string, turn: () => Awaitable<T>, ticket: number): Promise<T> {
    const { place, stored } = await this.enter(chatKey, ticket);
    const loaded = stored ? (JSON.parse(stored) as ChatContext) : undefined;
    if (loaded) this.contexts.set(chatKey, loaded);
    else this.contexts.delete(chatKey);
    const beat = setInterval(() => void this.redis.hset(lineKey(chatKey), 'at', this.now()).catch(() => undefined), BEAT_MS).unref();
    try {
      return await turn();
    } finally {
      clearInterval(beat);
      const after = this.contexts.get(chatKey);
      const written = after === loaded ? '' : after === undefined ? '-' : JSON.stringify(after);
      await this.leave(chatKey, place, written);
    }
  }

  /** Wait for the place to come; the chat's context as stored. */
  private async enter(chatKey: string, ticket: number): Promise<{ place: number; stored: string }> {
    const keys = [lineKey(chatKey), contextKey(chatKey)];
    const deadline = this.now() + MAX_WAIT_MS;
    let place = ticket;
    for (let pause = POLL_FIRST_MS; ; pause = Math.min(POLL_MAX_MS, pause * 2)) {
      let result: [number, number, string];
      try {
        result = (await ENTER(this.redis, keys, [place, this.now(), STALL_MS, LINE_TTL_MS, aliveKey(''), this.me])) as [number, number, string];
      } catch (error) {
        throw new StoreUnavailable(error);
      }
      place = Number(result[0]);
      if (result[1] === 1) return { place, stored: result[2] };
      if (this.now() > deadline) throw new StoreUnavailable(new Error(`chat turn waited over ${MAX_WAIT_MS} ms`));
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  private async leave(chatKey: string, place: number, written: string): Promise<void> {
    try {
      await LEAVE(this.redis, [lineKey(chatKey), contextKey(chatKey)], [place, this.now(), written, CONTEXT_TTL_MS, LINE_TTL_MS]);
    } catch (error) {
      throw new StoreUnavailable(error);
    }
  }
}
