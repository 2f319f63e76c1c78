import type { FastifyPluginAsync } from 'fastify';
import type { ZaloOaConfig } from '../config.js';
import type { ChannelContext } from './context.js';
import type { Input } from './conversation.js';
import { plainWithMenu } from './render.js';
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

interface OaEvent {
  app_id?: string;
  event_name?: string;
  sender?: { id?: string };
  message?: { text?: string; msg_id?: string };
  timestamp?: string | number;
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
  ) {}

  admit(event: OaEvent) {
    const name = event.event_name ?? '';
    const userId = event.sender?.id;
    // oa_send_* are echoes of our own messages; other events (follow, seen...) need no answer.
    let input: Input | undefined;
    if (name === 'user_send_text') input = { kind: 'text', text: event.message?.text ?? '' };
    else if (UNSUPPORTED_EVENTS.has(name)) input = { kind: 'unsupported' };
    if (!input || !userId) return 'accepted' as const;
    const msgId = event.message?.msg_id;
    const chatKey = `zoa:${userId}`;
    const answer = input;
    return this.planbot.admit({
      id: `zoa:msg:${msgId ?? '?'}`,
      chatKey,
      dedupeKey: msgId === undefined ? undefined : `zoa:${msgId}`,
      run: async (log) => {
        const out = this.planbot.conversation.respond(chatKey, answer, log);
        if (!out) return;
        for (const text of splitText(plainWithMenu(out), OA_MAX_CHARS)) {
          await this.planbot.outbound.send(chatKey, 'zalo-oa.message', () => this.sendText(userId, text));
        }
      },
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
    const timestamp = (request.body as OaEvent | null)?.timestamp;
    if (!request.rawBody || timestamp === undefined || !channel.signatureValid(header, request.rawBody, String(timestamp))) {
      return reply.code(403).send({ error: 'bad signature' });
    }
  });

  app.post(
    '/webhook',
    {
      schema: {
        body: {
          type: 'object',
          required: ['event_name'],
          properties: {
            app_id: { type: 'string' },
            event_name: { type: 'string' },
            sender: { type: 'object', properties: { id: { type: 'string' } } },
            message: { type: 'object', properties: { text: { type: 'string' }, msg_id: { type: 'string' } } },
            timestamp: { type: ['string', 'number'] },
          },
        },
      },
    },
    async (request, reply) => app.planbot.acknowledge(reply, channel.admit(request.body as OaEvent)),
  );
};
