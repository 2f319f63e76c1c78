import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText } from '../../bench/questions.js';
import { inventNames, renamePlaces, renumberPlans, writeSyntheticCorpus } from '../../bench/synthetic.js';
import { createAnswerer } from '../../src/answer/engine.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { PROVINCES } from '../../src/corpus/provinces.js';
import { foldWords } from '../../src/text/fold.js';
import { CORPUS_DIR } from '../helpers.js';

describe('synthetic corpus', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'planbot-syn-test-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('renames every case and line-split form of a place, keeping separators', () => {
    const renames = new Map([
      ['Thừa Thiên Huế', 'Lâm Lộc Tây'],
      ['Huế', 'Vạn Quỳnh'],
    ]);
    const text = 'UBND tỉnh Thừa \nThiên Huế; THỪA THIÊN HUẾ; thành phố Huế, nền tảng Hue-S, Huếx';
    expect(renamePlaces(text, renames)).toBe('UBND tỉnh Lâm \nLộc Tây; LÂM LỘC TÂY; thành phố Vạn Quỳnh, nền tảng Hue-S, Huếx');
  });

  it('renames NFD text too', () => {
    expect(renamePlaces('tỉnh Đắk Lắk'.normalize('NFD'), new Map([['Đắk Lắk', 'Mỹ Luân']]))).toBe('tỉnh Mỹ Luân');
  });

  it('gives each copy its own plan numbers', () => {
    expect(renumberPlans('Số: 4181  /KH-UBND … Kế hoạch số 311/KH-UBND … 4181/KH-UBND', 100200)).toBe(
      'Số: 100200  /KH-UBND … Kế hoạch số 100201/KH-UBND … 100200/KH-UBND',
    );
  });

  it('invents names that are no real province and repeat nowhere', () => {
    const names = inventNames(200, 2, 'Lâm Lộc', new Set());
    const folded = names.map(foldWords);
    expect(new Set(folded).size).toBe(200);
    expect(folded).not.toContain('lam loc');
    const real = new Set(PROVINCES.flatMap((p) => [p.name, ...p.aliases]).map(foldWords));
    for (const f of folded) expect(real.has(f)).toBe(false);
    for (const n of names) expect(n).toMatch(/^(\p{Lu}\p{Ll}+)( \p{Lu}\p{Ll}+){1,2}$/u);
  });

  it('writes factor × the plans; copies name only invented places and parse as their own plans', () => {
    const dir = join(tmp, 'x3');
    const syn = writeSyntheticCorpus(CORPUS_DIR, dir, 3, allText());
    const real = readdirSync(CORPUS_DIR).filter((n) => n.endsWith('.txt'));
    expect(syn.files).toBe(real.length * 3);
    const copies = readdirSync(dir).filter((n) => n.startsWith('zz-'));
    expect(copies).toHaveLength(real.length * 2);
    for (const n of copies) {
      const t = readFileSync(join(dir, n), 'utf8');
      expect(t).not.toMatch(/Huế|Bình Thuận|Đắk Lắk|HUẾ|BÌNH THUẬN|ĐẮK LẮK|4181|284 ?\/KH/u);
    }
    const corpus = loadCorpus(dir);
    expect(corpus.plans).toHaveLength(real.length * 3);
    const realProvinces = new Set(loadCorpus(CORPUS_DIR).plans.map((p) => p.province));
    const synthetic = corpus.plans.filter((p) => p.id.startsWith('zz-'));
    for (const p of synthetic) {
      expect(realProvinces.has(p.province)).toBe(false);
      expect(syn.names).toContain(p.province);
    }
    const numbers = corpus.plans.map((p) => p.number).filter(Boolean);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('on many plans, a comparison gives one line per distinct target and names a few plans each', () => {
    const dir = join(tmp, 'x5');
    writeSyntheticCorpus(CORPUS_DIR, dir, 5, allText());
    const engine = createAnswerer(loadCorpus(dir));
    const r = engine.ask('c', 'So sánh mục tiêu chữ ký số năm 2030 giữa các tỉnh');
    const lines = r.reply.split('\n');
    expect(r.found).toBe(true);
    // Three of the five plans set it for 2030, in the same words: 15 plans, one line.
    expect(lines[1]).toMatch(
      /^- Năm 2030: Tỷ lệ dân số trưởng thành có chữ ký số .*đạt trên 70%\. — Bình Thuận 2025–2030; Đắk Lắk 2025–2030; Huế 2026–2030; .* và 10 kế hoạch khác/,
    );
    expect(lines.filter((l) => l.startsWith('- '))).toHaveLength(1);
    expect(r.sources).toHaveLength(5);
  });
});
