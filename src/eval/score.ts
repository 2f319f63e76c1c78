/** Scores replies against an eval file, exactly as ../shared/eval/score.py does. */
import type { Reply } from '../answer/types.js';

export interface EvalItem {
  id: string;
  chat: string;
  text: string;
  want?: string[][];
  reject?: string[];
  found?: boolean;
}

export interface EvalResult {
  item: EvalItem;
  reply: Reply;
  ok: boolean;
  why: string[];
}

/** score.py's fold: tags out, đ→d, diacritics out, markdown marks out, spaces squashed. */
export function evalFold(s: string): string {
  return s
    .replace(/<[^>]+>/g, ' ')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function scoreOne(item: EvalItem, reply: Reply): EvalResult {
  const r = evalFold(reply.reply);
  const why: string[] = [];
  for (const group of item.want ?? []) {
    if (!group.some((a) => r.includes(evalFold(a)))) why.push(`missing one of ${group.join('|')}`);
  }
  for (const x of item.reject ?? []) if (r.includes(evalFold(x))) why.push(`holds rejected ${x}`);
  if (item.found !== undefined && reply.found !== item.found) why.push(`found=${reply.found} want ${item.found}`);
  return { item, reply, ok: why.length === 0, why };
}

export function parseEvalFile(text: string): EvalItem[] {
  return text
    .split('\n')
    .map((l, i) => [l.trim(), i + 1] as const)
    .filter(([l]) => l !== '')
    .map(([l, n]) => {
      let o: unknown;
      try {
        o = JSON.parse(l);
      } catch {
        throw new Error(`line ${n}: not JSON`);
      }
      const item = o as EvalItem;
      if (typeof item.id !== 'string' || typeof item.text !== 'string') throw new Error(`line ${n}: needs "id" and "text" strings`);
      return { ...item, chat: typeof item.chat === 'string' ? item.chat : item.id };
    });
}
