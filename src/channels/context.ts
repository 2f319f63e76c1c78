import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import type { Answerer } from '../answer/types.js';
import type { Conversation } from './conversation.js';
import type { TtlSet } from './dedupe.js';
import type { Outbound } from './outbound.js';
import type { ChatQueue } from './queue.js';

/** One accepted update: answered later, from the queue. */
export interface Job {
  /** Names the update in logs, e.g. "tg:update:42". */
  id: string;
  /** Chat the job belongs to; jobs of one chat run in order. */
  chatKey: string;
  /** Platform delivery id; a repeat within the dedupe ttl is acknowledged and dropped. */
  dedupeKey?: string;
  run: (log: Logger) => Promise<void>;
}

export type Admission = 'accepted' | 'duplicate' | 'busy' | 'not-ready';

/** Shared machinery every channel plugin reaches through the `planbot` decorator. */
export class ChannelContext {
  constructor(
    readonly getAnswerer: () => Answerer | undefined,
    readonly queue: ChatQueue,
    readonly outbound: Outbound,
    readonly conversation: Conversation,
    readonly logger: Logger,
    private readonly dedupe: TtlSet,
  ) {}

  /**
   * Decide synchronously whether an update is taken: duplicates are dropped, and an update is
   * only remembered once it is queued, so a refused (busy/not-ready) delivery can be retried.
   */
  admit(job: Job): Admission {
    if (!this.getAnswerer()) return 'not-ready';
    if (job.dedupeKey !== undefined && this.dedupe.has(job.dedupeKey)) return 'duplicate';
    const log = this.logger.child({ update: job.id });
    if (!this.queue.push(job.chatKey, { id: job.id, run: () => job.run(log) })) return 'busy';
    if (job.dedupeKey !== undefined) this.dedupe.add(job.dedupeKey);
    return 'accepted';
  }

  /** Answer the webhook at once: 200 for taken or repeated updates, 503 (retry later) otherwise. */
  acknowledge(reply: FastifyReply, admission: Admission): FastifyReply {
    if (admission === 'accepted' || admission === 'duplicate') return reply.code(200).send({ ok: true });
    if (admission === 'busy') this.logger.warn('queue full: webhook refused with 503');
    return reply.code(503).header('retry-after', '5').send({ ok: false, error: admission });
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    planbot: ChannelContext;
  }
}
