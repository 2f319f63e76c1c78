import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import type { Answerer } from '../answer/types.js';
import type { Conversation } from './conversation.js';
import type { Outbound } from './outbound.js';
import type { ChatQueue, PushResult } from './queue.js';
import { StoreUnavailable, type Stores } from './stores.js';
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
    readonly stores: Stores,
  ) {}

  /**
   * Decide whether an update is taken (before the webhook is acknowledged). Duplicates are
   * dropped; the chat's rate limit and its own small queue apply here, at admission, so one
   * chat's flood never fills its channel's queue. A queued delivery is in the outbox before
   * this resolves until it is answered. Its delivery id is claimed last, once everything else
   * is kept, so of two instances given the same delivery exactly one answers it, and a delivery
   * refused with 503 (store unreachable, queue full, stopping) is given back to be retried.
   */
  async admit(job: Job): Promise<Admission> {
    if (!this.getAnswerer()) return 'not-ready';
    if (!this.stores.available()) return 'not-ready';
    try {
      return await this.take(job);
    } catch (error) {
      this.logger.error({ err: error, update: job.id }, 'store unavailable: delivery refused with 503');
      return 'not-ready';
    }
  }

  private async take(job: Job): Promise<Admission> {
    const { deliveries, rateLimit, outbox, turns } = this.stores;
    const log = this.logger.child({ update: job.id });
    const notice = (text: string) => ({ id: job.id, run: () => job.notify(text, log) });
    // A delivery from the outbox (taken over from a stopped process) is no repeat: already claimed and kept.
    const claim = async () => job.outboxId !== undefined || job.dedupeKey === undefined || deliveries.claim(job.dedupeKey);
    const decision = await rateLimit.hit(job.chatKey);
    if (decision !== 'ok') {
      if (job.outboxId !== undefined) await outbox.done(job.outboxId);
      if (!(await claim())) return 'duplicate';
      if (decision === 'drop') return 'limited';
      log.info({ chat: job.chatKey }, 'chat over its rate limit: one notice, then silence');
      // The notice is queued in the message's place: the message itself counts as refused for its chat.
      return this.admitted(job, this.queue.push(job.channel, job.chatKey, notice(texts.RATE_LIMITED), true), 'limited');
    }
    const id = job.outboxId ?? (await outbox.put(job.channel, job.body));
    const ticket = await turns.ticket(job.chatKey);
    if (!(await claim())) {
      await Promise.all([outbox.done(id), turns.skip(job.chatKey, ticket)]);
      return 'duplicate';
    }
    // Done once answered, or once given up on; a reply cut short by the stop, or by the shared store going away, stays for later.
    const run = () =>
      Promise.resolve(turns.run(job.chatKey, () => job.run(log), ticket)).then(
        () => this.finish(id, log),
        (error: unknown) => {
          if (!this.outbound.closed && !(error instanceof StoreUnavailable)) void this.finish(id, log);
          throw error;
        },
      );
    const pushed = this.queue.push(job.channel, job.chatKey, { id: job.id, run });
    // The first message over the chat's queue gets the notice (it may pass the bound by one).
    if (pushed === 'chat-full' && this.queue.chatSize(job.channel, job.chatKey) === this.queue.options.perChat) {
      log.info({ chat: job.chatKey }, 'chat has too many messages waiting: one notice, the rest not answered');
      this.queue.push(job.channel, job.chatKey, notice(texts.BUSY), true);
    }
    // Not queued: refused (the platform delivers it again) or not to be answered.
    if (pushed !== 'queued') await Promise.all([outbox.done(id), turns.skip(job.chatKey, ticket)]);
    return this.admitted(job, pushed, 'accepted');
  }

  /** What a push means for the platform; a delivery refused with 503 gives its id back, to be answered when it comes again. */
  private async admitted(job: Job, pushed: PushResult, taken: Admission): Promise<Admission> {
    switch (pushed) {
      case 'queued':
        return taken;
      case 'chat-full':
        return 'limited';
      case 'lane-full':
      case 'closed':
        if (job.dedupeKey !== undefined && job.outboxId === undefined) await this.stores.deliveries.release(job.dedupeKey);
        return pushed === 'lane-full' ? 'busy' : 'stopping';
    }
  }

  private async finish(id: number, log: Logger): Promise<void> {
    try {
      await this.stores.outbox.done(id);
    } catch (error) {
      log.error({ err: error }, 'outbox entry could not be cleared: it may be answered again');
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
