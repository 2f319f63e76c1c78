/** "What does the plan say about …": the best passages, quoted briefly. */
import type { Plan } from '../corpus/types.js';
import { foldWords } from '../text/fold.js';
import { STOPWORDS } from '../text/stopwords.js';
import { clip, placeWhere, source, taskWhere, unbullet } from './format.js';
import type { Answer, Env, Query } from './query.js';

/** The sentence around the first match, so a long paragraph is quoted briefly. */
function excerpt(text: string, words: string[]): string {
  const sentences = text.split(/(?<=[.;:])\s+/);
  const f = sentences.map((s) => foldWords(s));
  let best = 0, bestScore = -1;
  f.forEach((s, i) => {
    const score = words.filter((w) => ` ${s} `.includes(` ${w} `)).length;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return clip(sentences[best]!, 260);
}

export function answerTopic(q: Query, env: Env, strict = true): Answer {
  const en = q.lang === 'en';
  const topic = q.topic ?? foldWords(q.text);
  const words = topic.split(' ').filter((w) => w.length > 1 && !STOPWORDS.has(w));
  const plans = q.plans;
  if (!words.length) return { found: false, lines: [], sources: [] };
  const hits = env.index.search(words.join(' '), { planIds: plans.map((p) => p.id) }, 40);
  const byId = new Map<string, { plan: Plan; text: string; where: string }>();
  for (const p of plans) {
    for (const x of p.passages) byId.set(x.id, { plan: p, text: x.text, where: placeWhere(x.place, q.lang) });
    for (const t of p.tasks) byId.set(t.id, { plan: p, text: `${en ? 'Task' : 'Nhiệm vụ'} ${t.number}: ${t.title} (${t.lead.join('; ')})`, where: taskWhere(t, q.lang) });
    for (const t of p.targets) byId.set(t.id, { plan: p, text: t.text, where: placeWhere(t.place, q.lang) });
  }
  const phrase = words.join(' ');
  const scored = hits
    .map((h) => {
      const doc = byId.get(h.id)!;
      const f = ` ${foldWords(doc.text)} `;
      const present = words.filter((w) => f.includes(` ${w} `)).length;
      // Exact phrase and whole-word presence count more than fuzzy/prefix similarity.
      const exact = f.includes(` ${phrase} `);
      return { h, doc, present, exact, score: h.score * (1 + present) * (exact ? 3 : 1) };
    })
    .filter((r) => (strict ? r.present >= Math.min(words.length, Math.max(1, Math.ceil(words.length * 0.6))) : r.present > 0))
    .sort((a, b) => b.score - a.score);
  // When some passages hold the whole phrase, the partial matches are noise.
  const exact = scored.filter((r) => r.exact);
  const seen = new Set<string>();
  const ranked = (exact.length ? exact : scored)
    .filter((r) => {
      const key = foldWords(excerpt(r.doc.text, words)).replace(/[.;,:…]+$/, "");
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .slice(0, 3);
  const label = q.topic ?? q.text;
  if (!ranked.length) {
    const where = plans.length === 1 ? plans[0]!.shortName : en ? 'these plans' : 'các kế hoạch';
    return { found: false, lines: [en ? `I found nothing about "${label}" in ${where}.` : `Không tìm thấy nội dung về "${label}" trong ${where}.`], sources: [] };
  }
  const lines = [en ? `What the plans say about "${label}":` : `Nội dung liên quan đến "${label}":`];
  for (const r of ranked) lines.push(`- ${plans.length > 1 ? `[${r.doc.plan.shortName}] ` : ''}${unbullet(excerpt(r.doc.text, words))}`);
  return { found: true, lines, sources: ranked.map((r) => source(r.doc.plan, r.doc.where)) };
}

