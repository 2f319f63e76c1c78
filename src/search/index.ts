/**
 * Full-text index over passages, task titles and targets (MiniSearch). Terms are
 * folded (no diacritics, đ→d) so "nen tang" finds "nền tảng"; fuzzy and prefix
 * matching forgive typos and word stems.
 */
import MiniSearch from 'minisearch';
import type { Corpus } from '../corpus/types.js';
import { fold } from '../text/fold.js';
import { STOPWORDS } from '../text/stopwords.js';

export type DocType = 'passage' | 'task' | 'target';

export interface SearchDoc {
  id: string;
  type: DocType;
  planId: string;
  text: string;
  path: string;
}

export interface Hit {
  id: string;
  type: DocType;
  planId: string;
  score: number;
  terms: string[];
}

export function tokenize(text: string): string[] {
  return fold(text).split(/[^a-z0-9]+/).filter(Boolean);
}

function processTerm(term: string): string | null {
  const t = fold(term);
  return t.length < 2 && !/\d/.test(t) ? null : STOPWORDS.has(t) ? null : t;
}

export const SEARCH_OPTIONS = {
  fields: ['text', 'path'],
  storeFields: ['type', 'planId'],
  tokenize,
  processTerm,
  searchOptions: { boost: { text: 2 }, fuzzy: 0.2, prefix: true, combineWith: 'OR' as const },
};

export function documentsOf(corpus: Corpus): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const p of corpus.plans) {
    for (const x of p.passages) docs.push({ id: x.id, type: 'passage', planId: p.id, text: x.text, path: x.path.join(' › ') });
    for (const t of p.tasks) docs.push({ id: t.id, type: 'task', planId: p.id, text: t.title, path: t.section.join(' › ') });
    for (const t of p.targets) docs.push({ id: t.id, type: 'target', planId: p.id, text: t.text, path: t.place.path.join(' › ') });
  }
  return docs;
}

export class SearchIndex {
  private constructor(private readonly mini: MiniSearch<SearchDoc>) {}

  static build(corpus: Corpus): SearchIndex {
    const mini = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
    mini.addAll(documentsOf(corpus));
    return new SearchIndex(mini);
  }

  static fromJSON(json: string): SearchIndex {
    return new SearchIndex(MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS));
  }

  toJSON(): string {
    return JSON.stringify(this.mini);
  }

  search(query: string, filter: { planIds?: string[]; types?: DocType[] } = {}, limit = 10): Hit[] {
    const plans = filter.planIds ? new Set(filter.planIds) : null;
    const types = filter.types ? new Set(filter.types) : null;
    return this.mini
      .search(query, {
        filter: (r) => (!plans || plans.has(r.planId as string)) && (!types || types.has(r.type as DocType)),
      })
      .slice(0, limit)
      .map((r) => ({ id: String(r.id), type: r.type as DocType, planId: r.planId as string, score: r.score, terms: r.terms }));
  }
}
