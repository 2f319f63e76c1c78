import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { ZaloOaConfig } from '../../config.js';
import type { Input } from '../conversation.js';
import type { Outbound } from '../outbound.js';
import { isRecord } from '../payload.js';
import { safeEqual, zaloOaSignature } from '../verify.js';
import type { ChannelAdapter, ChannelEntry, Delivery, OutMessage, Webhook } from './types.js';

/** User events that carry something other than text get the "what I can do" notice. */
const UNSUPPORTED_EVENTS = new Set([
  'user_send_image',
  'user_send_gif',
  'user_send_sticker',
  'user_send_audio',
  'user_send_video',
  'user_send_file',
  'user_send_location',
  'user_send_link',
  'user_send_business_card',
]);

const isId = (value: unknown): value is string => typeof value === 'string' && value !== '' && value.length <= 200;

/**
 * The user's message in an event; undefined for events that need no answer (oa_send_* echoes
 * of our own messages, follow, seen…) and for malformed ones (no sender, text not a string).
 */
function readOaEvent(body: unknown): Delivery<string> | undefined {
  if (!isRecord(body) || typeof body.event_name !== 'string') return undefined;
  const name = body.event_name;
  const message = body.message === undefined ? {} : body.message;
  if (!isRecord(body.sender) || !isId(body.sender.id) || !isRecord(message)) return undefined;
  if (message.msg_id !== undefined && !isId(message.msg_id)) return undefined;
  if (!Number.isFinite(Number(body.timestamp))) return undefined;
  let input: Input;
  if (name === 'user_send_text' && typeof message.text === 'string') input = { kind: 'text', text: message.text };
  else if (UNSUPPORTED_EVENTS.has(name)) input = { kind: 'unsupported' };
  else return undefined;
  const userId = body.sender.id;
  const msgId = message.msg_id;
  return {
    id: `zoa:msg:${msgId ?? '?'}`,
    chat: userId,
    to: userId,
    dedupeKey: msgId === undefined ? undefined : `zoa:${msgId}`,
    input: () => input,
  };
}

export interface ZaloOaOptions {
  /** Events further than this from now are refused: a replayed old event is not answered again. */
  maxEventAgeMs: number;
  now?: () => number;
}

export class ZaloOaError extends Error {
  constructor(
    readonly code: unknown,
    description: unknown,
  ) {
    super(`zalo OA message/cs failed: error ${String(code)} ${String(description ?? '')}`.trim());
    this.name = 'ZaloOaError';
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Exact request bytes, kept by the Zalo OA webhook for signature checks. */
    rawBody: Buffer | null;
  }
}

/** Zalo Official Account: consultation messages up to 2,000 characters, no buttons, no pictures; replies to a user id. */
export class ZaloOaAdapter implements ChannelAdapter<string> {
  readonly name = 'zoa';
  readonly label = 'zalo-oa';
  readonly limits = { maxChars: 2000, buttons: false, pictures: null };
  readonly webhook: Webhook = { prefix: '/zalo-oa', guard: (app) => this.guard(app) };

  constructor(
    private readonly config: ZaloOaConfig,
    private readonly options: ZaloOaOptions,
    private readonly outbound: Outbound,
    private readonly logger: Logger,
  ) {}

  read(body: unknown): Delivery<string> | undefined {
    return readOaEvent(body);
  }

  async send(userId: string, out: OutMessage): Promise<unknown> {
    const { body } = await this.outbound.postJson(
      `${this.config.apiRoot}/v3.0/oa/message/cs`,
      { recipient: { user_id: userId }, message: { text: out.text } },
      { access_token: this.config.accessToken },
    );
    const result = body as { error?: unknown; message?: unknown } | null;
    if (result?.error !== 0) throw new ZaloOaError(result?.error, result?.message);
    return result;
  }

  /** The OA's webhook URL is set in Zalo's developer console, not through the API. */
  async registerWebhook(url: string): Promise<void> {
    this.logger.info({ url }, 'zalo OA: set this webhook URL in the developer console');
  }

  /** True when the event's signed timestamp is within the freshness window. */
  fresh(body: unknown): boolean {
    const timestamp = Number(isRecord(body) ? body.timestamp : undefined);
    const now = (this.options.now ?? Date.now)();
    return Number.isFinite(timestamp) && Math.abs(now - timestamp) <= this.options.maxEventAgeMs;
  }

  /** Verify X-ZEvent-Signature over the exact bytes received. */
  signatureValid(header: string, rawBody: Buffer, timestamp: string): boolean {
    return safeEqual(header, zaloOaSignature(this.config.appId, rawBody, timestamp, this.config.secretKey));
  }

  /** The signature is verified on the raw body (kept by this route's own JSON parser), then the event's age. */
  private guard(app: FastifyInstance): void {
    app.decorateRequest('rawBody', null);
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      const raw = body as Buffer;
      request.rawBody = raw;
      try {
        done(null, JSON.parse(raw.toString('utf8')));
      } catch {
        done(Object.assign(new Error('malformed JSON body'), { statusCode: 400 }), undefined);
      }
    });

    app.addHook('onRequest', async (request, reply) => {
      if (!request.headers['x-zevent-signature']) return reply.code(401).send({ error: 'missing X-ZEvent-Signature' });
    });
    app.addHook('preValidation', async (request, reply) => {
      const header = String(request.headers['x-zevent-signature']);
      const body = request.body;
      const timestamp = typeof body === 'object' && body !== null ? (body as { timestamp?: unknown }).timestamp : undefined;
      const signed = typeof timestamp === 'string' || typeof timestamp === 'number';
      if (!request.rawBody || !signed || !this.signatureValid(header, request.rawBody, String(timestamp))) {
        return reply.code(403).send({ error: 'bad signature' });
      }
      // Signed but old (or from the future): a replay. Dedupe only remembers recent deliveries.
      if (!this.fresh(body)) {
        request.log.info('zalo OA event outside the freshness window: refused');
        return reply.code(403).send({ error: 'event too old' });
      }
    });
  }
}

export const zaloOa: ChannelEntry = {
  key: 'zaloOa',
  off: 'ZALO_OA_APP_ID / ZALO_OA_SECRET_KEY / ZALO_OA_ACCESS_TOKEN not set',
  create: ({ config, outbound, logger }) =>
    config.zaloOa ? new ZaloOaAdapter(config.zaloOa, { maxEventAgeMs: config.limits.oaMaxEventAgeMs }, outbound, logger) : null,
};
