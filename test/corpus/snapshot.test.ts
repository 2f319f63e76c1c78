/**
 * The five real plans give the same records as before the layout registry and the new
 * target forms: `planbot corpus --json` is compared with a snapshot taken from the code
 * before those changes, ignoring fields added since (keys the snapshot does not have).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusJson } from '../../src/channels/cli/report.js';
import { corpus } from '../helpers.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** `now` restricted to the shape of `before`: keys added since are dropped, everything else kept. */
function likeBefore(now: Json, before: Json): Json {
  if (Array.isArray(now) && Array.isArray(before)) return now.map((x, i) => likeBefore(x, before[i] ?? null));
  if (now && before && typeof now === 'object' && typeof before === 'object' && !Array.isArray(now) && !Array.isArray(before)) {
    return Object.fromEntries(Object.keys(before).map((k) => [k, k in now ? likeBefore(now[k]!, before[k]!) : '<missing>']));
  }
  return now;
}

const before = JSON.parse(readFileSync(new URL('../fixtures/real-corpus.snapshot.json', import.meta.url), 'utf8')) as {
  plans: { id: string; [k: string]: Json }[];
  [k: string]: Json;
};

describe('the five real plans give the same records as before', () => {
  const now = JSON.parse(corpusJson(corpus())) as typeof before;

  it.each(before.plans.map((p) => p.id))('%s', (id) => {
    const was = before.plans.find((p) => p.id === id)!;
    const is = now.plans.find((p) => p.id === id)!;
    expect(likeBefore(is as Json, was as Json)).toEqual(was);
  });

  it('the same agencies and skipped files', () => {
    expect(likeBefore(now.agencies, before.agencies)).toEqual(before.agencies);
    expect(now.skipped).toEqual(before.skipped);
  });
});
