import { describe, expect, it } from 'vitest';
import { ENGLISH_NAMES, lexiconAgencies } from '../../src/corpus/agencies.js';
import { AgencyNamer } from '../../src/answer/format.js';
import { buildCatalog } from '../../src/nlu/catalog.js';
import { understand } from '../../src/nlu/index.js';
import { expandShorthand } from '../../src/nlu/shorthand.js';
import { alternativesOf, SYNONYMS } from '../../src/nlu/synonyms.js';
import { corpus } from '../helpers.js';

const catalog = buildCatalog(corpus());
const u = (text: string) => understand(text, catalog);

describe('shorthand', () => {
  it('spells out the plans’ abbreviations and chat words', () => {
    expect(expandShorthand('kh cds tt hue ko co attt bn')).toBe('ke hoach chuyen doi so tt hue khong co an toan thong tin bao nhieu');
    expect(expandShorthand('dv cong')).toBe('dich vu cong');
    expect(expandShorthand('csdl dan cu')).toBe('co so du lieu dan cu');
  });

  it('reads the plan kind from "KH CĐS" and "KH KTS"', () => {
    expect(u('KH CĐS TT Huế 2024 ai chủ trì nhiệm vụ 5?').entities.kind).toBe('chuyen-doi-so');
    expect(u('KH KTS TT Huế 2024 có gì?').entities.kind).toBe('kinh-te-so');
  });
});

describe('slots', () => {
  it.each([
    ['Ai chủ trì xây dựng kho dữ liệu dùng chung?', ['lead']],
    ['Đưa Internet về tận hộ gia đình: ai phụ trách, làm trong giai đoạn nào?', ['lead', 'time']],
    ['tỷ lệ DN nhỏ và vừa dùng nền tảng số đạt bn?', ['value']],
    ['Sở Nội vụ chủ trì bao nhiêu nhiệm vụ?', ['lead', 'count']],
    ['Huế có hỗ trợ nông dân bán hàng trên sàn thương mại điện tử không?', ['yesno']],
    ['tuyên truyền thanh toán không dùng tiền mặt do ai chủ trì?', ['lead']],
    ['Kinh phí thực hiện gồm những nguồn nào?', ['what', 'list', 'funding']],
    ['Nhiệm vụ 3 có sản phẩm gì?', ['output']],
    ['nhiệm vụ này phối hợp với ai?', ['lead', 'partners']],
  ])('%s → %j', (text, slots) => expect([...u(text).slots].sort()).toEqual([...slots].sort()));
});

describe('content words', () => {
  it('leaves out the plan reference, places, years and question words', () => {
    expect(u('Ai chủ trì xây dựng kho dữ liệu dùng chung của thành phố Huế?').runs).toEqual([['xay', 'dung', 'kho', 'du', 'lieu', 'dung', 'chung']]);
    expect(u('KH CĐS TT Huế 2024: việc rà soát ATTT do ai chủ trì?').runs).toEqual([['viec', 'ra', 'soat', 'an', 'toan', 'thong', 'tin']]);
  });

  it('keeps a one-letter name part and trims function words at the edges', () => {
    expect(u('Kế hoạch Thừa Thiên Huế 2024 nói gì về Hue-S?').runs).toEqual([['hue', 's']]);
    expect(u('Kế hoạch Thừa Thiên Huế 2024 nói gì về VNeID?').runs).toEqual([['vneid']]);
  });

  it('maps English to the plans’ words, and only English', () => {
    expect(u('Does Binh Thuan’s plan mention cloud computing for businesses?').runs.flat()).toEqual(
      expect.arrayContaining(['dien', 'toan', 'dam', 'may', 'doanh', 'nghiep']),
    );
    // In Vietnamese "ai" is "who", never AI.
    expect(u('ai phụ trách trợ lý ảo?').runs).toEqual([['tro', 'ly', 'ao']]);
  });

  it('finds the citizens’ phrases the plans say in other words', () => {
    const alts = alternativesOf(u('nông dân bán hàng online ở Huế').runs);
    expect(alts.flatMap((a) => a.others.map((o) => o.words.join(' ')))).toEqual(expect.arrayContaining(['thuong mai dien tu', 'nong nghiep']));
    // Every synonym group has at least two phrases, all folded.
    for (const g of SYNONYMS) expect([g.length >= 2, g.every((p) => p === p.toLowerCase() && !/[^a-z0-9 ]/.test(p))]).toEqual([true, true]);
  });
});

describe('agencies named as such', () => {
  it.each([
    ['Ai chủ trì xây dựng kho dữ liệu dùng chung của thành phố Huế?', []],
    ['Triển khai chiến lược tài chính toàn diện do ai chủ trì?', []],
    ['tuyên truyền ở trường học, bệnh viện, cơ sở y tế do ai chủ trì?', []],
    ['Công Thương chủ trì những nhiệm vụ nào?', ['so-ct']],
    ['Sở Xây dựng chủ trì nhiệm vụ nào?', ['so-xd']],
    ['Which tasks does the Department of Tourism lead?', ['so-dl']],
    ['Sở GTVT chủ trì nhiệm vụ nào?', ['so-gtvt']],
  ])('%s → %j', (text, ids) => expect(u(text).entities.agencies).toEqual(ids));
});

describe('one agency lexicon', () => {
  it('every English name and abbreviation reaches the same agency as its Vietnamese name', () => {
    for (const [id, names] of ENGLISH_NAMES) {
      for (const n of names) expect([n, u(`${n} chủ trì những nhiệm vụ nào?`).entities.agencies[0]]).toEqual([n, id]);
    }
    for (const a of lexiconAgencies().filter((x) => !x.group)) {
      for (const form of a.forms) expect([form, u(`${form} chủ trì những nhiệm vụ nào?`).entities.agencies[0]]).toEqual([form, a.id]);
    }
  });

  it('replies in English name an agency by the lexicon’s first English name', () => {
    const namer = new AgencyNamer(new Map(lexiconAgencies().map((a) => [a.id, a])), 'en');
    expect(namer.name('Sở Du lịch', 'so-dl')).toBe(`Sở Du lịch (${ENGLISH_NAMES.get('so-dl')![0]})`);
  });
});
