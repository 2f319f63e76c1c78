import { expect } from 'vitest';
import type { Reply } from '../../src/answer/types.js';
import { evalFold } from '../../src/eval/score.js';

/** Every part is in the reply, compared as the eval compares (case, diacritics, markdown folded). */
export const has = (reply: string, ...parts: string[]) => parts.every((p) => evalFold(reply).includes(evalFold(p)));

/** The reply's found flag is as expected and it holds every part; returned for further checks. */
function holds(reply: Reply, found: boolean, parts: string[]): Reply {
  expect({ found: reply.found, missing: parts.filter((p) => !has(reply.reply, p)) }, reply.reply).toEqual({ found, missing: [] });
  return reply;
}

/** Answered (found) with every part, so an error or "not found" reply never passes. */
export const answers = (reply: Reply, ...parts: string[]) => holds(reply, true, parts);

/** Not found, and saying so with every part. */
export const declines = (reply: Reply, ...parts: string[]) => holds(reply, false, parts);
