import type { FastifyPluginAsync } from 'fastify';
import type { ZaloBotConfig } from '../config.js';
import type { Admission, ChannelContext } from './context.js';
import type { Input, Outgoing } from './conversation.js';
import { RetryableError } from './outbound.js';
import { plainWithMenu } from './render.js';
import { isRecord } from './payload.js';
import { splitText } from './split.js';
import { secretHeaderStatus } from './verify.js';

/** Zalo Bot sendMessage accepts 1-2,000 characters. */
const ZALO_MAX_CHARS = 2000;

/** Events the bot answers (a Map: event names come from outside, "__proto__" included); others are ignored. */
const EVENT_INPUT = new Map<string, (text: string) => Input>([
  ['message.text.received', (text) => ({ kind: 'text', text })],
  ['message.image.received', () => ({ kind: 'unsupported' })],
  ['message.sticker.received', () => ({ kind: 'unsupported' })],
  ['message.unsupported.received', () => ({ kind: 'unsupported' })],
]);

/** What the bot reads from an event, once checked. */
interface ZaloEvent {
  input: Input;
  chatId: string;
  messageId: string | undefined;
}

const isId = (value: unknown): value is string | number =>
  (typeof value === 'string' && value !== '' && value.length <= 200) || Number.isSafeInteger(value);

/**
 * The event in a body, unwrapped `{event_name, message}` or wrapped `{ok, result: {...}}`;
 * undefined for events the bot ignores and for malformed ones (no chat id, text not a string).
 */
function readZaloEvent(body: unknown): ZaloEvent | undefined {
  const event = isRecord(body) && isRecord(body.result) ? body.result : body;
  if (!isRecord(event) || typeof event.event_name !== 'string') return undefined;
  const toInput = EVENT_INPUT.get(event.event_name);
  const message = event.message;
  if (!toInput || !isRecord(message) || !isRecord(message.chat) || !isId(message.chat.id)) return undefined;
  if (message.text !== undefined && typeof message.text !== 'string') return undefined;
  if (message.message_id !== undefined && !isId(message.message_id)) return undefined;
  return {
    input: toInput(message.text ?? ''),
    chatId: String(message.chat.id),
    messageId: message.message_id === undefined ? undefined : String(message.message_id),
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

export class ZaloBotChannel {
  constructor(
    private readonly planbot: ChannelContext,
    private readonly config: ZaloBotConfig,
  ) {}

  /** Queue an event; ignored kinds and malformed events are acknowledged and dropped. */
  async admit(body: unknown, outboxId?: number): Promise<Admission> {
    const event = readZaloEvent(body);
    if (!event) {
      this.planbot.logger.debug('zalo event of an unhandled kind, or malformed: ignored');
      return 'ignored';
    }
    const { chatId, messageId, input } = event;
    const chatKey = `zalo:${chatId}`;
    const deliver = async (out: Outgoing): Promise<void> => {
      for (const text of splitText(plainWithMenu(out), ZALO_MAX_CHARS)) {
        await this.planbot.outbound.send(chatKey, 'zalo.sendMessage', () => this.call('sendMessage', { chat_id: chatId, text }));
      }
    };
    return this.planbot.admit({
      id: `zalo:msg:${messageId ?? '?'}`,
      channel: 'zalo',
      chatKey,
      // No update id on this platform: the message id identifies a delivery.
      dedupeKey: messageId === undefined ? undefined : `zalo:${messageId}`,
      body,
      outboxId,
      run: (log) => deliver(this.planbot.conversation.respond(chatKey, input, log)),
      notify: (text) => deliver({ text }),
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

  // No body schema: a malformed event with the right secret is acknowledged and ignored (readZaloEvent), not refused.
  app.post('/webhook', async (request, reply) => app.planbot.acknowledge(reply, await channel.admit(request.body)));
};
