import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/engine.js';
import { MemoryContextStore } from '../../src/answer/context.js';
import { evalFold } from '../../src/eval/score.js';
import { corpus } from '../helpers.js';

const engine = createAnswerer(corpus());
let n = 0;
/** A fresh chat per question unless one is given. */
const ask = (text: string, chat = `t${n++}`) => engine.ask(chat, text);
const has = (reply: string, ...parts: string[]) => parts.every((p) => evalFold(reply).includes(evalFold(p)));

describe('task questions', () => {
  it('answers who leads, in Vietnamese, unaccented Vietnamese and English, with the source', () => {
    const vi = ask('Ai chủ trì nhiệm vụ 12 trong kế hoạch Huế 2026-2030?');
    expect([vi.found, vi.intent, vi.lang]).toEqual([true, 'task.lead', 'vi']);
    expect(has(vi.reply, 'Sở GD&ĐT (Giáo dục và Đào tạo)', 'KH 284/KH-UBND (Huế 2026–2030), Phụ lục A.VI, nhiệm vụ 12')).toBe(true);
    expect(vi.sources).toEqual([{ plan: 'hue-kinh-te-so-2026-2030', ref: 'KH 284/KH-UBND (Huế 2026–2030), Phụ lục A.VI, nhiệm vụ 12', anchor: 'nhiem-vu-12' }]);
    const plain = ask('nhiem vu 51 chuyen doi so thua thien hue 2024 ai chu tri');
    expect(has(plain.reply, 'Công an tỉnh')).toBe(true);
    const en = ask('Who leads task 7.1 (MOOC platform) in Binh Thuan?');
    expect([en.lang, en.found]).toEqual(['en', true]);
    expect(has(en.reply, 'Sở Thông tin và Truyền thông', 'Lead:', 'Source:')).toBe(true);
  });

  it('answers partners, time and note', () => {
    expect(has(ask('Nhiệm vụ 46 Huế 2026-2030 phối hợp với đơn vị nào?').reply, 'Phối hợp: Sở KH&CN')).toBe(true);
    expect(has(ask('Nhiệm vụ 57 kế hoạch chuyển đổi số Thừa Thiên Huế 2024 thực hiện trong thời gian nào?').reply, 'Thời gian: 2021-2025')).toBe(true);
    const note = ask('nhiem vu 22 chuyen doi so thua thien hue co ghi chu gi');
    expect([note.intent, has(note.reply, 'Nhiệm vụ năm 2023 chuyển sang')]).toEqual(['task.note', true]);
  });

  it('lists both rows of Bình Thuận 1.1 (the two appendix parts), or the one asked for', () => {
    const both = ask('Nhiệm vụ 1.1 kế hoạch Bình Thuận ai chủ trì?');
    expect(has(both.reply, 'Sở Kế hoạch và Đầu tư', 'Ban Chỉ đạo Chuyển đổi số')).toBe(true);
    const part2 = ask('Nhiệm vụ 1.2 phần giải pháp của Bình Thuận do ai chủ trì?');
    expect(has(part2.reply, 'Tổ Công nghệ số cộng đồng', 'phần II')).toBe(true);
    expect(has(part2.reply, 'phát triển kinh tế số, xã hội số để áp dụng thống nhất')).toBe(false);
  });

  it('says plainly when a task does not exist, naming the gap', () => {
    const gap = ask('Ai chủ trì nhiệm vụ 39 kế hoạch Huế 2026-2030?');
    expect(gap.found).toBe(false);
    expect(has(gap.reply, 'không có nhiệm vụ 39', 'nhảy từ 38 lên 41')).toBe(true);
    const out = ask('Ai chủ trì nhiệm vụ 70 trong kế hoạch chuyển đổi số Thừa Thiên Huế 2024?');
    expect([out.found, has(out.reply, '70', 'từ 1 đến 62')]).toEqual([false, true]);
    const noAppendix = ask('Nhiệm vụ 10 kế hoạch Đắk Lắk do ai chủ trì?');
    expect([noAppendix.found, has(noAppendix.reply, 'không kèm phụ lục')]).toEqual([false, true]);
  });

  it('finds a task by what it does when no number is given', () => {
    const r = ask('Ai chủ trì nhiệm vụ triển khai nền tảng trợ lý ảo?');
    expect([r.intent, r.found, has(r.reply, 'Nhiệm vụ 26', 'Sở TTTT')]).toEqual(['task.lead', true, true]);
    const tasks = ask('Nhiệm vụ nào về nền tảng bản đồ số trong kế hoạch chuyển đổi số Thừa Thiên Huế 2024?');
    expect(has(tasks.reply, 'Nhiệm vụ 22')).toBe(true);
    const section = ask('Nhiệm vụ 21 kế hoạch Huế 2026-2030 thuộc nhóm nào?');
    expect(has(section.reply, 'IX Phát triển thanh toán số')).toBe(true);
  });

  it('answers for each plan when no plan is named and few have the task', () => {
    const r = ask('Ai chủ trì nhiệm vụ 5?');
    expect(r.found).toBe(true);
    expect(has(r.reply, 'Huế 2026–2030', 'Thừa Thiên Huế 2024 (chuyển đổi số)', 'Bình Thuận 2025–2030')).toBe(true);
  });
});

describe('agency questions', () => {
  it('lists the tasks an agency leads, shared leads included', () => {
    const r = ask('Sở Công Thương chủ trì những nhiệm vụ nào trong kế hoạch Huế 2026-2030?');
    expect(r.intent).toBe('agency.tasks');
    expect(has(r.reply, 'Nhiệm vụ 26', 'Nhiệm vụ 27', 'Nhiệm vụ 28')).toBe(true);
    const shared = ask('Sở Y tế chủ trì những nhiệm vụ nào trong kế hoạch Huế 2026-2030?');
    expect(has(shared.reply, 'Nhiệm vụ 21', 'đồng chủ trì', 'Nhiệm vụ 23')).toBe(true);
    const en = ask('Which tasks does the Department of Health lead in Thua Thien Hue 2024?');
    expect(has(en.reply, 'Task 57', 'Task 58')).toBe(true);
  });

  it('narrows an agency\'s tasks to a subject', () => {
    const r = ask('Sở KH&CN chủ trì nhiệm vụ nào về an toàn thông tin trong kế hoạch Huế 2026-2030?');
    expect(has(r.reply, 'Nhiệm vụ 10', 'Nhiệm vụ 11')).toBe(true);
    expect(has(r.reply, 'Nhiệm vụ 21')).toBe(false);
  });

  it('falls back to the "Tổ chức thực hiện" paragraphs when a plan has no task table', () => {
    const r = ask('Sở TTTT chủ trì những nhiệm vụ nào trong kế hoạch Đắk Lắk?');
    expect(r.found).toBe(true);
    expect(has(r.reply, 'Tổ chức thực hiện', 'Tổ công nghệ số cộng đồng')).toBe(false);
    expect(has(r.reply, 'Tổ chức thực hiện', 'Kiểm tra, giám sát')).toBe(true);
  });
});

describe('target questions', () => {
  it('answers by indicator, year and plan', () => {
    expect(has(ask('Tỷ lệ người dân kết nối mạng được bảo vệ ở mức cơ bản năm 2030 tại Huế?').reply, '80%')).toBe(true);
    expect(has(ask('binh thuan dien thoai thong minh 2025').reply, '80%')).toBe(true);
    const en = ask("What is Hue's 2026 fibre broadband household coverage target?");
    expect([en.lang, has(en.reply, '100%', 'cáp quang')]).toEqual(['en', true]);
    const tthKts = ask('Kế hoạch kinh tế số Thừa Thiên Huế 2024: tỷ lệ người dân được đào tạo kỹ năng số cơ bản?');
    expect(has(tthKts.reply, 'trên 80%')).toBe(true);
    expect(has(tthKts.reply, 'trên 50%')).toBe(false);
  });

  it('gives every year the plan sets when no year is asked', () => {
    const r = ask('Bình Thuận: thương mại điện tử chiếm bao nhiêu % tổng mức bán lẻ?');
    expect(has(r.reply, 'Năm 2025', 'trên 10%', 'Năm 2030', 'trên 20%')).toBe(true);
  });

  it('says when a plan sets no target for the year, with the years it does set', () => {
    const r = ask('Mục tiêu năm 2040 của Đắk Lắk về điện thoại thông minh?');
    expect(r.found).toBe(false);
    expect(has(r.reply, '2040', '2025, 2030')).toBe(true);
    expect(has(r.reply, '95%')).toBe(false);
  });

  it('does not answer an indicator no plan has with another one', () => {
    const ev = ask('Mục tiêu xe điện năm 2030 của Huế?');
    expect([ev.found, ev.reply.includes('%')]).toEqual([false, false]);
    const g5 = ask('Bình Thuận mục tiêu tỷ lệ người dùng 5G năm 2025?');
    expect([g5.found, g5.reply.includes('%')]).toEqual([false, false]);
  });

  it('says when a plan sets no targets for a year asked, instead of quoting other text', () => {
    const r = ask('Mục tiêu năm 2050 của Bình Thuận về kinh tế số?');
    expect([r.found, has(r.reply, 'Bình Thuận 2025–2030', '2050', '2025, 2030')]).toEqual([false, true]);
    expect(r.reply).not.toMatch(/%/);
  });

  it('lists a whole group of targets when that is what is asked', () => {
    const r = ask('Mục tiêu phát triển xã hội số của Đắk Lắk năm 2030?');
    expect(has(r.reply, 'điện thoại thông minh đạt 95%', 'chữ ký số hoặc chữ ký điện tử cá nhân đạt trên 70%')).toBe(true);
    expect(has(r.reply, 'GRDP')).toBe(false);
  });

  it('names who monitors a target (Bình Thuận Phụ lục 01)', () => {
    const r = ask('Ai theo dõi chỉ tiêu hồ sơ sức khỏe điện tử ở Bình Thuận?');
    expect([r.intent, r.found, has(r.reply, 'Sở Y tế', 'Phụ lục 01')]).toEqual(['target.monitor', true, true]);
    const none = ask('Ai theo dõi chỉ tiêu chữ ký số của Đắk Lắk?');
    expect(none.found).toBe(false);
  });

  it('lists the targets an agency monitors', () => {
    const r = ask('Sở Y tế theo dõi những chỉ tiêu nào ở Bình Thuận?');
    expect([r.intent, r.found]).toEqual(['target.monitor', true]);
    expect(has(r.reply, 'hồ sơ sức khỏe điện tử đạt 90%', 'khám chữa bệnh từ xa')).toBe(true);
  });

  it('compares a target across plans', () => {
    const r = ask('So sánh mục tiêu chữ ký số năm 2030 giữa các tỉnh');
    expect(r.intent).toBe('target.compare');
    expect(has(r.reply, 'Bình Thuận 2025–2030 (2030)', 'Đắk Lắk 2025–2030 (2030)', 'Huế 2026–2030 (2030)', 'trên 70%')).toBe(true);
  });
});

describe('plan facts and topics', () => {
  it('answers signer, date, number, replacement and deadline', () => {
    expect(has(ask('Ai ký kế hoạch 4181?').reply, 'Nguyễn Minh', 'Phó Chủ tịch')).toBe(true);
    expect(has(ask('Kế hoạch Bình Thuận ban hành năm nào?').reply, '7/12/2022')).toBe(true);
    expect(has(ask('Kế hoạch kinh tế số Huế 2026-2030 ban hành ngày nào?').reply, '18/5/2026')).toBe(true);
    expect(has(ask('Who signed the Dak Lak digital economy plan?').reply, 'Nguyễn Tuấn Hà')).toBe(true);
    expect(has(ask('Kế hoạch Huế 2026-2030 thay thế kế hoạch nào?').reply, '311/KH-UBND')).toBe(true);
    expect(has(ask('Thời hạn báo cáo kế hoạch kinh tế số Thừa Thiên Huế 2024?').reply, '15/12/2024')).toBe(true);
    const noDate = ask('Kế hoạch Đắk Lắk ban hành ngày nào?');
    expect([noDate.found, has(noDate.reply, 'không ghi ngày ban hành')]).toEqual([false, true]);
  });

  it('quotes the passages about a topic', () => {
    const r = ask('Kế hoạch Huế 2026-2030 nói gì về nền tảng Hue-S?');
    expect([r.intent, r.found, has(r.reply, 'Hue-S')]).toEqual(['topic', true, true]);
    expect(has(ask('Kế hoạch Huế 2026-2030 nói gì về chip NFC?').reply, 'chip NFC')).toBe(true);
    const none = ask('Kế hoạch Đắk Lắk nói gì về tàu vũ trụ?');
    expect(none.found).toBe(false);
    // Words apart are not the phrase: "trung tâm" … "dữ liệu" is no "trung tâm dữ liệu".
    expect(ask('What does the Hue 2026-2030 plan say about data centres?').found).toBe(false);
    expect(has(ask('Kế hoạch Thừa Thiên Huế 2024 nói gì về Hue-S?').reply, 'Hue-S')).toBe(true);
    const money = ask('Kinh phí thực hiện kế hoạch Đắk Lắk lấy từ đâu?');
    expect([money.found, has(money.reply, 'Kinh phí thực hiện Kế hoạch này bao gồm')]).toEqual([true, true]);
  });

  it('carries a topic into a follow-up about another plan', () => {
    expect(has(ask('Kế hoạch Bình Thuận nói gì về trợ lý ảo?', 'topic-1').reply, 'trợ lý ảo')).toBe(true);
    const dl = ask('còn Đắk Lắk?', 'topic-1');
    expect([dl.found, has(dl.reply, 'trợ lý ảo', 'Đắk Lắk 2025–2030')]).toEqual([true, true]);
  });

  it('says there is no plan for a place the corpus lacks, without borrowing figures', () => {
    const r = ask('Kế hoạch kinh tế số của TP Hồ Chí Minh đặt mục tiêu gì năm 2030?');
    expect(r.found).toBe(false);
    expect(has(r.reply, 'Hồ Chí Minh')).toBe(true);
    expect(r.reply).not.toMatch(/%/);
  });

  it('greets, helps and declines what is out of scope', () => {
    expect(ask('xin chào').intent).toBe('greeting');
    // Examples come from the loaded plans: the first plan with a task table and its first task.
    expect(has(ask('/help').reply, 'Ai chủ trì nhiệm vụ 1.1 kế hoạch Bình Thuận 2025–2030?')).toBe(true);
    const off = ask('thời tiết hôm nay thế nào');
    expect([off.intent, off.found]).toEqual(['out_of_scope', false]);
  });
});

describe('conversations', () => {
  it('keeps the plan and task across follow-ups', () => {
    const chat = 'conv-1';
    expect(has(ask('Kế hoạch chuyển đổi số Thừa Thiên Huế 2024', chat).reply, '2024')).toBe(true);
    expect(has(ask('nhiệm vụ 40 ai chủ trì?', chat).reply, 'Sở Nội vụ')).toBe(true);
    expect(has(ask('còn nhiệm vụ 42?', chat).reply, 'Thanh tra tỉnh')).toBe(true);
    expect(has(ask('thời gian thực hiện?', chat).reply, 'Thời gian: 2024')).toBe(true);
  });

  it('carries indicator and year, and switches plan on "what about"', () => {
    const chat = 'conv-2';
    expect(has(ask('Mục tiêu chữ ký số của Huế năm 2030?', chat).reply, 'trên 70%')).toBe(true);
    expect(has(ask('còn năm 2026?', chat).reply, 'trên 30%')).toBe(true);
    const dl = ask('what about Dak Lak?', chat);
    expect([dl.found, has(dl.reply, 'Đắk Lắk 2025–2030', 'trên 50%')]).toEqual([true, true]);
  });

  it('asks which plan when many have the fact and takes "2" or a plan name as the answer', () => {
    const chat = 'conv-3';
    const q = ask('Ai ký kế hoạch?', chat);
    expect(q.intent).toBe('clarify');
    expect(q.choices?.map((c) => c.label)).toContain('Huế 2026–2030');
    const i = q.choices!.findIndex((c) => c.label === 'Huế 2026–2030');
    const a = ask(String(i + 1), chat);
    expect(has(a.reply, 'Trần Hữu Thùy Giang')).toBe(true);
    ask('Ai ký kế hoạch?', chat);
    expect(has(ask('Đắk Lắk 2025-2030', chat).reply, 'Nguyễn Tuấn Hà')).toBe(true);
  });

  it('remembers a reply per question and context, and still moves the context on', () => {
    const e = createAnswerer(corpus());
    const first = e.ask('m1', 'Ai chủ trì nhiệm vụ 21 kế hoạch Huế 2026-2030?');
    // The same question in the same context is the same reply; written in NFD with extra spaces, the same text.
    expect(e.ask('m2', 'Ai chủ trì nhiệm vụ 21 kế hoạch Huế 2026-2030?')).toBe(first);
    const nfd = e.ask('m3', '  Ai chủ trì   nhiệm vụ 21 kế hoạch Huế 2026-2030?'.normalize('NFD'));
    expect(nfd.reply).toBe(first.reply);
    // A remembered reply sets the chat's plan and task like a computed one.
    expect(has(e.ask('m2', 'còn nhiệm vụ 22?').reply, 'nhiệm vụ 22', 'Huế 2026–2030')).toBe(true);
    expect(has(e.ask('m3', 'còn nhiệm vụ 22?').reply, 'nhiệm vụ 22', 'Huế 2026–2030')).toBe(true);
    // Another context, another reply.
    expect(e.ask('m2', 'Ai chủ trì nhiệm vụ 21?')).not.toBe(first);
  });

  it('forgets a chat after 30 idle minutes', () => {
    let now = 0;
    const e = createAnswerer(corpus(), { store: new MemoryContextStore(() => now), now: () => now });
    e.ask('c', 'Kế hoạch chuyển đổi số Thừa Thiên Huế 2024');
    now += 29 * 60_000;
    expect(has(e.ask('c', 'nhiệm vụ 40 ai chủ trì?').reply, 'Sở Nội vụ')).toBe(true);
    now += 31 * 60_000;
    const later = e.ask('c', 'còn nhiệm vụ 42?');
    expect(has(later.reply, 'Thừa Thiên Huế 2024 (chuyển đổi số)')).toBe(true);
    expect(later.reply.split('\n').length).toBeGreaterThan(5);
  });

  it('makes a /kehoach choice the chat plan', () => {
    expect(engine.selectPlan('conv-4', 'binh-thuan-kinh-te-so-2025-2030')).toBe(true);
    expect(engine.selectPlan('conv-4', 'nope')).toBe(false);
    expect(has(engine.ask('conv-4', 'nhiệm vụ 8.3 ai chủ trì?').reply, 'Sở Công Thương')).toBe(true);
  });
});
