import type { FastifyPluginAsync } from 'fastify';
import type { ZaloBotConfig } from '../config.js';
import type { ChannelContext } from './context.js';
import type { Input } from './conversation.js';
import { RetryableError } from './outbound.js';
import { plainWithMenu } from './render.js';
import { splitText } from './split.js';
import { secretHeaderStatus } from './verify.js';

/** Zalo Bot sendMessage accepts 1-2,000 characters. */
const ZALO_MAX_CHARS = 2000;

/** Events the bot answers; any other event name is acknowledged and ignored. */
const EVENT_INPUT: Record<string, (text: string | undefined) => Input> = {
  'message.text.received': (text) => ({ kind: 'text', text: text ?? '' }),
  'message.image.received': () => ({ kind: 'unsupported' }),
  'message.sticker.received': () => ({ kind: 'unsupported' }),
  'message.unsupported.received': () => ({ kind: 'unsupported' }),
};

interface ZaloMessage {
  message_id?: string | number;
  chat?: { id?: string | number };
  text?: string;
}

interface ZaloEvent {
  event_name?: string;
  message?: ZaloMessage;
}

type ZaloEnvelope = { ok: true; result: unknown } | { ok: false; error_code?: number; description?: string };

export class ZaloApiError extends Error {
  constructor(
    readonly method: string,
    readonly code: number | undefined,
    description: string | undefined,
  ) {
    super(`zalo ${method} failed: ${code ?? '?'} ${description ?? ''}`.trim());
    this.name = 'ZaloApiError';
  }
}

export class ZaloBotChannel {
  constructor(
    private readonly planbot: ChannelContext,
    private readonly config: ZaloBotConfig,
  ) {}

  /** Accept the update unwrapped `{event_name, message}` or wrapped `{ok, result: {...}}`. */
  admit(body: ZaloEvent & { result?: ZaloEvent }) {
    const event = body.result && typeof body.result === 'object' ? body.result : body;
    const toInput = event.event_name === undefined ? undefined : EVENT_INPUT[event.event_name];
    const chatId = event.message?.chat?.id;
    if (!toInput || chatId === undefined || chatId === '') return 'accepted' as const; // ignored
    const messageId = event.message?.message_id;
    const input = toInput(event.message?.text);
    return this.planbot.admit({
      id: `zalo:msg:${messageId ?? '?'}`,
      chatKey: `zalo:${chatId}`,
      // No update id on this platform: the message id identifies a delivery.
      dedupeKey: messageId === undefined ? undefined : `zalo:${messageId}`,
      run: async (log) => {
        const out = this.planbot.conversation.respond(`zalo:${chatId}`, input, log);
        if (!out) return;
        for (const text of splitText(plainWithMenu(out), ZALO_MAX_CHARS)) {
          await this.planbot.outbound.send(`zalo:${chatId}`, 'zalo.sendMessage', () =>
            this.call('sendMessage', { chat_id: String(chatId), text }),
          );
        }
      },
    });
  }

  async registerWebhook(publicUrl: string): Promise<void> {
    const url = `${publicUrl}/zalo/webhook`;
    await this.planbot.outbound.call('zalo.setWebhook', () =>
      this.call('setWebhook', { url, secret_token: this.config.webhookSecret }),
    );
    this.planbot.logger.info({ url }, 'zalo bot webhook registered');
  }

  /** `{root}/bot{token}/{method}`; the envelope's `ok` decides success, even under HTTP 200. */
  private async call(method: string, body: unknown): Promise<unknown> {
    const url = `${this.config.apiRoot}/bot${this.config.token}/${method}`;
    const { body: envelope } = await this.planbot.outbound.postJson(url, body);
    const result = envelope as ZaloEnvelope;
    if (result && result.ok === true) return result.result;
    const code = result?.ok === false ? result.error_code : undefined;
    const description = result?.ok === false ? result.description : 'malformed response';
    if (code === 429 || (code !== undefined && code >= 500)) throw new RetryableError(`zalo ${method}: ${code}`);
    throw new ZaloApiError(method, code, description);
  }
}

export interface ZaloBotWebhookOptions {
  channel: ZaloBotChannel;
  secret: string;
}

/** POST /zalo/webhook: X-Bot-Api-Secret-Token checked before the body is read. */
export const zaloBotWebhook: FastifyPluginAsync<ZaloBotWebhookOptions> = async (app, { channel, secret }) => {
  app.addHook('onRequest', async (request, reply) => {
    const status = secretHeaderStatus(request.headers['x-bot-api-secret-token'], secret);
    if (status !== null) return reply.code(status).send({ ok: false, error: 'bad secret token' });
  });

  const event = {
    type: 'object',
    properties: {
      event_name: { type: 'string' },
      message: {
        type: 'object',
        properties: {
          message_id: { type: ['string', 'number'] },
          text: { type: 'string' },
          chat: { type: 'object', properties: { id: { type: ['string', 'number'] } } },
        },
      },
    },
  } as const;
  app.post(
    '/webhook',
    { schema: { body: { ...event, properties: { ...event.properties, ok: { type: 'boolean' }, result: event } } } },
    async (request, reply) => app.planbot.acknowledge(reply, channel.admit(request.body as ZaloEvent)),
  );
};
