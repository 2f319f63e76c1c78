/** Environment configuration for `planbot serve`, checked once at start so mistakes surface as one clear message. */

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
}

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

  if (problems.length > 0) throw new ConfigError(problems);
  return { port, host, logLevel, publicUrl, telegram, zaloBot, zaloOa, web };
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
