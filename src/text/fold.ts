/**
 * The one folding function every comparison goes through: NFC text in, a lowercase
 * ASCII-ish key out (diacritics stripped, đ→d). Display text is never folded.
 */
const COMBINING = /[\u0300-\u036f]/g;

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Fold and collapse every run of non-alphanumerics to one space: for matching phrases. */
export function foldWords(text: string): string {
  return fold(text).replace(/[^a-z0-9&%.]+/g, ' ').trim();
}
