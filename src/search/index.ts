/**
 * The searchable records (passages, task titles, targets), folded once (no diacritics,
 * đ→d) so "nen tang" finds "nền tảng", and a MiniSearch index over passages and tasks
 * that narrows a whole-corpus search to the records holding every query word.
 *
 * Provincial plans copy the national programme's wording (targets, task titles, whole
 * paragraphs), so many records share one folded text. MiniSearch holds each distinct text
 * once and a hit stands for every record carrying it: the postings, most of the index's
 * memory, grow with the distinct text rather than with the number of plans.
 */
import MiniSearch from 'minisearch';
import type { Corpus, Plan, SourcePlace, Task } from '../corpus/types.js';
import { foldSpelt } from '../nlu/shorthand.js';
import { foldWords } from '../text/fold.js';
import { STOPWORDS } from '../text/stopwords.js';

export type DocType = 'passage' | 'task' | 'target';

/** Up to this many plans, a question's records are found by scanning those plans, not the whole corpus. */
export const SCAN_PLANS = 12;

/** A searchable record: its text as written and folded, where it stands, and its task if it is one. */
export interface SearchDoc {
  id: string;
  type: DocType;
  plan: Plan;
  text: string;
  /** Folded words, shorthand spelt out ("ATTT" → "an toan thong tin"), padded with spaces for whole-word checks (" nen tang hue s "). */
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

/** What MiniSearch holds: a distinct folded text and its number (the records carrying it are looked up by number). */
interface Indexed {
  id: number;
  folded: string;
}

const SEARCH_OPTIONS = {
  fields: ['folded'],
  // Documents are folded when built; only queries need folding.
  tokenize: splitTerms,
  processTerm,
  searchOptions: { tokenize: tokenizeQuery, prefix: true, combineWith: 'AND' as const },
};

/**
 * Retrieval of records for a question's content words: any word may match (OR), each weighted by
 * BM25. Words are whole syllables, already folded and spelt out, so neither prefix nor fuzzy
 * matching: "du" must not find "dung", and one edit turns a Vietnamese syllable into another
 * word. BM25 as MiniSearch documents it (k 1.2: term frequency saturates fast, as records are
 * short; b 0.7: long paragraphs are only partly penalized; d 0.5: any match beats none).
 */
const RETRIEVE_OPTIONS = {
  combineWith: 'OR' as const,
  prefix: false,
  fuzzy: false,
  tokenize: splitTerms,
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
};

/** Records in corpus order; equal folded texts are one string. */
function documentsOf(corpus: Corpus): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const pool = new Map<string, string>();
  const add = (id: string, type: DocType, plan: Plan, text: string, place: SourcePlace, task: Task | null = null) => {
    // join() makes a flat string; a template literal would keep a rope of three parts per record.
    const padded = ['', foldSpelt(text), ''].join(' ');
    let folded = pool.get(padded);
    if (folded === undefined) pool.set(padded, (folded = padded));
    docs.push({ id, type, plan, text, folded, place, task });
  };
  for (const p of corpus.plans) {
    for (const x of p.passages) add(x.id, 'passage', p, x.text, x.place);
    for (const t of p.tasks) add(t.id, 'task', p, `${t.title} (${t.lead.join('; ')})`, t.place, t);
    for (const t of p.targets) add(t.id, 'target', p, t.text, t.place);
  }
  return docs;
}

/** The distinct folded texts of the indexed records, numbered in corpus order, and the records carrying each. */
function distinctTexts(docs: SearchDoc[]): { texts: Indexed[]; carriers: SearchDoc[][] } {
  const number = new Map<string, number>();
  const texts: Indexed[] = [];
  const carriers: SearchDoc[][] = [];
  // Targets are not indexed: each is also a passage (its bullet), and target questions scan their plan's targets.
  for (const d of docs) {
    if (d.type === 'target') continue;
    const n = number.get(d.folded);
    if (n !== undefined) carriers[n]!.push(d);
    else {
      number.set(d.folded, texts.length);
      texts.push({ id: texts.length, folded: d.folded });
      carriers.push([d]);
    }
  }
  return { texts, carriers };
}

export class SearchIndex {
  private readonly byId: Map<string, SearchDoc>;
  private readonly byPlan = new Map<string, SearchDoc[]>();
  /** Records of a named plan by word; made when a question first names the plan. */
  private readonly planWords = new Map<string, Map<string, SearchDoc[]>>();
  /** In how many distinct texts each word occurs, for word weights; made on first use. */
  private df: Map<string, number> | null = null;

  private constructor(
    private readonly mini: MiniSearch<Indexed>,
    docs: SearchDoc[],
    /** Records by the number of their text in `mini`. */
    private readonly carriers: SearchDoc[][],
  ) {
    this.byId = new Map(docs.map((d) => [d.id, d]));
    for (const d of docs) {
      const list = this.byPlan.get(d.plan.id);
      if (list) list.push(d);
      else this.byPlan.set(d.plan.id, [d]);
    }
  }

  static build(corpus: Corpus): SearchIndex {
    const docs = documentsOf(corpus);
    const { texts, carriers } = distinctTexts(docs);
    const mini = new MiniSearch<Indexed>(SEARCH_OPTIONS);
    mini.addAll(texts);
    return new SearchIndex(mini, docs, carriers);
  }

  /** An index saved by `toJSON` for the same corpus (a disk cache): the texts are numbered again in the same order. */
  static fromJSON(json: string, corpus: Corpus): SearchIndex {
    const docs = documentsOf(corpus);
    return new SearchIndex(MiniSearch.loadJSON<Indexed>(json, SEARCH_OPTIONS), docs, distinctTexts(docs).carriers);
  }

  toJSON(): string {
    return JSON.stringify(this.mini);
  }

  doc(id: string): SearchDoc | undefined {
    return this.byId.get(id);
  }

  /** How telling a word is (inverse document frequency over distinct texts); 0 for a word no record has. */
  idf(word: string): number {
    if (!this.df) {
      this.df = new Map();
      for (const text of new Set(this.carriers.map((c) => c[0]!.folded))) {
        for (const w of new Set(text.split(' '))) if (w) this.df.set(w, (this.df.get(w) ?? 0) + 1);
      }
    }
    const df = this.df.get(word);
    if (!df) return 0;
    const n = this.carriers.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** A plan's records by word, made when a question first names the plan. */
  private wordsOf(planId: string): Map<string, SearchDoc[]> {
    let byWord = this.planWords.get(planId);
    if (!byWord) {
      byWord = new Map();
      for (const d of this.docsOf(planId)) {
        for (const w of new Set(d.folded.split(' '))) if (w) (byWord.get(w) ?? byWord.set(w, []).get(w)!).push(d);
      }
      this.planWords.set(planId, byWord);
    }
    return byWord;
  }

  /**
   * Records of the given plans and kinds that share words with the question, best first: the
   * candidates a reader then looks at. Within a few named plans, each record's words' weights
   * are summed over the plans' own word lists, so the cost follows what those plans hold, not
   * the corpus; otherwise MiniSearch ranks the whole corpus by BM25.
   */
  retrieve(words: string[], filter: { planIds?: string[]; types?: DocType[] }, limit: number): SearchDoc[] {
    const plans = filter.planIds ? new Set(filter.planIds) : null;
    const types = filter.types ? new Set(filter.types) : null;
    const out: SearchDoc[] = [];
    if (!words.length) return out;
    if (plans && plans.size <= SCAN_PLANS) {
      const sum = new Map<SearchDoc, number>();
      for (const id of plans) {
        const byWord = this.wordsOf(id);
        for (const w of words) {
          const weight = this.idf(w);
          for (const d of byWord.get(w) ?? []) if (!types || types.has(d.type)) sum.set(d, (sum.get(d) ?? 0) + weight);
        }
      }
      return [...sum]
        .sort((a, b) => b[1] - a[1])
        .slice(0, limit)
        .map(([d]) => d);
    }
    for (const r of this.mini.search(words.join(' '), RETRIEVE_OPTIONS)) {
      for (const doc of this.carriers[r.id as number]!) {
        if ((plans && !plans.has(doc.plan.id)) || (types && !types.has(doc.type))) continue;
        out.push(doc);
        if (out.length === limit) return out;
      }
    }
    return out;
  }

  /** Every folded word of the indexed text. */
  vocabulary(): Set<string> {
    const words = new Set<string>();
    const texts = new Set<string>();
    for (const d of this.byId.values()) texts.add(d.folded);
    for (const t of texts) for (const w of t.split(' ')) if (w) words.add(w);
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
      for (const doc of this.carriers[r.id as number]!) {
        if ((plans && !plans.has(doc.plan.id)) || (types && !types.has(doc.type))) continue;
        hits.push({ id: doc.id, type: doc.type, planId: doc.plan.id, score: r.score, terms: r.terms });
        if (hits.length === limit) return hits;
      }
    }
    return hits;
  }
}
