import { createHmac, randomBytes } from 'node:crypto';
import type { Reply } from '../answer/types.js';
import { channelOf, couldNotAnswer, maskPersonal } from '../channels/questions.js';

/** Chat hashes and masked questions worked out lately, so a busy chat or a popular question costs one hash or mask. */
const MEMO = 10_000;

/** A Map that forgets its oldest entry beyond `max`. */
function remembered<V>(map: Map<string, V>, key: string, max: number, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
    if (map.size > max) map.delete(map.keys().next().value as string);
  }
  return value;
}

/** Rows this process logs get ids from one random prefix and a counter: unique, and appended in order. */
const ID_PREFIX = randomBytes(6).toString('base64url');

/** One logged question as both stores write it. */
export interface QuestionRow {
  replyId: string;
  at: number;
  channel: string;
  /** Keyed hash of the chat id. */
  chat: string;
  /** Personal numbers masked. */
  question: string;
  lang: string;
  intent: string;
  found: boolean;
  /** The records cited, as a JSON array of references. */
  sources: string;
  /** The reply, kept only where the inbox shows it. */
  reply: string;
}

/** Turns an answered question into the row the log keeps: no chat id, personal numbers masked, a new reply id. */
export class QuestionRows {
  private readonly chats = new Map<string, string>();
  private readonly masked = new Map<string, string>();
  private readonly sources = new WeakMap<Reply, string>();
  /** The last MEMO answers' texts, by counter modulo MEMO (no map to grow and trim per question): a vote keeps the text beside it for the inbox. */
  private readonly replies: { replyId: string; text: string }[] = [];
  private counter = 0;

  constructor(
    /** Key of the chat-id hash: one per store, so a chat hashes alike across restarts and instances. */
    private readonly key: string,
    private readonly now: () => number,
  ) {}

  row(chatKey: string, question: string, reply: Reply): QuestionRow {
    this.counter += 1;
    const replyId = `${ID_PREFIX}${this.counter.toString(36).padStart(8, '0')}`;
    const chat = remembered(this.chats, chatKey, MEMO, () => createHmac('sha256', this.key).update(chatKey).digest('hex').slice(0, 32));
    const masked = remembered(this.masked, question, MEMO, () => maskPersonal(question));
    let sources = this.sources.get(reply);
    if (sources === undefined) this.sources.set(reply, (sources = JSON.stringify(reply.sources.map((s) => s.ref))));
    // The reply text is kept where the inbox shows it: for questions the bot could not answer (and, with a vote, for the others).
    const kept = couldNotAnswer(reply) ? reply.reply : '';
    if (kept === '') this.replies[this.counter % MEMO] = { replyId, text: reply.reply };
    return {
      replyId,
      at: this.now(),
      channel: channelOf(chatKey),
      chat,
      question: masked,
      lang: reply.lang,
      intent: reply.intent,
      found: reply.found,
      sources,
      reply: kept,
    };
  }

  /** The text of an answer logged lately (its row keeps none), for a vote on it to keep; '' once forgotten. */
  replyOf(replyId: string): string {
    if (!replyId.startsWith(ID_PREFIX)) return '';
    const kept = this.replies[parseInt(replyId.slice(ID_PREFIX.length), 36) % MEMO];
    return kept?.replyId === replyId ? kept.text : '';
  }
}

/** A new key for the chat-id hash. */
export const newChatHashKey = (): string => randomBytes(32).toString('hex');
