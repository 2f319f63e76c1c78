import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Answerer } from '../answer/types.js';
import type { Config } from '../config.js';
import { health, jsonApi } from './api.js';
import { ChannelContext } from './context.js';
import { Conversation } from './conversation.js';
import { TtlSet } from './dedupe.js';
import { configSecrets, createLogger } from './logger.js';
import { DEFAULT_OUTBOUND, Outbound, type OutboundOptions } from './outbound.js';
import { ChatQueue, type QueueOptions } from './queue.js';
import { RateLimiter } from './rateLimit.js';
import { TelegramChannel, telegramWebhook } from './telegram.js';
import { ZaloBotChannel, zaloBotWebhook } from './zaloBot.js';
import { ZaloOaChannel, zaloOaWebhook } from './zaloOa.js';
import { webPages } from './web/plugin.js';

/** Timings and bounds; production defaults, tests shorten them. */
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
  bodyLimit: number;
}

export const DEFAULT_TUNING: Tuning = {
  outbound: DEFAULT_OUTBOUND,
  queue: { maxPending: 1_000, concurrency: 16, taskTimeoutMs: 60_000 },
  dedupeTtlMs: 15 * 60_000,
  rateLimit: { max: 20, windowMs: 60_000 },
  menuTtlMs: 30 * 60_000,
  drainTimeoutMs: 5_000,
  telegramPollTimeoutS: 30,
  bodyLimit: 1024 * 1024,
};

export type TuningOverrides = {
  [K in keyof Tuning]?: Tuning[K] extends object ? Partial<Tuning[K]> : Tuning[K];
};

export interface BuildServerOptions {
  config: Config;
  /** The current Answerer, or undefined while the corpus is loading (webhooks then get 503). */
  getAnswerer: () => Answerer | undefined;
  logger?: Logger;
  tuning?: TuningOverrides;
}

export interface PlanbotServer {
  app: FastifyInstance;
  telegram: TelegramChannel | null;
  zaloBot: ZaloBotChannel | null;
  zaloOa: ZaloOaChannel | null;
  /** Listen on config.host:port (and start Telegram polling in polling mode); resolves to the address. */
  start(): Promise<string>;
  /** Point Telegram and the Zalo bot at `${publicUrl}/…/webhook`; failures are logged, not thrown. */
  registerWebhooks(publicUrl: string): Promise<void>;
  /** Stop accepting, finish queued replies (up to drainTimeoutMs), release connections. Idempotent. */
  stop(): Promise<void>;
}

export function resolveTuning(overrides: TuningOverrides = {}): Tuning {
  return {
    ...DEFAULT_TUNING,
    ...overrides,
    outbound: { ...DEFAULT_TUNING.outbound, ...overrides.outbound },
    queue: { ...DEFAULT_TUNING.queue, ...overrides.queue },
    rateLimit: { ...DEFAULT_TUNING.rateLimit, ...overrides.rateLimit },
  } as Tuning;
}

/** Build the Fastify app: one encapsulated plugin per channel, shared machinery as the `planbot` decorator. */
export async function buildServer(options: BuildServerOptions): Promise<PlanbotServer> {
  const { config, getAnswerer } = options;
  const tuning = resolveTuning(options.tuning);
  const logger = options.logger ?? createLogger({ level: config.logLevel, secrets: configSecrets(config) });

  const queue = new ChatQueue(tuning.queue, (error, task) => logger.error({ err: error, update: task.id }, 'update failed'));
  const outbound = new Outbound(tuning.outbound, logger);
  const conversation = new Conversation({
    getAnswerer,
    limiter: new RateLimiter(tuning.rateLimit.max, tuning.rateLimit.windowMs),
    menuTtlMs: tuning.menuTtlMs,
  });
  const planbot = new ChannelContext(getAnswerer, queue, outbound, conversation, logger, new TtlSet(tuning.dedupeTtlMs));

  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: tuning.bodyLimit,
    // Platforms send ids as strings or numbers; schemas say so with type unions.
    ajv: { customOptions: { allowUnionTypes: true } },
  });
  app.decorate('planbot', planbot);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(status).send({ error: status >= 500 ? 'Internal Server Error' : error.message });
  });

  const telegram = config.telegram
    ? new TelegramChannel(planbot, config.telegram, {
        requestTimeoutMs: tuning.outbound.requestTimeoutMs,
        pollTimeoutS: tuning.telegramPollTimeoutS,
      })
    : null;
  const zaloBot = config.zaloBot ? new ZaloBotChannel(planbot, config.zaloBot) : null;
  const zaloOa = config.zaloOa ? new ZaloOaChannel(planbot, config.zaloOa) : null;

  await app.register(health);
  await app.register(jsonApi, { prefix: '/api' });
  await app.register(webPages, { frameAncestors: config.web.frameAncestors });
  if (telegram && config.telegram?.mode === 'webhook') {
    await app.register(telegramWebhook, { prefix: '/telegram', channel: telegram, secret: config.telegram.webhookSecret ?? '' });
  }
  if (zaloBot && config.zaloBot) {
    await app.register(zaloBotWebhook, { prefix: '/zalo', channel: zaloBot, secret: config.zaloBot.webhookSecret });
  }
  if (zaloOa) await app.register(zaloOaWebhook, { prefix: '/zalo-oa', channel: zaloOa });

  app.addHook('preClose', async () => {
    queue.close();
    await telegram?.stopPolling();
  });
  app.addHook('onClose', async () => {
    const drained = await queue.drain(tuning.drainTimeoutMs);
    if (!drained) logger.warn({ pending: queue.size }, 'stopping with replies still pending');
    await outbound.close();
  });

  logChannels(logger, config);

  let stopping: Promise<void> | null = null;
  return {
    app,
    telegram,
    zaloBot,
    zaloOa,
    async start() {
      const address = await app.listen({ port: config.port, host: config.host });
      if (telegram && config.telegram?.mode === 'polling') telegram.startPolling();
      return address;
    },
    async registerWebhooks(publicUrl) {
      const failed = (channel: string) => (error: unknown) => logger.error({ err: error, channel }, 'webhook registration failed');
      await Promise.all([
        config.telegram?.mode === 'webhook' ? telegram?.registerWebhook(publicUrl).catch(failed('telegram')) : undefined,
        zaloBot?.registerWebhook(publicUrl).catch(failed('zalo')),
      ]);
      if (zaloOa) logger.info({ url: `${publicUrl}/zalo-oa/webhook` }, 'zalo OA: set this webhook URL in the developer console');
    },
    stop() {
      stopping ??= app.close();
      return stopping;
    },
  };
}

/** Say at start-up which channels are on, and why the others are off. */
function logChannels(logger: Logger, config: Config): void {
  const telegram = config.telegram ? `on (${config.telegram.mode})` : 'off: TELEGRAM_BOT_TOKEN not set';
  const zaloBot = config.zaloBot ? 'on' : 'off: ZALO_BOT_TOKEN not set';
  const zaloOa = config.zaloOa ? 'on' : 'off: ZALO_OA_APP_ID / ZALO_OA_SECRET_KEY / ZALO_OA_ACCESS_TOKEN not set';
  logger.info({ telegram, zaloBot, zaloOa, api: 'on', web: 'on' }, 'channels');
  if (!config.telegram && !config.zaloBot && !config.zaloOa) logger.warn('no chat channel configured: serving the JSON API only');
}
