import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileServe } from './compileServe.js';
import { spawnServe, type ServeChild } from './serveChild.js';
import { fakeTelegram, sleep, waitFor } from './fakeApi.js';
import { post, TG_SECRET, TG_TOKEN } from './harness.js';

/**
 * Signals need a real process: compile the channels (only our files, so the other modules'
 * work in progress cannot break this) and run runServe in a child.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = join(root, '.cache', 'channels-test');
const fixture = join(root, 'test/channels/fixtures/serve-child.mjs');
const corpusFixture = join(root, 'test/channels/fixtures/serve-corpus-child.mjs');

type Child = ServeChild;

function startChild(env: Record<string, string>, script = fixture): Child {
  return spawnServe(outDir, script, { PLANBOT_DATA: join(scratch, 'data'), ...env }, 10_000);
}

const children: Child[] = [];
const tg = fakeTelegram();
let tgRoot = '';
let scratch = '';

beforeAll(async () => {
  compileServe(root, outDir);
  tgRoot = await tg.listen();
  scratch = mkdtempSync(join(tmpdir(), 'planbot-serve-'));
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGKILL');
  await tg.close();
});

describe('runServe in a child process', () => {
  it('SIGTERM: stops accepting, finishes the replies in flight, exits 0', async () => {
    const file = join(scratch, 'term.txt');
    writeFileSync(file, 'v1');
    // Telegram takes 1.5 s to accept each message: the replies are in flight when SIGTERM lands.
    tg.on((call) =>
      call.method === 'sendMessage'
        ? { body: { ok: true, result: { message_id: 1, date: 0, chat: { id: call.body.chat_id, type: 'private' } } }, delayMs: 1_500 }
        : undefined,
    );
    const child = startChild({
      ANSWERER_FILE: file,
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
      TELEGRAM_API_ROOT: tgRoot,
    });
    children.push(child);
    const url = await child.url;

    for (const chat of [1, 2, 3]) {
      const update = { update_id: chat, message: { message_id: chat, date: 0, chat: { id: chat, type: 'private' }, text: `q${chat}` } };
      expect((await post(`${url}/telegram/webhook`, update, { 'x-telegram-bot-api-secret-token': TG_SECRET })).status).toBe(200);
    }
    await waitFor('three replies in flight', () => tg.callsTo('sendMessage').length === 3);
    const signalledAt = Date.now();
    child.process.kill('SIGTERM');

    // New requests are refused while the replies finish.
    let refused = false;
    for (let i = 0; i < 50 && !refused; i += 1) {
      try {
        refused = (await fetch(`${url}/healthz`)).status === 503;
      } catch {
        refused = true;
      }
      if (!refused) await sleep(20);
    }
    expect(refused).toBe(true);
    expect(tg.answeredTimes('sendMessage').filter(Boolean)).toHaveLength(0);

    const { code, at } = await Promise.race([child.exit, sleep(8_000).then(() => ({ code: -1, at: 0 }))]);
    expect(code).toBe(0);
    const answered = tg.answeredTimes('sendMessage');
    expect(answered.filter(Boolean)).toHaveLength(3);
    expect(Math.max(...(answered as number[]))).toBeLessThanOrEqual(at);
    expect(at - signalledAt).toBeGreaterThanOrEqual(1_000);
    const msgs = child.lines().map((l) => l.msg);
    expect(msgs).toContain('stopped');
    expect(msgs).not.toContain('update failed');
    expect(
      child
        .lines()
        .map((l) => l.text)
        .filter(Boolean),
    ).toEqual([]);
  }, 20_000);

  it('SIGHUP reloads the corpus, keeping the old one when the new one fails; SIGINT exits 0', async () => {
    const file = join(scratch, 'hup.txt');
    writeFileSync(file, 'v1');
    const child = startChild({ ANSWERER_FILE: file });
    children.push(child);
    const url = await child.url;
    const ask = async () => (await post(`${url}/api/ask`, { text: 'hi' })).json.reply as string;
    expect(await ask()).toBe('v1: hi');

    writeFileSync(file, 'v2');
    child.process.kill('SIGHUP');
    await waitFor('reload', () => child.lines().some((l) => l.msg === 'corpus reloaded'));
    expect(await ask()).toBe('v2: hi');

    writeFileSync(file, 'bad corpus');
    child.process.kill('SIGHUP');
    const failure = await waitFor('failed reload', () => child.lines().find((l) => l.msg?.startsWith('corpus reload failed')));
    expect(failure.err.message).toContain('corpus broken');
    expect(await ask()).toBe('v2: hi');
    expect(child.process.exitCode).toBeNull();

    child.process.kill('SIGINT');
    const { code } = await Promise.race([child.exit, sleep(8_000).then(() => ({ code: -1 }))]);
    expect(code).toBe(0);
  }, 20_000);

  const tgUpdate = (chat: number, updateId = chat) => ({
    update_id: updateId,
    message: { message_id: updateId, date: 0, chat: { id: chat, type: 'private' }, text: `q${chat}` },
  });
  const tgHook = (url: string, body: unknown) => post(`${url}/telegram/webhook`, body, { 'x-telegram-bot-api-secret-token': TG_SECRET });
  const repliesTo = (chat: number) => tg.callsTo('sendMessage').filter((c) => c.body.chat_id === chat);

  it('SIGTERM under a slow API: acknowledged updates are answered, or kept in the outbox and answered at the next start', async () => {
    const file = join(scratch, 'slow.txt');
    writeFileSync(file, 'v1');
    const data = join(scratch, 'data-slow');
    tg.reset();
    // Every Telegram call takes 2 s.
    tg.on((call) => ({
      body:
        call.method === 'sendMessage'
          ? { ok: true, result: { message_id: 1, date: 0, chat: { id: call.body.chat_id, type: 'private' } } }
          : call.method === 'getMe'
            ? { ok: true, result: { id: 42, is_bot: true, first_name: 'Plan', username: 'planbot_test' } }
            : { ok: true, result: true },
      delayMs: 2_000,
    }));
    const env = {
      ANSWERER_FILE: file,
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
      TELEGRAM_API_ROOT: tgRoot,
      PLANBOT_DATA: data,
      PLANBOT_DRAIN_TIMEOUT_MS: '3000',
    };
    const child = startChild(env);
    children.push(child);
    const url = await child.url;
    const chats = Array.from({ length: 50 }, (_, i) => 5_000 + i);
    for (const chat of chats) expect((await tgHook(url, tgUpdate(chat))).status).toBe(200);
    child.process.kill('SIGTERM');
    const { code } = await Promise.race([child.exit, sleep(15_000).then(() => ({ code: -1 }))]);
    expect(code).toBe(0);
    const answeredBefore = new Set(chats.filter((chat) => repliesTo(chat).length > 0));
    expect(answeredBefore.size).toBeLessThan(50);
    expect(child.lines().some((l) => /stay in the outbox/.test(l.msg))).toBe(true);

    // The next start, with a fast API, answers every update the first one did not.
    tg.reset();
    const next = startChild(env);
    children.push(next);
    await next.url;
    const unanswered = chats.filter((chat) => !answeredBefore.has(chat));
    await waitFor('every chat answered', () => unanswered.every((chat) => repliesTo(chat).length > 0), 10_000);
    expect(next.lines().find((l) => /admitted again/.test(l.msg))?.deliveries).toBeGreaterThanOrEqual(unanswered.length);
    next.process.kill('SIGTERM');
    expect((await Promise.race([next.exit, sleep(8_000).then(() => ({ code: -1 }))])).code).toBe(0);
  }, 45_000);

  it('SIGKILL between the acknowledgement and the send: the next start sends the reply, once; a repeated delivery is not answered again', async () => {
    const file = join(scratch, 'kill.txt');
    writeFileSync(file, 'v1');
    const data = join(scratch, 'data-kill');
    tg.reset();
    // The API never answers sendMessage in time: the reply cannot be sent before the kill.
    tg.on((call) => (call.method === 'sendMessage' ? { body: { ok: true, result: true }, delayMs: 60_000 } : undefined));
    const env = { ANSWERER_FILE: file, TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_WEBHOOK_SECRET: TG_SECRET, TELEGRAM_API_ROOT: tgRoot, PLANBOT_DATA: data };
    const child = startChild(env);
    children.push(child);
    const url = await child.url;
    expect((await tgHook(url, tgUpdate(6_001, 77_001))).status).toBe(200);
    await waitFor('the send under way', () => repliesTo(6_001).length === 1);
    child.process.kill('SIGKILL');
    await child.exit;

    tg.reset();
    const next = startChild(env);
    children.push(next);
    const nextUrl = await next.url;
    await waitFor('the reply sent after the restart', () => repliesTo(6_001).length === 1, 10_000);
    expect(repliesTo(6_001)[0]!.body.text).toBe('v1: q6001');
    // Telegram delivering the same update again (same update_id) after the restart: acknowledged, not answered.
    expect((await tgHook(nextUrl, tgUpdate(6_001, 77_001))).status).toBe(200);
    await sleep(1_500);
    expect(repliesTo(6_001)).toHaveLength(1);

    // A third start finds nothing left to send.
    next.process.kill('SIGTERM');
    await next.exit;
    tg.reset();
    const third = startChild(env);
    children.push(third);
    await third.url;
    await sleep(1_000);
    expect(repliesTo(6_001)).toHaveLength(0);
    third.process.kill('SIGTERM');
    expect((await Promise.race([third.exit, sleep(8_000).then(() => ({ code: -1 }))])).code).toBe(0);
  }, 45_000);

  it('SIGHUP keeps the plans when the folder is emptied or a plan file breaks; names skipped, broken and oversized files', async () => {
    const corpus = join(scratch, 'corpus-hup');
    cpSync(join(root, 'corpus'), corpus, { recursive: true });
    const names = readdirSync(corpus).sort();
    const child = startChild({ PLANBOT_CORPUS: corpus, PLANBOT_CORPUS_MAX_FILE_MB: '1' }, corpusFixture);
    children.push(child);
    const url = await child.url;
    const plans = async () => ((await (await fetch(`${url}/api/plans`)).json()) as Array<{ id: string }>).map((p) => p.id).sort();
    const all = await plans();
    expect(all).toHaveLength(names.length);
    const reloads = () => child.lines().filter((l) => l.msg === 'corpus reloaded' || l.msg?.startsWith('corpus reload failed'));
    const hup = async () => {
      const before = reloads().length;
      child.process.kill('SIGHUP');
      return waitFor('reload outcome', () => reloads().length > before && reloads().at(-1), 10_000);
    };

    // A broken meta file, an oversized text and a stray file: named; the plans all stay.
    writeFileSync(join(corpus, `${names[0]}.meta.json`), '{"shortName": ');
    writeFileSync(join(corpus, 'big.txt'), 'x'.repeat(2 * 1024 * 1024));
    writeFileSync(join(corpus, 'notes.pdf'), '%PDF');
    expect((await hup()).msg).toBe('corpus reloaded');
    const skipped = child.lines().filter((l) => l.msg === 'corpus file skipped');
    expect(skipped.find((l) => l.file === `${names[0]}.meta.json`)?.reason).toMatch(/meta/);
    expect(skipped.find((l) => l.file === 'big.txt')?.reason).toMatch(/quá lớn/);
    expect(child.lines().some((l) => /ignored/.test(l.msg) && l.file === 'notes.pdf')).toBe(true);
    expect(await plans()).toEqual(all);

    // A plan file that no longer parses: refused, named, old plans kept.
    const broken = names[1]!;
    const original = readFileSync(join(corpus, broken), 'utf8');
    writeFileSync(join(corpus, broken), 'không còn là kế hoạch');
    const refused = await hup();
    expect(refused.msg).toMatch(/corpus reload failed/);
    expect(refused.err.message).toContain(broken);
    expect(await plans()).toEqual(all);
    writeFileSync(join(corpus, broken), original);

    // An emptied folder: refused, old plans kept, questions still answered from them.
    const aside = join(scratch, 'corpus-aside');
    mkdirSync(aside);
    for (const name of readdirSync(corpus)) renameSync(join(corpus, name), join(aside, name));
    const empty = await hup();
    expect(empty.msg).toMatch(/corpus reload failed/);
    expect(empty.err.message).toMatch(/no plan/);
    expect(await plans()).toEqual(all);
    const answer = await post(`${url}/api/ask`, { text: 'Ai chủ trì nhiệm vụ 21 kế hoạch Huế 2026-2030?' });
    expect(answer.json.found).toBe(true);

    // A plan whose file is really gone may go.
    for (const name of readdirSync(aside)) if (name !== names[2]) renameSync(join(aside, name), join(corpus, name));
    expect((await hup()).msg).toBe('corpus reloaded');
    expect(await plans()).toEqual(all.filter((id) => `${id}.txt` !== names[2]));

    child.process.kill('SIGTERM');
    expect((await Promise.race([child.exit, sleep(8_000).then(() => ({ code: -1 }))])).code).toBe(0);
  }, 60_000);

  it("a chat's context survives a restart: the follow-up is answered in the plan chosen before it", async () => {
    const data = join(scratch, 'data-context');
    const env = { PLANBOT_CORPUS: join(root, 'corpus'), PLANBOT_DATA: data };
    const first = startChild(env, corpusFixture);
    children.push(first);
    let url = await first.url;
    const ask = (text: string, chat?: string) => post(`${url}/api/ask`, { text, ...(chat ? { chat } : {}) }).then((r) => r.json);
    expect((await ask('Ai chủ trì nhiệm vụ 21 kế hoạch Huế 2026-2030?', 'desk-1')).found).toBe(true);
    first.process.kill('SIGTERM');
    expect((await Promise.race([first.exit, sleep(8_000).then(() => ({ code: -1 }))])).code).toBe(0);

    const second = startChild(env, corpusFixture);
    children.push(second);
    url = await second.url;
    const followUp = await ask('còn nhiệm vụ 3?', 'desk-1');
    const withoutContext = await ask('còn nhiệm vụ 3?');
    expect(followUp.reply).not.toBe(withoutContext.reply);
    expect(followUp.found).toBe(true);
    expect(followUp.sources.every((s: { plan: string }) => s.plan === 'hue-kinh-te-so-2026-2030')).toBe(true);
    second.process.kill('SIGTERM');
    expect((await Promise.race([second.exit, sleep(8_000).then(() => ({ code: -1 }))])).code).toBe(0);
  }, 30_000);

  it('refuses to start on bad configuration, naming every bad variable', async () => {
    const child = startChild({ ANSWERER_FILE: join(scratch, 'none'), PORT: 'http', TELEGRAM_MODE: 'push' });
    children.push(child);
    const { code } = await Promise.race([child.exit, sleep(8_000).then(() => ({ code: -1 }))]);
    expect(code).toBe(2);
    expect(child.output()).toMatch(/Invalid configuration:\n {2}- PORT .*\n {2}- TELEGRAM_MODE/);
  }, 20_000);
});
