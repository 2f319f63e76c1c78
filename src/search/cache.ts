/**
 * On-disk cache of the parsed corpus and its search index, so a big corpus starts in a
 * fraction of its parse time. The key is the corpus content hash (the same bytes
 * buildCorpus hashes: names, texts, meta files) plus a fingerprint of the parser and index
 * code, so changing any corpus file — or the code that reads it — invalidates the entry.
 * The cache lives outside the corpus folder (.cache/ or a temp folder); a cache that cannot
 * be read or written is ignored, never fatal.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus, contentHash, readSources, type ReadOptions } from '../corpus/load.js';
import { TextPool } from '../corpus/share.js';
import type { Corpus, Plan } from '../corpus/types.js';
import { SearchIndex } from './index.js';

/** Bump when the cache file layout changes. */
const CACHE_FORMAT = 2;

export interface CachedLoad {
  corpus: Corpus;
  index: SearchIndex;
  /** 'hit': read from the cache; 'miss': parsed and written; 'off': parsed, no cache. */
  cache: 'hit' | 'miss' | 'off';
  /** The cache file used or written, when any. */
  file: string | null;
}

/**
 * `<key>.corpus.jsonl`: a head line, then one line per plan, so a big corpus is never one
 * string in memory, read or written. The index sits beside it as `<key>.index.json`
 * (MiniSearch JSON, parsed once by loadJSON).
 */
interface CacheHead {
  format: number;
  key: string;
  plans: number;
  agencies: Corpus['agencies'];
  skipped: Corpus['skipped'];
  hash: string;
}

/** PLANBOT_CACHE: a folder, or "off"/"0"/"false" to disable; unset → `fallback`. */
export function resolveCacheDir(env: NodeJS.ProcessEnv, fallback: string | null): string | null {
  const v = env.PLANBOT_CACHE?.trim();
  if (v === undefined || v === '') return fallback;
  return /^(off|0|false|no)$/i.test(v) ? null : v;
}

function sourceFilesUnder(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sourceFilesUnder(path, out);
    else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
}

let fingerprint: string | null = null;
/** Hash of the code that turns files into records and an index (corpus/, search/, text/) and MiniSearch's version. */
function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256').update(`format ${CACHE_FORMAT}\0`);
  for (const sub of ['../corpus', '.', '../text']) {
    const files: string[] = [];
    try {
      sourceFilesUnder(resolve(here, sub), files);
    } catch {
      continue;
    }
    for (const f of files.sort()) hash.update(f.slice(here.length)).update('\0').update(readFileSync(f));
  }
  try {
    const pkg = fileURLToPath(new URL('../../node_modules/minisearch/package.json', import.meta.url));
    const alt = fileURLToPath(new URL('../../../node_modules/minisearch/package.json', import.meta.url));
    hash.update(readFileSync(existsSync(pkg) ? pkg : alt));
  } catch {
    // MiniSearch resolved elsewhere; its version is pinned by package.json (~7.1).
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

function entryFolder(cacheDir: string, corpusDir: string): string {
  return join(cacheDir, createHash('sha256').update(resolve(corpusDir)).digest('hex').slice(0, 16));
}

/** A file's lines, read a chunk at a time so a big file is never whole in memory. */
export function* linesOf(file: string, chunkBytes = 1 << 20): Generator<string> {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(chunkBytes);
    let carry: Buffer[] = [];
    for (let n; (n = readSync(fd, chunk, 0, chunkBytes, null)) > 0;) {
      let from = 0;
      for (let nl; (nl = chunk.indexOf(10, from)) >= 0 && nl < n; from = nl + 1) {
        // Decode whole lines only: a character may straddle two chunks.
        yield carry.length ? Buffer.concat([...carry, chunk.subarray(from, nl)]).toString('utf8') : chunk.toString('utf8', from, nl);
        carry = [];
      }
      if (from < n) carry.push(Buffer.from(chunk.subarray(from, n)));
    }
    if (carry.length) yield Buffer.concat(carry).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function readEntry(base: string, key: string): { corpus: Corpus; index: SearchIndex } | null {
  try {
    if (!existsSync(`${base}.corpus.jsonl`) || !existsSync(`${base}.index.json`)) return null;
    const lines = linesOf(`${base}.corpus.jsonl`);
    const plans: Plan[] = [];
    let head: CacheHead | null;
    try {
      head = JSON.parse(lines.next().value ?? 'null') as CacheHead | null;
      if (head?.format !== CACHE_FORMAT || head.key !== key) return null;
      const pool = new TextPool();
      for (const line of lines) if (line) plans.push(pool.plan(JSON.parse(line) as Plan));
    } finally {
      // Closes the file when the head did not match or a line failed to parse.
      lines.return(undefined);
    }
    // A file cut short (a full disk) is a miss, not a smaller corpus.
    if (plans.length !== head.plans) return null;
    const corpus: Corpus = { plans, agencies: head.agencies, skipped: head.skipped, hash: head.hash };
    return { corpus, index: SearchIndex.fromJSON(readFileSync(`${base}.index.json`, 'utf8'), corpus) };
  } catch {
    return null;
  }
}

/** Write through a temporary file and rename, line by line. */
function writeAtomic(file: string, lines: Iterable<string>): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    for (const line of lines) writeSync(fd, `${line}\n`);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

function* corpusLines(key: string, corpus: Corpus): Generator<string> {
  const head: CacheHead = { format: CACHE_FORMAT, key, plans: corpus.plans.length, agencies: corpus.agencies, skipped: corpus.skipped, hash: corpus.hash };
  yield JSON.stringify(head);
  for (const plan of corpus.plans) yield JSON.stringify(plan);
}

function writeEntry(folder: string, base: string, key: string, corpus: Corpus, index: SearchIndex): boolean {
  try {
    mkdirSync(folder, { recursive: true });
    // One entry per corpus folder: entries under other keys are stale.
    const keep = base.slice(folder.length + 1);
    for (const old of readdirSync(folder)) if (!old.startsWith(keep)) rmSync(join(folder, old), { force: true });
    // The index first: the corpus file's presence marks a complete entry.
    writeAtomic(`${base}.index.json`, [index.toJSON()]);
    writeAtomic(`${base}.corpus.jsonl`, corpusLines(key, corpus));
    return true;
  } catch {
    return false;
  }
}

/**
 * loadCorpus + SearchIndex.build, through the cache in `cacheDir` (null: no cache).
 * The cache folder must not be inside the corpus folder.
 */
export function loadCorpusCached(dir: string, cacheDir: string | null, options: ReadOptions = {}): CachedLoad {
  const { files, skipped } = readSources(dir, options);
  // A cache inside the corpus folder would be read as corpus files: refuse it. With an
  // unreadable file the corpus is not what the hash says: parse it, cache nothing.
  if (cacheDir && `${resolve(cacheDir)}/`.startsWith(`${resolve(dir)}/`)) cacheDir = null;
  if (!cacheDir || skipped.length) {
    const corpus = buildCorpus(files, skipped);
    return { corpus, index: SearchIndex.build(corpus), cache: 'off', file: null };
  }
  const key = createHash('sha256').update(codeFingerprint()).update(contentHash(files)).digest('hex');
  const folder = entryFolder(cacheDir, dir);
  const base = join(folder, key.slice(0, 32));
  const hit = readEntry(base, key);
  if (hit) return { ...hit, cache: 'hit', file: `${base}.corpus.jsonl` };
  const corpus = buildCorpus(files);
  const index = SearchIndex.build(corpus);
  const written = writeEntry(folder, base, key, corpus, index);
  return { corpus, index, cache: written ? 'miss' : 'off', file: written ? `${base}.corpus.jsonl` : null };
}
