import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Reply } from '../answer/types.js';
import { MAX_INPUT_CHARS } from './texts.js';

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
      },
    },
    503: error,
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

/** JSON API for help desks: POST /api/ask, GET /api/plans. */
export const jsonApi: FastifyPluginAsync = async (app) => {
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
    const answer: Reply = answerer.ask(`api:${chat ?? randomUUID()}`, text);
    let bytes = sent.get(answer);
    if (!bytes) {
      // The route's response schema still shapes the bytes.
      bytes = Buffer.from(reply.serialize(answer) as string);
      sent.set(answer, bytes);
    }
    return reply.type('application/json; charset=utf-8').send(bytes);
  });

  app.get('/plans', { schema: plansSchema }, async (_request, reply) => {
    const answerer = app.planbot.getAnswerer();
    if (!answerer) return reply.code(503).send(NOT_READY);
    return answerer.plans();
  });
};

/** GET /healthz (process alive) and GET /readyz (corpus loaded). */
export const health: FastifyPluginAsync = async (app) => {
  const status = { type: 'object', properties: { status: { type: 'string' } } } as const;
  app.get('/healthz', { schema: { response: { 200: status } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { response: { 200: status, 503: status } } }, async (_request, reply) =>
    app.planbot.getAnswerer() ? { status: 'ready' } : reply.code(503).send({ status: 'loading' }),
  );
};
