import type { FastifyPluginAsync } from 'fastify';
import { Markup, Telegraf, TelegramError, type Context } from 'telegraf';
import { message } from 'telegraf/filters';
import type { Opts, Telegram as BotApi, Update, UserFromGetMe } from 'telegraf/types';
import type { TelegramConfig } from '../config.js';
import type { Admission, ChannelContext } from './context.js';
import type { Input, Outgoing } from './conversation.js';
import { RetryableError } from './outbound.js';
import { escapeHtml } from './render.js';
import { isRecord } from './payload.js';
import { splitText } from './split.js';
import { chartPng } from './web/chartPng.js';
import { secretHeaderStatus } from './verify.js';

/** Telegram's limit for one message, counted after entity parsing. */
const TELEGRAM_MAX_CHARS = 4096;
/** A photo's caption holds at most this many characters. */
const TELEGRAM_MAX_CAPTION = 1024;
/** The only update kinds the bot handles; everything else is acknowledged and ignored. */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;
const MENU_DATA = /^m:([0-9a-z]+):(\d+)$/;

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

export class TelegramChannel {
  readonly bot: Telegraf;
  private polling: AbortController | null = null;
  private pollLoop: Promise<void> | null = null;
  /** getMe, once per process (a failure is forgotten so the next update asks again). */
  private me: Promise<UserFromGetMe> | null = null;

  constructor(
    private readonly planbot: ChannelContext,
    private readonly config: TelegramConfig,
    private readonly options: TelegramOptions,
  ) {
    this.bot = new Telegraf(config.token, {
      // We never answer through the webhook response: it is sent before the update is processed.
      telegram: { apiRoot: config.apiRoot, webhookReply: false },
    });
    this.compose();
  }

  /** Queue an update (from the webhook or the poller); unknown kinds and malformed ones are ignored. */
  async admit(update: Update, outboxId?: number): Promise<Admission> {
    const chatId = chatIdOf(update);
    if (chatId === undefined) {
      this.planbot.logger.debug('telegram update of an unhandled kind, or malformed: ignored');
      return 'ignored';
    }
    const chatKey = `tg:${chatId}`;
    return this.planbot.admit({
      id: `tg:update:${update.update_id}`,
      channel: 'tg',
      chatKey,
      dedupeKey: `tg:${update.update_id}`,
      body: update,
      outboxId,
      run: () => this.process(update),
      notify: (text) => this.send(chatId, chatKey, { text }),
    });
  }

  async registerWebhook(publicUrl: string): Promise<void> {
    const url = `${publicUrl}/telegram/webhook`;
    await this.planbot.outbound.call('telegram.setWebhook', () =>
      this.api('setWebhook', {
        url,
        secret_token: this.config.webhookSecret ?? undefined,
        allowed_updates: [...ALLOWED_UPDATES],
      }),
    );
    this.planbot.logger.info({ url }, 'telegram webhook registered');
  }

  /** Long-poll getUpdates (TELEGRAM_MODE=polling) feeding the same queue as the webhook. */
  startPolling(): void {
    if (this.polling) return;
    const controller = new AbortController();
    this.polling = controller;
    this.pollLoop = this.poll(controller.signal);
  }

  async stopPolling(): Promise<void> {
    this.polling?.abort();
    await this.pollLoop;
    this.polling = null;
    this.pollLoop = null;
  }

  private async poll(signal: AbortSignal): Promise<void> {
    const log = this.planbot.logger;
    try {
      await this.planbot.outbound.call('telegram.deleteWebhook', () => this.api('deleteWebhook', {}, signal));
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
        const admission = await this.admit(update);
        // Not queued (full / not ready): keep the offset so Telegram hands it out again.
        if (admission === 'busy' || admission === 'not-ready' || admission === 'stopping') {
          await pause(1_000, signal);
          break;
        }
        offset = update.update_id + 1;
      }
    }
  }

  private async process(update: Update): Promise<void> {
    this.bot.botInfo ??= await this.botInfo();
    await this.bot.handleUpdate(update);
  }

  /** Fetched ourselves, once: telegraf caches a failed getMe promise for ever, and would ask once per update in flight. */
  private botInfo(): Promise<UserFromGetMe> {
    this.me ??= this.planbot.outbound.call('telegram.getMe', () => this.api('getMe', {})).catch((error: unknown) => {
      this.me = null;
      throw error;
    });
    return this.me;
  }

  /** Middleware: commands and button presses become Inputs; one `deliver` does the rest. */
  private compose(): void {
    const bot = this.bot;
    bot.start((ctx) => this.deliver(ctx, { kind: 'help' }));
    bot.help((ctx) => this.deliver(ctx, { kind: 'help' }));
    bot.command('kehoach', (ctx) => this.deliver(ctx, { kind: 'plans' }));
    bot.action(MENU_DATA, async (ctx) => {
      this.answerCallback(ctx);
      await this.deliver(ctx, { kind: 'pick', nonce: ctx.match[1], index: Number(ctx.match[2]) });
    });
    // Buttons from elsewhere or stale data: stop the client's spinner, nothing else.
    bot.on('callback_query', (ctx) => this.answerCallback(ctx));
    bot.on(message('text'), async (ctx) => {
      this.typing(ctx);
      await this.deliver(ctx, { kind: 'text', text: ctx.message.text });
    });
    bot.on('message', (ctx) => this.deliver(ctx, { kind: 'unsupported' }));
    bot.catch((error, ctx) => {
      this.planbot.logger.error({ err: error, update: `tg:update:${ctx.update.update_id}` }, 'telegram update failed');
    });
  }

  private async deliver(ctx: Context, input: Input): Promise<void> {
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return;
    const chatKey = `tg:${chatId}`;
    const log = this.planbot.logger.child({ update: `tg:update:${ctx.update.update_id}` });
    await this.send(chatId, chatKey, this.planbot.conversation.respond(chatKey, input, log));
  }

  private async send(chatId: number, chatKey: string, out: Outgoing): Promise<void> {
    const keyboard = out.menu
      ? Markup.inlineKeyboard(out.menu.labels.map((label, i) => [Markup.button.callback(label, `m:${out.menu!.nonce}:${i}`)]))
      : undefined;
    // A comparison goes as its chart, the text as the caption when it fits, else after the photo.
    // A chart that fails to render leaves the text alone.
    const png = out.chart
      ? await chartPng(out.chart.chart, out.chart.lang).catch((error: unknown) => {
          this.planbot.logger.error({ err: error }, 'chart rendering failed; sending the text only');
          return null;
        })
      : null;
    if (png) {
      const captioned = out.text.length <= TELEGRAM_MAX_CAPTION;
      await this.planbot.outbound.send(chatKey, 'telegram.sendPhoto', () =>
        this.api('sendPhoto', {
          chat_id: chatId,
          photo: { source: png, filename: 'chart.png' },
          ...(captioned ? { caption: escapeHtml(out.text), parse_mode: 'HTML' as const } : {}),
          ...(captioned && keyboard ? { reply_markup: keyboard.reply_markup } : {}),
        }),
      );
      if (captioned) return;
    }
    const chunks = splitText(out.text, TELEGRAM_MAX_CHARS);
    for (const [i, chunk] of chunks.entries()) {
      const last = i === chunks.length - 1;
      await this.planbot.outbound.send(chatKey, 'telegram.sendMessage', () =>
        this.api('sendMessage', {
          chat_id: chatId,
          text: escapeHtml(chunk),
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(last && keyboard ? { reply_markup: keyboard.reply_markup } : {}),
        }),
      );
    }
  }

  /** Show "typing…": one short attempt, not awaited (a slow or failing API must not hold the answer back). */
  private typing(ctx: Context): void {
    if (ctx.chat === undefined) return;
    this.cosmetic('sendChatAction', { chat_id: ctx.chat.id, action: 'typing' });
  }

  /** Stop the button's spinner, the same way. */
  private answerCallback(ctx: Context): void {
    const id = ctx.callbackQuery?.id;
    if (id !== undefined) this.cosmetic('answerCallbackQuery', { callback_query_id: id });
  }

  private cosmetic<M extends 'sendChatAction' | 'answerCallbackQuery'>(method: M, payload: Opts<M>): void {
    this.api(method, payload, undefined, this.options.cosmeticTimeoutMs).catch((error: unknown) => {
      this.planbot.logger.debug({ err: error, call: method }, 'telegram cosmetic call failed');
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
 * The chat an update belongs to, or undefined for kinds the bot ignores and for payloads
 * without the fields telegraf relies on (null message, missing chat, text that is not a string).
 */
function chatIdOf(update: unknown): number | undefined {
  if (!isRecord(update) || !Number.isSafeInteger(update.update_id) || (update.update_id as number) < 0) return undefined;
  if ('message' in update) {
    const text = isRecord(update.message) ? update.message.text : undefined;
    return text === undefined || typeof text === 'string' ? chatOf(update.message) : undefined;
  }
  if ('callback_query' in update) {
    const query = update.callback_query;
    if (!isRecord(query) || typeof query.id !== 'string' || !isRecord(query.from) || !Number.isSafeInteger(query.from.id)) return undefined;
    if (query.data !== undefined && typeof query.data !== 'string') return undefined;
    if (query.message === undefined) return query.from.id as number;
    return chatOf(query.message);
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

export interface TelegramWebhookOptions {
  channel: TelegramChannel;
  secret: string;
}

/** POST /telegram/webhook: secret checked before the body is read; the update is queued and acknowledged at once. */
export const telegramWebhook: FastifyPluginAsync<TelegramWebhookOptions> = async (app, { channel, secret }) => {
  app.addHook('onRequest', async (request, reply) => {
    const status = secretHeaderStatus(request.headers['x-telegram-bot-api-secret-token'], secret);
    if (status !== null) return reply.code(status).send({ ok: false, error: 'bad secret token' });
  });

  // No body schema: a malformed update with the right secret is acknowledged and ignored, not refused.
  app.post('/webhook', async (request, reply) => app.planbot.acknowledge(reply, await channel.admit(request.body as Update)));
};
