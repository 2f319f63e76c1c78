/**
 * Targets: the bullets under a "Mục tiêu" heading that state a figure — a percentage
 * ("đạt 80%", "1% tổng chi ngân sách"), an amount ("500 tỷ đồng") or a count ("mỗi năm tổ
 * chức ít nhất 10 lớp …", "1.000 doanh nghiệp …"). Year and group come from the headings
 * above the bullet (or the plan's single year); a bullet with two figures yields two
 * targets. A bullet with a percentage is read for its percentages only, as before counts
 * were read, so the figures of such bullets keep their meaning.
 */
import { fold } from '../text/fold.js';
import type { Block } from './blocks.js';
import type { Comparator, Period, Target, TargetGroup, TargetMeasure } from './types.js';
import { squash } from './normalize.js';

/** One figure in a bullet: where it stands, its value and what it counts. */
interface Figure {
  index: number;
  length: number;
  value: number;
  measure: TargetMeasure;
  /** "%", "tỷ đồng", "lớp", "doanh nghiệp". */
  unit: string;
}

const PERCENT = /(\d+(?:,\d+)?)\s*%/g;
const AMOUNT = /(?<![\d.,])(\d+(?:[.,]\d+)*)\s*(nghìn tỷ|ngàn tỷ|tỷ|triệu|nghìn|ngàn)\s+(đồng|USD|usd)(?![\p{L}])/gu;
const COUNT = /(?<![\d.,/%\p{L}])(\d{1,3}(?:\.\d{3})+|\d+)(?![\d.,/%])\s+(\p{Ll}+)(?:\s+(\p{Ll}+))?(?:\s+(\p{Ll}+))?/gu;

/** Words before a number that make it a name, date or reference, not a count ("năm 2025", "Quyết định số 411"). */
const NOT_A_COUNT_BEFORE = new Set(['năm', 'số', 'ngày', 'tháng', 'quý', 'đoạn', 'khoản', 'điều', 'mục', 'phụ', 'lục', 'khóa', 'khoá', 'kỳ', 'lần', 'thứ', 'top', 'nhóm']);
/** Words after a number that are not what a count target counts. */
const NOT_A_UNIT = new Set(['năm', 'tháng', 'ngày', 'giờ', 'phút', 'tuổi', 'lần', 'giây', 'quý', 'tuần']);
/** Nouns counted by one syllable: "12 lớp tập huấn" counts "lớp". */
const ONE_WORD_UNITS = new Set('lớp người lượt xã hộ bài khóa khoá cuộc buổi điểm trạm tổ nhóm trường thôn huyện tin video clip sàn cửa gian'.split(' '));
/** Nouns of three syllables. */
const THREE_WORD_UNITS = ['hợp tác xã', 'hộ gia đình', 'tổ công nghệ'];
/** Words that end a two-syllable noun before its second syllable ("doanh nghiệp được …" but not "người được"). */
const NOT_A_SYLLABLE = new Set('được có về cho của trong tại với và sử tham đạt là trên dưới mới đã sẽ thuộc từ đến ở'.split(' '));

/** The counted noun after a number: one syllable for a classifier, else most nouns take two ("doanh nghiệp", "chuyên gia"). */
function countUnit(words: string[]): string {
  const three = THREE_WORD_UNITS.find((c) => words.slice(0, 3).join(' ') === c);
  if (three) return three;
  if (ONE_WORD_UNITS.has(words[0]!) || !words[1] || NOT_A_SYLLABLE.has(words[1])) return words[0]!;
  return `${words[0]} ${words[1]}`;
}

/** The figures of `text` of the kinds asked for, in order. */
function figuresOf(text: string, kinds: 'percent' | 'quantity'): Figure[] {
  if (kinds === 'percent') {
    return [...text.matchAll(PERCENT)].map((m) => ({ index: m.index!, length: m[0].length, value: Number(m[1]!.replace(',', '.')), measure: 'percent', unit: '%' }));
  }
  const out: Figure[] = [];
  const taken: [number, number][] = [];
  for (const m of text.matchAll(AMOUNT)) {
    out.push({ index: m.index!, length: m[0].length, value: Number(m[1]!.replace(/\.(?=\d{3}\b)/g, '').replace(',', '.')), measure: 'amount', unit: `${m[2]} ${m[3]}` });
    taken.push([m.index!, m.index! + m[0].length]);
  }
  for (const m of text.matchAll(COUNT)) {
    if (taken.some(([a, b]) => m.index! >= a && m.index! < b)) continue;
    const digits = m[1]!;
    const prev = text.slice(0, m.index).trim().split(/\s+/).pop()?.toLowerCase() ?? '';
    const words = [m[2]!, m[3], m[4]].filter((w): w is string => !!w);
    if (NOT_A_COUNT_BEFORE.has(prev) || NOT_A_UNIT.has(words[0]!)) continue;
    // A year is not a count ("đến 2030 các doanh nghiệp…").
    if (/^(?:19|20)\d{2}$/.test(digits)) continue;
    const unit = countUnit(words);
    const length = m[0].indexOf(unit, digits.length) + unit.length;
    out.push({ index: m.index!, length, value: Number(digits.replace(/\./g, '')), measure: 'count', unit });
  }
  return out.sort((a, b) => a.index - b.index);
}

function groupOf(path: string[]): TargetGroup | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const f = fold(path[i]!);
    if (f.includes('chinh quyen so')) return 'chinh-quyen-so';
    if (f.includes('kinh te so')) return 'kinh-te-so';
    if (f.includes('xa hoi so')) return 'xa-hoi-so';
  }
  return null;
}

function yearOf(path: string[]): number | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const m = /nam\s+(\d{4})/.exec(fold(path[i]!));
    if (m) return Number(m[1]);
  }
  return null;
}

function isTargetSection(path: string[]): boolean {
  return path.some((p) => /muc tieu/.test(fold(p)) && !/muc tieu chung|muc tieu tong quat/.test(fold(p)));
}

const COMPARATOR_TAIL = /\s*(?:đạt\s+chiếm|đạt|chiếm|tăng)?\s*(trên|tối thiểu|khoảng|ít nhất)?\s*$/iu;
/** Comparator words before a count or amount, removed from its indicator. */
const QUANTITY_COMPARATOR_TAIL = /\s*(?:đạt|có|là)?\s*(?:trên|hơn|tối thiểu|khoảng|ít nhất|không quá|không vượt quá|tối đa|không dưới)?\s*$/iu;

function comparatorOf(before: string, whole: string): Comparator {
  const f = fold(before).trimEnd();
  if (/(tren|hon)$/.test(f)) return 'tren';
  if (/(toi thieu|it nhat|khong duoi)$/.test(f)) return 'toi-thieu';
  if (/khoang$/.test(f)) return 'khoang';
  if (/(khong qua|khong vuot qua|toi da)$/.test(f)) return 'toi-da';
  if (/^phan dau/.test(fold(whole))) return 'phan-dau';
  return 'dat';
}

/** Words that make a figure a per-period one: "mỗi năm", "hàng năm", "hằng năm", "/năm". */
const PERIODS: [Period, RegExp][] = [
  ['moi-nam', /\b(?:moi|hang) nam\b|\/ ?nam\b/],
  ['moi-quy', /\b(?:moi|hang) quy\b|\/ ?quy\b/],
  ['moi-thang', /\b(?:moi|hang) thang\b|\/ ?thang\b/],
];
const PERIOD_WORDS = /(?:^|\s|,)(?:mỗi|hàng|hằng)\s+(?:năm|quý|tháng)\s*,?|\/\s*(?:năm|quý|tháng)\b/giu;

function periodOf(clause: string): Period | null {
  const f = fold(clause);
  return PERIODS.find(([, re]) => re.test(f))?.[0] ?? null;
}

function capitalize(s: string): string {
  return s.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/** Scope words that tell two figures of one bullet apart. */
function scopeOf(clause: string): string | null {
  const levels = [...clause.matchAll(/cấp (tỉnh|huyện|xã|thành phố)/gu)].map((m) => m[0]);
  return levels.length ? levels.join('; ') : null;
}

/** Split a bullet so that each piece holds one figure: cut at the last ";", "," or " và " before each later figure. */
function clauses(text: string, figs: Figure[]): string[] {
  if (figs.length < 2) return [text];
  const out: string[] = [];
  let start = 0;
  for (let k = 1; k < figs.length; k++) {
    const prevEnd = figs[k - 1]!.index + figs[k - 1]!.length;
    const region = text.slice(prevEnd, figs[k]!.index);
    const cut = Math.max(region.lastIndexOf(';'), region.lastIndexOf(' và '), region.lastIndexOf(','));
    if (cut < 0) continue;
    out.push(text.slice(start, prevEnd + cut));
    start = prevEnd + cut + (region.startsWith(' và ', cut) ? 4 : 1);
  }
  out.push(text.slice(start));
  return out;
}

/** What a percentage is a share of, when the bullet says so after the figure ("tổng chi ngân sách tỉnh", "GRDP của tỉnh"). */
function baseOf(after: string): string | null {
  const m = /^\s*((?:của\s+|trong\s+)?(?:tổng|GRDP|GDP|doanh thu|giá trị|kim ngạch|ngân sách|vốn)[^.;,]*)/u.exec(after);
  return m ? squash(m[1]!.replace(/^(?:của|trong)\s+/u, '')) : null;
}

type Parsed = Pick<Target, 'indicator' | 'value' | 'unit' | 'comparator' | 'measure' | 'period' | 'base'>;

function parsePercent(clause: string, fig: Figure): Parsed {
  const before = clause.slice(0, fig.index);
  const after = clause.slice(fig.index + fig.length);
  const unitWord = /^\s*(GRDP|GDP)\b/u.exec(after);
  const unit = unitWord ? `% ${unitWord[1]}` : '%';
  const rest = squash(after.replace(/^\s*(GRDP|GDP)\b/u, '').replace(/[.;]+\s*$/, ''));
  const restMatters = rest.split(' ').filter((w) => w && !/^(của|tỉnh|thành|phố)$/u.test(w)).length > 2;
  let head = squash(before.replace(/^[-–•+*]\s*/, ''));
  if (!restMatters) head = head.replace(COMPARATOR_TAIL, '');
  head = head.replace(/^Phấn đấu(\s+|$)/iu, '');
  const base = baseOf(after);
  // "Chi cho chuyển đổi số đạt 1% tổng chi ngân sách": the share is of the base, said so.
  if (restMatters && base) head = `${head.replace(COMPARATOR_TAIL, '')} so với`;
  const indicator = capitalize(squash(restMatters ? `${head} ${rest}` : head).replace(/[.;:,]+$/, ''));
  return {
    indicator,
    value: fig.value,
    unit,
    comparator: comparatorOf(before, clause.replace(/^[-–•+*]\s*/, '')),
    measure: 'percent',
    period: periodOf(clause),
    base,
  };
}

/** A count or an amount: the indicator is what is done or counted, without the figure, comparator and period words. */
function parseQuantity(clause: string, fig: Figure): Parsed {
  const before = clause.slice(0, fig.index);
  const after = clause.slice(fig.index + fig.length);
  const head = squash(
    before
      .replace(/^[-–•+*]\s*/, '')
      .replace(/^Phấn đấu(\s+|$)/iu, '')
      .replace(/^(?:Đến|Tới|Trong)\s+năm\s+\d{4}\s*,?\s*/iu, '')
      .replace(PERIOD_WORDS, ' ')
      .replace(QUANTITY_COMPARATOR_TAIL, ''),
  );
  const what = fig.measure === 'count' ? `${fig.unit}${after}` : after;
  const rest = squash(what.replace(PERIOD_WORDS, ' ').replace(/[.;:,]+\s*$/, ''));
  return {
    indicator: capitalize(squash(`${head} ${rest}`).replace(/[.;:,]+$/, '')),
    value: fig.value,
    unit: fig.unit,
    comparator: comparatorOf(before, clause.replace(/^[-–•+*]\s*/, '')),
    measure: fig.measure,
    period: periodOf(clause),
    base: null,
  };
}

export function readTargets(blocks: Block[], planId: string, file: string, planYear: number | null): Target[] {
  const out: Target[] = [];
  for (const b of blocks) {
    if (b.kind !== 'para' || !isTargetSection(b.path)) continue;
    const kinds = figuresOf(b.text, 'percent').length ? 'percent' : 'quantity';
    const figs = figuresOf(b.text, kinds);
    if (!figs.length) continue;
    const year = yearOf(b.path) ?? planYear;
    if (year === null) continue;
    const parts = clauses(b.text, figs);
    for (const clause of parts) {
      const fig = figuresOf(clause, kinds)[0];
      if (!fig) continue;
      const parsed = kinds === 'percent' ? parsePercent(clause, fig) : parseQuantity(clause, fig);
      out.push({
        ...parsed,
        // "Hằng năm đào tạo 200 học viên và tổ chức 5 hội thảo": the period covers both figures.
        period: parsed.period ?? periodOf(b.text),
        scope: parts.length > 1 ? scopeOf(clause) : null,
        id: `${planId}/t${out.length + 1}`,
        planId,
        text: b.text.replace(/^[-–•+*]\s*/, ''),
        group: groupOf(b.path),
        year,
        monitor: [],
        monitorIds: [],
        implementers: [],
        monitorPlace: null,
        place: { file, line: b.line, path: b.path },
      });
    }
  }
  return out;
}
