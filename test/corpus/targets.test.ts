import { describe, expect, it } from 'vitest';
import { plan } from '../helpers.js';

const byYear = (id: string) => {
  const counts: Record<number, number> = {};
  for (const t of plan(id).targets) counts[t.year] = (counts[t.year] ?? 0) + 1;
  return counts;
};

describe('targets', () => {
  it('takes the year from the heading above each bullet, or the plan year', () => {
    expect(byYear('hue-kinh-te-so-2026-2030')).toEqual({ 2026: 17, 2030: 17 });
    expect(byYear('binh-thuan-kinh-te-so-2025-2030')).toEqual({ 2025: 18, 2030: 18 });
    expect(byYear('dak-lak-kinh-te-so-2025-2030')).toEqual({ 2025: 15, 2030: 15 });
    expect(byYear('thua-thien-hue-kinh-te-so-2024')).toEqual({ 2024: 17 });
    expect(byYear('thua-thien-hue-chuyen-doi-so-2024')).toEqual({ 2024: 33 });
  });

  it('parses values, units, comparators and groups', () => {
    const kts = plan('thua-thien-hue-kinh-te-so-2024').targets;
    const sector = kts.find((t) => t.indicator === 'Tỷ trọng kinh tế số trong từng ngành, lĩnh vực')!;
    expect([sector.value, sector.unit, sector.comparator, sector.group]).toEqual([8.5, '%', 'toi-thieu', 'kinh-te-so']);
    const share = kts.find((t) => t.indicator === 'Tỷ trọng kinh tế số')!;
    expect([share.value, share.unit, share.comparator]).toEqual([15, '% GRDP', 'dat']);
    const cds = plan('thua-thien-hue-chuyen-doi-so-2024').targets;
    expect(cds.find((t) => t.text.includes('nhân lực lao động kinh tế số'))!.value).toBe(1.7);
    expect(cds.find((t) => t.text.includes('nhỏ và vừa'))!.comparator).toBe('khoang');
    expect(cds.filter((t) => t.group === 'chinh-quyen-so')).toHaveLength(17);
    const dl = plan('dak-lak-kinh-te-so-2025-2030').targets.find((t) => t.year === 2030 && t.unit === '% GRDP')!;
    expect([dl.value, dl.comparator]).toEqual([30, 'phan-dau']);
  });

  it('yields both figures of a two-figure bullet', () => {
    const cds = plan('thua-thien-hue-chuyen-doi-so-2024').targets.filter((t) => t.text.startsWith('100% hồ sơ công việc'));
    expect(cds.map((t) => [t.value, t.scope])).toEqual([
      [100, 'cấp tỉnh; cấp huyện'],
      [90, 'cấp xã'],
    ]);
  });

  it('merges Bình Thuận Phụ lục 01 monitors into the 2025 targets, without duplicates', () => {
    const bt = plan('binh-thuan-kinh-te-so-2025-2030').targets;
    const ehr = bt.filter((t) => t.text.includes('hồ sơ sức khỏe điện tử'));
    expect(ehr.map((t) => [t.year, t.value, t.monitor])).toEqual([
      [2025, 90, ['Sở Y tế']],
      [2030, 95, []],
    ]);
    expect(bt.filter((t) => t.monitor.length)).toHaveLength(18);
    const pay = bt.find((t) => t.year === 2025 && t.text.includes('tài khoản giao dịch'))!;
    expect(pay.monitor).toEqual(['Ngân hàng Nhà nước tỉnh']);
  });

  it('keeps typos as written', () => {
    expect(plan('hue-kinh-te-so-2026-2030').targets.some((t) => t.text.includes('Số sức khỏe điện tử'))).toBe(true);
  });
});
