import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/load.js';
import { CORPUS_DIR, corpus, plan } from '../helpers.js';

describe('plan facts', () => {
  it('loads all five plans with stable ids', () => {
    expect(corpus().plans.map((p) => p.id).sort()).toEqual([
      'binh-thuan-kinh-te-so-2025-2030',
      'dak-lak-kinh-te-so-2025-2030',
      'hue-kinh-te-so-2026-2030',
      'thua-thien-hue-chuyen-doi-so-2024',
      'thua-thien-hue-kinh-te-so-2024',
    ]);
    expect(corpus().skipped).toEqual([]);
  });

  it('reads number, date, signer and title from the text', () => {
    const hue = plan('hue-kinh-te-so-2026-2030');
    expect([hue.number, hue.date, hue.signer, hue.signerTitle]).toEqual(['284/KH-UBND', '2026-05-18', 'Trần Hữu Thùy Giang', 'Phó Chủ tịch']);
    expect(hue.replaces).toBe('Kế hoạch số 311/KH-UBND ngày 22/8/2022 của UBND tỉnh Thừa Thiên Huế');
    expect([hue.province, hue.provinceLevel, hue.yearFrom, hue.yearTo, hue.kind]).toEqual(['Huế', 'thành phố', 2026, 2030, 'kinh-te-so']);
    const cds = plan('thua-thien-hue-chuyen-doi-so-2024');
    expect([cds.number, cds.date, cds.signer, cds.signerTitle, cds.kind]).toEqual(['424/KH-UBND', '2023-12-26', 'Nguyễn Văn Phương', 'Chủ tịch', 'chuyen-doi-so']);
    expect(cds.title).toBe('Kế hoạch Chuyển đổi số tỉnh Thừa Thiên Huế năm 2024');
    const bt = plan('binh-thuan-kinh-te-so-2025-2030');
    expect([bt.number, bt.date, bt.signer, bt.province]).toEqual(['4181/KH-UBND', '2022-12-07', 'Nguyễn Minh', 'Bình Thuận']);
    const dl = plan('dak-lak-kinh-te-so-2025-2030');
    expect([dl.number, dl.date, dl.signer, dl.province]).toEqual([null, null, 'Nguyễn Tuấn Hà', 'Đắk Lắk']);
    const kts = plan('thua-thien-hue-kinh-te-so-2024');
    expect([kts.number, kts.date, kts.signer, kts.yearFrom, kts.yearTo]).toEqual([null, null, 'Nguyễn Thanh Bình', 2024, 2024]);
    expect(kts.deadlines.map((d) => d.date)).toEqual(['2024-12-15']);
  });

  it('gives plans short names and the names people use', () => {
    expect(corpus().plans.map((p) => p.shortName).sort()).toEqual([
      'Bình Thuận 2025–2030',
      'Huế 2026–2030',
      'Thừa Thiên Huế 2024 (chuyển đổi số)',
      'Thừa Thiên Huế 2024 (kinh tế số)',
      'Đắk Lắk 2025–2030',
    ]);
    expect(plan('hue-kinh-te-so-2026-2030').names).toEqual(expect.arrayContaining(['Huế', 'Hue', 'Thừa Thiên Huế', 'TT Huế']));
    expect(plan('dak-lak-kinh-te-so-2025-2030').names).toEqual(expect.arrayContaining(['Đắk Lắk', 'Dak Lak', 'Đắc Lắc']));
  });

  it('reports missing numbers and dates as anomalies, never invents them', () => {
    const kinds = plan('dak-lak-kinh-te-so-2025-2030').anomalies.map((a) => a.kind);
    expect(kinds.filter((k) => k === 'missing-field')).toHaveLength(2);
  });

  it('parses NFD text to the same records as NFC', () => {
    const name = 'thua-thien-hue-chuyen-doi-so-2024.txt';
    const raw = readFileSync(join(CORPUS_DIR, name), 'utf8');
    expect(raw.normalize('NFC')).not.toBe(raw);
    const a = buildCorpus([{ name, text: raw }]);
    const b = buildCorpus([{ name, text: raw.normalize('NFC') }]);
    const strip = (c: typeof a) => JSON.stringify(c.plans);
    expect(strip(a)).toBe(strip(b));
    expect(a.plans[0]!.targets.length).toBeGreaterThan(30);
  });

  it('skips empty or unrecognizable files by name and loads the rest', () => {
    const good = readFileSync(join(CORPUS_DIR, 'thua-thien-hue-kinh-te-so-2024.txt'), 'utf8');
    const c = buildCorpus([
      { name: 'empty.txt', text: '  \n' },
      { name: 'notes.md', text: 'Danh sách việc cần làm\n- mua giấy\n' },
      { name: 'kts.txt', text: good },
    ]);
    expect(c.plans.map((p) => p.id)).toEqual(['kts']);
    expect(c.skipped.map((s) => s.file)).toEqual(['empty.txt', 'notes.md']);
  });

  it('takes from meta.json only what the text lacks', () => {
    const text = readFileSync(join(CORPUS_DIR, 'dak-lak-kinh-te-so-2025-2030.txt'), 'utf8');
    const c = buildCorpus([{ name: 'dl.txt', text, meta: { number: '999/KH-UBND', signer: 'Người Khác', aliases: ['Buôn Ma Thuột'] } }]);
    const p = c.plans[0]!;
    expect(p.number).toBe('999/KH-UBND');
    expect(p.signer).toBe('Nguyễn Tuấn Hà');
    expect(p.names).toContain('Buôn Ma Thuột');
  });
});
