import type { Logger } from 'pino';
import { Telegraf, TelegramError, type Context } from 'telegraf';
import { message } from 'telegraf/filters';
import type { Opts, Telegram as BotApi, Update, UserFromGetMe } from 'telegraf/types';
import type { TelegramConfig } from '../../config.js';
import type { Admission } from '../context.js';
import type { Input } from '../conversation.js';
import { RetryableError, type Outbound } from '../outbound.js';
import { isRecord } from '../payload.js';
import { escapeHtml } from '../render.js';
import { secretHeaderStatus } from '../verify.js';
import { buttonInput, VOTED_DATA } from './buttons.js';
import type { AdapterKit, Button, ChannelAdapter, ChannelEntry, Delivery, OutMessage, Webhook } from './types.js';

/** The only update kinds the bot handles; everything else is acknowledged and ignored. */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** Where a reply goes: the chat, and for a button press the pressed message and the query to answer. */
export interface TelegramTo {
  chatId: number;
  pressed?: { callbackId: string; messageId: number | undefined };
}

/** Turn Telegram's transient failures (429 with retry_after, 5xx, network) into RetryableError. */
async function telegramCall<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof TelegramError && (error.code === 429 || error.code >= 500)) {
      const retryAfter = error.parameters?.retry_after;
      throw new RetryableError(error.message, retryAfter === undefined ? undefined : retryAfter * 1000);
    }
    if (error instanceof Error && error.name === 'FetchError') throw new RetryableError(error.message);
    throw error;
  }
}

export interface TelegramOptions {
  requestTimeoutMs: number;
  pollTimeoutS: number;
  /** Timeout of cosmetic calls (typing indicator, stopping a button's spinner), never awaited before the answer. */
  cosmeticTimeoutMs: number;
}

const keyboard = (rows: Button[][]) => ({ inline_keyboard: rows.map((row) => row.map((b) => ({ text: b.label, callback_data: b.data }))) });

export class TelegramAdapter implements ChannelAdapter<TelegramTo> {
  readonly name = 'tg';
  readonly label = 'telegram';
  readonly limits = { maxChars: 4096, buttons: true, pictures: { captionChars: 1024 } };
  readonly webhook: Webhook | null;
  readonly status: string;
  readonly bot: Telegraf;
  private polling: AbortController | null = null;
  private pollLoop: Promise<void> | null = null;
  /** getMe, once per process (a failure is forgotten so the next update asks again). */
  private me: Promise<UserFromGetMe> | null = null;
  /** The input telegraf's routing found for an update (commands, buttons, text), read back after handleUpdate. */
  private readonly inputs = new WeakMap<object, Input>();

  constructor(
    private readonly config: TelegramConfig,
    private readonly options: TelegramOptions,
    private readonly outbound: Outbound,
    private readonly logger: Logger,
  ) {
    this.bot = new Telegraf(config.token, {
      // We never answer through the webhook response: it is sent before the update is processed.
      telegram: { apiRoot: config.apiRoot, webhookReply: false },
    });
    this.status = `on (${config.mode})`;
    const secret = config.webhookSecret ?? '';
    this.webhook =
      config.mode === 'webhook'
        ? {
            prefix: '/telegram',
            // The secret is checked before the body is read.
            guard: (app) =>
              app.addHook('onRequest', async (request, reply) => {
                const status = secretHeaderStatus(request.headers['x-telegram-bot-api-secret-token'], secret);
                if (status !== null) return reply.code(status).send({ ok: false, error: 'bad secret token' });
              }),
          }
        : null;
    this.compose();
  }

  read(update: unknown): Delivery<TelegramTo> | undefined {
    const to = addressOf(update);
    if (to === undefined) return undefined;
    const id = (update as Update).update_id;
    return { id: `tg:update:${id}`, chat: String(to.chatId), to, dedupeKey: `tg:${id}`, input: () => this.inputOf(update as Update) };
  }

  async send(to: TelegramTo, out: OutMessage): Promise<unknown> {
    const markup = out.buttons ? { reply_markup: keyboard(out.buttons) } : {};
    if (out.ack && to.pressed) {
      // A vote: the query answered with the thanks, the 👍/👎 buttons replaced by it.
      this.cosmetic('answerCallbackQuery', { callback_query_id: to.pressed.callbackId, text: out.text });
      if (to.pressed.messageId !== undefined) {
        return this.api('editMessageReplyMarkup', {
          chat_id: to.chatId,
          message_id: to.pressed.messageId,
          reply_markup: keyboard([[{ label: out.text, data: VOTED_DATA }]]),
        });
      }
      return undefined;
    }
    if (out.picture) {
      return this.api('sendPhoto', {
        chat_id: to.chatId,
        photo: { source: out.picture, filename: 'chart.png' },
        ...(out.text ? { caption: escapeHtml(out.text), parse_mode: 'HTML' as const } : {}),
        ...markup,
      });
    }
    return this.api('sendMessage', {
      chat_id: to.chatId,
      text: escapeHtml(out.text),
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...markup,
    });
  }

  /** Show "typing…": one short attempt, not awaited (a slow or failing API must not hold the answer back). */
  typing(to: TelegramTo): void {
    this.cosmetic('sendChatAction', { chat_id: to.chatId, action: 'typing' });
  }

  async registerWebhook(url: string): Promise<void> {
    await this.outbound.call('telegram.setWebhook', () =>
      this.api('setWebhook', {
        url,
        secret_token: this.config.webhookSecret ?? undefined,
        allowed_updates: [...ALLOWED_UPDATES],
      }),
    );
    this.logger.info({ url }, 'telegram webhook registered');
  }

  /** Long-poll getUpdates (TELEGRAM_MODE=polling) feeding the same loop as the webhook. */
  start(admit: (update: unknown) => Promise<Admission>): void {
    if (this.config.mode !== 'polling' || this.polling) return;
    const controller = new AbortController();
    this.polling = controller;
    this.pollLoop = this.poll(controller.signal, admit);
  }

  async stop(): Promise<void> {
    this.polling?.abort();
    await this.pollLoop;
    this.polling = null;
    this.pollLoop = null;
  }

  private async poll(signal: AbortSignal, admit: (update: unknown) => Promise<Admission>): Promise<void> {
    const log = this.logger;
    try {
      await this.outbound.call('telegram.deleteWebhook', () => this.api('deleteWebhook', {}, signal));
      log.info('telegram polling started');
    } catch (error) {
      if (!signal.aborted) log.error({ err: error }, 'telegram deleteWebhook failed; polling anyway');
    }
    let offset = 0;
    while (!signal.aborted) {
      let updates: Update[];
      try {
        updates = await this.api(
          'getUpdates',
          { offset, timeout: this.options.pollTimeoutS, allowed_updates: [...ALLOWED_UPDATES] },
          signal,
          (this.options.pollTimeoutS + 10) * 1000,
        );
      } catch (error) {
        if (signal.aborted) break;
        log.error({ err: error }, 'telegram getUpdates failed');
        await pause(2_000, signal);
        continue;
      }
      for (const update of updates) {
        const admission = await admit(update);
        // Not queued (full / not ready): keep the offset so Telegram hands it out again.
        if (admission === 'busy' || admission === 'not-ready' || admission === 'stopping') {
          await pause(1_000, signal);
          break;
        }
        offset = update.update_id + 1;
      }
    }
  }

  /** telegraf's routing (commands, buttons, text, other messages) turns the update into an Input. */
  private async inputOf(update: Update): Promise<Input | undefined> {
    this.bot.botInfo ??= await this.botInfo();
    await this.bot.handleUpdate(update);
    return this.inputs.get(update);
  }

  /** Fetched ourselves, once: telegraf caches a failed getMe promise for ever, and would ask once per update in flight. */
  private botInfo(): Promise<UserFromGetMe> {
    this.me ??= this.outbound
      .call('telegram.getMe', () => this.api('getMe', {}))
      .catch((error: unknown) => {
        this.me = null;
        throw error;
      });
    return this.me;
  }

  /** Middleware: commands, button presses and messages become Inputs, kept for inputOf. */
  private compose(): void {
    const bot = this.bot;
    const found = (ctx: Context, input: Input): void => {
      if (ctx.chat !== undefined) this.inputs.set(ctx.update, input);
    };
    bot.start((ctx) => found(ctx, { kind: 'help' }));
    bot.help((ctx) => found(ctx, { kind: 'help' }));
    bot.command('kehoach', (ctx) => found(ctx, { kind: 'plans' }));
    bot.on('callback_query', (ctx) => {
      const data = 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined;
      const input = data === undefined ? undefined : buttonInput(data);
      // A vote's query is answered with the thanks; every other press has its spinner stopped now.
      if (input?.kind !== 'vote') this.answerCallback(ctx);
      if (input) found(ctx, input);
    });
    bot.on(message('text'), (ctx) => found(ctx, { kind: 'text', text: ctx.message.text }));
    bot.on('message', (ctx) => found(ctx, { kind: 'unsupported' }));
    bot.catch((error, ctx) => {
      this.logger.error({ err: error, update: `tg:update:${ctx.update.update_id}` }, 'telegram update failed');
    });
  }

  /** Stop the button's spinner: cosmetic. */
  private answerCallback(ctx: Context): void {
    const id = ctx.callbackQuery?.id;
    if (id !== undefined) this.cosmetic('answerCallbackQuery', { callback_query_id: id });
  }

  private cosmetic<M extends 'sendChatAction' | 'answerCallbackQuery'>(method: M, payload: Opts<M>): void {
    this.api(method, payload, undefined, this.options.cosmeticTimeoutMs).catch((error: unknown) => {
      this.logger.debug({ err: error, call: method }, 'telegram cosmetic call failed');
    });
  }

  /** Every Bot API call, with a timeout (telegraf's own is 500 s) and error classification. */
  private api<M extends keyof BotApi>(
    method: M,
    payload: Opts<M>,
    signal?: AbortSignal,
    timeoutMs = this.options.requestTimeoutMs,
  ): Promise<ReturnType<BotApi[M]>> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    // telegraf types the signal with node-fetch's shim; the platform AbortSignal is what it uses at run time.
    return telegramCall(() => this.bot.telegram.callApi(method, payload, { signal: combined as never }));
  }
}

const chatOf = (message: unknown): number | undefined =>
  isRecord(message) && isRecord(message.chat) && Number.isSafeInteger(message.chat.id) ? (message.chat.id as number) : undefined;

/**
 * Where to answer an update, or undefined for kinds the bot ignores and for payloads without
 * the fields telegraf relies on (null message, missing chat, text that is not a string).
 */
function addressOf(update: unknown): TelegramTo | undefined {
  if (!isRecord(update) || !Number.isSafeInteger(update.update_id) || (update.update_id as number) < 0) return undefined;
  if ('message' in update) {
    const text = isRecord(update.message) ? update.message.text : undefined;
    const chatId = text === undefined || typeof text === 'string' ? chatOf(update.message) : undefined;
    return chatId === undefined ? undefined : { chatId };
  }
  if ('callback_query' in update) {
    const query = update.callback_query;
    if (!isRecord(query) || typeof query.id !== 'string' || !isRecord(query.from) || !Number.isSafeInteger(query.from.id)) return undefined;
    if (query.data !== undefined && typeof query.data !== 'string') return undefined;
    const chatId = query.message === undefined ? (query.from.id as number) : chatOf(query.message);
    if (chatId === undefined) return undefined;
    const messageId = isRecord(query.message) && Number.isSafeInteger(query.message.message_id) ? (query.message.message_id as number) : undefined;
    return { chatId, pressed: { callbackId: query.id, messageId } };
  }
  return undefined;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

export const telegram: ChannelEntry = {
  key: 'telegram',
  off: 'TELEGRAM_BOT_TOKEN not set',
  create: ({ config, tuning, outbound, logger }: AdapterKit) =>
    config.telegram
      ? new TelegramAdapter(
          config.telegram,
          { requestTimeoutMs: tuning.outbound.requestTimeoutMs, pollTimeoutS: tuning.telegramPollTimeoutS, cosmeticTimeoutMs: tuning.cosmeticTimeoutMs },
          outbound,
          logger,
        )
      : null,
};
