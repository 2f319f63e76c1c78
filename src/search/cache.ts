/**
 * On-disk cache of the parsed corpus and its search index, so a big corpus starts in a
 * fraction of its parse time. The key is the corpus content hash (the same bytes
 * buildCorpus hashes: names, texts, meta files) plus a fingerprint of the parser and index
 * code, so changing any corpus file — or the code that reads it — invalidates the entry.
 * The cache lives outside the corpus folder (.cache/ or a temp folder); a cache that cannot
 * be read or written is ignored, never fatal.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus, contentHash, readSources } from '../corpus/load.js';
import type { Corpus } from '../corpus/types.js';
import { SearchIndex } from './index.js';

/** Bump when the cache file layout changes. */
const CACHE_FORMAT = 1;

export interface CachedLoad {
  corpus: Corpus;
  index: SearchIndex;
  /** 'hit': read from the cache; 'miss': parsed and written; 'off': parsed, no cache. */
  cache: 'hit' | 'miss' | 'off';
  /** The cache file used or written, when any. */
  file: string | null;
}

/** `<key>.corpus.json`; the index sits beside it as `<key>.index.json` (MiniSearch JSON, parsed once by loadJSON). */
interface CacheFile {
  format: number;
  key: string;
  corpus: Corpus;
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
export function codeFingerprint(): string {
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

function readEntry(base: string, key: string): { corpus: Corpus; index: SearchIndex } | null {
  try {
    if (!existsSync(`${base}.corpus.json`) || !existsSync(`${base}.index.json`)) return null;
    const data = JSON.parse(readFileSync(`${base}.corpus.json`, 'utf8')) as CacheFile;
    if (data.format !== CACHE_FORMAT || data.key !== key) return null;
    return { corpus: data.corpus, index: SearchIndex.fromJSON(readFileSync(`${base}.index.json`, 'utf8'), data.corpus) };
  } catch {
    return null;
  }
}

function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

function writeEntry(folder: string, base: string, data: CacheFile, index: SearchIndex): boolean {
  try {
    mkdirSync(folder, { recursive: true });
    // One entry per corpus folder: entries under other keys are stale.
    const keep = base.slice(folder.length + 1);
    for (const old of readdirSync(folder)) if (!old.startsWith(keep)) rmSync(join(folder, old), { force: true });
    // The index first: the corpus file's presence marks a complete entry.
    writeAtomic(`${base}.index.json`, index.toJSON());
    writeAtomic(`${base}.corpus.json`, JSON.stringify(data));
    return true;
  } catch {
    return false;
  }
}

/**
 * loadCorpus + SearchIndex.build, through the cache in `cacheDir` (null: no cache).
 * The cache folder must not be inside the corpus folder.
 */
export function loadCorpusCached(dir: string, cacheDir: string | null): CachedLoad {
  const { files, skipped } = readSources(dir);
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
  if (hit) return { ...hit, cache: 'hit', file: `${base}.corpus.json` };
  const corpus = buildCorpus(files);
  const index = SearchIndex.build(corpus);
  const written = writeEntry(folder, base, { format: CACHE_FORMAT, key, corpus }, index);
  return { corpus, index, cache: written ? 'miss' : 'off', file: written ? `${base}.corpus.json` : null };
}
