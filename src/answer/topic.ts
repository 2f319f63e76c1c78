/** "What does the plan say about …": the best passages, quoted briefly. */
import type { Plan } from '../corpus/types.js';
import { SCAN_PLANS, type SearchDoc } from '../search/index.js';
import { foldWords } from '../text/fold.js';
import { STOPWORDS } from '../text/stopwords.js';
import { clip, placeWhere, source, taskWhere, unbullet } from './format.js';
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

/** A record's words without function words, made when a question first needs it and kept. */
const CONTENT = new WeakMap<SearchDoc, string>();
function contentOf(doc: SearchDoc): string {
  let c = CONTENT.get(doc);
  if (c === undefined) {
    c = ` ${contentWords(doc.folded).join(' ')} `;
    CONTENT.set(doc, c);
  }
  return c;
}

/** Syllables of the plans' stock phrases ("tỷ lệ người dân", "doanh nghiệp"): a run of only these says nothing. */
const GENERIC = new Set(['ty', 'le', 'trong', 'nguoi', 'dan', 'doanh', 'nghiep', 'so', 'muc', 'tieu', 'dat', 'tren']);

/** Length of the longest run of consecutive `words` found in `folded` (padded) that holds a telling word. */
function longestRun(words: string[], folded: string): number {
  let best = 0;
  for (let i = 0; i < words.length && words.length - i > best; i++) {
    for (let j = words.length; j - i > best; j--) {
      const run = words.slice(i, j);
      if (run.some((w) => !GENERIC.has(w)) && folded.includes(` ${run.join(' ')} `)) {
        best = j - i;
        break;
      }
    }
  }
  return best;
}

/**
 * Records that hold most of `words` as one run (function words and stock phrases aside),
 * best first; when some hold the whole phrase, only those.
 */
export function rankByPhrase(words: string[], candidates: SearchDoc[]): SearchDoc[] {
  const phrase = ` ${words.join(' ')} `;
  // "trung tâm" and "dữ liệu" apart are not "trung tâm dữ liệu"; "tỷ lệ chi cho chuyển đổi số" is "tỷ lệ chi chuyển đổi số".
  const need = words.length === 1 ? 1 : Math.max(2, Math.ceil(words.length * 0.6));
  const probe = ` ${[...words].sort((a, b) => b.length - a.length)[0]} `;
  const scored: { doc: SearchDoc; exact: boolean; score: number }[] = [];
  for (const doc of candidates) {
    if (!doc.folded.includes(probe)) continue;
    const content = contentOf(doc);
    const run = longestRun(words, content);
    if (run < need) continue;
    const exact = content.includes(phrase);
    const present = words.filter((w) => content.includes(` ${w} `)).length / words.length;
    // Whole phrase first, then the longest run, then most words; shorter records are more to the point.
    scored.push({ doc, exact, score: (exact ? 4 : 1) * (run / words.length + present) - doc.folded.length / 1e5 });
  }
  scored.sort((a, b) => b.score - a.score);
  const whole = scored.filter((r) => r.exact);
  return (whole.length ? whole : scored).map((r) => r.doc);
}

function findDocs(words: string[], plans: Plan[], env: Env, tasksFirst: boolean): { doc: SearchDoc; quote: string }[] {
  const candidates =
    plans.length <= SCAN_PLANS
      ? plans.flatMap((p) => env.index.docsOf(p.id))
      : env.index.search(words.join(' '), { planIds: plans.map((p) => p.id) }, 200).map((h) => env.index.doc(h.id)!);
  let scored = rankByPhrase(words, candidates);
  // "Nhiệm vụ nào về …": appendix tasks answer it before paragraphs do.
  if (tasksFirst && scored.some((d) => d.task)) scored = scored.filter((d) => d.task);
  // Quote each record once; the same sentence as a task and as a paragraph shows once.
  const seen = new Set<string>();
  const out: { doc: SearchDoc; quote: string }[] = [];
  for (const doc of scored) {
    const quote = excerpt(doc.text, words);
    const key = foldWords(quote).replace(/[.;,:…]+$/, '');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ doc, quote });
    if (out.length === 3) break;
  }
  return out;
}

/** Topic words; one-letter ones stay, they are parts of names ("Hue-S" → "hue s"). */
export const contentWords = (folded: string) => folded.split(' ').filter((w) => w && !STOPWORDS.has(w));

export function answerTopic(q: Query, env: Env): Answer {
  const en = q.lang === 'en';
  let words = contentWords(q.topic ?? foldWords(q.text));
  // A topic needs a real word: a bare number or letter ("2") is not one.
  if (!words.some((w) => /[a-z]{2}/.test(w))) {
    return {
      found: false,
      lines: [
        en
          ? 'What should I look for? For example: "What does the Hue plan say about Hue-S?"'
          : 'Bạn muốn tìm nội dung gì? Ví dụ: "Kế hoạch Huế nói gì về Hue-S?"',
      ],
      sources: [],
    };
  }
  const tasksFirst = /\b(nhiem vu (nao|gi)|which tasks?|what tasks?)\b/.test(foldWords(q.text));
  let docs = findDocs(words, q.plans, env, tasksFirst);
  // An English question about an indicator: search the plans' own words for it.
  if (!docs.length && q.indicator) {
    words = contentWords(foldWords(q.indicator.vi));
    docs = findDocs(words, q.plans, env, tasksFirst);
  }
  const label = q.topic ?? q.text;
  if (!docs.length) {
    const where = q.plans.length === 1 ? q.plans[0]!.shortName : en ? 'these plans' : 'các kế hoạch';
    return {
      found: false,
      lines: [en ? `I found nothing about "${label}" in ${where}.` : `Không tìm thấy nội dung về "${label}" trong ${where}.`],
      sources: [],
    };
  }
  const many = new Set(docs.map((d) => d.doc.plan.id)).size > 1;
  const lines = [en ? 'What the plans say:' : 'Nội dung liên quan trong kế hoạch:'];
  for (const { doc, quote } of docs) {
    lines.push(`- ${many ? `[${doc.plan.shortName}] ` : ''}${doc.task ? `${en ? 'Task' : 'Nhiệm vụ'} ${doc.task.number}: ` : ''}${unbullet(quote)}`);
  }
  return {
    found: true,
    lines,
    sources: docs.map(({ doc }) => source(doc.plan, doc.task ? taskWhere(doc.task, q.lang) : placeWhere(doc.place, q.lang), doc.id)),
  };
}
