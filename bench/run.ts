/**
 * `npm run bench [-- --json]`: cold and cached start-up, answer latency, HTTP throughput,
 * for the corpus in use and for 100× of it; exit 1 when a budget is missed.
 *
 * Every measurement of start-up and answers runs in a fresh child process (so start-up is
 * truly cold and RSS belongs to one corpus); the HTTP server runs in a child too, with
 * autocannon in this process, so client and server each have a core.
 */
import { fork } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureAnswers, measureStoreTurns, type AnswerStats, type MeasureOptions, type Percentiles } from './answers.js';
import { measureHttp, type HttpStats } from './http.js';
import { allText, MIX } from './questions.js';
import { hasRedisServer, startRedisServer } from './redisServer.js';
import { writeSyntheticCorpus } from './synthetic.js';

const FACTOR = 100;

const BUDGET = {
  p99Ms: 1,
  coldStartMs: 300,
  httpRatio: 0.5,
  scaleP99Factor: 3,
  scaleRssMB: 300,
};

interface StartTimes {
  readMs: number;
  parseMs: number;
  indexMs: number;
  engineMs: number;
  totalMs: number;
  plans: number;
  /** First start that parses and writes the cache (cold child only). */
  cacheWriteMs?: number;
}

interface ChildResult {
  mode: 'cold' | 'warm';
  start: StartTimes;
  cache: string;
  rssAfterStartMB: number;
  answers: AnswerStats;
  /** appFingerprint() when the child started. */
  code: string;
  /** After the answers and a full GC: what the process really keeps. */
  liveHeapMB: number;
  rssAfterGcMB: number;
}

interface ScaleResult {
  label: string;
  plans: number;
  cold: ChildResult;
  warm: ChildResult;
  http: HttpStats;
  /** Code fingerprints the child processes saw. */
  codes: string[];
}

/** Hash of the compiled app code a process runs: a rebuild during the run would make its numbers and replies incomparable. */
function appFingerprint(): string {
  const root = fileURLToPath(new URL('../src', import.meta.url));
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.(js|ts)$/.test(e.name)) hash.update(path.slice(root.length)).update(readFileSync(path));
    }
  };
  walk(root);
  return hash.digest('hex').slice(0, 16);
}

const MEASURE: MeasureOptions = { warmupMs: 1500, maxMs: 6000, maxRounds: 400, minRounds: 20 };

// ---------------------------------------------------------------- child side

async function childMain(mode: string): Promise<void> {
  const code = appFingerprint();
  const { corpusDir } = await import('../src/channels/cli/main.js');
  const { loadCorpusCached } = await import('../src/search/cache.js');
  const { readSources } = await import('../src/corpus/load.js');
  const { buildCorpus } = await import('../src/corpus/load.js');
  const { SearchIndex } = await import('../src/search/index.js');
  const { createAnswerer } = await import('../src/answer/engine.js');
  const dir = corpusDir();
  const cacheDir = process.env.PLANBOT_CACHE!;
  const send = (m: unknown) => new Promise<void>((res) => process.send!(m, () => res()));

  const { loadConfig } = await import('../src/config.js');
  // The store as `planbot serve` has it: SQLite in a folder of the run's, or Redis when BENCH_REDIS_URL is set.
  const storeEnv = { PLANBOT_DATA: process.env.BENCH_DATA!, ...(process.env.BENCH_REDIS_URL ? { REDIS_URL: process.env.BENCH_REDIS_URL } : {}) };
  if (mode === 'serve') {
    const { buildServer } = await import('../src/channels/server.js');
    const { corpus, index } = loadCorpusCached(dir, cacheDir);
    const serving: { engine?: ReturnType<typeof createAnswerer> } = {};
    const server = await buildServer({
      config: loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', PLANBOT_API_RATE_LIMIT: '0', ...storeEnv }),
      getAnswerer: () => serving.engine,
    });
    // Served as in production: the store's contexts; replies to repeated (question, context) pairs are remembered.
    serving.engine = createAnswerer(corpus, { index, store: server.stores.contexts });
    const address = await server.start();
    process.on('message', async (m) => {
      if (m === 'stop') {
        await server.stop();
        process.exit(0);
      }
    });
    await send({ address, code });
    return;
  }

  if (mode === 'store') {
    const { openStores } = await import('../src/store/index.js');
    const { corpus, index } = loadCorpusCached(dir, cacheDir);
    const stores = await openStores(loadConfig({ LOG_LEVEL: 'silent', ...storeEnv }), { dedupeTtlMs: 60_000, rateLimit: { max: 20, windowMs: 60_000 } });
    const engine = createAnswerer(corpus, { index, store: stores.contexts, rememberReplies: false });
    const turns = await measureStoreTurns(engine, (chat, ask) => stores.turns.run(chat, ask), MIX, { ...MEASURE, maxMs: 4000, minRounds: 5 });
    await stores.close();
    await send(turns);
    process.exit(0);
  }

  let start: StartTimes;
  let engine;
  let cache = 'off';
  if (mode === 'cold') {
    const t0 = performance.now();
    const { files, skipped } = readSources(dir);
    if (skipped.length) throw new Error(`cannot read ${skipped.map((x) => x.file).join(', ')}`);
    const t1 = performance.now();
    const corpus = buildCorpus(files);
    const t2 = performance.now();
    const index = SearchIndex.build(corpus);
    const t3 = performance.now();
    engine = createAnswerer(corpus, { index, rememberReplies: false });
    const t4 = performance.now();
    start = { readMs: t1 - t0, parseMs: t2 - t1, indexMs: t3 - t2, engineMs: t4 - t3, totalMs: t4 - t0, plans: corpus.plans.length };
  } else {
    const t0 = performance.now();
    const loaded = loadCorpusCached(dir, cacheDir);
    const t1 = performance.now();
    engine = createAnswerer(loaded.corpus, { index: loaded.index, rememberReplies: false });
    const t2 = performance.now();
    cache = loaded.cache;
    start = { readMs: 0, parseMs: t1 - t0, indexMs: 0, engineMs: t2 - t1, totalMs: t2 - t0, plans: loaded.corpus.plans.length };
  }
  // Answers are timed with the reply memo off: the budget is for the real work.
  const rssAfterStartMB = process.memoryUsage().rss / 2 ** 20;
  const answers = measureAnswers(engine, MIX, MEASURE);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const liveHeapMB = process.memoryUsage().heapUsed / 2 ** 20;
  const rssAfterGcMB = process.memoryUsage().rss / 2 ** 20;
  if (mode === 'cold') {
    // Prime the cache for the warm child (parse again, write); timed apart from the cold start.
    const t0 = performance.now();
    const primed = loadCorpusCached(dir, cacheDir);
    start.cacheWriteMs = performance.now() - t0;
    cache = primed.cache;
  }
  await send({ mode: mode === 'cold' ? 'cold' : 'warm', start, cache, rssAfterStartMB, answers, liveHeapMB, rssAfterGcMB, code } satisfies ChildResult);
  process.exit(0);
}

// ---------------------------------------------------------------- parent side

/** The bench's store: a fresh SQLite folder per child, or a Redis (BENCH_REDIS_URL). */
interface StoreEnv {
  BENCH_DATA: string;
  BENCH_REDIS_URL?: string;
}

function child(
  mode: 'cold' | 'warm' | 'serve' | 'store',
  corpus: string,
  cache: string,
  store?: StoreEnv,
): { proc: ReturnType<typeof fork>; first: Promise<unknown> } {
  const proc = fork(fileURLToPath(import.meta.url), ['--child', mode], {
    // gc() only for the live-heap figure taken after the answers were measured.
    execArgv: [...process.execArgv, '--expose-gc'],
    env: { ...process.env, PLANBOT_CORPUS: corpus, PLANBOT_CACHE: cache, BENCH_DATA: mkdtempSync(join(tmpdir(), 'planbot-bench-data-')), ...store },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const first = new Promise<unknown>((resolve, reject) => {
    proc.once('message', resolve);
    proc.once('exit', (code) => reject(new Error(`bench child "${mode}" exited with ${code} before reporting`)));
    proc.once('error', reject);
  });
  return { proc, first };
}

/** The HTTP figures of a server child (its store chosen by `store`). */
async function serveAndMeasure(dir: string, cache: string, httpDurationS: number, store?: StoreEnv): Promise<{ http: HttpStats; code: string }> {
  const server = child('serve', dir, cache, store);
  const { address, code } = (await server.first) as { address: string; code: string };
  let http: HttpStats;
  try {
    http = await measureHttp(address, 10, httpDurationS, 5);
  } finally {
    const exited = new Promise((res) => server.proc.once('exit', res));
    server.proc.send('stop');
    await Promise.race([exited, new Promise((res) => setTimeout(res, 5000))]);
    if (server.proc.exitCode === null) server.proc.kill();
  }
  return { http, code };
}

async function measureScale(label: string, dir: string, cache: string, httpDurationS: number, log: (s: string) => void): Promise<ScaleResult> {
  log(`${label}: cold start and answers …`);
  const cold = (await child('cold', dir, cache).first) as ChildResult;
  log(`${label}: cached start and answers …`);
  const warm = (await child('warm', dir, cache).first) as ChildResult;
  log(`${label}: HTTP …`);
  const { http, code } = await serveAndMeasure(dir, cache, httpDurationS);
  return { label, plans: cold.start.plans, cold, warm, http, codes: [cold.code, warm.code, code] };
}

/** Answers through the store's turns and HTTP, on the real corpus: one store. */
interface StoreResult {
  store: string;
  turns: Percentiles & { perSecond: number; rounds: number };
  http: HttpStats;
}

/**
 * The same measures with SQLite and with Redis (REDIS_URL, else a redis-server of the run's own
 * when one is installed): an answer as the server gives it (context loaded and written through
 * the store), and HTTP. Not budgeted: the budgets are for the default store.
 */
async function measureStores(dir: string, cache: string, log: (s: string) => void): Promise<{ results: StoreResult[]; note: string }> {
  let own: Awaited<ReturnType<typeof startRedisServer>> | null = null;
  const given = process.env.REDIS_URL;
  if (!given && hasRedisServer()) own = await startRedisServer();
  const redisUrl = given ?? own?.url;
  const stores: Array<[string, StoreEnv | undefined]> = [['SQLite', undefined]];
  if (redisUrl) stores.push([`Redis (${given ? 'REDIS_URL' : 'local redis-server'})`, { BENCH_DATA: '', BENCH_REDIS_URL: redisUrl }]);
  const results: StoreResult[] = [];
  try {
    for (const [name, env] of stores) {
      const store = env ? { ...env, BENCH_DATA: mkdtempSync(join(tmpdir(), 'planbot-bench-data-')) } : undefined;
      log(`store ${name}: answers through the store …`);
      const turns = (await child('store', dir, cache, store).first) as StoreResult['turns'];
      log(`store ${name}: HTTP …`);
      const { http } = await serveAndMeasure(dir, cache, 2, store);
      results.push({ store: name, turns, http });
    }
  } finally {
    await own?.stop();
  }
  return { results, note: redisUrl ? '' : 'Redis not measured: set REDIS_URL or install redis-server' };
}

function storeTable(stores: { results: StoreResult[]; note: string }): string {
  const ms = (n: number, d = 3) => n.toFixed(d);
  const rows = [
    ['real corpus, by store', ...stores.results.map((r) => r.store)],
    ['answer through the store p50 / p99 (ms)', ...stores.results.map((r) => `${ms(r.turns.p50)} / ${ms(r.turns.p99)}`)],
    ['answers/s through the store (one chat at a time)', ...stores.results.map((r) => ms(r.turns.perSecond, 0))],
    ['HTTP /healthz req/s', ...stores.results.map((r) => ms(r.http.healthz.rps, 0))],
    ['HTTP /api/ask req/s', ...stores.results.map((r) => ms(r.http.ask.rps, 0))],
    [
      '/api/ask ÷ /healthz, median (rounds)',
      ...stores.results.map((r) => `${ms(100 * r.http.ratio, 1)}% (${r.http.ratios.map((x) => ms(100 * x, 0)).join(', ')})`),
    ],
    ['/api/ask latency p50 / p99 (ms)', ...stores.results.map((r) => `${r.http.ask.p50} / ${r.http.ask.p99}`)],
    ['HTTP errors or non-2xx', ...stores.results.map((r) => String(r.http.failures))],
  ];
  return `${table(rows)}${
    stores.note
      ? `
${stores.note}`
      : ''
  }`;
}

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

function turnsOf(): { text: string; scaleFree: boolean }[] {
  return MIX.flatMap((c) => c.map((t) => ({ text: t.text, scaleFree: !t.corpusWide && t.sameAtScale !== false })));
}

function diffReplies(a: string[], b: string[], onlyScaleFree: boolean): string[] {
  const turns = turnsOf();
  const out: string[] = [];
  const short = (r: string | undefined) => JSON.stringify((r ?? '').slice(0, 160));
  turns.forEach((t, i) => {
    if (onlyScaleFree && !t.scaleFree) return;
    if (a[i] !== b[i]) out.push(`"${t.text}": ${short(a[i])} vs ${short(b[i])}`);
  });
  return out;
}

function checks(small: ScaleResult, big: ScaleResult): Check[] {
  const f = (n: number, d = 3) => n.toFixed(d);
  const scaleDiff = diffReplies(small.cold.answers.replies, big.cold.answers.replies, true);
  const cacheDiff = [
    ...diffReplies(small.cold.answers.replies, small.warm.answers.replies, false),
    ...diffReplies(big.cold.answers.replies, big.warm.answers.replies, false),
  ];
  const bigRss = Math.max(big.cold.answers.rssMB, big.warm.answers.rssMB);
  return [
    { name: 'p99 answer ≤ 1 ms (5 plans)', ok: small.cold.answers.mix.p99 <= BUDGET.p99Ms, detail: `${f(small.cold.answers.mix.p99)} ms` },
    { name: 'cold start ≤ 300 ms (5 plans)', ok: small.cold.start.totalMs <= BUDGET.coldStartMs, detail: `${f(small.cold.start.totalMs, 0)} ms` },
    { name: '/api/ask ≥ 50% of /healthz req/s (5 plans)', ok: small.http.ratio >= BUDGET.httpRatio, detail: `${f(100 * small.http.ratio, 1)}%` },
    {
      name: `p99 answer at ${FACTOR}× ≤ 3× the 5-plan p99`,
      ok: big.cold.answers.mix.p99 <= BUDGET.scaleP99Factor * small.cold.answers.mix.p99,
      detail: `${f(big.cold.answers.mix.p99)} ms vs ${f(BUDGET.scaleP99Factor * small.cold.answers.mix.p99)} ms (${f(big.cold.answers.mix.p99 / small.cold.answers.mix.p99, 2)}×)`,
    },
    {
      name: `cold start at ${FACTOR}× no worse than linear`,
      ok: big.cold.start.totalMs <= (small.cold.start.totalMs * big.plans) / small.plans,
      detail: `${f(big.cold.start.totalMs, 0)} ms vs ${f((small.cold.start.totalMs * big.plans) / small.plans, 0)} ms (${f(big.cold.start.totalMs / big.plans, 1)} vs ${f(small.cold.start.totalMs / small.plans, 1)} ms/plan)`,
    },
    { name: `RSS at ${FACTOR}× ≤ 300 MB`, ok: bigRss <= BUDGET.scaleRssMB, detail: `${f(bigRss, 0)} MB (max of cold and cached start)` },
    {
      name: `real-province answers unchanged at ${FACTOR}×`,
      ok: scaleDiff.length === 0,
      detail: scaleDiff.length ? `differ:\n      ${scaleDiff.join('\n      ')}` : `${turnsOf().filter((t) => t.scaleFree).length} replies identical`,
    },
    {
      name: 'cached start answers like a cold start',
      ok: cacheDiff.length === 0 && small.warm.cache === 'hit' && big.warm.cache === 'hit',
      detail: cacheDiff.length ? `differ:\n      ${cacheDiff.join('\n      ')}` : `cache ${small.warm.cache}/${big.warm.cache}, all replies identical`,
    },
    {
      name: 'the app code did not change during the run',
      ok: new Set([...small.codes, ...big.codes]).size === 1,
      detail:
        new Set([...small.codes, ...big.codes]).size === 1
          ? `code ${small.codes[0]}`
          : `a rebuild happened mid-run (${[...new Set([...small.codes, ...big.codes])].join(', ')}): run again`,
    },
    {
      name: 'HTTP runs without errors',
      ok: [small, big].every((s) => s.http.failures === 0),
      detail: [small, big].map((s) => `${s.label}: ${s.http.failures} errors or non-2xx`).join('; '),
    },
  ];
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r, k) => {
      const line = `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
      return k === 0 ? `${line}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|` : line;
    })
    .join('\n');
}

function report(
  machine: Record<string, string>,
  small: ScaleResult,
  big: ScaleResult,
  results: Check[],
  stores: { results: StoreResult[]; note: string },
): string {
  const ms = (n: number, d = 3) => n.toFixed(d);
  const scales = [small, big];
  const out: string[] = [];
  out.push(`Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.os}`);
  out.push('');
  out.push(
    table([
      ['', ...scales.map((s) => `${s.label}: ${s.plans} plans`)],
      [
        'cold start: read + parse + index + engine (ms)',
        ...scales.map(
          (s) =>
            `${ms(s.cold.start.totalMs, 0)} = ${ms(s.cold.start.readMs, 0)} + ${ms(s.cold.start.parseMs, 0)} + ${ms(s.cold.start.indexMs, 0)} + ${ms(s.cold.start.engineMs, 0)}`,
        ),
      ],
      ['cold start per plan (ms)', ...scales.map((s) => ms(s.cold.start.totalMs / s.plans, 1))],
      ['first start writing the cache (ms)', ...scales.map((s) => ms(s.cold.start.cacheWriteMs ?? 0, 0))],
      [
        'cached start: load cache + engine (ms)',
        ...scales.map((s) => `${ms(s.warm.start.totalMs, 0)} = ${ms(s.warm.start.parseMs, 0)} + ${ms(s.warm.start.engineMs, 0)}`),
      ],
      ['answer p50 / p99 (ms), cold-started process', ...scales.map((s) => `${ms(s.cold.answers.mix.p50)} / ${ms(s.cold.answers.mix.p99)}`)],
      ['answer p50 / p99 (ms), cache-started process', ...scales.map((s) => `${ms(s.warm.answers.mix.p50)} / ${ms(s.warm.answers.mix.p99)}`)],
      ['answers/s (one core)', ...scales.map((s) => ms(s.cold.answers.mix.perSecond, 0))],
      ['answers measured (rounds × turns)', ...scales.map((s) => `${s.cold.answers.rounds} × ${s.cold.answers.mix.n / s.cold.answers.rounds}`)],
      ['corpus-wide replies p50 / p99 (ms)', ...scales.map((s) => `${ms(s.cold.answers.corpusWide.p50)} / ${ms(s.cold.answers.corpusWide.p99)}`)],
      ['RSS after answers, cold / cached start (MB)', ...scales.map((s) => `${ms(s.cold.answers.rssMB, 0)} / ${ms(s.warm.answers.rssMB, 0)}`)],
      ['RSS right after start, cold / cached (MB)', ...scales.map((s) => `${ms(s.cold.rssAfterStartMB, 0)} / ${ms(s.warm.rssAfterStartMB, 0)}`)],
      ['heap used after answers, cold / cached (MB)', ...scales.map((s) => `${ms(s.cold.answers.heapMB, 0)} / ${ms(s.warm.answers.heapMB, 0)}`)],
      ['live heap after full GC, cold / cached (MB)', ...scales.map((s) => `${ms(s.cold.liveHeapMB, 0)} / ${ms(s.warm.liveHeapMB, 0)}`)],
      [
        `HTTP /healthz req/s (${small.http.connections} conns, ${small.http.rounds} rounds × ${small.http.durationS} s, median round)`,
        ...scales.map((s) => ms(s.http.healthz.rps, 0)),
      ],
      ['HTTP /api/ask req/s', ...scales.map((s) => ms(s.http.ask.rps, 0))],
      ['/api/ask ÷ /healthz, median (rounds)', ...scales.map((s) => `${ms(100 * s.http.ratio, 1)}% (${s.http.ratios.map((r) => ms(100 * r, 0)).join(', ')})`)],
      ['/api/ask latency p50 / p99 (ms)', ...scales.map((s) => `${s.http.ask.p50} / ${s.http.ask.p99}`)],
    ]),
  );
  out.push('');
  out.push('Answer p50 / p99 by kind (ms, cold-started process):');
  const kinds = [...new Set(scales.flatMap((s) => Object.keys(s.cold.answers.byKind)))];
  out.push(
    table([
      ['kind', ...scales.map((s) => s.label)],
      ...kinds.map((k) => [
        k,
        ...scales.map((s) => {
          const p = s.cold.answers.byKind[k];
          return p ? `${ms(p.p50)} / ${ms(p.p99)}` : '';
        }),
      ]),
    ]),
  );
  out.push('');
  out.push('SQLite and Redis (answers timed with the reply memo off; HTTP served as in production):');
  out.push(storeTable(stores));
  out.push('');
  out.push('Budgets:');
  for (const c of results) out.push(`  ${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`);
  return out.join('\n');
}

async function parentMain(): Promise<number> {
  const json = process.argv.includes('--json');
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const { corpusDir } = await import('../src/channels/cli/main.js');
  const realDir = corpusDir();
  const tmp = mkdtempSync(join(tmpdir(), 'planbot-bench-'));
  try {
    const bigDir = join(tmp, `corpus-${FACTOR}x`);
    log(`writing the ${FACTOR}× corpus into ${bigDir} …`);
    const syn = writeSyntheticCorpus(realDir, bigDir, FACTOR, allText());
    const small = await measureScale('real corpus', realDir, join(tmp, 'cache'), 2, log);
    const big = await measureScale(`${FACTOR}× corpus`, bigDir, join(tmp, 'cache'), 2, log);
    const stores = await measureStores(realDir, join(tmp, 'cache'), log);
    const results = checks(small, big);
    const machine = {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: String(cpus().length),
      node: process.version,
      os: `${process.platform} ${process.arch}`,
    };
    const failed = results.filter((c) => !c.ok);
    if (json) {
      const strip = (s: ScaleResult) => ({
        ...s,
        cold: { ...s.cold, answers: { ...s.cold.answers, replies: undefined } },
        warm: { ...s.warm, answers: { ...s.warm.answers, replies: undefined } },
      });
      console.log(
        JSON.stringify(
          { machine, syntheticFiles: syn.files, budgets: BUDGET, scales: [strip(small), strip(big)], stores, checks: results, ok: failed.length === 0 },
          null,
          2,
        ),
      );
    } else {
      console.log(report(machine, small, big, results, stores));
      if (failed.length) console.log(`\n${failed.length} budget(s) missed: ${failed.map((c) => c.name).join('; ')}`);
    }
    return failed.length ? 1 : 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0) {
  childMain(process.argv[at + 1] ?? '').catch((err) => {
    console.error(err);
    process.exit(2);
  });
} else {
  parentMain().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(2);
    },
  );
}
