import type { FastifyPluginAsync } from 'fastify';
import { Markup, Telegraf, TelegramError, type Context } from 'telegraf';
import { message } from 'telegraf/filters';
import type { Opts, Telegram as BotApi, Update } from 'telegraf/types';
import type { TelegramConfig } from '../config.js';
import type { ChannelContext } from './context.js';
import type { Input, Outgoing } from './conversation.js';
import { RetryableError } from './outbound.js';
import { escapeHtml } from './render.js';
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

export class TelegramChannel {
  readonly bot: Telegraf;
  private polling: AbortController | null = null;
  private pollLoop: Promise<void> | null = null;

  constructor(
    private readonly planbot: ChannelContext,
    private readonly config: TelegramConfig,
    private readonly options: { requestTimeoutMs: number; pollTimeoutS: number },
  ) {
    this.bot = new Telegraf(config.token, {
      // We never answer through the webhook response: it is sent before the update is processed.
      telegram: { apiRoot: config.apiRoot, webhookReply: false },
    });
    this.compose();
  }

  /** Queue an update (from the webhook or the poller). */
  admit(update: Update) {
    const chatId = chatIdOf(update);
    if (chatId === undefined) return 'accepted' as const; // unknown kind: acknowledged, ignored
    return this.planbot.admit({
      id: `tg:update:${update.update_id}`,
      chatKey: `tg:${chatId}`,
      dedupeKey: `tg:${update.update_id}`,
      run: () => this.process(update),
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
        const admission = this.admit(update);
        // Not queued (full / not ready): keep the offset so Telegram hands it out again.
        if (admission === 'busy' || admission === 'not-ready') {
          await pause(1_000, signal);
          break;
        }
        offset = update.update_id + 1;
      }
    }
  }

  private async process(update: Update): Promise<void> {
    // Fetch botInfo ourselves: telegraf caches a failed getMe promise for ever.
    this.bot.botInfo ??= await this.planbot.outbound.call('telegram.getMe', () => this.api('getMe', {}));
    await this.bot.handleUpdate(update);
  }

  /** Middleware: commands and button presses become Inputs; one `deliver` does the rest. */
  private compose(): void {
    const bot = this.bot;
    bot.start((ctx) => this.deliver(ctx, { kind: 'help' }));
    bot.help((ctx) => this.deliver(ctx, { kind: 'help' }));
    bot.command('kehoach', (ctx) => this.deliver(ctx, { kind: 'plans' }));
    bot.action(MENU_DATA, async (ctx) => {
      await this.answerCallback(ctx);
      await this.deliver(ctx, { kind: 'pick', nonce: ctx.match[1], index: Number(ctx.match[2]) });
    });
    // Buttons from elsewhere or stale data: stop the client's spinner, nothing else.
    bot.on('callback_query', (ctx) => this.answerCallback(ctx));
    bot.on(message('text'), async (ctx) => {
      await this.typing(ctx);
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
    const out = this.planbot.conversation.respond(chatKey, input, log);
    if (out) await this.send(chatId, chatKey, out);
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

  private async typing(ctx: Context): Promise<void> {
    if (ctx.chat === undefined) return;
    // Cosmetic: a failed typing action must not stop the answer.
    await this.api('sendChatAction', { chat_id: ctx.chat.id, action: 'typing' }).catch((error: unknown) => {
      this.planbot.logger.debug({ err: error }, 'telegram typing action failed');
    });
  }

  private async answerCallback(ctx: Context): Promise<void> {
    const id = ctx.callbackQuery?.id;
    if (id === undefined) return;
    await this.planbot.outbound.call('telegram.answerCallbackQuery', () => this.api('answerCallbackQuery', { callback_query_id: id }));
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

/** The chat an update belongs to, or undefined for kinds the bot ignores. */
function chatIdOf(update: Update): number | undefined {
  if ('message' in update) return update.message.chat.id;
  if ('callback_query' in update) return update.callback_query.message?.chat.id ?? update.callback_query.from.id;
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

  app.post(
    '/webhook',
    {
      schema: {
        body: {
          type: 'object',
          required: ['update_id'],
          properties: { update_id: { type: 'integer', minimum: 0 } },
        },
      },
    },
    async (request, reply) => app.planbot.acknowledge(reply, channel.admit(request.body as Update)),
  );
};
