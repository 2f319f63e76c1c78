import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { endsWithConnector, findTime, startsWithAgency } from '../src/corpus/layouts/cellBreaks.js';
import { readAppendix, type Appendix } from '../src/corpus/appendices.js';
import { findRegions } from '../src/corpus/regions.js';
import type { RawTaskRow } from '../src/corpus/types.js';

const raw = (name: string) => readFileSync(new URL(`../corpus/${name}`, import.meta.url), 'utf8');
const toLines = (text: string) => text.normalize('NFC').split('\n');

const HUE = 'thua-thien-hue-chuyen-doi-so-2024.txt';
const BT = 'binh-thuan-kinh-te-so-2025-2030.txt';

/** The file's appendices as the layout registry reads them. */
function appendices(lines: string[]): Appendix[] {
  const starts = findRegions(lines).appendices;
  return starts.map((s, k) => readAppendix(lines, s, starts[k + 1] ?? lines.length));
}

function hueRows(lines = toLines(raw(HUE))): RawTaskRow[] {
  return appendices(lines)[0]!.rows;
}

function btRows(which: 1 | 2, lines = toLines(raw(BT))): RawTaskRow[] {
  return appendices(lines)[which - 1]!.rows;
}

const NO_EXTRA = { monitor: null, output: null, funding: null, other: null };

const byNumber = (rows: RawTaskRow[], n: string, part?: string) => {
  const row = rows.find((r) => r.number === n && (part === undefined || r.section[0]!.startsWith(`${part} `)));
  if (!row) throw new Error(`row ${part ?? ''} ${n} missing`);
  return row;
};

describe('cell-break heuristics', () => {
  it('finds the time column, not years inside a title', () => {
    expect(findTime('Triển khai Hạ tầng điện toán đám mây và ảo hóa. 2023-2025 Sở TTTT')?.token).toBe('2023-2025');
    expect(findTime('2024 Sở KHĐT')).toMatchObject({ index: 0, token: '2024' });
    expect(findTime('2023 - 2025 ')?.token).toBe('2023 - 2025');
    expect(findTime('Số hoá hồ sơ người có công với cách mạng năm 2023 trên địa')).toBeNull();
    expect(findTime('2023 chuyển sang')).toBeNull();
    expect(findTime('2021-2025', 'giai đoạn')).toBeNull();
    expect(findTime('04/5/2022 của Ủy ban nhân dân tỉnh.')).toBeNull();
  });

  it('tells agency starts from title words', () => {
    expect(startsWithAgency('Sở Lao động, Thương binh')).toBe(true);
    expect(startsWithAgency('Hội Công nghệ thông tin')).toBe(true);
    expect(startsWithAgency('Ngân hành Nhà nước')).toBe(true);
    expect(startsWithAgency('Các sở, ban, ngành,')).toBe(true);
    expect(startsWithAgency('Ban hành chính sách khuyến khích')).toBe(false);
    expect(startsWithAgency('Số hoá hồ sơ')).toBe(false);
    expect(startsWithAgency('Cơ sở dữ liệu đất đai')).toBe(false);
    expect(startsWithAgency('Trung tâm điều hành đô thị')).toBe(false);
  });

  it('knows connectors without confusing tư and từ', () => {
    expect(endsWithConnector('Sở Thông tin và ')).toBe(true);
    expect(endsWithConnector('Trung tâm CNTT tỉnh,  ')).toBe(true);
    expect(endsWithConnector('Sở Kế hoạch và Đầu tư (Sở ')).toBe(true);
    expect(endsWithConnector('Sở Kế hoạch và Đầu tư ')).toBe(false);
  });
});

describe('PDF columns: Thừa Thiên Huế chuyển đổi số 2024', () => {
  const rows = hueRows();

  it('finds the appendix under "Phụ lục", read best as PDF columns with full confidence', () => {
    const [a, more] = appendices(toLines(raw(HUE)));
    expect(more).toBeUndefined();
    expect([a!.start, a!.name, a!.kind, a!.layout, a!.confidence, a!.anomalies]).toEqual([820, 'Phụ lục', 'tasks', 'pdf-columns', 1, []]);
    expect(a!.columns).toEqual(['title', 'time', 'lead', 'note']);
    expect(appendices(toLines(raw('thua-thien-hue-kinh-te-so-2024.txt')))).toEqual([]);
    expect(appendices(toLines(raw('dak-lak-kinh-te-so-2025-2030.txt')))).toEqual([]);
  });

  it('reads 62 rows in order under 12 groups', () => {
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 62 }, (_, k) => String(k + 1)));
    const groups = [...new Set(rows.map((r) => r.section.join('|')))];
    expect(groups.map((g) => g.split(' ')[0])).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII']);
    expect(groups[0]).toBe('I Nhận thức số');
    expect(groups[11]).toBe('XII Không gian trải nghiệm sản phẩm, dịch vụ công nghệ số');
    expect(rows.every((r) => r.section.length === 1 && r.support === null && r.title !== '')).toBe(true);
    expect(rows.filter((r) => r.note !== null).map((r) => r.number)).toEqual(['22']);
    expect(rows.filter((r) => r.time === null).map((r) => r.number)).toEqual(['61']);
    expect(rows.every((r) => r.lead !== null)).toBe(true);
    expect(rows.some((r) => /UBND TỈNH THỪA THIÊN HUẾ/.test(JSON.stringify(r)))).toBe(false);
  });

  it('matches the spot checks', () => {
    expect(byNumber(rows, '1')).toEqual({
      number: '1',
      section: ['I Nhận thức số'],
      title: 'Triển khai các hoạt động đào tạo, tập huấn về chuyển đổi số cho cán bộ, công chức, viên chức.',
      lead: 'Sở Thông tin và Truyền thông (TTTT)',
      support: null,
      time: '2024',
      note: null,
      line: 837,
      ...NO_EXTRA,
    });
    expect(byNumber(rows, '2')).toMatchObject({ title: 'Triển khai các hoạt động truyền thông về chuyển đổi số.', time: '2024', lead: 'Sở TTTT', line: 848 });
    expect(byNumber(rows, '3').lead).toBe('Sở Kế hoạch và Đầu tư (Sở KHĐT)');
    expect(byNumber(rows, '9')).toMatchObject({
      title: 'Xây dựng hệ thống dự phòng nóng hạ tầng dùng chung tỉnh” giai đoạn 2 tỉnh Thừa Thiên Huế',
      time: '2024-2025',
      lead: 'Văn phòng UBND tỉnh',
    });
    expect(byNumber(rows, '14').title.endsWith('điện Kiến Trung, Hồ Tịnh Tâm, ….')).toBe(true);
    expect(byNumber(rows, '14').lead).toBe('Trung tâm Bảo tồn di tích Cố đô Huế');
    expect(byNumber(rows, '19')).toMatchObject({
      title: 'Số hoá hồ sơ người có công với cách mạng năm 2023 trên địa bàn tỉnh Thừa Thiên Huế.',
      time: '2024',
      lead: 'Sở LĐTB&XH',
      line: 967,
    });
    expect(byNumber(rows, '22')).toMatchObject({
      title: 'Triển khai Nền tảng bản đồ số.',
      time: '2024',
      lead: 'Sở TTTT',
      note: 'Nhiệm vụ năm 2023 chuyển sang',
    });
    expect(byNumber(rows, '31')).toMatchObject({ time: '2024-2025', lead: 'Hội Công nghệ thông tin và Điện tử viễn thông' });
    expect(byNumber(rows, '37').lead).toBe('Văn phòng UBND tỉnh');
    expect(byNumber(rows, '42').lead).toBe('Thanh tra tỉnh');
    expect(byNumber(rows, '46').lead).toBe('Sở KHĐT, UBND cấp huyện');
    expect(byNumber(rows, '52').lead).toBe('Ngân hàng nhà nước chi nhánh tỉnh Thừa Thiên Huế');
    expect(byNumber(rows, '53')).toMatchObject({ time: '2024-2025', lead: 'Sở Thông tin và Truyền thông' });
    expect(byNumber(rows, '54').lead).toBe('Các doanh nghiệp cung cấp dịch vụ chữ ký số');
    expect(byNumber(rows, '56').lead).toBe('Sở TTTT; các sở ban ngành; địa phương');
    expect(byNumber(rows, '57')).toMatchObject({ time: '2021-2025', lead: 'Sở Y tế' });
    expect(byNumber(rows, '61')).toMatchObject({
      title: 'Xây dựng phần mềm quản lý cung cầu lao động tỉnh',
      time: null,
      lead: 'Sở Lao động, Thương binh và Xã hội',
      note: null,
    });
    expect(byNumber(rows, '62')).toMatchObject({
      section: ['XII Không gian trải nghiệm sản phẩm, dịch vụ công nghệ số'],
      title: 'Thiết lập không gian trải nghiệm sản phẩm, dịch vụ công nghệ số',
      lead: 'Trung tâm CNTT tỉnh, HueIOC',
      time: '2024',
      line: 1254,
    });
  });

  it('parses the NFD file exactly as its NFC form', () => {
    const text = raw(HUE);
    expect(text).not.toBe(text.normalize('NFC')); // the file really is NFD
    expect(hueRows(text.split('\n'))).toEqual(rows);
  });

  it('skips page numbers and repeated headers, even inside a cell', () => {
    const lines = toLines(raw(HUE));
    const header = ['STT Tên nhiệm vụ ', 'Năm triển ', '', 'khai ', 'Đơn vị chủ trì Ghi chú ', ''];
    const at = (text: string) => lines.findIndex((l) => l === text);
    const edited = [...lines];
    // Between rows 29 and 30: a page number that looks like the next row number, then the header.
    edited.splice(at('30  Tập huấn nghiệp vụ cho các tổ công nghệ số cộng đồng. 2024 Sở TTTT  '), 0, '30 ', '', ...header);
    // Inside a title (row 55's: `at` reads the unedited lines, eight lines above): a page mark and the header.
    edited.splice(at('dùng tiền mặt trong các trường học, cơ sở giáo dục và bệnh viện, '), 0, '', '- 14 -', ...header);
    const strip = (rs: RawTaskRow[]) => rs.map(({ line: _line, ...rest }) => rest);
    expect(strip(hueRows(edited))).toEqual(strip(rows));
  });
});

describe('stacked cells: Bình Thuận Phụ lục 01 (targets)', () => {
  const rows = btRows(1);

  it('finds both appendices by heading, with their own names, kinds and columns', () => {
    const [pl01, pl02] = appendices(toLines(raw(BT)));
    expect([pl01!.start, pl01!.name, pl01!.kind, pl01!.year, pl01!.confidence]).toEqual([456, 'Phụ lục 01', 'monitors', 2025, 1]);
    expect(pl01!.columns).toEqual(['title', 'monitor', 'support']);
    expect([pl02!.start, pl02!.name, pl02!.kind, pl02!.layout, pl02!.confidence]).toEqual([618, 'Phụ lục 02', 'tasks', 'stacked-cells', 1]);
    expect(pl02!.columns).toEqual(['title', 'lead', 'support', 'time']);
  });

  it('reads 7 + 11 rows with title, monitor and implementers', () => {
    expect(rows.map((r) => `${r.section[0]!.split(' ')[0]}.${r.number}`)).toEqual([
      ...Array.from({ length: 7 }, (_, k) => `I.${k + 1}`),
      ...Array.from({ length: 11 }, (_, k) => `II.${k + 1}`),
    ]);
    expect(rows[0]!.section).toEqual(['I PHÁT TRIỂN KINH TẾ SỐ']);
    expect(rows[17]!.section).toEqual(['II PHÁT TRIỂN XÃ HỘI SỐ']);
    expect(rows.every((r) => r.time === null && r.note === null && r.lead === null && r.monitor !== null && r.support !== null)).toBe(true);
  });

  it('matches the spot checks', () => {
    expect(byNumber(rows, '1', 'I')).toMatchObject({
      title: 'Kinh tế số chiếm 20% GRDP của tỉnh.',
      monitor: 'Sở Kế hoạch và Đầu tư',
      support: 'Các sở, ban, ngành, địa phương',
      line: 471,
    });
    expect(byNumber(rows, '3', 'I').monitor).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(byNumber(rows, '4', 'I')).toMatchObject({
      monitor: 'Sở Thông tin và Truyền thông',
      support: 'Các sở, ban, ngành, địa phương; hiệp hội doanh nghiệp',
    });
    expect(byNumber(rows, '5', 'I').monitor).toBe('Sở Công Thương');
    expect(byNumber(rows, '3', 'II')).toMatchObject({
      title: 'Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch thanh toán tại ngân hàng hoặc tổ chức được phép khác đạt 80%.',
      monitor: 'Ngân hàng Nhà nước tỉnh',
      support: 'Các doanh nghiệp sở, ban, ngành, địa phương',
      line: 547,
    });
    expect(byNumber(rows, '9', 'II')).toMatchObject({ title: 'Tỷ lệ người dân có hồ sơ sức khỏe điện tử đạt 90%', monitor: 'Sở Y tế' });
    expect(byNumber(rows, '11', 'II')).toMatchObject({
      monitor: 'Sở Giáo dục và Đào tạo',
      support: 'Các sở, ban, ngành, địa phương; các trường Tiểu học, THCS, THPT',
    });
  });
});

describe('stacked cells: Bình Thuận Phụ lục 02 (tasks)', () => {
  const rows = btRows(2);
  const PART_I = 'I PHÁT TRIỂN NỀN MÓNG KINH TẾ SỐ VÀ XÃ HỘI SỐ';

  it('reads the tasks of both parts, sub-groups kept as sections', () => {
    const part = (p: string) => rows.filter((r) => r.section[0] === p).map((r) => r.number);
    expect(part(PART_I)).toEqual(['1.1', '1.2', '2', '3.1', '3.2', '4.1', '4.2', '5', '6.1', '6.2', '6.3', '7.1', '7.2', '8.1', '8.2', '8.3', '9.1', '9.2']);
    expect(part('II GIẢI PHÁP')).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3']);
    expect(rows).toHaveLength(25);
    expect(byNumber(rows, '1.1', 'I').section).toEqual([PART_I, '1 Hoàn thiện thể chế']);
    expect(byNumber(rows, '2', 'I').section).toEqual([PART_I]);
    expect(byNumber(rows, '2', 'I').title).toBe('Phát triển hạ tầng số và hạ tầng thiết yếu phục vụ kinh tế số và xã hội số.');
    expect(byNumber(rows, '5', 'I')).toMatchObject({
      section: [PART_I],
      title: 'Đảm bảo an toàn thông tin và an ninh mạng',
      lead: 'Sở Thông tin và Truyền thông',
    });
    expect(byNumber(rows, '3', 'II')).toMatchObject({ section: ['II GIẢI PHÁP'], title: 'Tuyên truyền, phổ biến, nâng cao nhận thức' });
    expect(byNumber(rows, '1.1', 'II').section).toEqual(['II GIẢI PHÁP', '1 Tổ chức, bộ máy']);
    expect(rows.every((r) => r.time !== null && r.lead !== null && r.note === null)).toBe(true);
  });

  it('matches the spot checks', () => {
    expect(byNumber(rows, '1.1', 'I')).toMatchObject({
      lead: 'Sở Kế hoạch và Đầu tư',
      support: 'Các sở, ban, ngành, địa phương',
      time: '2023 - 2025',
      line: 640,
    });
    expect(byNumber(rows, '4.1', 'I')).toMatchObject({ lead: 'Các sở, ban, ngành, địa phương', support: null, time: '2022 - 2025' });
    expect(byNumber(rows, '4.2', 'I')).toMatchObject({ title: 'Xây dựng Cổng dữ liệu mở của tỉnh.', lead: 'Sở Thông tin và Truyền thông', time: '2023' });
    expect(byNumber(rows, '7.1', 'I')).toMatchObject({
      title: 'Triển khai nền tảng học trực tuyến mở (MOOC) để người dân tự học các kỹ năng số hướng tới phổ cập kỹ năng số trong toàn dân.',
      lead: 'Sở Thông tin và Truyền thông',
      time: '2023',
    });
    expect(byNumber(rows, '8.1', 'I')).toMatchObject({
      title: 'Triển khai Chương trình hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số.',
      lead: 'Sở Kế hoạch và Đầu tư',
    });
    expect(byNumber(rows, '8.3', 'I')).toMatchObject({
      title: 'Hướng dẫn, hỗ trợ doanh nghiệp nhỏ và vừa, hợp tác xã, cơ sở sản xuất kinh doanh cá thể phát triển thương mại điện điện tử.',
      lead: 'Sở Công Thương',
      support: 'Các sở, ban, ngành, địa phương; các doanh nghiệp',
    });
    expect(byNumber(rows, '9.1', 'I').lead).toBe('Ngân hành Nhà nước tỉnh');
    expect(byNumber(rows, '9.2', 'I').lead).toBe('Sở Y tế, Sở Giáo dục và Đào tạo, Ngân hành Nhà nước tỉnh');
    expect(byNumber(rows, '1.1', 'II')).toMatchObject({
      lead: 'Sở Thông tin và Truyền thông; các sở, ban, ngành, địa phương',
      support: null,
      time: '2022 - 2025',
    });
    expect(byNumber(rows, '1.3', 'II')).toMatchObject({ lead: 'Sở Nội vụ', time: '2023' });
    expect(byNumber(rows, '2.2', 'II')).toMatchObject({
      lead: 'Các sở, ban, ngành, địa phương',
      support: 'Các viện nghiên cứu, trường đại học, doanh nghiệp công nghệ số',
      time: '2022 - 2025',
    });
    expect(byNumber(rows, '3', 'II').support).toBe('Các sở, ban, ngành, địa phương; Báo Bình Thuận; Đài Phát thanh - Truyền hình tỉnh');
  });

  it('parses NFD text exactly as NFC text', () => {
    const nfd = raw(BT).normalize('NFD').split('\n');
    expect(btRows(2, nfd)).toEqual(rows);
    expect(btRows(1, nfd)).toEqual(btRows(1));
  });
});
