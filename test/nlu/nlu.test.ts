import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/nlu/catalog.js';
import { understand } from '../../src/nlu/index.js';
import { detectLanguage } from '../../src/nlu/language.js';
import { corpus } from '../helpers.js';
import { SYNONYMS } from '../../src/nlu/synonyms.js';
import { expandShorthand } from '../../src/nlu/shorthand.js';

const catalog = buildCatalog(corpus());
const u = (text: string) => understand(text, catalog);

describe('language', () => {
  it.each([
    ['Ai chủ trì nhiệm vụ 21?', 'vi'],
    ['ai chu tri nhiem vu 9 ke hoach hue 2026-2030', 'vi'],
    ['nhiem vu 5 do ai chu tri', 'vi'],
    ['Who leads task 7.1 in Binh Thuan?', 'en'],
    ['What about Dak Lak?', 'en'],
    ['hello', 'en'],
    // One listed English word, but most words are no Vietnamese syllable.
    ['Who sets up the community technology teams in Dak Lak?', 'en'],
    ['Community digital technology teams in Binh Thuan?', 'en'],
    // Loanwords and abbreviations in unaccented Vietnamese stay Vietnamese.
    ['shop online cua e co duoc ho tro ko', 'vi'],
    ['UBND tinh BT co livestream ban hang ko', 'vi'],
    ['KH CDS TT Hue co ATTT ko', 'vi'],
  ])('%s → %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));
});

describe('intents', () => {
  it.each([
    ['Ai chủ trì nhiệm vụ 21?', 'task.lead'],
    ['nhiem vu 45 ai chu tri', 'task.lead'],
    ['Who leads task 7.1 in Binh Thuan?', 'task.lead'],
    ['Nhiệm vụ 46 Huế 2026-2030 phối hợp với đơn vị nào?', 'task.support'],
    ['Nhiệm vụ 57 thực hiện trong thời gian nào?', 'task.time'],
    ['nhiệm vụ 22 có ghi chú gì?', 'task.note'],
    ['Nhiệm vụ 12 nói về gì?', 'task.about'],
    ['Sở Y tế chủ trì những nhiệm vụ nào?', 'agency.tasks'],
    ['Which tasks does the Department of Health lead?', 'agency.tasks'],
    ['Mục tiêu điện thoại thông minh năm 2030 là bao nhiêu?', 'target.value'],
    ['binh thuan dien thoai thong minh 2025', 'target.value'],
    ['Ai theo dõi chỉ tiêu hồ sơ sức khỏe điện tử ở Bình Thuận?', 'target.monitor'],
    ['So sánh mục tiêu chữ ký số năm 2030 giữa các tỉnh', 'target.compare'],
    ['Ai ký kế hoạch 4181?', 'plan.signer'],
    ['Kế hoạch kinh tế số Huế 2026-2030 ban hành ngày nào?', 'plan.date'],
    ['Kế hoạch Huế 2026-2030 thay thế kế hoạch nào?', 'plan.replaces'],
    ['Có những kế hoạch nào?', 'plan.list'],
    ['Kế hoạch Huế 2026-2030 nói gì về nền tảng Hue-S?', 'topic'],
    ['xin chào', 'greeting'],
    ['/help', 'help'],
    ['thời tiết hôm nay thế nào', 'out_of_scope'],
    ['còn năm 2025?', null],
  ])('%s → %s', (text, intent) => expect(u(text).intent).toBe(intent));
});

describe('entities', () => {
  it('finds places with and without diacritics, and typos', () => {
    expect(u('Đắk Lắk 2030').entities.places.map((p) => p.name)).toEqual(['Đắk Lắk']);
    expect(u('dak lak 2030').entities.places.map((p) => p.name)).toEqual(['Đắk Lắk']);
    expect(u('Dak Lac 2030').entities.places.map((p) => p.name)).toEqual(['Đắk Lắk']);
    expect(u('Thừa Thiên Huế 2024').entities.places.map((p) => p.name)).toEqual(['Thừa Thiên Huế']);
    expect(u('TP Hồ Chí Minh 2030').entities.places).toEqual([{ name: 'Hồ Chí Minh', planIds: [], level: 'thành phố' }]);
  });

  it('does not read "cáp quang năm" as Quảng Nam when diacritics were typed', () => {
    expect(u('hộ gia đình có cáp quang năm 2024 ở Đắk Lắk').entities.places.map((p) => p.name)).toEqual(['Đắk Lắk']);
    expect(u('Kế hoạch của Quảng Nam').entities.places.map((p) => p.name)).toEqual(['Quảng Nam']);
    expect(u('ke hoach quang nam').entities.places.map((p) => p.name)).toEqual(['Quảng Nam']);
  });

  it('reads task numbers, periods, years and plan numbers', () => {
    expect(u('nhiệm vụ số 13').entities.task).toEqual({ number: '13', part: null });
    expect(u('task #21').entities.task).toEqual({ number: '21', part: null });
    // A part by its code; by the words of its heading ("giải pháp") the answer stage reads it from the plan.
    expect(u('nhiệm vụ 1.1 phần giải pháp').entities.task).toEqual({ number: '1.1', part: null });
    expect(u('nhiệm vụ 1 phần B').entities.task).toEqual({ number: '1', part: 'B' });
    expect(u('nhiệm vụ 1.1 phần 2').entities.task).toEqual({ number: '1.1', part: 'II' });
    const e = u('Huế 2026-2030 năm 2030').entities;
    expect([e.period, e.years]).toEqual([[2026, 2030], [2030]]);
    expect(u('Ai ký kế hoạch 284/KH-UBND?').entities.planNumbers).toEqual(['284']);
    expect(u('kế hoạch chuyển đổi số 2024').entities.kind).toBe('chuyen-doi-so');
  });

  it('recognises agencies by abbreviation, full name and without diacritics', () => {
    expect(u('Sở TTTT chủ trì gì').entities.agencies).toEqual(['so-tttt']);
    expect(u('so khcn chu tri nhiem vu nao').entities.agencies).toEqual(['so-khcn']);
    expect(u('Sở Khoa học và Công nghệ').entities.agencies).toEqual(['so-khcn']);
    expect(u('Sở LĐTB&XH').entities.agencies).toEqual(['so-ldtbxh']);
    expect(u('Sở KH&ĐT').entities.agencies).toEqual(['so-khdt']);
  });

  it('maps user words to indicators', () => {
    expect(u('smartphone target').entities.indicator?.id).toBe('smartphone');
    expect(u('TMĐT chiếm bao nhiêu').entities.indicator?.id).toBe('ecommerce');
    expect(u('sổ sức khỏe điện tử').entities.indicator?.id).toBe('ehealth');
    expect(u('tỷ trọng kinh tế số trong từng ngành, lĩnh vực').entities.indicator?.id).toBe('sector-share');
    expect(u('fibre broadband household coverage').entities.indicator?.id).toBe('fibre');
    // The indicator named first, not the longest word further on.
    expect(u('chỉ tiêu cáp quang phủ tới 80% hộ gia đình, trường học do ai theo dõi?').entities.indicator?.id).toBe('fibre');
  });
});

describe('word lists agree with the shorthand table', () => {
  it('writes every thesaurus phrase as questions and records are read: folded, shorthand spelt out', () => {
    const unspelt = SYNONYMS.flat().filter((p) => expandShorthand(p) !== p);
    expect(unspelt).toEqual([]);
  });

  it('takes English question words out of English questions only', () => {
    // "thể thao" folds to "the thao": "the" is English only in English.
    expect(understand('Kế hoạch Huế nói gì về thể thao điện tử?', catalog).runs.flat()).toContain('the');
    expect(understand('What does the Hue plan say about sports?', catalog).runs.flat()).not.toContain('the');
  });
});
