/**
 * The tasks filter, the same on the server (?q=) and in the browser (as you type): every word
 * typed must be in the row, compared through the project's fold (no diacritics, đ→d), and "&"
 * ignored so "so khcn" finds "Sở KH&CN".
 */
import { foldWords } from '../../../text/fold.js';

export function filterKey(text: string): string {
  return ` ${foldWords(text).replace(/&/g, '')} `;
}

export function filterWords(query: string): string[] {
  return filterKey(query).split(' ').filter(Boolean);
}

/** Whether a row's key (filterKey of its text) holds every word; words match from their start. */
export function rowMatches(key: string, words: string[]): boolean {
  return words.every((w) => key.includes(` ${w}`));
}
