/** Reply language: English when the words are English, Vietnamese otherwise (accented or not). */
// natural's tokenizer module alone: the package entry is heavy (see text/distance.ts).
import { WordTokenizer } from 'natural/lib/natural/tokenizers/index.js';
import type { Lang } from '../answer/types.js';
import { hasDiacritics } from '../text/fold.js';
import { expandShorthand } from './shorthand.js';

const tokenizer = new WordTokenizer();

const ENGLISH = new Set(
  // Words that are also unaccented Vietnamese syllables (do, to, an, the, ma…) are left out.
  (
    'who what which when where why how is are was were does did of for and or ' +
    'leads lead task tasks target targets plan plans signed sign share about say says many much ' +
    'percent goal by with from this that its province city partner partners support note list compare hello hi thanks please'
  ).split(' '),
);

/** What an unaccented Vietnamese syllable can be: an onset, one to three vowels, a coda. */
const VIETNAMESE_SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;

/**
 * Words no Vietnamese syllable could be ("sets", "community", "village"); abbreviations ("attt",
 * "ubnd") and words without a vowel are neither language.
 */
function foreign(w: string): boolean {
  return /^[a-z]+$/.test(w) && /[aeiouy]/.test(w) && !VIETNAMESE_SYLLABLE.test(w) && expandShorthand(w) === w;
}

export function detectLanguage(text: string): Lang {
  if (hasDiacritics(text)) return 'vi';
  const words = tokenizer.tokenize(text.toLowerCase()) ?? [];
  if (!words.length) return 'vi';
  const english = words.filter((w) => ENGLISH.has(w)).length;
  if (english >= 2 || (english === 1 && words.length <= 3)) return 'en';
  // "Who sets up the community digital technology teams in Dak Lak?": one listed word, but most words are no Vietnamese.
  return words.length >= 4 && words.filter(foreign).length * 2 >= words.length ? 'en' : 'vi';
}
