/** Targets of every form: counts, amounts and percentages, with unit, comparator, period and base. */
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/load.js';

/** A one-year plan whose "Mục tiêu cụ thể" section holds `bullets`. */
function targetsOf(...bullets: string[]) {
  const text = [
    'UBND TỈNH HÀ TĨNH',
    'Số: 9/KH-UBND ngày 2 tháng 1 năm 2025',
    '',
    '## KẾ HOẠCH',
    '',
    '### Chuyển đổi số tỉnh Hà Tĩnh năm 2025',
    '',
    'Căn cứ Quyết định số 749/QĐ-TTg; Ủy ban nhân dân tỉnh Hà Tĩnh ban hành Kế hoạch chuyển đổi số năm 2025.',
    '',
    '#### I. MỤC TIÊU',
    '',
    '##### 1. Mục tiêu chung',
    '',
    '- Theo Quyết định số 411/QĐ-TTg, phấn đấu 3 năm liền dẫn đầu.',
    '',
    '##### 2. Mục tiêu cụ thể',
    '',
    ...bullets.map((b) => `- ${b}`),
  ].join('\n');
  const plan = buildCorpus([{ name: 'ha-tinh.md', text }]).plans[0]!;
  return plan.targets.map((t) => ({ indicator: t.indicator, value: t.value, unit: t.unit, measure: t.measure, comparator: t.comparator, period: t.period, base: t.base, year: t.year }));
}

describe('target forms', () => {
  it('counts: the counted noun is the unit, comparators and periods read, the rest is the indicator', () => {
    expect(targetsOf('Mỗi năm tổ chức ít nhất 12 lớp tập huấn kỹ năng số cho người dân;')).toEqual([
      { indicator: 'Tổ chức lớp tập huấn kỹ năng số cho người dân', value: 12, unit: 'lớp', measure: 'count', comparator: 'toi-thieu', period: 'moi-nam', base: null, year: 2025 },
    ]);
    expect(targetsOf('Có trên 1.000 doanh nghiệp sử dụng nền tảng số.')[0]).toMatchObject({ value: 1000, unit: 'doanh nghiệp', comparator: 'tren', period: null });
    expect(targetsOf('Hàng năm hỗ trợ không quá 20 hợp tác xã chuyển đổi số.')[0]).toMatchObject({ value: 20, unit: 'hợp tác xã', comparator: 'toi-da', period: 'moi-nam' });
  });

  it('amounts and shares of something other than a population', () => {
    expect(targetsOf('Doanh thu từ dịch vụ số đạt khoảng 2.500 tỷ đồng.')[0]).toMatchObject({ value: 2500, unit: 'tỷ đồng', measure: 'amount', comparator: 'khoang' });
    expect(targetsOf('Kinh phí cho chuyển đổi số đạt 2% tổng chi ngân sách tỉnh hằng năm.')[0]).toMatchObject({
      value: 2,
      unit: '%',
      measure: 'percent',
      base: 'tổng chi ngân sách tỉnh hằng năm',
      period: 'moi-nam',
    });
  });

  it('a bullet with two figures yields two targets; years, ages and document numbers are not counts', () => {
    expect(targetsOf('Đào tạo 300 cán bộ và 50 chuyên gia về an toàn thông tin.').map((t) => [t.value, t.unit])).toEqual([
      [300, 'cán bộ'],
      [50, 'chuyên gia'],
    ]);
    expect(targetsOf('Đến năm 2030 người từ 15 tuổi trở lên được phổ cập kỹ năng số.')).toEqual([]);
    // "Mục tiêu chung" is not read for targets, so "3 năm liền" there is no target either.
    expect(targetsOf()).toEqual([]);
  });

  it('a bullet with a percentage is read for its percentages only, as before', () => {
    expect(targetsOf('100% xã có ít nhất 01 điểm hỗ trợ dịch vụ công trực tuyến.').map((t) => [t.value, t.unit, t.measure])).toEqual([[100, '%', 'percent']]);
  });
});
