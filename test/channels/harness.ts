import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Answerer } from '../../src/answer/types.js';
import { loadConfig, type Env } from '../../src/config.js';
import { createLogger } from '../../src/channels/logger.js';
import type { ChannelEntry } from '../../src/channels/adapters/types.js';
import { buildServer, type PlanbotServer, type TuningOverrides } from '../../src/channels/server.js';

export const TG_TOKEN = '123456:TEST-telegram-token';
export const TG_SECRET = 'tg-secret_123';
export const ZALO_TOKEN = '9876:zalo-bot-token';
export const ZALO_SECRET = 'zalo-secret-123';
export const OA_APP_ID = 'oa-app-1';
export const OA_SECRET = 'oa-secret-key';
export const OA_TOKEN = 'oa-access-token';

/** Credentials of every chat channel, each pointed at its fake API. */
export function allChannels(roots: { tg: string; zalo: string; oa: string }): Env {
  return {
    TELEGRAM_BOT_TOKEN: TG_TOKEN,
    TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
    TELEGRAM_API_ROOT: roots.tg,
    ZALO_BOT_TOKEN: ZALO_TOKEN,
    ZALO_WEBHOOK_SECRET: ZALO_SECRET,
    ZALO_API_ROOT: roots.zalo,
    ZALO_OA_APP_ID: OA_APP_ID,
    ZALO_OA_SECRET_KEY: OA_SECRET,
    ZALO_OA_ACCESS_TOKEN: OA_TOKEN,
    ZALO_OA_API_ROOT: roots.oa,
  };
}

/** Short timings so retries, pacing and rate limits show within a test. */
export const FAST: TuningOverrides = {
  outbound: { baseDelayMs: 20, maxDelayMs: 100, paceMs: 0, requestTimeoutMs: 2_000 },
  queue: { taskTimeoutMs: 3_000 },
  drainTimeoutMs: 2_000,
  telegramPollTimeoutS: 0,
};

export interface Harness {
  server: PlanbotServer;
  url: string;
  logs: string[];
  stop(): Promise<void>;
}

/** Start the real server on 127.0.0.1 (random port) with a capturing logger. */
export async function startServer(options: {
  env: Env;
  getAnswerer: () => Answerer | undefined;
  tuning?: TuningOverrides;
  logLevel?: string;
  /** The channel registry, when not the server's own. */
  channels?: readonly ChannelEntry[];
}): Promise<Harness> {
  // Deliveries unanswered at stop are saved under PLANBOT_DATA: never in the repository.
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    PLANBOT_DATA: mkdtempSync(join(tmpdir(), 'planbot-data-')),
    PLANBOT_API_RATE_LIMIT: '0',
    ...options.env,
  });
  const logs: string[] = [];
  const logger = createLogger(
    { level: options.logLevel ?? 'info', secrets: [TG_TOKEN, TG_SECRET, ZALO_TOKEN, ZALO_SECRET, OA_SECRET, OA_TOKEN] },
    { write: (line: string) => void logs.push(line) },
  );
  const tuning = { ...FAST, ...options.tuning, outbound: { ...FAST.outbound, ...options.tuning?.outbound } };
  const server = await buildServer({ config, getAnswerer: options.getAnswerer, logger, tuning, channels: options.channels });
  const url = await server.start();
  return { server, url, logs, stop: () => server.stop() };
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: any = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, json };
}
