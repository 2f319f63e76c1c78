/**
 * Prose → blocks (headings and paragraphs) with their heading path.
 * PDF extractions wrap every line (often with blank lines between); Word/Markdown
 * ones keep a paragraph per line. Both are rebuilt into paragraphs here.
 */
import { isPageNumber, joinPieces, stripMarkup } from './normalize.js';

export interface Block {
  kind: 'heading' | 'para';
  /** 1 Roman, 2 "1.", 3 "2.1.", 4 "a)", 5 "*" sub-group; paragraphs carry their own marker level. */
  level: number;
  text: string;
  /** 1-based source line where the block starts. */
  line: number;
  /** Headings above this block, outermost first. */
  path: string[];
}

const ROMAN = /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV)\.\s+\S/;
const DECIMAL2 = /^\d+\.\d+\.?\s+\S/;
const DECIMAL1 = /^\d+\.\s+\S/;
const LETTER = /^[a-zđ]\)\s+\S/;
const STAR = /^\*\s+\S/;
const BULLET = /^(?:[-–•+]\s+|\(\d+\)\s)/;

function markerLevel(line: string): number | null {
  if (ROMAN.test(line)) return 1;
  if (DECIMAL2.test(line)) return 3;
  if (DECIMAL1.test(line)) return 2;
  if (LETTER.test(line)) return 4;
  if (STAR.test(line)) return 5;
  if (BULLET.test(line)) return 9;
  return null;
}

const STARTS_UPPER = /^[\p{Lu}"“(]/u;
/** Full-width PDF lines are wrapped text; a short line ends its paragraph. */
const WRAP_WIDTH = 55;

interface Raw {
  level: number | null;
  pieces: string[];
  line: number;
  lastLen: number;
}

/** Paragraph-per-line sources (Markdown-ish) vs. PDF wraps: decided by typical line length. */
function isParagraphPerLine(lines: string[]): boolean {
  const lens = lines.map((l) => l.trim().length).filter((n) => n > 0).sort((a, b) => a - b);
  return lens.length > 0 && lens[Math.floor(lens.length / 2)]! > 100;
}

function gather(lines: string[], from: number, to: number): Raw[] {
  const paragraphPerLine = isParagraphPerLine(lines.slice(from, to));
  const out: Raw[] = [];
  let sawBlank = false;
  for (let i = from; i < to; i++) {
    const rawLine = lines[i]!;
    if (rawLine.trim() === '' || /^\s*[-*_]{3,}\s*$/.test(rawLine)) {
      sawBlank = true;
      continue;
    }
    if (isPageNumber(rawLine)) continue;
    const text = stripMarkup(rawLine);
    if (text === '') continue;
    const level = markerLevel(text);
    const prev = out[out.length - 1];
    const lowerStart = !STARTS_UPPER.test(text) && level === null;
    let continues = false;
    if (prev && level === null) {
      if (lowerStart) continues = true;
      else if (paragraphPerLine) continues = !sawBlank;
      else continues = prev.lastLen >= WRAP_WIDTH && !/[.;:!?]["”)]?$/.test(prev.pieces[prev.pieces.length - 1]!);
    }
    if (continues && prev) {
      prev.pieces.push(text);
      prev.lastLen = rawLine.trim().length;
    } else {
      out.push({ level, pieces: [text], line: i + 1, lastLen: rawLine.trim().length });
    }
    sawBlank = false;
  }
  return out;
}

/** "4. Sở Giáo dục và Đào tạo: chủ trì …" → heading "4. Sở Giáo dục và Đào tạo" + paragraph. */
function splitLeadIn(text: string): [string, string] | null {
  const m = /^(.{3,50}?):\s+(\S.*)$/.exec(text);
  if (!m || /[.;]/.test(m[1]!.replace(/^[\dIVX.]+\s|^[a-zđ]\)\s/, ''))) return null;
  return [m[1]!, m[2]!];
}

function isHeadingText(level: number, text: string): boolean {
  if (level === 1) return true;
  if (level === 9) return false;
  return text.length <= 100 && !/[.;,]$/.test(text);
}

/** Build blocks for lines [from, to). */
export function toBlocks(lines: string[], from: number, to: number): Block[] {
  const blocks: Block[] = [];
  const stack: { level: number; text: string }[] = [];
  const path = () => stack.map((s) => s.text);
  for (const raw of gather(lines, from, to)) {
    const text = joinPieces(raw.pieces);
    const level = raw.level;
    if (level !== null && level !== 9) {
      const leadIn = isHeadingText(level, text) ? null : splitLeadIn(text);
      const heading = leadIn ? leadIn[0] : isHeadingText(level, text) ? text : null;
      if (heading) {
        while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
        blocks.push({ kind: 'heading', level, text: heading, line: raw.line, path: path() });
        stack.push({ level, text: heading });
        if (leadIn) blocks.push({ kind: 'para', level: level + 1, text: leadIn[1], line: raw.line, path: path() });
        continue;
      }
    }
    // A marked item ("b)", "2.") closes the scope of an earlier heading at its level.
    if (level !== null && level !== 9) while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    blocks.push({ kind: 'para', level: level ?? 10, text, line: raw.line, path: path() });
  }
  return blocks;
}
