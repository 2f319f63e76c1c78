import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/search/index.js';
import { corpus } from '../helpers.js';

describe('search index', () => {
  const c = corpus();
  const index = SearchIndex.build(c);
  // The national target the Bình Thuận, Đắk Lắk and Huế 2026 plans all copy word for word.
  const query = 'dân số trưởng thành có điện thoại thông minh đạt 80';

  it('finds a text several plans copy in every plan that carries it, each record once', () => {
    const hits = index.search(query, {}, 50);
    const plans = hits.map((h) => h.planId);
    for (const p of ['binh-thuan-kinh-te-so-2025-2030', 'dak-lak-kinh-te-so-2025-2030', 'hue-kinh-te-so-2026-2030']) expect(plans).toContain(p);
    expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
    for (const h of hits) expect(index.doc(h.id)!.folded).toContain(' dan so truong thanh co dien thoai thong minh ');
    // One of the texts is carried by records of three plans.
    const plansByText = new Map<string, Set<string>>();
    for (const h of hits) {
      const f = index.doc(h.id)!.folded;
      plansByText.set(f, (plansByText.get(f) ?? new Set()).add(h.planId));
    }
    expect(Math.max(...[...plansByText.values()].map((s) => s.size))).toBeGreaterThanOrEqual(3);
  });

  it('filters by plan and type and stops at the limit inside a shared text', () => {
    const dak = index.search(query, { planIds: ['dak-lak-kinh-te-so-2025-2030'] });
    expect(dak.length).toBeGreaterThan(0);
    expect(dak.every((h) => h.planId === 'dak-lak-kinh-te-so-2025-2030')).toBe(true);
    expect(index.search(query, {}, 2)).toHaveLength(2);
    expect(index.search(query, { types: ['task'] })).toEqual([]);
  });

  it('scores every record of a shared text alike', () => {
    const hits = index.search(query, {}, 50);
    const byText = new Map<string, number[]>();
    for (const h of hits) {
      const f = index.doc(h.id)!.folded;
      byText.set(f, [...(byText.get(f) ?? []), h.score]);
    }
    for (const scores of byText.values()) expect(new Set(scores).size).toBe(1);
  });
});
