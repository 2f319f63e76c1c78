/**
 * Split text into chunks of at most `limit` characters, cutting on line boundaries
 * so a reply is never broken mid-line unless a single line is itself too long.
 */
export function splitText(text: string, limit: number): string[] {
  if (limit < 1) throw new RangeError('limit must be at least 1');
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    for (const piece of cutLongLine(line, limit)) {
      const joined = current === '' ? piece : `${current}\n${piece}`;
      if (joined.length <= limit) {
        current = joined;
      } else {
        if (current.trim() !== '') chunks.push(current);
        current = piece;
      }
    }
  }
  if (current.trim() !== '') chunks.push(current);
  return chunks;
}

/** A line longer than the limit is cut at the last space before the limit, or hard at the limit. */
function cutLongLine(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    const space = rest.lastIndexOf(' ', limit);
    const cut = space > limit / 2 ? space : limit;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^ /, '');
  }
  pieces.push(rest);
  return pieces;
}
