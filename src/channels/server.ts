import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Answerer } from '../answer/types.js';
import type { Socket } from 'node:net';
import type { Config, Limits } from '../config.js';
import { health, inboxApi, jsonApi } from './api.js';
import { inboxGroups } from './inbox.js';
import { ChannelContext } from './context.js';
import { Conversation } from './conversation.js';
import { configSecrets, createLogger } from './logger.js';
import { DEFAULT_OUTBOUND, Outbound, type OutboundOptions } from './outbound.js';
import { ChatQueue, type QueueOptions } from './queue.js';
import type { Stores } from './stores.js';
import { DeliveryLoop } from './adapters/loop.js';
import { CHANNELS } from './adapters/registry.js';
import type { ChannelAdapter, ChannelEntry } from './adapters/types.js';
import { webPages } from './web/plugin.js';
import type { OutboxEntry } from './outbox.js';
import { openStores } from '../store/index.js';

/** Timings and bounds; the configurable ones come from Config.limits, tests shorten the others. */
export interface Tuning {
  outbound: OutboundOptions;
  queue: QueueOptions;
  /** How long delivery ids are remembered (platform retries come within minutes). */
  dedupeTtlMs: number;
  rateLimit: { max: number; windowMs: number };
  /** How long menu buttons (clarification choices, /kehoach) stay valid. */
  menuTtlMs: number;
  /** On stop, how long queued replies may take to finish. */
  drainTimeoutMs: number;
  telegramPollTimeoutS: number;
  /** Timeout of calls that only decorate a reply (typing indicator). */
  cosmeticTimeoutMs: number;
  bodyLimit: number;
}

/** The configured limits as tuning, with the fixed timings beside them. */
function tuningFor(limits: Limits): Tuning {
  return {
    outbound: { ...DEFAULT_OUTBOUND, requestTimeoutMs: limits.sendTimeoutMs },
    queue: {
      maxPending: limits.channelQueue,
      perChat: limits.chatQueue,
      concurrency: limits.channelConcurrency,
      taskTimeoutMs: 60_000,
    },
    dedupeTtlMs: 15 * 60_000,
    rateLimit: { max: limits.chatRatePerMinute, windowMs: 60_000 },
    menuTtlMs: 30 * 60_000,
    drainTimeoutMs: limits.drainTimeoutMs,
    telegramPollTimeoutS: 30,
    cosmeticTimeoutMs: 2_000,
    bodyLimit: 1024 * 1024,
  };
}

/** How long a connection over the limit may take to send the request it will be refused. */
const OVER_LIMIT_GRACE_MS = 1_000;

export type TuningOverrides = {
  [K in keyof Tuning]?: Tuning[K] extends object ? Partial<Tuning[K]> : Tuning[K];
};

export interface BuildServerOptions {
  config: Config;
  /** The current Answerer, or undefined while the corpus is loading (webhooks then get 503). */
  getAnswerer: () => Answerer | undefined;
  logger?: Logger;
  tuning?: TuningOverrides;
  /** The channel registry (tests add their own channels); CHANNELS by default. */
  channels?: readonly ChannelEntry[];
}

export interface PlanbotServer {
  app: FastifyInstance;
  /** The channels that are on. */
  channels: readonly ChannelAdapter[];
  /** The store (SQLite, or Redis with REDIS_URL): its contexts are the ones the Answerer must use. */
  stores: Stores;
  /** Listen on config.host:port (and start the channels that poll); resolves to the address. */
  start(): Promise<string>;
  /** Point each channel's platform at `${publicUrl}/…/webhook`; failures are logged, not thrown. */
  registerWebhooks(publicUrl: string): Promise<void>;
  /** Answer the deliveries a stopped process left in the outbox, now and from then on (call once the corpus is loaded). */
  resumeOutbox(): Promise<number>;
  /**
   * Stop accepting, finish queued replies (up to drainTimeoutMs; the rest stay in the outbox
   * for the next start), release connections. Idempotent.
   */
  stop(): Promise<void>;
}

export function resolveTuning(limits: Limits, overrides: TuningOverrides = {}): Tuning {
  const base = tuningFor(limits);
  return {
    ...base,
    ...overrides,
    outbound: { ...base.outbound, ...overrides.outbound },
    queue: { ...base.queue, ...overrides.queue },
    rateLimit: { ...base.rateLimit, ...overrides.rateLimit },
  } as Tuning;
}

/** Build the Fastify app: a webhook route per channel of the registry, shared machinery as the `planbot` decorator. */
export async function buildServer(options: BuildServerOptions): Promise<PlanbotServer> {
  const { config, getAnswerer } = options;
  const { limits } = config;
  const tuning = resolveTuning(limits, options.tuning);
  const logger = options.logger ?? createLogger({ level: config.logLevel, secrets: configSecrets(config) });

  const outbound = new Outbound(tuning.outbound, logger);
  const registry = options.channels ?? CHANNELS;
  const built = registry.map((entry) => ({ entry, adapter: entry.create({ config, tuning, outbound, logger }) }));
  const channels = built.flatMap(({ adapter }) => (adapter ? [adapter] : []));
  const byName = new Map(channels.map((adapter) => [adapter.name, adapter]));
  // A queue lane is a channel: "telegram update failed".
  const queue = new ChatQueue(tuning.queue, (error, task, lane) =>
    logger.error({ err: error, update: task.id }, `${byName.get(lane)?.label ?? lane} update failed`),
  );
  const stores = await openStores(config, tuning, logger);
  const { questions, outbox } = stores;
  const conversation = new Conversation({ getAnswerer, menuTtlMs: tuning.menuTtlMs, questions });
  const planbot = new ChannelContext(getAnswerer, queue, outbound, conversation, logger, stores);

  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: tuning.bodyLimit,
    // Node's defaults let a client that sends a byte now and then hold a connection for ever.
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    http: {
      headersTimeout: limits.headersTimeoutMs,
      // How often Node checks the header and request timeouts (its default, 30 s, would let them overrun).
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4))),
    },
    trustProxy: config.trustProxy,
    // Platforms send ids as strings or numbers; schemas say so with type unions.
    ajv: { customOptions: { allowUnionTypes: true } },
  });
  capConnections(app, limits.maxConnections, logger);
  app.decorate('planbot', planbot);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(status).send({ error: status >= 500 ? 'Internal Server Error' : error.message });
  });

  const loop = new DeliveryLoop(planbot);

  await app.register(health);
  await app.register(jsonApi, { prefix: '/api', token: config.apiToken, ratePerMinute: limits.apiRatePerMinute });
  await app.register(webPages, { frameAncestors: config.web.frameAncestors });
  if (config.adminToken !== null) {
    const list = async (since: number) => inboxGroups(questions ? await questions.since(since) : []);
    await app.register(inboxApi, { prefix: '/api', token: config.adminToken, list });
  }
  await loop.routes(app, channels);

  app.addHook('preClose', async () => {
    queue.close();
    await Promise.all(channels.map((adapter) => adapter.stop?.()));
  });
  app.addHook('onClose', async () => {
    const drained = await queue.drain(tuning.drainTimeoutMs);
    queue.halt();
    clearInterval(sweep);
    if (!drained) logger.warn({ pending: queue.size }, 'stopping with replies still pending: they stay in the outbox for the next start');
    if (outbound.deferredCount > 0) logger.warn({ kept: outbound.deferredCount }, 'stopping with replies kept for a later attempt');
    await outbound.close();
    // Replies still running may yet finish and clear their outbox entries: leave the store to the process's exit.
    if (drained) await stores.close();
    else await questions?.flush();
  });

  logChannels(logger, built);

  // Entries of a process that stopped or whose lease ran out, admitted again here.
  const resumeOutbox = async (): Promise<number> => {
    let entries: OutboxEntry[] = [];
    try {
      if (stores.available()) entries = await outbox.takeUnsent();
    } catch (error) {
      logger.error({ err: error }, 'outbox could not be read');
    }
    for (const entry of entries) {
      const channel = byName.get(entry.channel);
      const admission = channel ? await loop.admit(channel, entry.body, entry.id) : 'ignored';
      if (admission !== 'accepted') {
        logger.warn({ channel: entry.channel, admission }, 'outbox entry not admitted again: dropped');
        if (!channel) await outbox.done(entry.id);
      }
    }
    if (entries.length > 0) logger.info({ deliveries: entries.length }, 'deliveries left unanswered by a stopped process admitted again');
    return entries.length;
  };
  let sweep: NodeJS.Timeout | undefined;

  let stopping: Promise<void> | null = null;
  return {
    app,
    channels,
    stores,
    async start() {
      const address = await app.listen({ port: config.port, host: config.host });
      for (const adapter of channels) adapter.start?.((body) => loop.admit(adapter, body));
      return address;
    },
    async registerWebhooks(publicUrl) {
      await Promise.all(
        channels.map(async (adapter) => {
          if (!adapter.webhook || !adapter.registerWebhook) return;
          await adapter.registerWebhook(`${publicUrl}${adapter.webhook.prefix}/webhook`).catch((error: unknown) => {
            logger.error({ err: error, channel: adapter.label }, 'webhook registration failed');
          });
        }),
      );
    },
    resumeOutbox() {
      // Then now and then: a process sharing the data folder may die with entries leased.
      sweep ??= setInterval(
        () => void resumeOutbox().catch((error: unknown) => logger.error({ err: error }, 'outbox sweep failed')),
        Math.max(1_000, limits.outboxLeaseMs / 2),
      ).unref();
      return resumeOutbox();
    },
    stop() {
      stopping ??= app.close();
      return stopping;
    },
  };
}

/**
 * At most `max` open connections: one more is answered 503 (Connection: close) as soon as its
 * request arrives, and closed after a short grace if none does, so a crowd of idle or slow
 * clients cannot exhaust the process's file descriptors or starve the webhooks.
 */
function capConnections(app: FastifyInstance, max: number, logger: Logger): void {
  let open = 0;
  let refused = 0;
  const over = new WeakSet<Socket>();
  app.server.on('connection', (socket: Socket) => {
    open += 1;
    socket.once('close', () => (open -= 1));
    if (open <= max) return;
    over.add(socket);
    refused += 1;
    // One warning per burst, not per connection.
    if (refused === 1) logger.warn({ max }, 'connection limit reached: new connections get 503');
    setTimeout(() => socket.destroy(), OVER_LIMIT_GRACE_MS).unref();
  });
  app.addHook('onRequest', async (request, reply) => {
    if (open <= max) refused = 0;
    if (!over.has(request.raw.socket)) return;
    return reply.code(503).header('connection', 'close').header('retry-after', '5').send({ error: 'server busy: too many connections' });
  });
}

/** Say at start-up which channels are on, and why the others are off. */
function logChannels(logger: Logger, built: Array<{ entry: ChannelEntry; adapter: ChannelAdapter | null }>): void {
  const states = Object.fromEntries(built.map(({ entry, adapter }) => [entry.key, adapter ? (adapter.status ?? 'on') : `off: ${entry.off}`]));
  logger.info({ ...states, api: 'on', web: 'on' }, 'channels');
  if (built.every(({ adapter }) => !adapter)) logger.warn('no chat channel configured: serving the JSON API only');
}
