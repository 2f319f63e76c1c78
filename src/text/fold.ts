/**
 * The one folding function every comparison goes through: NFC text in, a lowercase
 * ASCII-ish key out (diacritics stripped, đ→d). Display text is never folded.
 */
const COMBINING = /[\u0300-\u036f]/g;

export function fold(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Fold and collapse every run of non-alphanumerics to one space: for matching phrases. */
export function foldWords(text: string): string {
  return dotsOut(fold(text).replace(/[^a-z0-9&%.]+/g, ' '));
}

/** Full stops go, decimal points stay ("số." → "so", "7.1" → "7.1"). */
function dotsOut(text: string): string {
  return text
    .replace(/\.(?!\d)|(?<!\d)\./g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lowercase words with diacritics kept (NFC), separated like `foldWords`: fold() of it equals foldWords(). */
export function accentWords(text: string): string {
  return dotsOut(
    text
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}&%.]+/gu, ' '),
  );
}

const VIETNAMESE_MARKS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i;

/** Whether the text was typed with Vietnamese diacritics. */
export function hasDiacritics(text: string): boolean {
  return VIETNAMESE_MARKS.test(text.normalize('NFC'));
}
