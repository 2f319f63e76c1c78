import { readdirSync } from 'node:fs';
import type { Logger } from 'pino';
import type { ContextStore } from '../answer/context.js';
import { createAnswerer } from '../answer/engine.js';
import type { Answerer } from '../answer/types.js';
import { loadCorpusLimits, type CorpusLimits, type Env } from '../config.js';
import { loadCorpusInSteps, notPlanFiles, reloadRefusal } from '../corpus/load.js';
import type { Corpus } from '../corpus/types.js';
import { loadCorpusCached } from '../search/cache.js';

/** Loads the corpus into a new Answerer; throws (with the reason) when it must not be used. */
export type AnswererLoader = (log: Logger) => Promise<Answerer>;

export interface CorpusSource {
  dir: string;
  /** On-disk cache of parsed records for the first load, or null. */
  cacheDir: string | null;
  limits: CorpusLimits;
  /** One context store for the process, handed to every Answerer so chats outlive a reload. */
  contexts: ContextStore;
}

/**
 * The loader `planbot serve` runs at start and on SIGHUP. The first load goes through the
 * cache (fast start); a reload reads and parses a file at a time so /healthz and the webhooks
 * keep answering. Every skipped or broken file is named in the log, and a corpus that holds no
 * plan, or lost a plan whose file is still there, is refused: the previous one stays.
 */
export function serveLoader(source: CorpusSource): AnswererLoader {
  let current: Corpus | null = null;
  return async (log) => {
    const read = { maxFileBytes: source.limits.maxFileBytes };
    const { corpus, index } =
      current === null ? loadCorpusCached(source.dir, source.cacheDir, read) : { ...(await loadCorpusInSteps(source.dir, read)), index: undefined };
    for (const { file, reason } of corpus.skipped) log.warn({ file, reason }, 'corpus file skipped');
    for (const file of notPlanFiles(readdirSync(source.dir))) log.info({ file }, 'corpus folder entry ignored: not a plan text (*.txt, *.md) or its meta file');
    const refusal = reloadRefusal(current, corpus);
    if (refusal !== null) throw new Error(refusal);
    const answerer = createAnswerer(corpus, { index, store: source.contexts });
    current = corpus;
    return answerer;
  };
}

/**
 * `planbot serve`'s loader for a corpus folder: limits from the environment, and the server's
 * store's contexts (SQLite in PLANBOT_DATA, or Redis), so contexts outlive a restart.
 */
export function planbotLoader(contexts: ContextStore, dir: string, cacheDir: string | null, env: Env = process.env): AnswererLoader {
  return serveLoader({ dir, cacheDir, limits: loadCorpusLimits(env), contexts });
}
