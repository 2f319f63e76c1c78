/**
 * Vietnamese words are syllables: one syllable matches almost everywhere, so matching
 * goes by pairs of neighbouring syllables, leaving out pairs every target shares.
 */

/** Pairs every target or plan shares ("tỷ lệ người dân…"): no evidence of what is meant. */
const GENERIC_PAIRS = new Set(['ty le', 'le nguoi', 'nguoi dan', 'le dan', 'dan so', 'ty trong', 'le doanh', 'doanh nghiep', 'muc tieu', 'chi tieu']);

/** Folded word pairs of a phrase, generic ones left out. */
export function wordPairs(folded: string): string[] {
  const w = folded.split(' ').filter(Boolean);
  return w
    .slice(1)
    .map((x, i) => `${w[i]} ${x}`)
    .filter((p) => !GENERIC_PAIRS.has(p));
}
