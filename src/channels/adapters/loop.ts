import type { FastifyInstance } from 'fastify';
import type { Admission, ChannelContext } from '../context.js';
import type { Outgoing } from '../conversation.js';
import { plainWithMenu } from '../render.js';
import { splitText } from '../split.js';
import { chartPng } from '../web/chartPng.js';
import { buttonRows } from './buttons.js';
import type { ChannelAdapter, ChannelLimits, OutMessage } from './types.js';

/**
 * The delivery loop, the same for every channel: read the delivery, admit it (dedupe, rate
 * limit, outbox), and when its turn comes in the chat's queue ask the conversation and send
 * the reply, rendered within the channel's limits, paced and retried.
 */
export class DeliveryLoop {
  constructor(private readonly planbot: ChannelContext) {}

  /** Take a delivery (from a webhook, a poll or the outbox); ignored kinds and malformed bodies are acknowledged and dropped. */
  async admit<To>(adapter: ChannelAdapter<To>, body: unknown, outboxId?: number): Promise<Admission> {
    const delivery = adapter.read(body);
    if (!delivery) {
      this.planbot.logger.debug(`${adapter.label} delivery of an unhandled kind, or malformed: ignored`);
      return 'ignored';
    }
    const chatKey = `${adapter.name}:${delivery.chat}`;
    const reply = (out: Outgoing): Promise<void> => this.send(adapter, delivery.to, chatKey, out);
    return this.planbot.admit({
      id: delivery.id,
      channel: adapter.name,
      chatKey,
      dedupeKey: delivery.dedupeKey,
      body,
      outboxId,
      run: async (log) => {
        const input = await delivery.input();
        if (input === undefined) return;
        if (input.kind === 'text') adapter.typing?.(delivery.to);
        await reply(await this.planbot.conversation.respond(chatKey, input, log));
      },
      notify: (text) => reply({ text }),
    });
  }

  /** POST `${prefix}/webhook` for each adapter that has a webhook: its guard first, then admitted and acknowledged at once. */
  async routes(app: FastifyInstance, adapters: readonly ChannelAdapter[]): Promise<void> {
    for (const adapter of adapters) {
      const webhook = adapter.webhook;
      if (!webhook) continue;
      await app.register(
        async (scope) => {
          webhook.guard(scope);
          // No body schema: a malformed delivery that passed the guard is acknowledged and ignored (read), not refused.
          scope.post('/webhook', async (request, reply) => this.planbot.acknowledge(reply, await this.admit(adapter, request.body)));
        },
        { prefix: webhook.prefix },
      );
    }
  }

  private async send<To>(adapter: ChannelAdapter<To>, to: To, chatKey: string, out: Outgoing): Promise<void> {
    for (const message of await this.render(out, adapter.limits)) {
      await this.planbot.outbound.send(chatKey, `${adapter.label}.send`, () => adapter.send(to, message));
    }
  }

  /**
   * A reply as the messages a channel can send: menus as buttons or a numbered list; a
   * comparison as its chart with the text as caption when it fits, else after the picture (a
   * chart that fails to render leaves the text alone); text split under the channel's limit,
   * buttons under the last part.
   */
  private async render(out: Outgoing, limits: ChannelLimits): Promise<OutMessage[]> {
    if (out.ack) return splitText(out.text, limits.maxChars).map((text) => ({ text, ack: true }));
    const rows = limits.buttons ? buttonRows(out) : [];
    const buttons = rows.length > 0 ? { buttons: rows } : {};
    const text = limits.buttons ? out.text : plainWithMenu(out);
    const png =
      limits.pictures && out.chart
        ? await chartPng(out.chart.chart, out.chart.lang).catch((error: unknown) => {
            this.planbot.logger.error({ err: error }, 'chart rendering failed; sending the text only');
            return null;
          })
        : null;
    const messages: OutMessage[] = [];
    if (png && limits.pictures) {
      if (text.length <= limits.pictures.captionChars) return [{ text, picture: png, ...buttons }];
      messages.push({ text: '', picture: png });
    }
    const chunks = splitText(text, limits.maxChars);
    for (const [i, chunk] of chunks.entries()) messages.push({ text: chunk, ...(i === chunks.length - 1 ? buttons : {}) });
    return messages;
  }
}
