/**
 * The help-desk web pages, one Fastify plugin: GET / (chat), /plans, /plans/:id, /compare,
 * /compare.svg and /static/*. Pages are drawn on the server; the page scripts are the
 * TypeScript in client/ and shared/, compiled by the build (no bundler) and served from dist/.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Answerer } from '../../answer/types.js';
import type { Corpus } from '../../corpus/types.js';
import { chatPage } from './chatPage.js';
import { comparePage, compareReply, indicatorOf, yearOf } from './compare.js';
import { exampleQuestions } from './examples.js';
import { html, type Html } from './html.js';
import { page } from './layout.js';
import { planPage, plansIndex } from './planPages.js';
import { chartSvg } from './shared/chartSvg.js';
import { UI, uiLang, type UiLang } from './shared/i18n.js';
import { CSS } from './styles.js';

export interface WebOptions {
  /** CSP frame-ancestors sources: who may embed the pages ("'self'" by default). */
  frameAncestors: string[];
}

/** Compiled modules the pages load, as paths under dist/src (their relative imports resolve among them). */
const SCRIPT = /^(channels\/web\/(client|shared)\/[A-Za-z0-9]+\.js|text\/fold\.js)$/;

/** dist/src whether this file runs compiled (dist/src/channels/web) or from source under vitest. */
function compiledRoot(): string {
  const srcRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  return basename(dirname(srcRoot)) === 'dist' ? srcRoot : resolve(srcRoot, '../dist/src');
}

type Query = { lang?: string; q?: string; embed?: string; indicator?: string; year?: string };

export const webPages: FastifyPluginAsync<WebOptions> = async (app, options) => {
  const root = compiledRoot();
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    `frame-ancestors ${options.frameAncestors.join(' ')}`,
  ].join('; ');

  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', csp);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
  });

  const sendPage = (reply: FastifyReply, body: Html, status = 200) => reply.code(status).type('text/html; charset=utf-8').send(body.value);
  const loading = (reply: FastifyReply, lang: UiLang) =>
    sendPage(
      reply.header('retry-after', '30'),
      page({ lang, title: UI[lang].loading, section: 'plans', here: '/', body: html`<h1>${UI[lang].loading}</h1>` }),
      503,
    );
  const current = (): { answerer: Answerer; corpus: Corpus } | null => {
    const answerer = app.planbot.getAnswerer();
    return answerer?.corpus ? { answerer, corpus: answerer.corpus } : null;
  };

  app.get<{ Querystring: Query }>('/', async (request, reply) => {
    const lang = uiLang(request.query.lang);
    const loaded = current();
    const examples = loaded ? exampleQuestions(loaded.corpus, loaded.answerer, lang) : [];
    return sendPage(reply, chatPage(lang, examples, request.query.embed === '1'));
  });

  app.get<{ Querystring: Query }>('/plans', async (request, reply) => {
    const lang = uiLang(request.query.lang);
    const loaded = current();
    return loaded ? sendPage(reply, plansIndex(loaded.corpus, lang)) : loading(reply, lang);
  });

  app.get<{ Querystring: Query; Params: { id: string } }>('/plans/:id', async (request, reply) => {
    const lang = uiLang(request.query.lang);
    const loaded = current();
    if (!loaded) return loading(reply, lang);
    const plan = loaded.corpus.plans.find((p) => p.id === request.params.id);
    if (!plan)
      return sendPage(reply, page({ lang, title: UI[lang].notFound, section: 'plans', here: '/plans', body: html`<h1>${UI[lang].notFound}</h1>` }), 404);
    const query = typeof request.query.q === 'string' ? request.query.q.slice(0, 200) : '';
    return sendPage(reply, planPage(loaded.corpus, plan, lang, query));
  });

  app.get<{ Querystring: Query }>('/compare', async (request, reply) => {
    const lang = uiLang(request.query.lang);
    const loaded = current();
    if (!loaded) return loading(reply, lang);
    const { status, body } = comparePage(loaded.answerer, request.query, lang);
    return sendPage(reply, body, status);
  });

  app.get<{ Querystring: Query }>('/compare.svg', async (request, reply) => {
    const lang = uiLang(request.query.lang);
    const loaded = current();
    if (!loaded) return reply.code(503).send({ error: 'corpus not loaded yet' });
    const c = indicatorOf(request.query.indicator);
    if (!c) return reply.code(400).send({ error: 'unknown indicator' });
    const chart = compareReply(loaded.answerer, c, yearOf(request.query.year), lang)?.chart;
    if (!chart) return reply.code(404).send({ error: 'no plan sets this target' });
    return reply.type('image/svg+xml; charset=utf-8').send(chartSvg(chart, lang));
  });

  app.get('/static/web.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(CSS));

  app.get<{ Params: { '*': string } }>('/static/*', async (request, reply) => {
    const path = request.params['*'];
    if (!SCRIPT.test(path)) return reply.code(404).send({ error: 'Not Found' });
    let code: string;
    try {
      code = await readFile(join(root, path), 'utf8');
    } catch {
      request.log.error({ path }, 'web page script missing: run `npm run build`');
      return reply.code(404).send({ error: 'Not Found' });
    }
    return reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(code);
  });
};
