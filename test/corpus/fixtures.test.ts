/**
 * Small synthetic plans written for these tests (test/fixtures/plans): extra columns, another
 * column order, a merged lead/partner cell, stacked parts A/B, a monitor table in its own
 * column order, appendices called "Phụ lục III" / "Phụ lục I", count and amount targets, and
 * tables the parser cannot read. Each parses to the records in its `<name>.expected.json`
 * (`planbot corpus --json` for that plan).
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusReport } from '../../src/channels/cli/report.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Plan } from '../../src/corpus/types.js';
import { loadCorpusCached } from '../../src/search/cache.js';
import { CORPUS_DIR } from '../helpers.js';
import { fixtureRecords } from './fixtureRecords.js';

const DIR = fileURLToPath(new URL('../fixtures/plans', import.meta.url));
const FILES = readdirSync(DIR).filter((f) => /\.(txt|md)$/.test(f));
const fixtures = loadCorpus(DIR);
const plan = (id: string): Plan => {
  const p = fixtures.plans.find((x) => x.id === id);
  if (!p) throw new Error(`no fixture plan ${id}`);
  return p;
};
const task = (id: string, number: string, partCode?: string) => {
  const t = plan(id).tasks.find((x) => x.number === number && (partCode === undefined || x.partCode === partCode));
  if (!t) throw new Error(`no task ${number} in ${id}`);
  return t;
};

describe('fixture plans parse to their expected records', () => {
  it('every fixture is a plan', () => {
    expect(fixtures.skipped).toEqual([]);
    expect(fixtures.plans.map((p) => p.file).sort()).toEqual(FILES.sort());
  });

  // After a deliberate change, `npx vitest run -u test/corpus/fixtures.test.ts` rewrites the files; review their diff.
  it.each(FILES.map((f) => f.replace(/\.(txt|md)$/, '')))('%s', async (id) => {
    await expect(`${JSON.stringify(fixtureRecords(plan(id)), null, 2)}\n`).toMatchFileSnapshot(join(DIR, `${id}.expected.json`));
  });
});

describe('what the fixtures are for', () => {
  it('extra "Sản phẩm" and "Kinh phí" columns are read as output and funding, never as the lead', () => {
    const t1 = task('quang-tri-extra-columns', '1');
    expect([t1.lead, t1.support, t1.output, t1.funding]).toEqual([
      ['Sở Khoa học và Công nghệ'],
      ['Sở Tài chính', 'Sở Kế hoạch và Đầu tư'],
      'Quyết định phê duyệt dự án',
      '5.000 triệu đồng',
    ]);
    expect(fixtures.agencies.some((a) => /quyết định|kết quả|dữ liệu/i.test(a.name))).toBe(false);
    // A stacked PDF table with the product between the lead and the partners.
    const ld = task('lam-dong-stacked-output', '1');
    expect([ld.lead, ld.output, ld.support]).toEqual([['Sở Khoa học và Công nghệ'], 'Kho dữ liệu được đưa vào vận hành', ['Sở Tài chính', 'Sở Y tế']]);
  });

  it('partners on two lines or in one merged cell are split, never run together', () => {
    expect(plan('lam-dong-stacked-output').tasks.flatMap((t) => t.support).some((u) => /Sở .* Sở /.test(u))).toBe(false);
    expect([task('nghe-an-merged-units', '1').lead, task('nghe-an-merged-units', '1').support]).toEqual([['Sở Công Thương'], ['Sở Tài chính', 'Sở Y tế']]);
    expect([task('nghe-an-merged-units', '2').lead, task('nghe-an-merged-units', '2').support]).toEqual([['Ngân hàng Nhà nước tỉnh'], ['Sở Tài chính', 'Sở Công Thương']]);
    expect(task('nghe-an-merged-units', '2').leadIds).toEqual(['nhnn']);
    // Three units in one cell with no separator at all.
    expect([task('nghe-an-merged-units', '4').lead, task('nghe-an-merged-units', '4').support]).toEqual([['Sở Công Thương'], ['Sở Tài chính', 'Sở Y tế']]);
  });

  it('a PDF-columns table in another column order, one space after the number', () => {
    const kt = plan('kon-tum-pdf-columns');
    expect(kt.appendices[0]).toMatchObject({ layout: 'pdf-columns', columns: ['title', 'lead', 'time', 'note'], confidence: 1 });
    expect(task('kon-tum-pdf-columns', '1')).toMatchObject({ lead: ['Sở Thông tin và Truyền thông'], time: '2025' });
    expect(task('kon-tum-pdf-columns', '2')).toMatchObject({ lead: ['Văn phòng UBND tỉnh'], time: '2025', note: 'Chuyển từ năm 2024' });
  });

  it('parts A/B keep their codes, funding figures their unit; appendices keep their own names in records and citations', () => {
    expect(plan('gia-lai-parts-ab').tasks.map((t) => `${t.partCode}.${t.number}`)).toEqual(['A.1', 'A.2', 'B.1', 'B.2']);
    expect(task('gia-lai-parts-ab', '1', 'B')).toMatchObject({ appendix: 'Phụ lục II', part: 'B GIẢI PHÁP', lead: ['Sở Văn hóa, Thể thao và Du lịch'] });
    expect(task('gia-lai-parts-ab', '1', 'B').place.path[0]).toBe('Phụ lục II');
    // A stacked "Kinh phí (triệu đồng)" column: bare figures are cells, not page numbers.
    expect(plan('gia-lai-parts-ab').tasks.map((t) => t.funding)).toEqual(['500 triệu đồng', '1.200 triệu đồng', 'Ngân sách tỉnh', '80 triệu đồng']);
    expect(task('quang-tri-extra-columns', '3').place.path).toEqual(['Phụ lục III', 'II Nhân lực số']);
  });

  it('a monitor table in its own column order is merged into the targets, citing its appendix', () => {
    const ehr = plan('gia-lai-parts-ab').targets.find((t) => t.value === 85)!;
    expect([ehr.monitor, ehr.monitorIds, ehr.implementers, ehr.monitorPlace?.path]).toEqual([['Sở Y tế'], ['so-yt'], ['Các cơ sở khám bệnh, chữa bệnh'], ['Phụ lục I']]);
  });

  it('reads counts, amounts and shares with unit, comparator and period', () => {
    const qt = plan('quang-tri-extra-columns').targets;
    const pick = (unit: string) => qt.find((t) => t.unit === unit)!;
    expect(pick('lớp')).toMatchObject({ measure: 'count', value: 10, comparator: 'toi-thieu', period: 'moi-nam', year: 2025 });
    expect(pick('doanh nghiệp')).toMatchObject({ measure: 'count', value: 500, comparator: 'dat', period: null });
    expect(pick('tỷ đồng')).toMatchObject({ measure: 'amount', value: 1500, indicator: 'Doanh thu thương mại điện tử' });
    expect(qt.find((t) => t.base?.startsWith('tổng chi'))).toMatchObject({ measure: 'percent', value: 1, unit: '%', comparator: 'toi-thieu' });
    // One bullet, two figures: two targets, the bullet's "Hằng năm" on both.
    const both = qt.filter((t) => t.text.startsWith('Hằng năm'));
    expect(both.map((t) => [t.value, t.unit, t.period])).toEqual([
      [200, 'học viên', 'moi-nam'],
      [5, 'hội thảo', 'moi-nam'],
    ]);
    expect(plan('lam-dong-stacked-output').targets.find((t) => t.measure === 'count')).toMatchObject({ value: 3, unit: 'nền tảng', comparator: 'toi-thieu' });
  });

  it('a table the parser cannot read is reported by name, not guessed', () => {
    const ag = plan('an-giang-unreadable');
    expect(ag.appendices.map((a) => [a.name, a.layout, a.rows])).toEqual([
      ['Phụ lục 02', null, 0],
      ['Phụ lục 03', 'stacked-cells', 1],
      ['Phụ lục 04', 'tabbed', 2],
    ]);
    expect(ag.anomalies.filter((a) => a.kind === 'unread-table').map((a) => a.message)).toEqual([
      'Phụ lục 02 (BẢNG PHÂN CÔNG CÔNG VIỆC): không đọc được bảng — không thấy dòng tiêu đề cột (TT, Nhiệm vụ, Chủ trì…)',
    ]);
    expect(ag.tasks.map((t) => t.appendix)).toEqual(['Phụ lục 03', 'Phụ lục 04', 'Phụ lục 04']);
    // A column the vocabulary lacks is named, and its cells stay out of the record.
    expect(ag.anomalies.find((a) => a.kind === 'unknown-column')?.message).toContain('"Căn cứ"');
    expect(ag.tasks[0]).toMatchObject({ title: 'Số hóa hồ sơ bệnh án tại bệnh viện tỉnh.', lead: ['Sở Y tế'], time: '2025' });
  });

  it('a table read with doubt says so, and a cell that is not a unit never becomes an agency', () => {
    const ag = plan('an-giang-unreadable');
    const pl04 = ag.anomalies.filter((a) => a.message.startsWith('Phụ lục 04'));
    expect(pl04.map((a) => a.kind)).toEqual(['low-confidence', 'odd-cell', 'odd-cell', 'no-lead', 'no-lead']);
    expect(pl04[1]!.message).toBe('Phụ lục 04: dòng 1: đơn vị chủ trì "Quyết định phê duyệt" không giống tên đơn vị');
    const odd = ag.tasks.filter((t) => t.appendix === 'Phụ lục 04');
    expect(odd.map((t) => [t.lead, t.leadIds, t.flags])).toEqual([
      [[], [], ['odd-cell']],
      [[], [], ['odd-cell']],
    ]);
    expect(fixtures.agencies.some((a) => /quyết định|tháng/i.test(a.name))).toBe(false);
  });
});

describe('the five real plans plus the fixtures in one folder', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'planbot-fixtures-'));
  const dir = join(tmp, 'corpus');
  cpSync(CORPUS_DIR, dir, { recursive: true });
  for (const f of FILES) cpSync(join(DIR, f), join(dir, f));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('planbot corpus lists each fixture with its appendices and anomalies', () => {
    const corpus = loadCorpus(dir);
    expect(corpus.plans).toHaveLength(5 + FILES.length);
    const report = corpusReport(corpus);
    expect(report).toContain('[unread-table] Phụ lục 02 (BẢNG PHÂN CÔNG CÔNG VIỆC)');
    expect(report).toContain('[unknown-column] Phụ lục III: cột "Đơn vị tính" không rõ nghĩa');
    expect(report).toContain('Phụ lục III (nhiệm vụ, dòng 33): 3 dòng; kiểu tabbed, tin cậy 1.00, cột: title, output, lead, support, funding, other, time');
    expect(report).toContain('Chỉ tiêu không phải tỷ lệ: 4 số lượng, 1 số tiền');
  });

  it('the new fields survive the on-disk cache', () => {
    const cacheDir = join(tmp, 'cache');
    const miss = loadCorpusCached(dir, cacheDir);
    const hit = loadCorpusCached(dir, cacheDir);
    expect([miss.cache, hit.cache]).toEqual(['miss', 'hit']);
    expect(hit.corpus).toEqual(miss.corpus);
    const qt = hit.corpus.plans.find((p) => p.id === 'quang-tri-extra-columns')!;
    expect(fixtureRecords(qt)).toEqual(fixtureRecords(plan('quang-tri-extra-columns')));
    expect(qt.tasks[0]).toMatchObject({ appendix: 'Phụ lục III', output: 'Quyết định phê duyệt dự án', funding: '5.000 triệu đồng' });
    expect(qt.targets.filter((t) => t.measure === 'count')).toHaveLength(4);
    const gl = hit.corpus.plans.find((p) => p.id === 'gia-lai-parts-ab')!;
    expect(gl.targets[0]!.monitorPlace).toMatchObject({ path: ['Phụ lục I'], line: 35 });
  });
});
