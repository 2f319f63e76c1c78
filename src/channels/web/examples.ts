/**
 * Example questions for the chat page: the candidates made from the loaded plans
 * (src/answer/examples.ts), kept only when the engine answers them.
 */
import type { Answerer } from '../../answer/types.js';
import type { Corpus } from '../../corpus/types.js';
import { exampleCandidates } from '../../answer/examples.js';
import type { UiLang } from './shared/i18n.js';

const MADE = new WeakMap<Corpus, Record<UiLang, string[]>>();

export function exampleQuestions(corpus: Corpus, answerer: Answerer, lang: UiLang): string[] {
  let made = MADE.get(corpus);
  if (!made) MADE.set(corpus, (made = { vi: make(corpus, answerer, 'vi'), en: make(corpus, answerer, 'en') }));
  return made[lang];
}

function make(corpus: Corpus, answerer: Answerer, lang: UiLang): string[] {
  let n = 0;
  // A fresh chat per try: one example's plan must not carry over to the next.
  const reply = (q: string) => answerer.ask(`web-examples:${lang}:${n++}`, q);
  // A comparison is shown only when it charts more than one plan.
  const ok = (kind: string, q: string) => (kind === 'compare' ? new Set(reply(q).chart?.bars.map((b) => b.plan)).size > 1 : reply(q).found);
  // The first candidate of each kind that the engine answers.
  return exampleCandidates(corpus, lang)
    .map((k) => k.candidates.find((q) => ok(k.kind, q)))
    .filter((q): q is string => q !== undefined);
}
