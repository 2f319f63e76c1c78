import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/engine.js';
import { MemoryContextStore } from '../../src/answer/context.js';
import { corpus } from '../helpers.js';
import { answers, declines, has } from './replies.js';

const engine = createAnswerer(corpus());
let n = 0;
/** A fresh chat per question unless one is given. */
const ask = (text: string, chat = `t${n++}`) => engine.ask(chat, text);

describe('task questions', () => {
  it('answers who leads, in Vietnamese, unaccented Vietnamese and English, with the source', () => {
    const vi = ask('Ai chủ trì nhiệm vụ 12 trong kế hoạch Huế 2026-2030?');
    expect([vi.found, vi.intent, vi.lang]).toEqual([true, 'task.lead', 'vi']);
    answers(vi, 'Sở GD&ĐT (Giáo dục và Đào tạo)', 'KH 284/KH-UBND (Huế 2026–2030), Phụ lục A.VI, nhiệm vụ 12');
    expect(vi.sources).toEqual([{ plan: 'hue-kinh-te-so-2026-2030', ref: 'KH 284/KH-UBND (Huế 2026–2030), Phụ lục A.VI, nhiệm vụ 12', anchor: 'nhiem-vu-12' }]);
    const plain = ask('nhiem vu 51 chuyen doi so thua thien hue 2024 ai chu tri');
    answers(plain, 'Công an tỉnh');
    const en = ask('Who leads task 7.1 (MOOC platform) in Binh Thuan?');
    expect([en.lang, en.found]).toEqual(['en', true]);
    answers(en, 'Sở Thông tin và Truyền thông', 'Lead:', 'Source:');
  });

  it('answers partners, time and note', () => {
    answers(ask('Nhiệm vụ 46 Huế 2026-2030 phối hợp với đơn vị nào?'), 'Phối hợp: Sở KH&CN');
    answers(ask('Nhiệm vụ 57 kế hoạch chuyển đổi số Thừa Thiên Huế 2024 thực hiện trong thời gian nào?'), 'Thời gian: 2021-2025');
    const note = ask('nhiem vu 22 chuyen doi so thua thien hue co ghi chu gi');
    expect(answers(note, 'Nhiệm vụ năm 2023 chuyển sang').intent).toBe('task.note');
  });

  it('lists both rows of Bình Thuận 1.1 (the two appendix parts), or the one asked for', () => {
    const both = ask('Nhiệm vụ 1.1 kế hoạch Bình Thuận ai chủ trì?');
    answers(both, 'Sở Kế hoạch và Đầu tư', 'Ban Chỉ đạo Chuyển đổi số');
    const part2 = ask('Nhiệm vụ 1.2 phần giải pháp của Bình Thuận do ai chủ trì?');
    answers(part2, 'Tổ Công nghệ số cộng đồng', 'phần II');
    expect(has(part2.reply, 'phát triển kinh tế số, xã hội số để áp dụng thống nhất')).toBe(false);
  });

  it('says plainly when a task does not exist, naming the gap', () => {
    const gap = ask('Ai chủ trì nhiệm vụ 39 kế hoạch Huế 2026-2030?');
    declines(gap, 'không có nhiệm vụ 39', 'nhảy từ 38 lên 41');
    const out = ask('Ai chủ trì nhiệm vụ 70 trong kế hoạch chuyển đổi số Thừa Thiên Huế 2024?');
    declines(out, '70', 'từ 1 đến 62');
    const noAppendix = ask('Nhiệm vụ 10 kế hoạch Đắk Lắk do ai chủ trì?');
    declines(noAppendix, 'không kèm phụ lục');
  });

  it('finds a task by what it does when no number is given', () => {
    const r = ask('Ai chủ trì nhiệm vụ triển khai nền tảng trợ lý ảo?');
    expect([r.intent, r.found, has(r.reply, 'Nhiệm vụ 26', 'Sở TTTT')]).toEqual(['task.lead', true, true]);
    const tasks = ask('Nhiệm vụ nào về nền tảng bản đồ số trong kế hoạch chuyển đổi số Thừa Thiên Huế 2024?');
    answers(tasks, 'Nhiệm vụ 22');
    const section = ask('Nhiệm vụ 21 kế hoạch Huế 2026-2030 thuộc nhóm nào?');
    answers(section, 'IX Phát triển thanh toán số');
  });

  it('answers for each plan when no plan is named and few have the task', () => {
    const r = ask('Ai chủ trì nhiệm vụ 5?');
    expect(r.found).toBe(true);
    answers(r, 'Huế 2026–2030', 'Thừa Thiên Huế 2024 (chuyển đổi số)', 'Bình Thuận 2025–2030');
  });
});

describe('agency questions', () => {
  it('lists the tasks an agency leads, shared leads included', () => {
    const r = ask('Sở Công Thương chủ trì những nhiệm vụ nào trong kế hoạch Huế 2026-2030?');
    expect(r.intent).toBe('agency.tasks');
    answers(r, 'Nhiệm vụ 26', 'Nhiệm vụ 27', 'Nhiệm vụ 28');
    const shared = ask('Sở Y tế chủ trì những nhiệm vụ nào trong kế hoạch Huế 2026-2030?');
    answers(shared, 'Nhiệm vụ 21', 'đồng chủ trì', 'Nhiệm vụ 23');
    const en = ask('Which tasks does the Department of Health lead in Thua Thien Hue 2024?');
    answers(en, 'Task 57', 'Task 58');
  });

  it("narrows an agency's tasks to a subject", () => {
    const r = ask('Sở KH&CN chủ trì nhiệm vụ nào về an toàn thông tin trong kế hoạch Huế 2026-2030?');
    answers(r, 'Nhiệm vụ 10', 'Nhiệm vụ 11');
    expect(has(r.reply, 'Nhiệm vụ 21')).toBe(false);
  });

  it('falls back to the "Tổ chức thực hiện" paragraphs when a plan has no task table', () => {
    const r = ask('Sở TTTT chủ trì những nhiệm vụ nào trong kế hoạch Đắk Lắk?');
    expect(r.found).toBe(true);
    expect(has(r.reply, 'Tổ chức thực hiện', 'Tổ công nghệ số cộng đồng')).toBe(false);
    answers(r, 'Tổ chức thực hiện', 'Kiểm tra, giám sát');
  });
});

describe('target questions', () => {
  it('answers by indicator, year and plan', () => {
    answers(ask('Tỷ lệ người dân kết nối mạng được bảo vệ ở mức cơ bản năm 2030 tại Huế?'), '80%');
    answers(ask('binh thuan dien thoai thong minh 2025'), '80%');
    const en = ask("What is Hue's 2026 fibre broadband household coverage target?");
    expect(answers(en, '100%', 'cáp quang').lang).toBe('en');
    const tthKts = ask('Kế hoạch kinh tế số Thừa Thiên Huế 2024: tỷ lệ người dân được đào tạo kỹ năng số cơ bản?');
    answers(tthKts, 'trên 80%');
    expect(has(tthKts.reply, 'trên 50%')).toBe(false);
  });

  it('gives every year the plan sets when no year is asked', () => {
    const r = ask('Bình Thuận: thương mại điện tử chiếm bao nhiêu % tổng mức bán lẻ?');
    answers(r, 'Năm 2025', 'trên 10%', 'Năm 2030', 'trên 20%');
  });

  it('says when a plan sets no target for the year, with the years it does set', () => {
    const r = ask('Mục tiêu năm 2040 của Đắk Lắk về điện thoại thông minh?');
    declines(r, '2040', '2025, 2030');
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
    declines(r, 'Bình Thuận 2025–2030', '2050', '2025, 2030');
    expect(r.reply).not.toMatch(/%/);
  });

  it('lists a whole group of targets when that is what is asked', () => {
    const r = ask('Mục tiêu phát triển xã hội số của Đắk Lắk năm 2030?');
    answers(r, 'điện thoại thông minh đạt 95%', 'chữ ký số hoặc chữ ký điện tử cá nhân đạt trên 70%');
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
    answers(r, 'hồ sơ sức khỏe điện tử đạt 90%', 'khám chữa bệnh từ xa');
  });

  it('compares a target across plans', () => {
    const r = ask('So sánh mục tiêu chữ ký số năm 2030 giữa các tỉnh');
    expect(r.intent).toBe('target.compare');
    answers(r, 'Bình Thuận 2025–2030 (2030)', 'Đắk Lắk 2025–2030 (2030)', 'Huế 2026–2030 (2030)', 'trên 70%');
  });
});

describe('plan facts and topics', () => {
  it('answers signer, date, number, replacement and deadline', () => {
    answers(ask('Ai ký kế hoạch 4181?'), 'Nguyễn Minh', 'Phó Chủ tịch');
    answers(ask('Kế hoạch Bình Thuận ban hành năm nào?'), '7/12/2022');
    answers(ask('Kế hoạch kinh tế số Huế 2026-2030 ban hành ngày nào?'), '18/5/2026');
    answers(ask('Who signed the Dak Lak digital economy plan?'), 'Nguyễn Tuấn Hà');
    answers(ask('Kế hoạch Huế 2026-2030 thay thế kế hoạch nào?'), '311/KH-UBND');
    answers(ask('Thời hạn báo cáo kế hoạch kinh tế số Thừa Thiên Huế 2024?'), '15/12/2024');
    const noDate = ask('Kế hoạch Đắk Lắk ban hành ngày nào?');
    declines(noDate, 'không ghi ngày ban hành');
  });

  it('quotes the passages about a topic', () => {
    const r = ask('Kế hoạch Huế 2026-2030 nói gì về nền tảng Hue-S?');
    expect([r.intent, r.found, has(r.reply, 'Hue-S')]).toEqual(['topic', true, true]);
    answers(ask('Kế hoạch Huế 2026-2030 nói gì về chip NFC?'), 'chip NFC');
    const none = ask('Kế hoạch Đắk Lắk nói gì về tàu vũ trụ?');
    expect(none.found).toBe(false);
    // Words apart are not the phrase: "trung tâm" … "dữ liệu" is no "trung tâm dữ liệu".
    expect(ask('What does the Hue 2026-2030 plan say about data centres?').found).toBe(false);
    answers(ask('Kế hoạch Thừa Thiên Huế 2024 nói gì về Hue-S?'), 'Hue-S');
    const money = ask('Kinh phí thực hiện kế hoạch Đắk Lắk lấy từ đâu?');
    answers(money, 'Kinh phí thực hiện Kế hoạch này bao gồm');
  });

  it('carries a topic into a follow-up about another plan', () => {
    answers(ask('Kế hoạch Bình Thuận nói gì về trợ lý ảo?', 'topic-1'), 'trợ lý ảo');
    const dl = ask('còn Đắk Lắk?', 'topic-1');
    answers(dl, 'trợ lý ảo', 'Đắk Lắk 2025–2030');
  });

  it('says there is no plan for a place the corpus lacks, without borrowing figures', () => {
    const r = ask('Kế hoạch kinh tế số của TP Hồ Chí Minh đặt mục tiêu gì năm 2030?');
    declines(r, 'Hồ Chí Minh');
    expect(r.reply).not.toMatch(/%/);
  });

  it('greets, helps and declines what is out of scope', () => {
    expect(ask('xin chào').intent).toBe('greeting');
    // Examples come from the loaded plans: the first plan with a task table and its first task.
    answers(ask('/help'), 'Ai chủ trì nhiệm vụ 1.1 kế hoạch Bình Thuận 2025–2030?');
    const off = ask('thời tiết hôm nay thế nào');
    expect([off.intent, off.found]).toEqual(['out_of_scope', false]);
  });

  it('lists the plans however the list is asked for', () => {
    for (const q of ['Các kế hoạch hiện có?', 'Hiện nay có những kế hoạch nào?', 'Danh sách kế hoạch']) {
      const r = answers(ask(q), 'Bình Thuận 2025–2030', 'Đắk Lắk 2025–2030', 'Huế 2026–2030');
      expect([q, r.intent]).toEqual([q, 'plan.list']);
    }
  });
});

describe('conversations', () => {
  it('keeps the plan and task across follow-ups', () => {
    const chat = 'conv-1';
    answers(ask('Kế hoạch chuyển đổi số Thừa Thiên Huế 2024', chat), '2024');
    answers(ask('nhiệm vụ 40 ai chủ trì?', chat), 'Sở Nội vụ');
    answers(ask('còn nhiệm vụ 42?', chat), 'Thanh tra tỉnh');
    answers(ask('thời gian thực hiện?', chat), 'Thời gian: 2024');
  });

  it('carries indicator and year, and switches plan on "what about"', () => {
    const chat = 'conv-2';
    answers(ask('Mục tiêu chữ ký số của Huế năm 2030?', chat), 'trên 70%');
    answers(ask('còn năm 2026?', chat), 'trên 30%');
    const dl = ask('what about Dak Lak?', chat);
    answers(dl, 'Đắk Lắk 2025–2030', 'trên 50%');
  });

  it('asks which plan when many have the fact and takes "2" or a plan name as the answer', () => {
    const chat = 'conv-3';
    const q = ask('Ai ký kế hoạch?', chat);
    expect(q.intent).toBe('clarify');
    expect(q.choices?.map((c) => c.label)).toContain('Huế 2026–2030');
    const i = q.choices!.findIndex((c) => c.label === 'Huế 2026–2030');
    const a = ask(String(i + 1), chat);
    answers(a, 'Trần Hữu Thùy Giang');
    ask('Ai ký kế hoạch?', chat);
    answers(ask('Đắk Lắk 2025-2030', chat), 'Nguyễn Tuấn Hà');
  });

  it('remembers a reply per question and context, and still moves the context on', () => {
    const e = createAnswerer(corpus());
    const first = e.ask('m1', 'Ai chủ trì nhiệm vụ 21 kế hoạch Huế 2026-2030?');
    // The same question in the same context is the same reply; written in NFD with extra spaces, the same text.
    expect(e.ask('m2', 'Ai chủ trì nhiệm vụ 21 kế hoạch Huế 2026-2030?')).toBe(first);
    const nfd = e.ask('m3', '  Ai chủ trì   nhiệm vụ 21 kế hoạch Huế 2026-2030?'.normalize('NFD'));
    expect(nfd.reply).toBe(first.reply);
    // A remembered reply sets the chat's plan and task like a computed one.
    answers(e.ask('m2', 'còn nhiệm vụ 22?'), 'nhiệm vụ 22', 'Huế 2026–2030');
    answers(e.ask('m3', 'còn nhiệm vụ 22?'), 'nhiệm vụ 22', 'Huế 2026–2030');
    // Another context, another reply.
    expect(e.ask('m2', 'Ai chủ trì nhiệm vụ 21?')).not.toBe(first);
  });

  it('forgets a chat after 30 idle minutes', () => {
    let now = 0;
    const e = createAnswerer(corpus(), { store: new MemoryContextStore(() => now), now: () => now });
    e.ask('c', 'Kế hoạch chuyển đổi số Thừa Thiên Huế 2024');
    now += 29 * 60_000;
    answers(e.ask('c', 'nhiệm vụ 40 ai chủ trì?'), 'Sở Nội vụ');
    now += 31 * 60_000;
    const later = e.ask('c', 'còn nhiệm vụ 42?');
    answers(later, 'Thừa Thiên Huế 2024 (chuyển đổi số)');
    expect(later.reply.split('\n').length).toBeGreaterThan(5);
  });

  it('makes a /kehoach choice the chat plan', () => {
    expect(engine.selectPlan('conv-4', 'binh-thuan-kinh-te-so-2025-2030')).toBe(true);
    expect(engine.selectPlan('conv-4', 'nope')).toBe(false);
    answers(engine.ask('conv-4', 'nhiệm vụ 8.3 ai chủ trì?'), 'Sở Công Thương');
  });
});

describe('what an agency does', () => {
  it('gives the tasks it leads and its own section of "Tổ chức thực hiện" when asked what it does', () => {
    const r = answers(ask('Công an thành phố Huế làm gì trong kế hoạch 2026-2030?'), 'Nhiệm vụ 10', 'Tổ chức thực hiện', 'định danh');
    expect(r.sources.map((s) => s.ref)).toContain('KH 284/KH-UBND (Huế 2026–2030), mục V.10');
    // Asked which tasks: the list alone.
    expect(has(ask('Công an thành phố chủ trì những nhiệm vụ nào trong kế hoạch Huế 2026-2030?').reply, 'Tổ chức thực hiện')).toBe(false);
  });
});
