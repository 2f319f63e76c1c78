import type { FastifyPluginAsync } from 'fastify';
import type { Reply } from '../answer/types.js';
import { ANONYMOUS_CHAT, API_CHAT_PREFIX } from './contexts.js';
import { parseSince, type InboxGroup } from './inbox.js';
import type { Vote } from './questions.js';
import { RateLimiter } from './rateLimit.js';
import { MAX_INPUT_CHARS } from './texts.js';
import { safeEqual } from './verify.js';

const source = {
  type: 'object',
  required: ['plan', 'ref'],
  properties: { plan: { type: 'string' }, ref: { type: 'string' }, anchor: { type: 'string' } },
} as const;

const chart = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    bars: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          plan: { type: 'string' },
          label: { type: 'string' },
          year: { type: 'integer' },
          value: { type: 'number' },
          unit: { type: 'string' },
          scope: { type: ['string', 'null'] },
          anchor: { type: 'string' },
        },
      },
    },
  },
} as const;

const error = { type: 'object', properties: { error: { type: 'string' } } } as const;

const askSchema = {
  body: {
    type: 'object',
    required: ['text'],
    properties: {
      text: { type: 'string', minLength: 1, maxLength: MAX_INPUT_CHARS },
      // Help desks pass their own conversation id to keep context between questions.
      chat: { type: 'string', minLength: 1, maxLength: 200 },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['reply', 'found', 'intent', 'sources'],
      properties: {
        reply: { type: 'string' },
        found: { type: 'boolean' },
        intent: { type: 'string' },
        sources: { type: 'array', items: source },
        lang: { type: 'string' },
        choices: {
          type: 'array',
          items: { type: 'object', properties: { label: { type: 'string' }, text: { type: 'string' } } },
        },
        chart,
        // Only on factual answers while the question log is on: the id POST /api/feedback takes.
        replyId: { type: 'string' },
      },
    },
    401: error,
    403: error,
    429: error,
    503: error,
  },
} as const;

const feedbackSchema = {
  body: {
    type: 'object',
    required: ['replyId', 'vote'],
    additionalProperties: false,
    properties: {
      replyId: { type: 'string', minLength: 1, maxLength: 100 },
      vote: { type: 'string', enum: ['up', 'down'] },
      comment: { type: 'string', maxLength: MAX_INPUT_CHARS },
    },
  },
  response: {
    200: { type: 'object', properties: { ok: { type: 'boolean' } } },
    400: error,
    401: error,
    403: error,
    404: error,
    429: error,
  },
} as const;

const plansSchema = {
  response: {
    200: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          shortName: { type: 'string' },
          title: { type: 'string' },
          number: { type: ['string', 'null'] },
        },
      },
    },
    503: error,
  },
} as const;

const NOT_READY = { error: 'corpus not loaded yet' };
const RATE_WINDOW_MS = 60_000;

export interface JsonApiOptions {
  /** When set, every call needs `Authorization: Bearer <token>` (401 without, 403 with another). */
  token: string | null;
  /** Calls a minute per client address; 0 turns the limit off. */
  ratePerMinute: number;
}

/** HTTP status refusing an Authorization header that does not carry the bearer token; null when it does. */
function bearerStatus(header: string | undefined, token: string): 401 | 403 | null {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (presented === undefined) return 401;
  return safeEqual(presented, token) ? null : 403;
}

/**
 * JSON API for help desks: POST /api/ask, POST /api/feedback, GET /api/plans. Each client address has its own
 * rate limit, so one client cannot take the server from the chat apps' deliveries; only a
 * caller that names a `chat` gets a context (kept apart from the chat apps' chats).
 */
export const jsonApi: FastifyPluginAsync<JsonApiOptions> = async (app, { token, ratePerMinute }) => {
  if (token !== null) {
    app.addHook('onRequest', async (request, reply) => {
      const status = bearerStatus(request.headers.authorization, token);
      if (status !== null) return reply.code(status).header('www-authenticate', 'Bearer').send({ error: 'bearer token required' });
    });
  }
  if (ratePerMinute > 0) {
    const limiter = new RateLimiter(ratePerMinute, RATE_WINDOW_MS);
    app.addHook('onRequest', async (request, reply) => {
      if (limiter.hit(request.ip) !== 'ok') {
        return reply
          .code(429)
          .header('retry-after', String(RATE_WINDOW_MS / 1000))
          .send({ error: 'too many requests from this client; retry later' });
      }
    });
  }

  /**
   * Replies as sent, by reply object. The answerer hands back the same object for a
   * question it has answered in the same context, so a popular question is serialized and
   * UTF-8-encoded once; entries go when the answerer forgets the reply.
   */
  const sent = new WeakMap<Reply, Buffer>();

  app.post('/ask', { schema: askSchema }, async (request, reply) => {
    const answerer = app.planbot.getAnswerer();
    if (!answerer) return reply.code(503).send(NOT_READY);
    const { text, chat } = request.body as { text: string; chat?: string };
    const chatKey = chat === undefined ? ANONYMOUS_CHAT : `${API_CHAT_PREFIX}${chat}`;
    // With a shared store a named chat's turn waits for its earlier ones and has its context loaded first.
    const answer: Reply = await app.planbot.stores.turns.run(chatKey, () => answerer.ask(chatKey, text));
    const replyId = app.planbot.conversation.record(chatKey, text, answer, request.log);
    let bytes = sent.get(answer);
    if (!bytes) {
      // The route's response schema still shapes the bytes.
      bytes = Buffer.from(reply.serialize(answer) as string);
      sent.set(answer, bytes);
    }
    return reply.type('application/json; charset=utf-8').send(replyId === undefined ? bytes : withReplyId(bytes, replyId));
  });

  app.post('/feedback', { schema: feedbackSchema }, async (request, reply) => {
    const { replyId, vote, comment } = request.body as { replyId: string; vote: Vote; comment?: string };
    if (!(await app.planbot.conversation.feedback(replyId, vote, comment))) return reply.code(404).send({ error: 'unknown reply id' });
    return { ok: true };
  });

  app.get('/plans', { schema: plansSchema }, async (_request, reply) => {
    const answerer = app.planbot.getAnswerer();
    if (!answerer) return reply.code(503).send(NOT_READY);
    return answerer.plans();
  });
};

/** A reply's bytes (a JSON object) with its id added as the last field: the rest stays the bytes kept for that reply. */
function withReplyId(bytes: Buffer, replyId: string): Buffer {
  return Buffer.concat([bytes.subarray(0, bytes.length - 1), Buffer.from(`,"replyId":${JSON.stringify(replyId)}}`)]);
}

export interface InboxApiOptions {
  /** The admin's bearer token. */
  token: string;
  /** What the bot could not answer since a time (ms). */
  list: (sinceMs: number) => Promise<InboxGroup[]>;
}

/** GET /api/inbox?since=7d: the inbox, for the admin token only (401 without, 403 with another). */
export const inboxApi: FastifyPluginAsync<InboxApiOptions> = async (app, { token, list }) => {
  app.addHook('onRequest', async (request, reply) => {
    const status = bearerStatus(request.headers.authorization, token);
    if (status !== null) return reply.code(status).header('www-authenticate', 'Bearer').send({ error: 'admin token required' });
  });
  app.get('/inbox', async (request, reply) => {
    const since = parseSince((request.query as { since?: string }).since ?? '7d');
    if (since === null) return reply.code(400).send({ error: 'since must look like 7d, 12h or 30m' });
    return { since: new Date(Date.now() - since).toISOString(), groups: await list(Date.now() - since) };
  });
};

/** GET /healthz (process alive) and GET /readyz (corpus loaded, store reachable). */
export const health: FastifyPluginAsync = async (app) => {
  const status = { type: 'object', properties: { status: { type: 'string' } } } as const;
  app.get('/healthz', { schema: { response: { 200: status } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { response: { 200: status, 503: status } } }, async (_request, reply) => {
    if (!app.planbot.getAnswerer()) return reply.code(503).send({ status: 'loading' });
    return app.planbot.stores.available() ? { status: 'ready' } : reply.code(503).send({ status: 'store unavailable' });
  });
};
