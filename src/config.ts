/** Environment configuration for `planbot serve`, checked once at start so mistakes surface as one clear message. */
import { DEFAULT_MAX_FILE_BYTES } from './corpus/load.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type TelegramMode = 'webhook' | 'polling';

export interface TelegramConfig {
  token: string;
  mode: TelegramMode;
  /** Required in webhook mode: Telegram echoes it in X-Telegram-Bot-Api-Secret-Token. */
  webhookSecret: string | null;
  apiRoot: string;
}

export interface ZaloBotConfig {
  token: string;
  webhookSecret: string;
  apiRoot: string;
}

export interface ZaloOaConfig {
  appId: string;
  secretKey: string;
  accessToken: string;
  apiRoot: string;
}

/** Bounds on what a client, a chat or a channel may cost; every one has an environment variable. */
export interface Limits {
  /** Time to receive a request's headers (slow-header clients are cut off). */
  headersTimeoutMs: number;
  /** Time to receive a whole request, body included. */
  requestTimeoutMs: number;
  /** A connection with no traffic for this long is closed. */
  idleTimeoutMs: number;
  /** An idle keep-alive connection is kept this long between requests. */
  keepAliveTimeoutMs: number;
  /** Open connections; beyond this a new one gets 503 and is closed. */
  maxConnections: number;
  /** Messages a minute one chat may send (then one polite notice, then silence). */
  chatRatePerMinute: number;
  /** Messages of one chat waiting to be answered; more are acknowledged and not answered. */
  chatQueue: number;
  /** Deliveries of one channel waiting or running; beyond this its webhook gets 503 (retry later). */
  channelQueue: number;
  /** Replies of one channel being sent at the same time. */
  channelConcurrency: number;
  /** Timeout of one call to a chat platform's API. */
  sendTimeoutMs: number;
  /** On stop, how long acknowledged deliveries may take to be answered. */
  drainTimeoutMs: number;
  /** /api/ask calls a minute per client (address, or token); 0 turns the limit off. */
  apiRatePerMinute: number;
  /** API chats (named by `chat`) whose context is kept, apart from the chat apps' chats. */
  apiContexts: number;
  /** Zalo OA events whose timestamp is further than this from now are refused (replays). */
  oaMaxEventAgeMs: number;
  /** How long a process owns an outbox entry it is answering; after that (or once it has stopped) another may take it. */
  outboxLeaseMs: number;
  /** Entries the question log keeps in Redis at most (a stream capped as it grows; SQLite keeps by days alone). */
  questionLogMax: number;
}

export interface Config {
  port: number;
  host: string;
  logLevel: LogLevel;
  /** Public base URL (no trailing slash); when set, webhooks are registered at start. */
  publicUrl: string | null;
  /** A channel is null when its credentials are absent (the channel is off). */
  telegram: TelegramConfig | null;
  zaloBot: ZaloBotConfig | null;
  zaloOa: ZaloOaConfig | null;
  web: WebConfig;
  limits: Limits;
  /** When set, /api/* requires `Authorization: Bearer <token>`. */
  apiToken: string | null;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (per-client limits). */
  trustProxy: boolean;
  /** Folder of the embedded store (SQLite): contexts, delivery ids, the outbox, the question log. */
  dataDir: string;
  /** Days the question log keeps a question; null when PLANBOT_LOG=off. */
  questionLogDays: number | null;
  /** When set, GET /api/inbox answers with `Authorization: Bearer <token>`; the route is off otherwise. */
  adminToken: string | null;
  /** When set, contexts, delivery ids, rate limits, the outbox and the question log are kept in this Redis (several instances). */
  redisUrl: string | null;
}

/** Where the store is: what `planbot inbox` needs, without the server's variables. */
export type StoreConfig = Pick<Config, 'dataDir' | 'questionLogDays' | 'redisUrl'>;

export interface WebConfig {
  /** Origins allowed to embed the web pages in a frame (CSP frame-ancestors). */
  frameAncestors: string[];
}

export type Env = Record<string, string | undefined>;

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
// Telegram accepts 1-256 characters from A-Z, a-z, 0-9, _ and - for secret_token.
const TELEGRAM_SECRET = /^[A-Za-z0-9_-]{1,256}$/;
// Zalo Bot Platform asks for a secret token of 8-256 characters.
const ZALO_SECRET_MIN = 8;
const ZALO_SECRET_MAX = 256;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Read and validate the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const get = (name: string): string | null => {
    const value = env[name]?.trim();
    return value ? value : null;
  };

  const port = parsePort(get('PORT'), problems);
  const host = get('HOST') ?? '0.0.0.0';
  const logLevel = (get('LOG_LEVEL') ?? 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${get('LOG_LEVEL')}")`);
  }
  const publicUrl = httpUrl('PUBLIC_URL', get('PUBLIC_URL'), problems);

  const telegram = telegramConfig(get, problems);
  const zaloBot = zaloBotConfig(get, problems);
  const zaloOa = zaloOaConfig(get, problems);
  const web = { frameAncestors: frameAncestors(get('WEB_FRAME_ANCESTORS'), problems) };

  const limits = readLimits(get, problems);
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    problems.push('HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS (the headers are part of the request)');
  }
  const apiToken = get('PLANBOT_API_TOKEN');
  if (apiToken !== null && apiToken.length < 16) problems.push('PLANBOT_API_TOKEN must be at least 16 characters long');
  const trustProxy = flag('PLANBOT_TRUST_PROXY', get('PLANBOT_TRUST_PROXY'), problems);
  const { dataDir, questionLogDays, redisUrl } = readStore(get, problems);
  const adminToken = get('PLANBOT_ADMIN_TOKEN');
  if (adminToken !== null && adminToken.length < 16) problems.push('PLANBOT_ADMIN_TOKEN must be at least 16 characters long');

  if (problems.length > 0) throw new ConfigError(problems);
  return { port, host, logLevel, publicUrl, telegram, zaloBot, zaloOa, web, limits, apiToken, trustProxy, dataDir, questionLogDays, adminToken, redisUrl };
}

/** PLANBOT_DATA, PLANBOT_LOG(_DAYS) and REDIS_URL alone; throws ConfigError when malformed. */
export function loadStoreConfig(env: Env): StoreConfig {
  const problems: string[] = [];
  const store = readStore((name) => env[name]?.trim() || null, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return store;
}

function readStore(get: Get, problems: string[]): StoreConfig {
  return { dataDir: get('PLANBOT_DATA') ?? './data', questionLogDays: questionLog(get, problems), redisUrl: parseRedisUrl(get('REDIS_URL'), problems) };
}

/** redis://[user:password@]host[:port][/db] or rediss:// (TLS); checked here, reached at start. */
function parseRedisUrl(raw: string | null, problems: string[]): string | null {
  if (raw === null) return null;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || !url.hostname || !/^(\/\d{0,2})?$/.test(url.pathname)) {
    problems.push(`REDIS_URL must look like redis://[user:password@]host[:port][/db] or rediss://… (got "${redactUrl(raw)}")`);
    return null;
  }
  return raw;
}

/** A URL as it may be shown: any password replaced. */
export function redactUrl(raw: string): string {
  return raw.replace(/^([a-z]+:\/\/[^:@/]*:)[^@/]*@/i, '$1***@');
}

/** One numeric knob: variable, default, and the range it must fall in. */
interface Knob {
  env: string;
  key: keyof Limits;
  fallback: number;
  min: number;
  max: number;
}

const SECOND = 1000;
const KNOBS: readonly Knob[] = [
  { env: 'HTTP_HEADERS_TIMEOUT_MS', key: 'headersTimeoutMs', fallback: 10 * SECOND, min: 100, max: 600 * SECOND },
  { env: 'HTTP_REQUEST_TIMEOUT_MS', key: 'requestTimeoutMs', fallback: 30 * SECOND, min: 100, max: 600 * SECOND },
  { env: 'HTTP_IDLE_TIMEOUT_MS', key: 'idleTimeoutMs', fallback: 10 * SECOND, min: 100, max: 600 * SECOND },
  { env: 'HTTP_KEEP_ALIVE_TIMEOUT_MS', key: 'keepAliveTimeoutMs', fallback: 10 * SECOND, min: 100, max: 600 * SECOND },
  { env: 'HTTP_MAX_CONNECTIONS', key: 'maxConnections', fallback: 1_000, min: 1, max: 1_000_000 },
  { env: 'PLANBOT_CHAT_RATE_LIMIT', key: 'chatRatePerMinute', fallback: 20, min: 1, max: 100_000 },
  { env: 'PLANBOT_CHAT_QUEUE', key: 'chatQueue', fallback: 5, min: 1, max: 1_000 },
  { env: 'PLANBOT_CHANNEL_QUEUE', key: 'channelQueue', fallback: 1_000, min: 1, max: 1_000_000 },
  { env: 'PLANBOT_CHANNEL_CONCURRENCY', key: 'channelConcurrency', fallback: 16, min: 1, max: 10_000 },
  { env: 'PLANBOT_SEND_TIMEOUT_MS', key: 'sendTimeoutMs', fallback: 10 * SECOND, min: 100, max: 600 * SECOND },
  { env: 'PLANBOT_DRAIN_TIMEOUT_MS', key: 'drainTimeoutMs', fallback: 20 * SECOND, min: 0, max: 600 * SECOND },
  { env: 'PLANBOT_API_RATE_LIMIT', key: 'apiRatePerMinute', fallback: 60, min: 0, max: 1_000_000 },
  { env: 'PLANBOT_API_CONTEXTS', key: 'apiContexts', fallback: 10_000, min: 0, max: 1_000_000 },
  { env: 'ZALO_OA_MAX_EVENT_AGE_MS', key: 'oaMaxEventAgeMs', fallback: 15 * 60 * SECOND, min: SECOND, max: 24 * 3600 * SECOND },
  { env: 'PLANBOT_OUTBOX_LEASE_MS', key: 'outboxLeaseMs', fallback: 120 * SECOND, min: SECOND, max: 24 * 3600 * SECOND },
  { env: 'PLANBOT_LOG_MAX_ENTRIES', key: 'questionLogMax', fallback: 1_000_000, min: 100, max: 100_000_000 },
];

/** Every limit, from its variable or its default; whole numbers within range only. */
function readLimits(get: Get, problems: string[]): Limits {
  const limits = {} as Limits;
  for (const knob of KNOBS) {
    const raw = get(knob.env);
    const value = raw === null ? knob.fallback : Number(raw);
    if (raw !== null && (!/^\d+$/.test(raw) || value < knob.min || value > knob.max)) {
      problems.push(`${knob.env} must be a whole number from ${knob.min} to ${knob.max} (got "${raw}")`);
      limits[knob.key] = knob.fallback;
    } else limits[knob.key] = value;
  }
  return limits;
}

/** PLANBOT_LOG (on/off, default on) and PLANBOT_LOG_DAYS (default 90). */
function questionLog(get: Get, problems: string[]): number | null {
  const on = get('PLANBOT_LOG') === null || flag('PLANBOT_LOG', get('PLANBOT_LOG'), problems);
  const raw = get('PLANBOT_LOG_DAYS');
  const days = raw === null ? 90 : Number(raw);
  if (raw !== null && (!/^\d+$/.test(raw) || days < 1 || days > 3650)) {
    problems.push(`PLANBOT_LOG_DAYS must be a whole number from 1 to 3650 (got "${raw}")`);
    return 90;
  }
  return on ? days : null;
}

function flag(name: string, raw: string | null, problems: string[]): boolean {
  if (raw === null) return false;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  problems.push(`${name} must be true or false (got "${raw}")`);
  return false;
}

/** Corpus loading bounds, shared by `planbot serve` and the other commands. */
export interface CorpusLimits {
  /** A plan text (or meta file) larger than this is skipped and named in the log. */
  maxFileBytes: number;
}

/** PLANBOT_CORPUS_MAX_FILE_MB (default 10); throws ConfigError when malformed. */
export function loadCorpusLimits(env: Env): CorpusLimits {
  const raw = env.PLANBOT_CORPUS_MAX_FILE_MB?.trim();
  if (!raw) return { maxFileBytes: DEFAULT_MAX_FILE_BYTES };
  const mb = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || mb <= 0 || mb > 4096) {
    throw new ConfigError([`PLANBOT_CORPUS_MAX_FILE_MB must be a number of megabytes above 0 and at most 4096 (got "${raw}")`]);
  }
  return { maxFileBytes: Math.round(mb * 1024 * 1024) };
}

type Get = (name: string) => string | null;

function parsePort(raw: string | null, problems: string[]): number {
  if (raw === null) return 8080;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    problems.push(`PORT must be a whole number from 0 to 65535 (got "${raw}")`);
    return 8080;
  }
  return port;
}

/** An http(s) URL without trailing slash, or null when unset; records a problem when malformed. */
function httpUrl(name: string, raw: string | null, problems: string[], fallback: string | null = null): string | null {
  if (raw === null) return fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`${name} must be an http:// or https:// URL (got "${raw}")`);
    return fallback;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push(`${name} must be an http:// or https:// URL (got "${raw}")`);
    return fallback;
  }
  return raw.replace(/\/+$/, '');
}

function telegramConfig(get: Get, problems: string[]): TelegramConfig | null {
  const rawMode = get('TELEGRAM_MODE') ?? 'webhook';
  const mode = rawMode.toLowerCase();
  if (mode !== 'webhook' && mode !== 'polling') {
    problems.push(`TELEGRAM_MODE must be "webhook" or "polling" (got "${rawMode}")`);
  }
  const secret = get('TELEGRAM_WEBHOOK_SECRET');
  if (secret !== null && !TELEGRAM_SECRET.test(secret)) {
    problems.push('TELEGRAM_WEBHOOK_SECRET may only hold 1-256 characters A-Z, a-z, 0-9, _ and - (Telegram refuses others)');
  }
  const apiRoot = httpUrl('TELEGRAM_API_ROOT', get('TELEGRAM_API_ROOT'), problems, 'https://api.telegram.org')!;
  const token = get('TELEGRAM_BOT_TOKEN');
  if (token === null) return null;
  if (!/^\d+:[A-Za-z0-9_-]+$/.test(token)) {
    problems.push('TELEGRAM_BOT_TOKEN does not look like a BotFather token ("123456:ABC-...")');
  }
  if (mode === 'webhook' && secret === null) {
    problems.push('TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_MODE is webhook (it is how forged updates are refused)');
  }
  return { token, mode: mode === 'polling' ? 'polling' : 'webhook', webhookSecret: secret, apiRoot };
}

function zaloBotConfig(get: Get, problems: string[]): ZaloBotConfig | null {
  const secret = get('ZALO_WEBHOOK_SECRET');
  if (secret !== null && (secret.length < ZALO_SECRET_MIN || secret.length > ZALO_SECRET_MAX)) {
    problems.push(`ZALO_WEBHOOK_SECRET must be ${ZALO_SECRET_MIN}-${ZALO_SECRET_MAX} characters long`);
  }
  const apiRoot = httpUrl('ZALO_API_ROOT', get('ZALO_API_ROOT'), problems, 'https://bot-api.zaloplatforms.com')!;
  const token = get('ZALO_BOT_TOKEN');
  if (token === null) return null;
  if (/[\s/?#]/.test(token)) problems.push('ZALO_BOT_TOKEN must not contain spaces, "/", "?" or "#"');
  if (secret === null) {
    problems.push('ZALO_WEBHOOK_SECRET is required when ZALO_BOT_TOKEN is set (it is how forged updates are refused)');
  }
  return { token, webhookSecret: secret ?? '', apiRoot };
}

function zaloOaConfig(get: Get, problems: string[]): ZaloOaConfig | null {
  const apiRoot = httpUrl('ZALO_OA_API_ROOT', get('ZALO_OA_API_ROOT'), problems, 'https://openapi.zalo.me')!;
  const names = ['ZALO_OA_APP_ID', 'ZALO_OA_SECRET_KEY', 'ZALO_OA_ACCESS_TOKEN'] as const;
  const [appId, secretKey, accessToken] = names.map(get);
  const missing = names.filter((name) => get(name) === null);
  if (missing.length === names.length) return null;
  if (missing.length > 0) {
    const present = names.filter((name) => get(name) !== null);
    problems.push(`${missing.join(' and ')} must be set together with ${present.join(' and ')} (the Zalo OA channel needs all three)`);
    return null;
  }
  return { appId: appId!, secretKey: secretKey!, accessToken: accessToken!, apiRoot };
}

/** Space-separated origins ("https://portal.example.gov.vn"); the pages' own origin is always allowed. */
function frameAncestors(raw: string | null, problems: string[]): string[] {
  const origins = (raw ?? '').split(/\s+/).filter(Boolean);
  const bad = origins.filter((o) => !/^https?:\/\/(\*\.)?[A-Za-z0-9.-]+(:\d+)?$/.test(o));
  if (bad.length) problems.push(`WEB_FRAME_ANCESTORS must list origins such as https://portal.example.gov.vn, separated by spaces (got "${bad.join(' ')}")`);
  return ["'self'", ...origins.filter((o) => !bad.includes(o))];
}
