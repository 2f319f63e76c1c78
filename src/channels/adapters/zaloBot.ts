import type { Logger } from 'pino';
import type { ZaloBotConfig } from '../../config.js';
import type { Input } from '../conversation.js';
import { RetryableError, type Outbound } from '../outbound.js';
import { isRecord } from '../payload.js';
import { secretHeaderStatus } from '../verify.js';
import type { ChannelAdapter, ChannelEntry, Delivery, OutMessage, Webhook } from './types.js';

/** Events the bot answers (a Map: event names come from outside, "__proto__" included); others are ignored. */
const EVENT_INPUT = new Map<string, (text: string) => Input>([
  ['message.text.received', (text) => ({ kind: 'text', text })],
  ['message.image.received', () => ({ kind: 'unsupported' })],
  ['message.sticker.received', () => ({ kind: 'unsupported' })],
  ['message.unsupported.received', () => ({ kind: 'unsupported' })],
]);

const isId = (value: unknown): value is string | number => (typeof value === 'string' && value !== '' && value.length <= 200) || Number.isSafeInteger(value);

/**
 * The event in a body, unwrapped `{event_name, message}` or wrapped `{ok, result: {...}}`;
 * undefined for events the bot ignores and for malformed ones (no chat id, text not a string).
 */
function readZaloEvent(body: unknown): Delivery<string> | undefined {
  const event = isRecord(body) && isRecord(body.result) ? body.result : body;
  if (!isRecord(event) || typeof event.event_name !== 'string') return undefined;
  const toInput = EVENT_INPUT.get(event.event_name);
  const message = event.message;
  if (!toInput || !isRecord(message) || !isRecord(message.chat) || !isId(message.chat.id)) return undefined;
  if (message.text !== undefined && typeof message.text !== 'string') return undefined;
  if (message.message_id !== undefined && !isId(message.message_id)) return undefined;
  const chat = String(message.chat.id);
  const messageId = message.message_id === undefined ? undefined : String(message.message_id);
  const input = toInput(message.text ?? '');
  return {
    id: `zalo:msg:${messageId ?? '?'}`,
    chat,
    to: chat,
    // No update id on this platform: the message id identifies a delivery.
    dedupeKey: messageId === undefined ? undefined : `zalo:${messageId}`,
    input: () => input,
  };
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

/** Zalo Bot Platform: plain text up to 2,000 characters, no buttons, no pictures; replies to a chat id. */
export class ZaloBotAdapter implements ChannelAdapter<string> {
  readonly name = 'zalo';
  readonly label = 'zalo';
  readonly limits = { maxChars: 2000, buttons: false, pictures: null };
  readonly webhook: Webhook;

  constructor(
    private readonly config: ZaloBotConfig,
    private readonly outbound: Outbound,
    private readonly logger: Logger,
  ) {
    this.webhook = {
      prefix: '/zalo',
      // X-Bot-Api-Secret-Token checked before the body is read.
      guard: (app) =>
        app.addHook('onRequest', async (request, reply) => {
          const status = secretHeaderStatus(request.headers['x-bot-api-secret-token'], config.webhookSecret);
          if (status !== null) return reply.code(status).send({ ok: false, error: 'bad secret token' });
        }),
    };
  }

  read(body: unknown): Delivery<string> | undefined {
    return readZaloEvent(body);
  }

  send(chatId: string, out: OutMessage): Promise<unknown> {
    return this.call('sendMessage', { chat_id: chatId, text: out.text });
  }

  async registerWebhook(url: string): Promise<void> {
    await this.outbound.call('zalo.setWebhook', () => this.call('setWebhook', { url, secret_token: this.config.webhookSecret }));
    this.logger.info({ url }, 'zalo bot webhook registered');
  }

  /** `{root}/bot{token}/{method}`; the envelope's `ok` decides success, even under HTTP 200. */
  private async call(method: string, body: unknown): Promise<unknown> {
    const url = `${this.config.apiRoot}/bot${this.config.token}/${method}`;
    const { body: envelope } = await this.outbound.postJson(url, body);
    const result = envelope as ZaloEnvelope;
    if (result && result.ok === true) return result.result;
    const code = result?.ok === false ? result.error_code : undefined;
    const description = result?.ok === false ? result.description : 'malformed response';
    if (code === 429 || (code !== undefined && code >= 500)) throw new RetryableError(`zalo ${method}: ${code}`);
    throw new ZaloApiError(method, code, description);
  }
}

export const zaloBot: ChannelEntry = {
  key: 'zaloBot',
  off: 'ZALO_BOT_TOKEN not set',
  create: ({ config, outbound, logger }) => (config.zaloBot ? new ZaloBotAdapter(config.zaloBot, outbound, logger) : null),
};
