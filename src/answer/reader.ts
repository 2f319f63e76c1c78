/**
 * The reader: from a record the retrieval proposed, the part that answers. For a passage, the
 * sentence or list item holding most of the question's words, whole (a list of units is never
 * cut in the middle), and the rest of its list when the question asks for the list.
 */
import { foldSpelt } from '../nlu/shorthand.js';

/** Longest quote: a whole sentence up to this, else cut at a word with "…". */
const MAX_QUOTE = 600;

/** Sentence ends: a full stop or semicolon before a capital, a bullet or a list marker. */
const SENTENCE_END = /(?<=[.;!?])\s+(?=[\p{Lu}(•+–-]|\d+[.)]\s)/u;

/** Words of a sentence as a record's words are folded. */
const wordsOf = (s: string) => ` ${foldSpelt(s)} `;

/** How many of the question's words a sentence holds; two-syllable words count double. */
export function sentenceScore(sentence: string, runs: string[][]): number {
  const f = wordsOf(sentence);
  let score = 0;
  for (const run of runs) {
    run.forEach((w, i) => {
      if (!f.includes(` ${w} `)) return;
      score += 1;
      if (i + 1 < run.length && f.includes(` ${w} ${run[i + 1]} `)) score += 1;
    });
  }
  return score;
}

/** The sentence of `text` that answers best, whole; a lead-in ending in ":" keeps what follows. */
export function bestSentence(text: string, runs: string[][]): string {
  if (text.length <= MAX_QUOTE) return text;
  const sentences = text.split(SENTENCE_END);
  let best = 0;
  let bestScore = -1;
  sentences.forEach((s, i) => {
    const score = sentenceScore(s, runs);
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  let quote = sentences[best]!;
  if (/:\s*$/.test(quote) && sentences[best + 1]) quote = `${quote} ${sentences[best + 1]}`;
  return clipWords(quote, MAX_QUOTE);
}

/** Cut at a word boundary, marking the cut. */
export function clipWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const at = cut.lastIndexOf(' ');
  return `${(at > max * 0.6 ? cut.slice(0, at) : cut).replace(/[,;:]$/, '')} …`;
}

/** Is this passage one item of a list (a bullet or a numbered item)? */
export function isListItem(text: string): boolean {
  return /^\s*(?:[-–+•*]|\(?\d{1,2}[.)]|[a-zđ][.)])\s/u.test(text);
}
