/** The command line: corpus report, ask (one question or JSON lines), repl, eval, serve. */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createAnswerer } from '../../answer/engine.js';
import type { Reply } from '../../answer/types.js';
import { loadCorpus } from '../../corpus/load.js';
import { loadCorpusCached, resolveCacheDir } from '../../search/cache.js';
import { parseEvalFile, scoreOne, type EvalResult } from '../../eval/score.js';
import { loadCorpusLimits, loadStoreConfig } from '../../config.js';
import { openQuestionHistory } from '../../store/index.js';
import { inboxGroups, inboxJsonl, inboxText, parseSince } from '../inbox.js';
import { corpusJson, corpusReport } from './report.js';

const USAGE = `usage:
  planbot corpus [--json]          report on the plans in the corpus folder
  planbot ask "question"           print the reply to one question
  planbot ask --jsonl              read {"id","chat","text"} lines on stdin, write one reply line each
  planbot repl                     chat in the terminal
  planbot eval FILE.jsonl [--min PCT]   score an eval file; exit 1 below PCT
  planbot serve                    start the HTTP server (Telegram, Zalo, JSON API)
  planbot inbox [--since 7d] [--json | --jsonl]   what the bot could not answer or was voted 👎 on, grouped by wording
The corpus folder is ./corpus, or PLANBOT_CORPUS; the store is ./data, or PLANBOT_DATA (Redis with REDIS_URL).`;

export function corpusDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PLANBOT_CORPUS || fileURLToPath(new URL('../../../../corpus', import.meta.url));
}

/** Parsed records and search index are cached on disk by content hash (.cache/, or PLANBOT_CACHE; "off" disables). */
function cacheDir(): string | null {
  return resolveCacheDir(process.env, fileURLToPath(new URL('../../../../.cache/corpus', import.meta.url)));
}

function loadEngine() {
  const { corpus, index } = loadCorpusCached(corpusDir(), cacheDir(), loadCorpusLimits(process.env));
  return createAnswerer(corpus, { index });
}

async function* stdinLines(): AsyncGenerator<string> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

async function askJsonl(): Promise<number> {
  const engine = loadEngine();
  for await (const line of stdinLines()) {
    if (!line.trim()) continue;
    let msg: { id?: unknown; chat?: unknown; text?: unknown };
    try {
      msg = JSON.parse(line);
    } catch {
      process.stderr.write(`skipped a line that is not JSON: ${line.slice(0, 80)}\n`);
      continue;
    }
    const id = msg.id ?? null;
    const text = typeof msg.text === 'string' ? msg.text : '';
    const chat = typeof msg.chat === 'string' || typeof msg.chat === 'number' ? String(msg.chat) : String(id ?? 'cli');
    let r: Reply;
    try {
      r = engine.ask(`cli:${chat}`, text);
    } catch (err) {
      process.stderr.write(`error on ${String(id)}: ${(err as Error).stack}\n`);
      r = { reply: 'Lỗi nội bộ.', found: false, intent: 'error', sources: [], lang: 'vi' };
    }
    process.stdout.write(JSON.stringify({ id, reply: r.reply, found: r.found, intent: r.intent, sources: r.sources }) + '\n');
  }
  return 0;
}

async function repl(): Promise<number> {
  const engine = loadEngine();
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: '> ' });
  console.log('planbot — gõ câu hỏi (Ctrl-D để thoát). Type a question (Ctrl-D to quit).');
  rl.prompt();
  for await (const line of rl) {
    if (line.trim()) {
      const r = engine.ask('repl', line);
      console.log(r.reply);
      if (r.choices?.length) console.log(r.choices.map((c, i) => `[${i + 1}] ${c.label}`).join('  '));
    }
    rl.prompt();
  }
  return 0;
}

function evalFile(args: string[]): number {
  const file = args.find((a) => !a.startsWith('--'));
  const minAt = args.indexOf('--min');
  const min = minAt >= 0 ? Number(args[minAt + 1]) : 0;
  if (!file || Number.isNaN(min)) {
    console.error(USAGE);
    return 2;
  }
  const items = parseEvalFile(readFileSync(file, 'utf8'));
  const engine = loadEngine();
  const results: EvalResult[] = items.map((item) => scoreOne(item, engine.ask(`eval:${item.chat}`, item.text)));
  const byIntent = new Map<string, EvalResult[]>();
  for (const r of results) byIntent.set(r.reply.intent, [...(byIntent.get(r.reply.intent) ?? []), r]);
  console.log('intent                 ok/total');
  for (const [intent, rs] of [...byIntent].sort()) console.log(`${intent.padEnd(22)} ${rs.filter((r) => r.ok).length}/${rs.length}`);
  const fails = results.filter((r) => !r.ok);
  if (fails.length) {
    console.log('\nfailures:');
    for (const f of fails)
      console.log(`[${f.item.id}] ${f.item.text}\n  -> ${f.why.join('; ')}\n  reply: ${f.reply.reply.slice(0, 300).replace(/\n/g, ' | ')}`);
  }
  const ok = results.length - fails.length;
  const pct = results.length ? (100 * ok) / results.length : 0;
  console.log(`\n${ok}/${results.length} correct (${pct.toFixed(1)}%)`);
  return pct >= min ? 0 : 1;
}

/** `planbot inbox`: the questions answered with found=false, clarifications, out-of-scope ones and answers voted 👎, from the question log. */
async function inbox(args: string[]): Promise<number> {
  const sinceAt = args.indexOf('--since');
  const since = parseSince(sinceAt >= 0 ? (args[sinceAt + 1] ?? '') : '7d');
  if (since === null) {
    console.error(USAGE);
    return 2;
  }
  const history = await openQuestionHistory(loadStoreConfig(process.env));
  try {
    const groups = inboxGroups(await history.since(Date.now() - since));
    if (args.includes('--jsonl')) process.stdout.write(groups.length ? `${inboxJsonl(groups)}\n` : '');
    else if (args.includes('--json')) console.log(JSON.stringify({ groups }, null, 2));
    else console.log(inboxText(groups));
  } finally {
    await history.close();
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  try {
    switch (cmd) {
      case 'corpus': {
        const corpus = loadCorpus(corpusDir(), loadCorpusLimits(process.env));
        console.log(args.includes('--json') ? corpusJson(corpus) : corpusReport(corpus));
        return corpus.plans.length ? 0 : 1;
      }
      case 'ask':
        if (args.includes('--jsonl')) return await askJsonl();
        if (!args.length) break;
        console.log(loadEngine().ask('cli', args.join(' ')).reply);
        return 0;
      case 'repl':
        return await repl();
      case 'eval':
        return evalFile(args);
      case 'inbox':
        return await inbox(args);
      case 'serve': {
        const { runServe } = await import('../serve.js');
        const { planbotLoader } = await import('../corpusLoader.js');
        await runServe((_config, contexts) => planbotLoader(contexts, corpusDir(), cacheDir()));
        return 0;
      }
      default:
        break;
    }
  } catch (err) {
    console.error(`planbot: ${(err as Error).message}`);
    return 1;
  }
  console.error(USAGE);
  return 2;
}
