/** Where the body, the signature block and each appendix sit in a plan file. */
import { fold } from '../text/fold.js';
import { stripMarkup } from './normalize.js';

export interface Regions {
  /** [start, end) of the prose body (before "Nơi nhận" / the first appendix). */
  body: [number, number];
  /** [start, end) of recipients + signature. */
  signature: [number, number];
  /** Start index of each appendix heading ("PHỤ LỤC", "PHỤ LỤC 02:"), in order. */
  appendices: number[];
}

/** A line that is only "Phụ lục", with an optional number ("**PHỤ LỤC**", "PHỤ LỤC 02:", "Phụ lục I"). */
function isAppendixHeading(line: string): boolean {
  if (line.length > 40) return false;
  return /^phu luc(?:\s+(?:\d{1,2}|[ivx]{1,4}))?\s*[:.]?$/.test(fold(stripMarkup(line)));
}

export function findRegions(lines: string[]): Regions {
  const appendices: number[] = [];
  lines.forEach((l, i) => {
    if (isAppendixHeading(l)) appendices.push(i);
  });
  const end = appendices[0] ?? lines.length;
  let recipients = lines.findIndex((l, i) => i < end && l.length < 30 && /^noi nhan\s*:?$/.test(fold(stripMarkup(l))));
  if (recipients < 0) recipients = end;
  return { body: [0, recipients], signature: [recipients, end], appendices };
}
