/**
 * The tasks filter, the same on the server (?q=) and in the browser (as you type): what is typed
 * must be in the row as a run of words from a word's start (like find-in-page, so "so y te" is
 * Sở Y tế and not "số … y tế"), compared through the project's fold (no diacritics, đ→d), with
 * "&" ignored so "so khcn" finds "Sở KH&CN".
 */
import { foldWords } from '../../../text/fold.js';

export function filterKey(text: string): string {
  return ` ${foldWords(text).replace(/&/g, '')} `;
}

export function filterWords(query: string): string[] {
  return filterKey(query).split(' ').filter(Boolean);
}

/** Whether a row's key (filterKey of its text) holds the words in a row, the first from a word's start. */
export function rowMatches(key: string, words: string[]): boolean {
  return key.includes(` ${words.join(' ')}`);
}
