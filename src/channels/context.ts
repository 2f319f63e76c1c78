import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import type { Answerer } from '../answer/types.js';
import type { Conversation } from './conversation.js';
import type { DeliveryLog } from './dedupe.js';
import type { Outbound } from './outbound.js';
import type { Outbox } from './outbox.js';
import type { ChatQueue, PushResult } from './queue.js';
import type { RateLimiter } from './rateLimit.js';
import * as texts from './texts.js';

/** One accepted update: answered later, from the queue. */
export interface Job {
  /** Names the update in logs, e.g. "tg:update:42". */
  id: string;
  /** The channel's lane in the queue ("tg", "zalo", "zoa"): channels are bounded apart. */
  channel: string;
  /** Chat the job belongs to; jobs of one chat run in order. */
  chatKey: string;
  /** Platform delivery id; a repeat within the dedupe ttl is acknowledged and dropped. */
  dedupeKey?: string;
  /** The delivery as received: kept in the outbox until answered. */
  body: unknown;
  /** Set when the delivery comes from the outbox (taken over from a stopped process): not a repeat, already kept. */
  outboxId?: number;
  /** Answer the update. */
  run: (log: Logger) => Promise<void>;
  /** Send a short notice into the chat instead (rate limited, too many messages waiting). */
  notify: (text: string, log: Logger) => Promise<void>;
}

/**
 * 'limited': acknowledged, not answered (the chat is over its rate or its queue is full; it
 * got one notice). 'busy': the channel's queue is full. 'stopping': the server is shutting down.
 */
export type Admission = 'accepted' | 'duplicate' | 'limited' | 'ignored' | 'busy' | 'not-ready' | 'stopping';

/** Shared machinery every channel plugin reaches through the `planbot` decorator. */
export class ChannelContext {
  constructor(
    readonly getAnswerer: () => Answerer | undefined,
    readonly queue: ChatQueue,
    readonly outbound: Outbound,
    readonly conversation: Conversation,
    readonly logger: Logger,
    private readonly dedupe: DeliveryLog,
    private readonly limiter: RateLimiter,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Decide synchronously whether an update is taken. Duplicates are dropped; the chat's rate
   * limit and its own small queue apply here, at admission, so one chat's flood never fills
   * its channel's queue. An update is only remembered once it is taken (queued, or refused for
   * its chat's sake), so a delivery refused with 503 can be retried. A queued delivery is in
   * the outbox before this returns (so before the webhook is acknowledged) until it is answered.
   */
  admit(job: Job): Admission {
    if (!this.getAnswerer()) return 'not-ready';
    if (job.outboxId === undefined && job.dedupeKey !== undefined && this.dedupe.has(job.dedupeKey)) return 'duplicate';
    const log = this.logger.child({ update: job.id });
    const notice = (text: string) => ({ id: job.id, run: () => job.notify(text, log) });
    let pushed: PushResult;
    // The outbox entry: the delivery's own (taken over from a stopped process), or one kept now if it is to be answered.
    let kept = job.outboxId;
    const decision = this.limiter.hit(job.chatKey);
    if (decision === 'drop') pushed = 'chat-full';
    else if (decision === 'notify') {
      log.info({ chat: job.chatKey }, 'chat over its rate limit: one notice, then silence');
      // The notice is queued in the message's place: the message itself counts as refused for its chat.
      const queued = this.queue.push(job.channel, job.chatKey, notice(texts.RATE_LIMITED), true);
      pushed = queued === 'queued' ? 'chat-full' : queued;
    } else {
      const id = (kept ??= this.outbox.put(job.channel, job.body));
      // Done once answered, or once given up on; a reply cut short by the stop stays for the next start.
      const run = () =>
        job.run(log).then(
          () => this.outbox.done(id),
          (error: unknown) => {
            if (!this.outbound.closed) this.outbox.done(id);
            throw error;
          },
        );
      pushed = this.queue.push(job.channel, job.chatKey, { id: job.id, run });
      // The first message over the chat's queue gets the notice (it may pass the bound by one).
      if (pushed === 'chat-full' && this.queue.chatSize(job.channel, job.chatKey) === this.queue.options.perChat) {
        log.info({ chat: job.chatKey }, 'chat has too many messages waiting: one notice, the rest not answered');
        this.queue.push(job.channel, job.chatKey, notice(texts.BUSY), true);
      }
    }
    // Not queued: refused (the platform delivers it again) or not to be answered.
    if (pushed !== 'queued' && kept !== undefined) this.outbox.done(kept);
    switch (pushed) {
      case 'queued':
      case 'chat-full':
        if (job.dedupeKey !== undefined) this.dedupe.add(job.dedupeKey);
        return pushed === 'queued' ? 'accepted' : 'limited';
      case 'lane-full':
        return 'busy';
      case 'closed':
        return 'stopping';
    }
  }

  /** Answer the webhook at once: 200 for taken, repeated or ignored updates, 503 (retry later) otherwise. */
  acknowledge(reply: FastifyReply, admission: Admission): FastifyReply {
    switch (admission) {
      case 'accepted':
      case 'duplicate':
      case 'limited':
      case 'ignored':
        return reply.code(200).send({ ok: true });
      case 'busy':
        this.logger.warn('channel queue full: webhook refused with 503');
        break;
      default:
        break;
    }
    return reply.code(503).header('retry-after', '5').send({ ok: false, error: admission });
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    planbot: ChannelContext;
  }
}
