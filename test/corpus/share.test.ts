import { describe, expect, it } from 'vitest';
import { TextPool } from '../../src/corpus/share.js';
import type { Plan } from '../../src/corpus/types.js';
import { corpus, plan } from '../helpers.js';

describe('text pool', () => {
  it('leaves every record as it was', () => {
    const copy = structuredClone(corpus().plans) as Plan[];
    const pool = new TextPool();
    const pooled = copy.map((p) => pool.plan(p));
    expect(pooled).toEqual(corpus().plans);
  });

  it('gives paragraphs under one heading, and equal lists in different plans, one array', () => {
    const hue = plan('hue-kinh-te-so-2026-2030');
    const key = (x: { path: string[] }) => x.path.join(' › ');
    const heading = hue.passages.map(key).find((k, i, all) => k !== '' && all.indexOf(k) !== i)!;
    const [a, b] = hue.passages.filter((x) => key(x) === heading);
    expect(b!.path).toBe(a!.path);
    expect(a!.place.path).toBe(a!.path);
    // Equal but separately built lists (a clone) come back as the pool's arrays.
    const pool = new TextPool();
    const first = pool.plan(structuredClone(hue));
    const second = pool.plan(structuredClone(hue));
    expect(second.passages[5]!.path).toBe(first.passages[5]!.path);
    expect(second.tasks[0]!.leadIds).toBe(first.tasks[0]!.leadIds);
    expect(second.tasks[0]!.leadIds).not.toBe(hue.tasks[0]!.leadIds);
  });
});
