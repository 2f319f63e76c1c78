/**
 * The searchable records (passages, task titles, targets), folded once (no diacritics,
 * đ→d) so "nen tang" finds "nền tảng", and a MiniSearch index over passages and tasks
 * that narrows a whole-corpus search to the records holding every query word.
 */
import MiniSearch from 'minisearch';
import type { Corpus, Plan, SourcePlace, Task } from '../corpus/types.js';
import { foldWords } from '../text/fold.js';
import { STOPWORDS } from '../text/stopwords.js';

export type DocType = 'passage' | 'task' | 'target';

/** A searchable record: its text as written and folded, where it stands, and its task if it is one. */
export interface SearchDoc {
  id: string;
  type: DocType;
  plan: Plan;
  text: string;
  /** Folded words padded with spaces, for whole-word checks (" nen tang hue s "). */
  folded: string;
  place: SourcePlace;
  task: Task | null;
}

export interface Hit {
  id: string;
  type: DocType;
  planId: string;
  score: number;
  terms: string[];
}

/** Split folded text into terms. */
const splitTerms = (text: string): string[] => text.split(/[^a-z0-9]+/).filter(Boolean);

/** Queries arrive as typed: fold them first. */
const tokenizeQuery = (text: string): string[] => splitTerms(foldWords(text));

function processTerm(t: string): string | null {
  return t.length < 2 && !/\d/.test(t) ? null : STOPWORDS.has(t) ? null : t;
}

/** What MiniSearch holds: the id and the folded text only (the rest is looked up by id). */
interface Indexed {
  id: string;
  folded: string;
}

export const SEARCH_OPTIONS = {
  fields: ['folded'],
  // Documents are folded when built; only queries need folding.
  tokenize: splitTerms,
  processTerm,
  searchOptions: { tokenize: tokenizeQuery, prefix: true, combineWith: 'AND' as const },
};

export function documentsOf(corpus: Corpus): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const add = (id: string, type: DocType, plan: Plan, text: string, place: SourcePlace, task: Task | null = null) =>
    docs.push({ id, type, plan, text, folded: ` ${foldWords(text)} `, place, task });
  for (const p of corpus.plans) {
    for (const x of p.passages) add(x.id, 'passage', p, x.text, x.place);
    for (const t of p.tasks) add(t.id, 'task', p, `${t.title} (${t.lead.join('; ')})`, t.place, t);
    for (const t of p.targets) add(t.id, 'target', p, t.text, t.place);
  }
  return docs;
}

export class SearchIndex {
  private readonly byId: Map<string, SearchDoc>;
  private readonly byPlan = new Map<string, SearchDoc[]>();

  private constructor(
    private readonly mini: MiniSearch<Indexed>,
    docs: SearchDoc[],
  ) {
    this.byId = new Map(docs.map((d) => [d.id, d]));
    for (const d of docs) {
      const list = this.byPlan.get(d.plan.id);
      if (list) list.push(d);
      else this.byPlan.set(d.plan.id, [d]);
    }
  }

  /** Targets are not indexed: each is also a passage (its bullet), and target questions scan their plan's targets. */
  private static indexed(docs: SearchDoc[]): Indexed[] {
    return docs.filter((d) => d.type !== 'target').map((d) => ({ id: d.id, folded: d.folded }));
  }

  static build(corpus: Corpus): SearchIndex {
    const docs = documentsOf(corpus);
    const mini = new MiniSearch<Indexed>(SEARCH_OPTIONS);
    mini.addAll(SearchIndex.indexed(docs));
    return new SearchIndex(mini, docs);
  }

  /** An index saved by `toJSON` for the same corpus (a disk cache). */
  static fromJSON(json: string, corpus: Corpus): SearchIndex {
    return new SearchIndex(MiniSearch.loadJSON<Indexed>(json, SEARCH_OPTIONS), documentsOf(corpus));
  }

  toJSON(): string {
    return JSON.stringify(this.mini);
  }

  doc(id: string): SearchDoc | undefined {
    return this.byId.get(id);
  }

  /** Every folded word of the indexed text. */
  vocabulary(): Set<string> {
    const words = new Set<string>();
    for (const d of this.byId.values()) for (const w of d.folded.split(' ')) if (w) words.add(w);
    return words;
  }

  /** A plan's records, for scans that need not touch the whole corpus. */
  docsOf(planId: string): SearchDoc[] {
    return this.byPlan.get(planId) ?? [];
  }

  /**
   * Records holding every query word (as a word or a word's start), best first. Fuzzy
   * matching is left out on purpose: at province scale it dominated the answer time,
   * and Vietnamese syllables within one edit of each other are different words.
   */
  search(query: string, filter: { planIds?: string[]; types?: DocType[] } = {}, limit = 10): Hit[] {
    const plans = filter.planIds ? new Set(filter.planIds) : null;
    const types = filter.types ? new Set(filter.types) : null;
    const hits: Hit[] = [];
    for (const r of this.mini.search(query)) {
      const doc = this.byId.get(String(r.id))!;
      if ((plans && !plans.has(doc.plan.id)) || (types && !types.has(doc.type))) continue;
      hits.push({ id: doc.id, type: doc.type, planId: doc.plan.id, score: r.score, terms: r.terms });
      if (hits.length === limit) break;
    }
    return hits;
  }
}
