/** "What does the plan say about …": the best passages, quoted briefly. */
import type { Plan } from '../corpus/types.js';
import type { SearchDoc } from '../search/index.js';
import { foldWords } from '../text/fold.js';
import { STOPWORDS } from '../text/stopwords.js';
import { clip, placeWhere, source, taskWhere, unbullet } from './format.js';
import { wordPairs } from './pairs.js';
import type { Answer, Env, Query } from './query.js';

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
  // A lead-in such as "Kênh truyền thông … trên Zalo:" says little without what follows.
  const quote = sentences[best]!.length < 80 && sentences[best + 1] ? `${sentences[best]} ${sentences[best + 1]}` : sentences[best]!;
  return clip(quote, 260);
}

function findDocs(words: string[], plans: Plan[], env: Env, wholeWords: boolean): { doc: SearchDoc; quote: string }[] {
  const hits = env.index.search(words.join(' '), { planIds: plans.map((p) => p.id), exact: wholeWords }, 40);
  const phrase = words.join(' ');
  const pairs = wordPairs(words.join(' '));
  const scored = hits
    .map((h) => {
      const doc = env.index.doc(h.id)!;
      const share = pairs.length ? pairs.filter((p) => doc.folded.includes(` ${p} `)).length / pairs.length : Number(doc.folded.includes(` ${words[0]} `));
      const exact = doc.folded.includes(` ${phrase} `);
      return { doc, share, exact, score: h.score * (1 + share) * (exact ? 3 : 1) };
    })
    .filter((r) => r.share >= 0.5)
    .sort((a, b) => b.score - a.score);
  // When some records hold the whole phrase, the partial matches are noise.
  const phraseHits = scored.filter((r) => r.exact);
  // Quote each record once; the same sentence as a task and as a paragraph shows once.
  const seen = new Set<string>();
  const out: { doc: SearchDoc; quote: string }[] = [];
  for (const { doc } of phraseHits.length ? phraseHits : scored) {
    const quote = excerpt(doc.text, words);
    const key = foldWords(quote).replace(/[.;,:…]+$/, '');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ doc, quote });
    if (out.length === 3) break;
  }
  return out;
}

const contentWords = (folded: string) => folded.split(' ').filter((w) => w.length > 1 && !STOPWORDS.has(w));

export function answerTopic(q: Query, env: Env): Answer {
  const en = q.lang === 'en';
  let words = contentWords(q.topic ?? foldWords(q.text));
  if (!words.length) return { found: false, lines: [], sources: [] };
  // Whole words first; typo-tolerant matching only when they find nothing.
  let docs = findDocs(words, q.plans, env, true);
  if (!docs.length) docs = findDocs(words, q.plans, env, false);
  // An English question about an indicator: search the plans' own words for it.
  if (!docs.length && q.indicator) {
    words = contentWords(foldWords(q.indicator.vi));
    docs = findDocs(words, q.plans, env, true);
  }
  const label = q.topic ?? q.text;
  if (!docs.length) {
    const where = q.plans.length === 1 ? q.plans[0]!.shortName : en ? 'these plans' : 'các kế hoạch';
    return { found: false, lines: [en ? `I found nothing about "${label}" in ${where}.` : `Không tìm thấy nội dung về "${label}" trong ${where}.`], sources: [] };
  }
  const many = new Set(docs.map((d) => d.doc.plan.id)).size > 1;
  const lines = [en ? 'What the plans say:' : 'Nội dung liên quan trong kế hoạch:'];
  for (const { doc, quote } of docs) {
    lines.push(`- ${many ? `[${doc.plan.shortName}] ` : ''}${doc.task ? `${en ? 'Task' : 'Nhiệm vụ'} ${doc.task.number}: ` : ''}${unbullet(quote)}`);
  }
  return { found: true, lines, sources: docs.map(({ doc }) => source(doc.plan, doc.task ? taskWhere(doc.task, q.lang) : placeWhere(doc.place, q.lang))) };
}
