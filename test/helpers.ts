import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/corpus/load.js';
import type { Corpus, Plan } from '../src/corpus/types.js';

export const CORPUS_DIR = fileURLToPath(new URL('../corpus', import.meta.url));

let cached: Corpus | null = null;
/** The real corpus, parsed once per test file. */
export function corpus(): Corpus {
  cached ??= loadCorpus(CORPUS_DIR);
  return cached;
}

export function plan(id: string): Plan {
  const p = corpus().plans.find((x) => x.id === id);
  if (!p) throw new Error(`no plan ${id}`);
  return p;
}
