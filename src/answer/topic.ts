/** "What does the plan say about …": the best passages, quoted briefly. */
import type { Corpus, Plan, SourcePlace, Task } from '../corpus/types.js';
import { foldWords } from '../text/fold.js';
import { STOPWORDS } from '../text/stopwords.js';
import { clip, placeWhere, source, taskWhere, unbullet } from './format.js';
import type { Answer, Env, Query } from './query.js';

/** A searchable record with its folded text, built once per corpus. */
export interface Doc {
  plan: Plan;
  text: string;
  /** Folded words, padded with spaces for whole-word lookups. */
  folded: string;
  place: SourcePlace;
  task: Task | null;
}

export function buildDocs(corpus: Corpus): Map<string, Doc> {
  const docs = new Map<string, Doc>();
  const add = (id: string, plan: Plan, text: string, place: SourcePlace, task: Task | null = null) =>
    docs.set(id, { plan, text, folded: ` ${foldWords(text)} `, place, task });
  for (const p of corpus.plans) {
    for (const x of p.passages) add(x.id, p, x.text, x.place);
    for (const t of p.tasks) add(t.id, p, `${t.title} (${t.lead.join('; ')})`, t.place, t);
    for (const t of p.targets) add(t.id, p, t.text, t.place);
  }
  return docs;
}

/** The sentence around the best match, so a long paragraph is quoted briefly. */
function excerpt(text: string, words: string[]): string {
  const sentences = text.split(/(?<=[.;:])\s+/);
  let best = 0;
  let bestScore = -1;
  sentences.forEach((s, i) => {
    const f = ` ${foldWords(s)} `;
    const score = words.filter((w) => f.includes(` ${w} `)).length;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return clip(sentences[best]!, 260);
}

function findDocs(words: string[], plans: Plan[], env: Env): Doc[] {
  const hits = env.index.search(words.join(' '), { planIds: plans.map((p) => p.id) }, 40);
  const phrase = words.join(' ');
  // Vietnamese words are syllables: one syllable matches everywhere, pairs carry meaning.
  const pairs = words.slice(1).map((w, i) => `${words[i]} ${w}`);
  const scored = hits
    .map((h) => {
      const doc = env.docs.get(h.id)!;
      const share = pairs.length ? pairs.filter((p) => doc.folded.includes(` ${p} `)).length / pairs.length : Number(doc.folded.includes(` ${words[0]} `));
      const exact = doc.folded.includes(` ${phrase} `);
      return { doc, share, exact, score: h.score * (1 + share) * (exact ? 3 : 1) };
    })
    .filter((r) => r.share >= 0.5)
    .sort((a, b) => b.score - a.score);
  // When some records hold the whole phrase, the partial matches are noise.
  const exact = scored.filter((r) => r.exact);
  const seen = new Set<string>();
  return (exact.length ? exact : scored)
    .map((r) => r.doc)
    .filter((d) => {
      const key = foldWords(excerpt(d.text, words)).replace(/[.;,:…]+$/, '');
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .slice(0, 3);
}

const contentWords = (folded: string) => folded.split(' ').filter((w) => w.length > 1 && !STOPWORDS.has(w));

export function answerTopic(q: Query, env: Env): Answer {
  const en = q.lang === 'en';
  let words = contentWords(q.topic ?? foldWords(q.text));
  if (!words.length) return { found: false, lines: [], sources: [] };
  let docs = findDocs(words, q.plans, env);
  // An English question about an indicator: search the plans' own words for it.
  if (!docs.length && q.indicator) {
    words = contentWords(foldWords(q.indicator.vi));
    docs = findDocs(words, q.plans, env);
  }
  const label = q.topic ?? q.text;
  if (!docs.length) {
    const where = q.plans.length === 1 ? q.plans[0]!.shortName : en ? 'these plans' : 'các kế hoạch';
    return { found: false, lines: [en ? `I found nothing about "${label}" in ${where}.` : `Không tìm thấy nội dung về "${label}" trong ${where}.`], sources: [] };
  }
  const many = new Set(docs.map((d) => d.plan.id)).size > 1;
  const lines = [en ? `What the plans say about "${label}":` : `Nội dung liên quan đến "${label}":`];
  for (const d of docs) {
    const quote = unbullet(excerpt(d.text, words));
    lines.push(`- ${many ? `[${d.plan.shortName}] ` : ''}${d.task ? `${en ? 'Task' : 'Nhiệm vụ'} ${d.task.number}: ` : ''}${quote}`);
  }
  return { found: true, lines, sources: docs.map((d) => source(d.plan, d.task ? taskWhere(d.task, q.lang) : placeWhere(d.place, q.lang))) };
}
