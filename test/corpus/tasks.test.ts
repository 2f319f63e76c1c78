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

describe('TT Huế chuyển đổi số 2024 appendix (PDF columns)', () => {
  const tasks = () => plan('thua-thien-hue-chuyen-doi-so-2024').tasks;

  it('has 62 tasks numbered 1 to 62 with leads, times and the one note', () => {
    expect(tasks().map((t) => t.number)).toEqual(Array.from({ length: 62 }, (_, i) => String(i + 1)));
    const t = (n: string) => tasks().find((x) => x.number === n)!;
    expect([t('37').lead, t('37').time]).toEqual([['Văn phòng UBND tỉnh'], '2024']);
    expect([t('57').lead, t('57').time]).toEqual([['Sở Y tế'], '2021-2025']);
    expect(t('1').lead).toEqual(['Sở Thông tin và Truyền thông (TTTT)']);
    expect(t('1').leadIds).toEqual(['so-tttt']);
    expect(t('22').note).toBe('Nhiệm vụ năm 2023 chuyển sang');
    expect(t('61').time).toBeNull();
    expect(t('52').leadIds).toEqual(['nhnn']);
    expect(t('14').title).toMatch(/^Triển khai hạ tầng hệ thống giám sát camera tại Bảo tàng Cổ vật Cung đình Huế, Thế Miếu/);
    expect(t('40').section).toEqual(['VIII Chính quyền số']);
  });
});

describe('Bình Thuận Phụ lục 02 (stacked cells, two parts)', () => {
  const tasks = () => plan('binh-thuan-kinh-te-so-2025-2030').tasks;

  it('keeps both parts, where numbering restarts', () => {
    const part = (p: string) => tasks().filter((t) => t.part?.startsWith(p)).map((t) => t.number);
    expect(part('I ')).toEqual(['1.1', '1.2', '2', '3.1', '3.2', '4.1', '4.2', '5', '6.1', '6.2', '6.3', '7.1', '7.2', '8.1', '8.2', '8.3', '9.1', '9.2']);
    expect(part('II ')).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3']);
    expect(new Set(tasks().map((t) => t.id)).size).toBe(25);
  });

  it('splits lead and partner cells and reads typos through to the right agency', () => {
    const t = (n: string, part: string) => tasks().find((x) => x.number === n && x.part?.startsWith(part))!;
    expect([t('7.1', 'I ').lead, t('7.1', 'I ').time]).toEqual([['Sở Thông tin và Truyền thông'], '2023']);
    expect(t('8.3', 'I ').lead).toEqual(['Sở Công Thương']);
    expect(t('9.2', 'I ').leadIds).toEqual(['so-yt', 'so-gddt', 'nhnn']);
    expect(t('1.1', 'II ').lead).toEqual(['Sở Thông tin và Truyền thông', 'các sở, ban, ngành, địa phương']);
    expect(t('2.2', 'II ').support).toEqual(['Các viện nghiên cứu, trường đại học, doanh nghiệp công nghệ số']);
    expect(plan('binh-thuan-kinh-te-so-2025-2030').anomalies.some((a) => a.kind === 'typo' && a.message.includes('Ngân hành'))).toBe(true);
  });
});
