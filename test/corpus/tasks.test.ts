import { describe, expect, it } from 'vitest';
import { splitUnits } from '../../src/corpus/agencies.js';
import { plan } from '../helpers.js';

describe('Huế 2026–2030 appendix (tab-separated)', () => {
  const tasks = () => plan('hue-kinh-te-so-2026-2030').tasks;

  it('keeps numbering as written: 57 rows, 39 and 40 missing, 55 twice', () => {
    const numbers = tasks().map((t) => t.number);
    expect(numbers).toHaveLength(57);
    expect(numbers.slice(36, 40)).toEqual(['37', '38', '41', '42']);
    expect(numbers.filter((n) => n === '55')).toHaveLength(2);
    expect(tasks().filter((t) => t.flags.includes('duplicate-number')).map((t) => t.id)).toEqual([
      'hue-kinh-te-so-2026-2030/55',
      'hue-kinh-te-so-2026-2030/55#2',
    ]);
    const anomalies = plan('hue-kinh-te-so-2026-2030').anomalies.map((a) => a.message);
    expect(anomalies.some((m) => m.includes('nhảy từ 38 lên 41'))).toBe(true);
    expect(anomalies.some((m) => m.includes('"2026 - 2023"'))).toBe(true);
  });

  it('joins wrapped cells and keeps the section path', () => {
    const t6 = tasks().find((t) => t.number === '6')!;
    expect(t6.title).toMatch(/tăng nhanh tỷ lệ người dùng Internet, đặc biệt ở khu vực nông thôn/);
    const t14 = tasks().find((t) => t.number === '14')!;
    expect(t14.support).toEqual(['Trung tâm CNTT thành phố', 'Hội CNTT&ĐTVT', 'Các đơn vị liên quan']);
    const t21 = tasks().find((t) => t.number === '21')!;
    expect(t21.section).toEqual(['A PHÁT TRIỂN NỀN MÓNG CHO KINH TẾ SỐ VÀ XÃ HỘI SỐ', 'IX Phát triển thanh toán số']);
    expect(t21.lead).toEqual(['Sở KH&CN', 'Sở Y tế', 'Sở GD&ĐT']);
    expect(t21.leadIds).toEqual(['so-khcn', 'so-yt', 'so-gddt']);
    const t27 = tasks().find((t) => t.number === '27')!;
    expect(t27.section[2]).toBe('V.1 Thương mại');
  });

  it('resolves written forms to one agency', () => {
    const t = (n: string) => tasks().find((x) => x.number === n)!;
    expect(t('13').leadIds[0]).toBe('so-ldtbxh');
    expect(t('14').leadIds).toEqual(['so-ldtbxh', 'so-khcn']);
    expect(t('58').leadIds).toEqual(['so-tc', 'so-khcn']);
    expect(t('46').leadIds).toEqual(['so-khcn']);
    expect(t('29').lead).toEqual(['Sở Văn hóa và Thể thao', 'Sở Du lịch']);
    expect(t('10').lead).toEqual(['Sở KH&CN', 'Công an thành phố']);
  });
});

describe('splitting cells into units', () => {
  it.each([
    ['Sở KH&CN; Sở Y tế; Sở GD&ĐT', ['Sở KH&CN', 'Sở Y tế', 'Sở GD&ĐT']],
    ['Sở Tài chính, sở KHCN', ['Sở Tài chính', 'sở KHCN']],
    ['Sở LĐ, TB&XH; Sở Khoa học và Công nghệ', ['Sở LĐ, TB&XH', 'Sở Khoa học và Công nghệ']],
    ['Sở Lao động, Thương binh và Xã hội', ['Sở Lao động, Thương binh và Xã hội']],
    ['Các sở, ban, ngành, UBND cấp xã', ['Các sở, ban, ngành', 'UBND cấp xã']],
    ['Các sở, ban, ngành, địa phương; các doanh nghiệp', ['Các sở, ban, ngành, địa phương', 'các doanh nghiệp']],
    ['Sở ban ngành liên quan', ['Sở ban ngành liên quan']],
    ['Trung tâm CNTT tỉnh, HueIOC', ['Trung tâm CNTT tỉnh', 'HueIOC']],
    ['Sở Y tế, Sở Giáo dục và Đào tạo, Ngân hành Nhà nước tỉnh', ['Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Ngân hành Nhà nước tỉnh']],
  ])('%s', (cell, units) => {
    expect(splitUnits(cell)).toEqual(units);
  });
});
