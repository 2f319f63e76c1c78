import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createAnswerer, type Engine } from '../../src/answer/engine.js';
import { recordAnchor } from '../../src/corpus/anchors.js';
import { loadConfig } from '../../src/config.js';
import { buildServer, type PlanbotServer } from '../../src/channels/server.js';
import { chartPng, PNG_SCALE } from '../../src/channels/web/chartPng.js';
import { compareReply } from '../../src/channels/web/compare.js';
import { planPage } from '../../src/channels/web/planPages.js';
import { BAR_COLOR, BAR_X, CHART_WIDTH, chartSvg } from '../../src/channels/web/shared/chartSvg.js';
import { INDICATORS } from '../../src/nlu/lexicon.js';
import { fold } from '../../src/text/fold.js';
import { corpus } from '../helpers.js';
import { pngBars } from './pngBars.js';

let engine: Engine;
let server: PlanbotServer;
let app: FastifyInstance;

beforeAll(async () => {
  engine = createAnswerer(corpus());
  server = await buildServer({ config: loadConfig({ LOG_LEVEL: 'silent' }), getAnswerer: () => engine });
  app = server.app;
});
afterAll(() => server.stop());

const get = (url: string) => app.inject({ method: 'GET', url });
const ids = (body: string) => [...body.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
/** Decode what the pages escape, to compare with the records' text. */
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('GET /plans/:id', () => {
  it('shows every task, target and passage of every plan, each at its own anchor, anchors unique', async () => {
    for (const plan of corpus().plans) {
      const res = await get(`/plans/${plan.id}`);
      expect(res.statusCode).toBe(200);
      const body = res.body;
      const all = ids(body);
      expect(new Set(all).size, `${plan.id}: duplicate ids`).toBe(all.length);
      const text = unescape(body);
      for (const t of plan.tasks) {
        expect(all, `${plan.id} task ${t.number}`).toContain(recordAnchor(plan.id, t.id));
        expect(text).toContain(t.title);
      }
      for (const t of plan.targets) {
        expect(all, `${plan.id} target ${t.id}`).toContain(recordAnchor(plan.id, t.id));
        expect(text).toContain(t.text);
      }
      for (const p of plan.passages) expect(all).toContain(recordAnchor(plan.id, p.id));
      // Tasks table rows, targets table rows: one per record.
      expect(body.match(/<tr id="nhiem-vu-/g)?.length ?? 0).toBe(plan.tasks.length);
      expect(body.match(/<tr id="chi-tieu-/g)?.length ?? 0).toBe(plan.targets.length);
    }
  });

  it('sends a CSP without unsafe-inline, and no inline script or style', async () => {
    for (const url of ['/', '/plans', '/plans/hue-kinh-te-so-2026-2030', '/compare?indicator=signature', '/?lang=en']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(res.body).not.toMatch(/\sstyle=|<style|\son[a-z]+=/i);
    }
  });

  it('lets the portals in WEB_FRAME_ANCESTORS embed the pages, and refuses a malformed origin', async () => {
    const portal = 'https://dichvucong.example.gov.vn';
    const config = loadConfig({ LOG_LEVEL: 'silent', WEB_FRAME_ANCESTORS: `${portal} https://hue-s.example.vn:8443` });
    expect(config.web.frameAncestors).toEqual(["'self'", portal, 'https://hue-s.example.vn:8443']);
    const embedding = await buildServer({ config, getAnswerer: () => engine });
    const csp = String((await embedding.app.inject({ method: 'GET', url: '/?embed=1' })).headers['content-security-policy']);
    expect(csp).toContain(`frame-ancestors 'self' ${portal} https://hue-s.example.vn:8443`);
    await embedding.stop();
    expect(String((await get('/')).headers['content-security-policy'])).toMatch(/frame-ancestors 'self'$/);
    expect(() => loadConfig({ WEB_FRAME_ANCESTORS: "portal.gov.vn 'unsafe-inline'" })).toThrow(/WEB_FRAME_ANCESTORS must list origins/);
  });

  it('escapes the plan text', () => {
    const plan = corpus().plans[0]!;
    const evil = '<img src=x onerror="alert(1)">&';
    const page = planPage(corpus(), { ...plan, title: evil, tasks: plan.tasks.map((t) => ({ ...t, title: evil })) }, 'vi', evil).value;
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;');
  });

  it('filters tasks by a unit typed with or without diacritics (?q=, same as the page script)', async () => {
    const plan = corpus().plans.find((p) => p.id === 'hue-kinh-te-so-2026-2030')!;
    const health = plan.tasks.filter((t) => t.leadIds.includes('so-yt') || t.supportIds.includes('so-yt'));
    expect(health.length).toBeGreaterThan(0);
    for (const q of ['so y te', 'Sở Y tế', 'SO Y TE']) {
      const body = (await get(`/plans/${plan.id}?q=${encodeURIComponent(q)}`)).body;
      const shown = [...body.matchAll(/<tr id="(nhiem-vu-[^"]+)" data-key="[^"]*">/g)].map((m) => m[1]);
      expect(shown.length, q).toBeLessThan(plan.tasks.length);
      for (const t of health) expect(shown, q).toContain(recordAnchor(plan.id, t.id));
      expect(body).toContain(`Hiện ${shown.length} trên ${plan.tasks.length} nhiệm vụ`);
    }
    // "khcn" finds "Sở KH&CN"; a word in no row hides every row.
    const khcn = (await get(`/plans/${plan.id}?q=khcn`)).body;
    expect(khcn.match(/<tr id="nhiem-vu-[^"]+" data-key="[^"]*">/g)?.length ?? 0).toBeGreaterThan(0);
    const none = (await get(`/plans/${plan.id}?q=zzzz`)).body;
    expect(none.match(/<tr id="nhiem-vu-[^"]+" data-key="[^"]*">/g)).toBeNull();
  });

  it('lists the plans, 404s an unknown plan, and says "loading" before the corpus is in', async () => {
    const list = (await get('/plans')).body;
    for (const p of corpus().plans) expect(list).toContain(`href="/plans/${p.id}"`);
    expect((await get('/plans/nope')).statusCode).toBe(404);
    const cold = await buildServer({ config: loadConfig({ LOG_LEVEL: 'silent' }), getAnswerer: () => undefined });
    expect((await cold.app.inject({ method: 'GET', url: '/plans' })).statusCode).toBe(503);
    expect((await cold.app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
    await cold.stop();
  });
});

describe('answers link to the cited place', () => {
  it('every anchor in a source is an id on that plan page', async () => {
    const questions = [
      'Ai chủ trì nhiệm vụ 21 kế hoạch Huế 2026-2030?',
      'So sánh mục tiêu chữ ký số năm 2030 giữa các tỉnh',
      'Mục tiêu điện thoại thông minh năm 2030 ở Bình Thuận?',
      'Kế hoạch Huế nói gì về Hue-S?',
      'Ai theo dõi chỉ tiêu hồ sơ sức khỏe điện tử ở Bình Thuận?',
    ];
    let anchors = 0;
    for (const [i, q] of questions.entries()) {
      const reply = engine.ask(`anchors:${i}`, q);
      expect(reply.found, q).toBe(true);
      for (const s of reply.sources.filter((x) => x.anchor)) {
        anchors += 1;
        expect(ids((await get(`/plans/${s.plan}`)).body), `${q}: ${s.ref}`).toContain(s.anchor);
      }
    }
    expect(anchors).toBeGreaterThanOrEqual(questions.length);
  });

  it('/api/ask carries the anchors and the chart', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/ask', payload: { text: 'So sánh mục tiêu chữ ký số năm 2030 giữa các tỉnh' } });
    const json = res.json();
    expect(json.sources.every((s: { anchor?: string }) => s.anchor?.startsWith('chi-tieu-'))).toBe(true);
    expect(json.chart.bars.map((b: { plan: string }) => b.plan).sort()).toEqual(json.sources.map((s: { plan: string }) => s.plan).sort());
  });
});

describe('comparison chart', () => {
  it('draws one bar per row of the answer, as SVG and as a PNG that decodes', async () => {
    const reply = engine.ask('chart', 'So sánh mục tiêu chữ ký số giữa các tỉnh');
    const chart = reply.chart!;
    const rows = reply.reply.split('\n').filter((l) => l.startsWith('- '));
    expect(chart.bars.length).toBe(rows.length);
    expect(new Set(chart.bars.map((b) => `${b.plan}/${b.year}`)).size).toBe(rows.length);
    const svg = chartSvg(chart, 'vi');
    expect(svg.match(/<rect class="bar"/g)?.length).toBe(rows.length);
    for (const b of chart.bars) expect(svg).toContain(b.label);
    const png = await chartPng(chart, 'vi');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // A vertical line just inside the bars' start crosses each bar once.
    const decoded = pngBars(png, BAR_COLOR, PNG_SCALE * BAR_X + 3);
    expect(decoded.width).toBe(PNG_SCALE * CHART_WIDTH);
    expect(decoded.bars).toBe(rows.length);
  });

  it('GET /compare and /compare.svg for every lexicon indicator, in both languages', async () => {
    for (const c of INDICATORS) {
      for (const lang of ['vi', 'en'] as const) {
        const reply = compareReply(engine, c, null, lang)!;
        expect(reply.intent, `${c.id} ${lang}`).toBe('target.compare');
        expect(reply.chart?.title ?? reply.reply, `${c.id} ${lang}`).toContain(lang === 'en' ? c.en : c.vi);
        const res = await get(`/compare?indicator=${c.id}${lang === 'en' ? '&lang=en' : ''}`);
        expect(res.statusCode).toBe(200);
        const bars = res.body.match(/<rect class="bar"/g)?.length ?? 0;
        expect(bars, `${c.id} ${lang}`).toBe(reply.chart?.bars.length ?? 0);
        if (bars) {
          const svg = await get(`/compare.svg?indicator=${c.id}${lang === 'en' ? '&lang=en' : ''}`);
          expect(svg.headers['content-type']).toContain('image/svg+xml');
          expect(svg.body.match(/<rect class="bar"/g)?.length).toBe(bars);
        }
      }
    }
    const year = (await get('/compare?indicator=signature&year=2030')).body;
    expect(year.match(/<rect class="bar"/g)?.length).toBe(3);
    expect((await get('/compare?indicator=nope')).statusCode).toBe(400);
  });
});

describe('chat page', () => {
  it('has the labelled box, the button, the log and example questions the engine answers', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const body = (await get(lang === 'en' ? '/?lang=en' : '/')).body;
      expect(body).toContain(lang === 'en' ? '<label for="q">Question</label>' : '<label for="q">Câu hỏi</label>');
      expect(body).toContain(lang === 'en' ? '>Ask</button>' : '>Hỏi</button>');
      expect(body).toContain('role="log"');
      const examples = [...body.matchAll(/data-question="([^"]+)"/g)].map((m) => unescape(m[1]!));
      expect(examples.length).toBeGreaterThanOrEqual(4);
      for (const [i, q] of examples.entries()) expect(engine.ask(`example:${lang}:${i}`, q).found, q).toBe(true);
      // Built from the loaded plans: a plan's name is in them.
      expect(examples.some((q) => corpus().plans.some((p) => fold(q).includes(fold(p.shortName))))).toBe(true);
    }
  });

  it('serves the compiled page scripts and nothing else from dist', async () => {
    const chat = await get('/static/channels/web/client/chat.js');
    expect(chat.statusCode).toBe(200);
    expect(chat.headers['content-type']).toContain('text/javascript');
    expect((await get('/static/text/fold.js')).statusCode).toBe(200);
    for (const bad of ['/static/config.js', '/static/../package.json', '/static/channels/web/plugin.js', '/static/channels/web/client/chat.js.map']) {
      expect((await get(bad)).statusCode, bad).toBe(404);
    }
  });
});
