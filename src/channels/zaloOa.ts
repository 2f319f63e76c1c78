import type { FastifyPluginAsync } from 'fastify';
import type { ZaloOaConfig } from '../config.js';
import type { Admission, ChannelContext } from './context.js';
import type { Input, Outgoing } from './conversation.js';
import { plainWithMenu } from './render.js';
import { isRecord } from './payload.js';
import { splitText } from './split.js';
import { safeEqual, zaloOaSignature } from './verify.js';

/** OA consultation messages accept up to 2,000 characters. */
const OA_MAX_CHARS = 2000;
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

/** What the bot reads from an event, once checked. */
interface OaEvent {
  input: Input;
  userId: string;
  msgId: string | undefined;
  /** Milliseconds since the epoch, as Zalo signed it. */
  timestamp: number;
}

const isId = (value: unknown): value is string => typeof value === 'string' && value !== '' && value.length <= 200;

/**
 * The user's message in an event; undefined for events that need no answer (oa_send_* echoes
 * of our own messages, follow, seen…) and for malformed ones (no sender, text not a string).
 */
function readOaEvent(body: unknown): OaEvent | undefined {
  if (!isRecord(body) || typeof body.event_name !== 'string') return undefined;
  const name = body.event_name;
  const message = body.message === undefined ? {} : body.message;
  if (!isRecord(body.sender) || !isId(body.sender.id) || !isRecord(message)) return undefined;
  if (message.msg_id !== undefined && !isId(message.msg_id)) return undefined;
  const timestamp = Number(body.timestamp);
  if (!Number.isFinite(timestamp)) return undefined;
  let input: Input;
  if (name === 'user_send_text' && typeof message.text === 'string') input = { kind: 'text', text: message.text };
  else if (UNSUPPORTED_EVENTS.has(name)) input = { kind: 'unsupported' };
  else return undefined;
  return { input, userId: body.sender.id, msgId: message.msg_id, timestamp };
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

export class ZaloOaChannel {
  constructor(
    private readonly planbot: ChannelContext,
    private readonly config: ZaloOaConfig,
    private readonly options: ZaloOaOptions,
  ) {}

  /** True when the event's signed timestamp is within the freshness window. */
  fresh(body: unknown): boolean {
    const timestamp = Number(isRecord(body) ? body.timestamp : undefined);
    const now = (this.options.now ?? Date.now)();
    return Number.isFinite(timestamp) && Math.abs(now - timestamp) <= this.options.maxEventAgeMs;
  }

  /** Queue a user's message; other events and malformed ones are acknowledged and dropped. */
  async admit(body: unknown, outboxId?: number): Promise<Admission> {
    const event = readOaEvent(body);
    if (!event) {
      this.planbot.logger.debug('zalo OA event of an unhandled kind, or malformed: ignored');
      return 'ignored';
    }
    const { userId, msgId, input } = event;
    const chatKey = `zoa:${userId}`;
    const deliver = async (out: Outgoing): Promise<void> => {
      for (const text of splitText(plainWithMenu(out), OA_MAX_CHARS)) {
        await this.planbot.outbound.send(chatKey, 'zalo-oa.message', () => this.sendText(userId, text));
      }
    };
    return this.planbot.admit({
      id: `zoa:msg:${msgId ?? '?'}`,
      channel: 'zoa',
      chatKey,
      dedupeKey: msgId === undefined ? undefined : `zoa:${msgId}`,
      body,
      outboxId,
      run: (log) => deliver(this.planbot.conversation.respond(chatKey, input, log)),
      notify: (text) => deliver({ text }),
    });
  }

  /** Verify X-ZEvent-Signature over the exact bytes received. */
  signatureValid(header: string, rawBody: Buffer, timestamp: string): boolean {
    return safeEqual(header, zaloOaSignature(this.config.appId, rawBody, timestamp, this.config.secretKey));
  }

  private async sendText(userId: string, text: string): Promise<void> {
    const { body } = await this.planbot.outbound.postJson(
      `${this.config.apiRoot}/v3.0/oa/message/cs`,
      { recipient: { user_id: userId }, message: { text } },
      { access_token: this.config.accessToken },
    );
    const result = body as { error?: unknown; message?: unknown } | null;
    if (result?.error !== 0) throw new ZaloOaError(result?.error, result?.message);
  }
}

export interface ZaloOaWebhookOptions {
  channel: ZaloOaChannel;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Exact request bytes, kept by the Zalo OA plugin for signature checks. */
    rawBody: Buffer | null;
  }
}

/** POST /zalo-oa/webhook: signature verified on the raw body, then queued and acknowledged at once. */
export const zaloOaWebhook: FastifyPluginAsync<ZaloOaWebhookOptions> = async (app, { channel }) => {
  // Encapsulated: only this plugin keeps raw bytes (the signature covers them exactly).
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
    if (!request.rawBody || !signed || !channel.signatureValid(header, request.rawBody, String(timestamp))) {
      return reply.code(403).send({ error: 'bad signature' });
    }
    // Signed but old (or from the future): a replay. Dedupe only remembers recent deliveries.
    if (!channel.fresh(body)) {
      request.log.info('zalo OA event outside the freshness window: refused');
      return reply.code(403).send({ error: 'event too old' });
    }
  });

  // No body schema: a malformed event with a valid signature is acknowledged and ignored (readOaEvent), not refused.
  app.post('/webhook', async (request, reply) => app.planbot.acknowledge(reply, await channel.admit(request.body)));
};
