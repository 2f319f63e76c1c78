/** The one column vocabulary every appendix layout reads its header through. */
import { describe, expect, it } from 'vitest';
import { columnOfCell, rawRow, readHeader } from '../../src/corpus/layouts/columns.js';

describe('column vocabulary', () => {
  it.each([
    ['TT Nội dung mục tiêu Cơ quan chủ trì theo dõi, đôn đốc Cơ quan thực hiện', ['title', 'monitor', 'support']],
    ['TT Nhiệm vụ Cơ quan chủ trì thực hiện Cơ quan phối hợp thực hiện Thời gian thực hiện', ['title', 'lead', 'support', 'time']],
    ['STT Tên nhiệm vụ Năm triển khai Đơn vị chủ trì Ghi chú', ['title', 'time', 'lead', 'note']],
    ['TT Nhiệm vụ Sản phẩm Chủ trì Phối hợp Kinh phí (triệu đồng) Thời gian', ['title', 'output', 'lead', 'support', 'funding', 'time']],
    ['TT Nhiệm vụ Cơ quan chủ trì, phối hợp Tiến độ', ['title', 'leadSupport', 'time']],
    ['TT Chỉ tiêu Đơn vị thực hiện Đơn vị theo dõi', ['title', 'support', 'monitor']],
  ])('%s', (header, columns) => {
    expect(readHeader(header)).toMatchObject({ columns, unknown: [] });
  });

  it('names what it cannot place, as written, and keeps its place', () => {
    expect(readHeader('TT Nhiệm vụ Căn cứ Cơ quan chủ trì Đơn vị tính Thời gian')).toEqual({
      columns: ['title', 'other', 'lead', 'other', 'time'],
      unknown: ['Căn cứ', 'Đơn vị tính'],
      fundingUnit: null,
    });
    expect(readHeader('Kinh phí (tỷ đồng)').fundingUnit).toBe('tỷ đồng');
  });

  it('reads one tab cell as one column, or none', () => {
    expect(['TT', 'Nhiệm vụ, giải pháp', 'Chủ trì', 'Phối hợp', 'Sản phẩm đầu ra', 'Nguồn vốn', 'Đơn vị tính', ''].map(columnOfCell)).toEqual([
      'number',
      'title',
      'lead',
      'support',
      'output',
      'funding',
      null,
      null,
    ]);
  });

  it.each([
    ['Sở TTTT (chủ trì); Sở Tài chính, Sở Y tế', 'Sở TTTT', 'Sở Tài chính; Sở Y tế'],
    ['Sở Tài chính, Sở TTTT (chủ trì)', 'Sở TTTT', 'Sở Tài chính'],
    ['Chủ trì: Sở Nội vụ; Phối hợp: các sở, ban, ngành', 'Sở Nội vụ', 'các sở, ban, ngành'],
    ['Sở Công Thương Sở Tài chính', 'Sở Công Thương', 'Sở Tài chính'],
    ['Sở Y tế', 'Sở Y tế', null],
  ])('a merged lead/partner cell "%s"', (cell, lead, support) => {
    const row = rawRow('1', [], 1, (c) => (c === 'leadSupport' ? cell : null));
    expect([row.lead, row.support]).toEqual([lead, support]);
  });
});
