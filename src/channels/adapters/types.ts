import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { Admission } from '../context.js';
import type { Input } from '../conversation.js';
import type { Outbound } from '../outbound.js';
import type { Tuning } from '../server.js';

/** What a chat platform can show; the delivery loop renders every reply within these. */
export interface ChannelLimits {
  /** Characters in one message: longer replies are split on line boundaries. */
  maxChars: number;
  /** Inline buttons under a message (menus, 👍/👎); without them a menu becomes a numbered list and there are no feedback buttons. */
  buttons: boolean;
  /** Pictures (a comparison's chart), with a caption of at most this many characters; null: text only. */
  pictures: { captionChars: number } | null;
}

/** One button; pressing it brings `data` back in a delivery (src/channels/adapters/buttons.ts). */
export interface Button {
  label: string;
  data: string;
}

/** One message to send, already within the channel's limits. */
export interface OutMessage {
  /** Plain text (the channel escapes it); a picture's caption, possibly empty. */
  text: string;
  /** Rows of buttons, on the last message of a reply (channels with buttons only). */
  buttons?: Button[][];
  /** A PNG (channels with pictures only). */
  picture?: Buffer;
  /** The answer to a button press: shown in place of the pressed buttons where the channel can, else sent as a message. */
  ack?: true;
}

/** A delivery read from a platform: who to answer and what they did. */
export interface Delivery<To> {
  /** Names the delivery in logs, e.g. "tg:update:42". */
  id: string;
  /** The platform's chat id: the chat key is `${channel name}:${chat}`. */
  chat: string;
  /** Where replies go (the channel's own address: a chat id, a pressed message…). */
  to: To;
  /** Platform delivery id; a repeat is acknowledged and dropped. */
  dedupeKey?: string;
  /** What the user did; undefined when there is nothing to answer. Asked when the delivery's turn comes, off the webhook. */
  input(): Input | undefined | Promise<Input | undefined>;
}

/** A webhook route: POST `${prefix}/webhook`. */
export interface Webhook {
  prefix: string;
  /** Checks made before a delivery is read (secret header, signature, freshness), as hooks on the route's own encapsulated plugin. */
  guard(app: FastifyInstance): void;
}

/**
 * A chat channel. Everything else — admission (dedupe, rate limit, outbox), the queue,
 * the conversation, splitting and rendering replies, pacing and retries — is the delivery loop's
 * (src/channels/adapters/loop.ts), written once for every channel.
 */
export interface ChannelAdapter<To = unknown> {
  /** Short name: the queue lane, the chat-key prefix and the outbox's channel ("tg"). */
  readonly name: string;
  /** Name in logs ("telegram"). */
  readonly label: string;
  readonly limits: ChannelLimits;
  /** The webhook route, or null when deliveries come another way (Telegram polling). */
  readonly webhook: Webhook | null;
  /** Shown in the start-up `channels` line; "on" when absent. */
  readonly status?: string;
  /** Read a delivery's body; undefined for kinds the bot ignores and malformed ones (acknowledged, not answered). */
  read(body: unknown): Delivery<To> | undefined;
  /** Send one message (the loop paces and retries: throw RetryableError for what may succeed later). */
  send(to: To, message: OutMessage): Promise<unknown>;
  /** Show "typing…" while a text is answered: cosmetic, never awaited, never throws. */
  typing?(to: To): void;
  /** Point the platform at `url` (PUBLIC_URL + the webhook route). */
  registerWebhook?(url: string): Promise<void>;
  /** Fetch deliveries itself (polling), handing each to `admit`. */
  start?(admit: (body: unknown) => Promise<Admission>): void;
  stop?(): Promise<void>;
}

/** What an adapter is built from. */
export interface AdapterKit {
  config: Config;
  tuning: Tuning;
  outbound: Outbound;
  logger: Logger;
}

/** One line of the registry: a channel, on when its configuration is there. */
export interface ChannelEntry {
  /** Key in the start-up `channels` log line ("telegram", "zaloBot"). */
  key: string;
  /** Why the channel is off when `create` returns null ("TELEGRAM_BOT_TOKEN not set"). */
  off: string;
  create(kit: AdapterKit): ChannelAdapter | null;
}
