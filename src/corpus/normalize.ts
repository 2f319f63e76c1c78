/**
 * Text clean-up shared by every parser. The source keeps its wording; we only
 * normalize Unicode, whitespace and markup that the extraction added.
 */

/** NFC, Windows line ends removed, split into lines (index i is source line i + 1). */
export function toLines(text: string): string[] {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').split('\n');
}

/** Collapse runs of white space (incl. NBSP and tabs) to one space and trim. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Remove Markdown/HTML emphasis the extraction left: "#### **2. Mục tiêu**" → "2. Mục tiêu". */
export function stripMarkup(line: string): string {
  return squash(
    line
      .replace(/<\/?b>/gi, '')
      .replace(/^\s*#{1,6}\s+/, '')
      .replace(/\*\*/g, '')
      .replace(/(^|\s)\*(\S[^*]*?\S|\S)\*(?=\s|$|[.,;:])/g, '$1$2'),
  );
}

/** A line that is only a page number (page furniture in the middle of a sentence). */
export function isPageNumber(line: string): boolean {
  return /^\s*\d{1,3}\s*$/.test(line);
}

/** Join wrapped pieces of one sentence. */
export function joinPieces(pieces: string[]): string {
  return squash(pieces.filter((p) => p.trim() !== '').join(' '));
}
