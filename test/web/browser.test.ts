/**
 * The web pages in a real browser: Debian's Chromium driven by playwright-core (`.ci/run`
 * installs it). Without /usr/bin/chromium the suite is skipped, except under CI where that fails.
 * Screenshots go to test-output/web/ (ignored by git).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/engine.js';
import { loadConfig } from '../../src/config.js';
import { buildServer, type PlanbotServer } from '../../src/channels/server.js';
import { corpus } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = join(ROOT, 'test-output', 'web');
const HUE = 'hue-kinh-te-so-2026-2030';
const haveChromium = existsSync(CHROMIUM);

if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`);

/** The page scripts are served from dist/: rebuild when a source is newer than its compiled file. */
function ensureBuilt(): void {
  const sources = [join(ROOT, 'src/channels/web/client'), join(ROOT, 'src/channels/web/shared')].flatMap((dir) =>
    readdirSync(dir).map((f) => [join(dir, f), join(ROOT, 'dist', dir.slice(ROOT.length), f.replace(/\.ts$/, '.js'))]),
  );
  sources.push([join(ROOT, 'src/text/fold.ts'), join(ROOT, 'dist/src/text/fold.js')]);
  const stale = sources.some(([src, out]) => !existsSync(out!) || statSync(out!).mtimeMs < statSync(src!).mtimeMs);
  if (stale) execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.json')], { stdio: 'inherit' });
}

const VIEWPORTS = [
  { name: 'phone', width: 375, height: 740 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

let server: PlanbotServer;
let base: string;
let browser: Browser;

describe.skipIf(!haveChromium)('web pages in Chromium', () => {
  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(SHOTS, { recursive: true });
    const engine = createAnswerer(corpus());
    server = await buildServer({ config: loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }), getAnswerer: () => engine });
    base = await server.start();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-background-networking'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A fresh page that records CSP violations, script errors and failed requests. */
  async function open(width: number, height: number): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    return { page, problems };
  }

  async function ask(page: Page, text: string): Promise<ReturnType<Page['locator']>> {
    const before = await page.locator('.msg.bot').count();
    await page.getByLabel(/^(Câu hỏi|Question)$/).fill(text);
    await page.getByLabel(/^(Câu hỏi|Question)$/).press('Enter');
    await page.locator('.msg.bot').nth(before).waitFor();
    return page.locator('.msg.bot').nth(before);
  }

  /**
   * Text whose contrast with what is behind it is below WCAG AA (4.5:1, or 3:1 for large text),
   * for every visible element holding text; backgrounds are read up the ancestors.
   */
  const lowContrast = (page: Page) =>
    page.evaluate(() => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = (c: number[]) => {
        const [r, g, b] = c.slice(0, 3).map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const background = (el: Element | null): number[] => {
        for (; el; el = el.parentElement) {
          const c = rgb(getComputedStyle(el).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3]! > 0.5)) return c;
        }
        return [255, 255, 255];
      };
      const bad: string[] = [];
      for (const el of document.querySelectorAll('body *')) {
        if (el.closest('svg')) continue;
        const text = [...el.childNodes]
          .filter((n) => n.nodeType === 3)
          .map((n) => n.textContent!.trim())
          .join('');
        const style = getComputedStyle(el);
        if (!text || style.visibility === 'hidden' || !(el as HTMLElement).offsetParent) continue;
        const [a, b] = [lum(rgb(style.color)), lum(background(el))];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5)) bad.push(`${el.tagName} "${text.slice(0, 30)}" ${ratio.toFixed(2)}`);
      }
      return bad;
    });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });

  for (const vp of VIEWPORTS) {
    describe(`${vp.name} (${vp.width} px)`, () => {
      it('asks a task question with the keyboard, sees the lead and a source link, follows it to the highlighted task row', async () => {
        const { page, problems } = await open(vp.width, vp.height);
        await page.goto(`${base}/`);
        // Keyboard only: the skip link comes first, then Tab reaches the question box.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
        for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.id)) !== 'q'; i += 1) await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
        await page.keyboard.type('Ai chủ trì nhiệm vụ 21 kế hoạch Huế 2026-2030?');
        await page.keyboard.press('Enter');
        const answer = page.locator('.msg.bot').first();
        await answer.waitFor();
        await expect.poll(() => answer.locator('.text').textContent()).toContain('Chủ trì: Sở KH&CN');
        const link = answer.locator('.sources a').first();
        expect(await link.getAttribute('href')).toBe(`/plans/${HUE}#nhiem-vu-21`);
        expect(await page.locator('[role=log]').count()).toBe(1);
        await shot(page, `${vp.name}-chat-task`);
        expect(await lowContrast(page)).toEqual([]);

        await link.click();
        await page.waitForURL(`**/plans/${HUE}#nhiem-vu-21`);
        const target = page.locator(':target');
        expect(await target.getAttribute('id')).toBe('nhiem-vu-21');
        expect(await target.evaluate((el) => el.tagName)).toBe('TR');
        // Highlighted (the :target rule) and scrolled into view.
        expect(
          await target
            .locator('td')
            .first()
            .evaluate((el) => getComputedStyle(el).backgroundColor),
        ).toBe('rgb(254, 240, 138)');
        const box = (await target.boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeLessThan(vp.height);
        await shot(page, `${vp.name}-plan-task-highlight`);
        expect(await lowContrast(page)).toEqual([]);
        expect(problems).toEqual([]);
        await page.context().close();
      });

      it('answers a clarification by clicking a choice', async () => {
        const { page, problems } = await open(vp.width, vp.height);
        await page.goto(`${base}/`);
        const question = await ask(page, 'Mục tiêu chữ ký số?');
        const choices = question.locator('.choices button');
        expect(await choices.count()).toBe(corpus().plans.length);
        // The first choice has the focus, for keyboard users.
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await choices.first().textContent());
        await shot(page, `${vp.name}-chat-clarify`);
        expect(await lowContrast(page)).toEqual([]);
        const pick = page.getByRole('button', { name: 'Đắk Lắk 2025–2030' });
        await pick.click();
        const answer = page.locator('.msg.bot').nth(1);
        await answer.waitFor();
        expect(await answer.locator('.text').textContent()).toContain('chữ ký số');
        expect(await answer.locator('.sources a').first().getAttribute('href')).toMatch(/^\/plans\/dak-lak-kinh-te-so-2025-2030#chi-tieu-\d+$/);
        expect(await pick.isDisabled()).toBe(true);
        expect(problems).toEqual([]);
        await page.context().close();
      });

      it("filters a plan's tasks by a unit typed without diacritics", async () => {
        const { page, problems } = await open(vp.width, vp.height);
        await page.goto(`${base}/plans/${HUE}`);
        const rows = page.locator('#tasks tbody tr');
        const all = await rows.count();
        expect(all).toBe(corpus().plans.find((p) => p.id === HUE)!.tasks.length);
        await page.getByLabel(/Lọc nhiệm vụ/).fill('so y te');
        const visible = page.locator('#tasks tbody tr:not([hidden])');
        await expect.poll(() => visible.count()).toBeLessThan(all);
        const n = await visible.count();
        expect(n).toBeGreaterThan(0);
        for (const text of await visible.allTextContents()) expect(text).toContain('Sở Y tế');
        expect(await page.locator('#filter-status').textContent()).toBe(`Hiện ${n} trên ${all} nhiệm vụ`);
        await page.locator('#nhiem-vu').scrollIntoViewIfNeeded();
        await shot(page, `${vp.name}-plan-filter`);
        expect(problems).toEqual([]);
        await page.context().close();
      });

      it('shows one bar per plan in a comparison, in the chat and on /compare', async () => {
        const { page, problems } = await open(vp.width, vp.height);
        await page.goto(`${base}/`);
        const answer = await ask(page, 'So sánh mục tiêu chữ ký số năm 2030 giữa các tỉnh');
        const bars = answer.locator('svg.chart rect.bar');
        expect(await bars.count()).toBe(3);
        const plans = await answer.locator('svg.chart g.bar-row').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-plan')));
        expect(new Set(plans).size).toBe(3);
        await answer.locator('svg.chart').scrollIntoViewIfNeeded();
        await shot(page, `${vp.name}-chat-compare`);

        await page.goto(`${base}/compare`);
        await page.getByLabel('Chỉ tiêu').selectOption('signature');
        await page.getByLabel(/^Năm/).fill('2030');
        await page.getByRole('button', { name: 'Xem' }).click();
        await page.waitForURL(/indicator=signature/);
        expect(await page.locator('svg.chart rect.bar').count()).toBe(3);
        expect(await page.locator('table tbody tr').count()).toBe(3);
        await shot(page, `${vp.name}-compare`);
        expect(await lowContrast(page)).toEqual([]);
        expect(problems).toEqual([]);
        await page.context().close();
      });

      it('switches to English', async () => {
        const { page, problems } = await open(vp.width, vp.height);
        await page.goto(`${base}/`);
        await page.getByRole('link', { name: 'Switch to English' }).click();
        await page.waitForURL(/lang=en/);
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        expect(await page.getByRole('button', { name: 'Ask', exact: true }).count()).toBe(1);
        const answer = await ask(page, 'Who leads task 21 in Hue 2026-2030?');
        expect(await answer.locator('.text').textContent()).toContain('Lead: Sở KH&CN');
        expect(await answer.locator('.sources a').first().getAttribute('href')).toBe(`/plans/${HUE}?lang=en#nhiem-vu-21`);
        await shot(page, `${vp.name}-chat-english`);
        await answer.locator('.sources a').first().click();
        await page.waitForURL(/lang=en#nhiem-vu-21/);
        expect(await page.getByRole('heading', { name: 'Tasks', exact: true }).count()).toBe(1);
        expect(problems).toEqual([]);
        await page.context().close();
      });
    });
  }

  it('keeps the chat id in localStorage, so a follow-up uses the conversation', async () => {
    const { page, problems } = await open(1280, 900);
    await page.goto(`${base}/`);
    await ask(page, 'Ai chủ trì nhiệm vụ 21 kế hoạch Huế 2026-2030?');
    const id = await page.evaluate(() => localStorage.getItem('planbot.chat'));
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    await page.reload();
    expect(await page.evaluate(() => localStorage.getItem('planbot.chat'))).toBe(id);
    const followUp = await ask(page, 'thời gian thực hiện?');
    expect(await followUp.locator('.text').textContent()).toContain('2026 - 2030');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
