import { CONTEXT_TTL_MS, MemoryContextStore, type ChatContext, type ContextStore } from '../answer/context.js';

/** Chat id of an API call that names no chat: answered without context, and none is kept. */
export const ANONYMOUS_CHAT = 'anon:';
/** Prefix of API chats (a `chat` the caller named). */
export const API_CHAT_PREFIX = 'api:';

/**
 * The context store `planbot serve` hands every Answerer: chat-app chats and API chats live in
 * separately bounded stores, so no number of API calls can evict a Telegram or Zalo user's
 * context; anonymous API calls keep nothing. One store for the process, so contexts outlive a
 * corpus reload (the answer stage ignores plan ids it no longer knows).
 */
export class ChatContexts implements ContextStore {
  constructor(
    /** Chat-app chats (Telegram, Zalo, Zalo OA). */
    private readonly apps: ContextStore,
    /** API chats, bounded apart. */
    private readonly api: ContextStore,
  ) {}

  /** In memory, at most `apps` and `api` chats. */
  static inMemory(bounds: { apps: number; api: number }, now: () => number = Date.now): ChatContexts {
    return new ChatContexts(new MemoryContextStore(now, CONTEXT_TTL_MS, bounds.apps), new MemoryContextStore(now, CONTEXT_TTL_MS, bounds.api));
  }

  get(chatId: string): ChatContext | undefined {
    return this.storeFor(chatId)?.get(chatId);
  }

  set(chatId: string, ctx: ChatContext): void {
    this.storeFor(chatId)?.set(chatId, ctx);
  }

  delete(chatId: string): void {
    this.storeFor(chatId)?.delete(chatId);
  }

  private storeFor(chatId: string): ContextStore | null {
    if (chatId === ANONYMOUS_CHAT) return null;
    return chatId.startsWith(API_CHAT_PREFIX) ? this.api : this.apps;
  }
}
