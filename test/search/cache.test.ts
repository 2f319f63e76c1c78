import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash, loadCorpus, readSources } from '../../src/corpus/load.js';
import { linesOf, loadCorpusCached, resolveCacheDir } from '../../src/search/cache.js';
import { CORPUS_DIR } from '../helpers.js';

describe('corpus cache', () => {
  let tmp: string;
  let corpusDir: string;
  let cacheDir: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'planbot-cache-test-'));
    corpusDir = join(tmp, 'corpus');
    cacheDir = join(tmp, 'cache');
    cpSync(CORPUS_DIR, corpusDir, { recursive: true });
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('keys on the same content hash buildCorpus computes', () => {
    expect(contentHash(readSources(corpusDir).files)).toBe(loadCorpus(corpusDir).hash);
  });

  it('parses and writes on a miss, reads the same records and index on a hit', () => {
    const miss = loadCorpusCached(corpusDir, cacheDir);
    expect(miss.cache).toBe('miss');
    expect(miss.file && existsSync(miss.file)).toBe(true);
    const hit = loadCorpusCached(corpusDir, cacheDir);
    expect(hit.cache).toBe('hit');
    expect(hit.corpus).toEqual(miss.corpus);
    // Same index: the same hits in the same order, filtered or not. A loaded
    // MiniSearch walks its terms in another order, so matched terms come in another order and
    // scores may differ in the last bit of the float sum.
    const norm = (hits: ReturnType<typeof hit.index.search>) => hits.map((h) => ({ ...h, score: Number(h.score.toPrecision(10)), terms: [...h.terms].sort() }));
    for (const q of ['chữ ký số', 'thanh toan khong dung tien mat', 'nen tang hue s', 'dien thoai thong']) {
      expect(norm(hit.index.search(q)).length).toBeGreaterThan(0);
      expect(norm(hit.index.search(q))).toEqual(norm(miss.index.search(q)));
      expect(norm(hit.index.search(q, { types: ['target'] }))).toEqual(norm(miss.index.search(q, { types: ['target'] })));
    }
  });

  it('misses when a file changes, is added or removed, and keeps one entry per corpus folder', () => {
    appendFileSync(join(corpusDir, 'dak-lak-kinh-te-so-2025-2030.txt'), '\n');
    expect(loadCorpusCached(corpusDir, cacheDir).cache).toBe('miss');
    expect(loadCorpusCached(corpusDir, cacheDir).cache).toBe('hit');
    writeFileSync(join(corpusDir, 'extra.txt'), 'không phải kế hoạch');
    const added = loadCorpusCached(corpusDir, cacheDir);
    expect(added.cache).toBe('miss');
    expect(added.corpus.skipped.map((s) => s.file)).toContain('extra.txt');
    rmSync(join(corpusDir, 'extra.txt'));
    expect(loadCorpusCached(corpusDir, cacheDir).cache).toBe('miss');
    const [folder] = readdirSync(cacheDir);
    expect(readdirSync(join(cacheDir, folder!)).sort()).toHaveLength(2);
  });

  it('ignores a corrupt entry and rewrites it', () => {
    const { file } = loadCorpusCached(corpusDir, cacheDir);
    writeFileSync(file!, '{not json');
    expect(loadCorpusCached(corpusDir, cacheDir).cache).toBe('miss');
    expect(loadCorpusCached(corpusDir, cacheDir).cache).toBe('hit');
  });

  it('reads a file line by line across chunk edges, multi-byte characters included', () => {
    const lines = ['{"a":"Thừa Thiên Huế"}', '', 'đ'.repeat(40), 'x', '"chuyển đổi số"'];
    const file = join(tmp, 'lines.jsonl');
    writeFileSync(file, lines.join('\n'));
    for (const size of [1, 2, 3, 7, 64, 1 << 20]) expect([...linesOf(file, size)]).toEqual(lines);
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect([...linesOf(file, 5)]).toEqual(lines);
  });

  it('misses on an entry of another format, and leaves no file open', () => {
    const fds = () => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : 0);
    const before = fds();
    for (let i = 0; i < 5; i++) {
      const { file } = loadCorpusCached(corpusDir, cacheDir);
      writeFileSync(file!, readFileSync(file!, 'utf8').replace('"format":2', '"format":1'));
      expect(loadCorpusCached(corpusDir, cacheDir).cache).toBe('miss');
    }
    expect(fds()).toBe(before);
  });

  it('misses on an entry cut short', () => {
    const { file } = loadCorpusCached(corpusDir, cacheDir);
    const text = readFileSync(file!, 'utf8');
    writeFileSync(file!, text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1));
    expect(loadCorpusCached(corpusDir, cacheDir).cache).toBe('miss');
    expect(loadCorpusCached(corpusDir, cacheDir).cache).toBe('hit');
  });

  it('can be turned off', () => {
    expect(resolveCacheDir({ PLANBOT_CACHE: 'off' }, '/x')).toBeNull();
    expect(resolveCacheDir({}, '/x')).toBe('/x');
    expect(resolveCacheDir({ PLANBOT_CACHE: '/y' }, '/x')).toBe('/y');
    expect(loadCorpusCached(corpusDir, null).cache).toBe('off');
    expect(loadCorpusCached(corpusDir, join(corpusDir, '.cache')).cache).toBe('off');
    expect(existsSync(join(corpusDir, '.cache'))).toBe(false);
  });
});
