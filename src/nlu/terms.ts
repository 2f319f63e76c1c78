/**
 * The content words of a question, for retrieval: what is left once the plan reference, places,
 * years, question words and chatter are taken out, English mapped to the plans' Vietnamese.
 * Words stay in runs ("xay dung kho du lieu") so two-syllable words can be matched whole.
 */
import { EN_TOPICS, TECH_TERMS } from './lexicon.js';

/**
 * Question words and chatter (folded, shorthand spelt out): they say what is asked, not about
 * what. Single syllables that are also parts of the plans' words ("giao" in "giáo dục", "nen"
 * in "nền tảng", "tai" in "tài chính") are not here: term weights take care of common ones.
 */
// prettier-ignore
const ASKING = [
  // who / which unit
  'ai', 'do ai', 'don vi nao', 'co quan nao', 'so nao', 'nganh nao', 'ben nao', 'cong ty nao', 'doanh nghiep nao', 'cap nao', 'chu tri', 'phoi hop',
  'phu trach', 'chiu trach nhiem', 'duoc giao', 'giao cho', 'giao ai', 'dam nhiem', 'ai thuc hien', 'ai trien khai', 'vai tro', 'thuc hien boi',
  'thoi gian thuc hien', 'thoi han thuc hien', 'don vi thuc hien', 'co quan thuc hien', 'thuc hien khi nao', 'trien khai khi nao',
  'thoi gian trien khai', 'ai lo', 'ai lam', 'nao lo', 'nao lam', 'lam',
  // when
  'thoi gian', 'thoi han', 'giai doan nao', 'khi nao', 'bao gio', 'den khi nao', 'toi khi nao', 'nam nao', 'thang may', 'thang nao', 'ngay nao',
  'ngay may', 'vao thang', 'bao lau', 'ghi the nao', 'ghi sao', 'ghi gi', 'trong giai doan nao',
  // how much / what / whether
  'bao nhieu', 'la bao nhieu', 'chiem', 'muc tieu', 'chi tieu', 'dat muc', 'muc nao', 'muc bao nhieu', 'dat ra', 'phan tram', 'noi gi', 'noi sao',
  'noi ve', 'the nao', 'nhu the nao', 'ra sao', 'thi sao', 'la gi', 'lam gi', 'cai gi', 'viec gi', 'de cap', 'nhac den', 'nhac toi', 'co tinh',
  'tinh den', 'co khong', 'hay khong', 'o dau', 'tu dau', 'lay tu dau', 'nhung gi', 'nhung nao', 'nao', 'gi', 'chua', 'khong',
  // the plan itself
  'ke hoach', 'danh sach', 'list', 'giai doan', 'thanh pho', 'nam', 'phai', 'mot lan', 'may lan', 'bao lau mot lan', 'lay tu', 'lay', 'nhiem vu',
  'task', 'tasks',
  // chatter
  'ad', 'admin', 'oi', 'vay', 'nhe', 'em', 'e', 'minh', 'toi', 'anh', 'ha', 'ta', 'hay', 'qua troi', 'nghe noi', 'cho hoi', 'lam on', 'nguoi ta',
  'a', 'ah', 'ne', 'nhi', 'tui', 'va', 'cua', 'cac', 'nhung', 'hoac', 'voi', 'nay', 'kia', 'la', 'o', 'thi', 'ma', 'muon', 'muon biet', 'roi',
  'xong', 'ben minh', 'ben em', 'tui minh', 'chung minh', 'chung toi', 'con e', 'con em', 'con toi', 'con minh', 'ba me', 'bo me', 'nha e', 'nha em',
  'nha minh', 'ba con', 'kieu nay', 'the con', 'the thi', 'vay con', 'kieu gi', 'kieu nao', 'cach nao', 'bang cach nao', 'ghi chu', 'gi dac biet',
  'co gi dac biet', 'hien co', 'hien nay', 'hien tai', 'dang co', 'co san', 'ba ngoai', 'ong ngoai', 'ba noi', 'ong noi', 'cha me', 'nguoi nha',
];

/**
 * English question words, taken out of English questions only: folded, "the", "do", "on" are
 * Vietnamese syllables too ("thể thao", "đồ", "ổn").
 */
// prettier-ignore
const ENGLISH_ASKING: ReadonlySet<string> = new Set([
  'who', 'whom', 'whose', 'what', 'which', 'when', 'where', 'why', 'how', 'does', 'do', 'did', 'is', 'are', 'was', 'were', 'be', 'been', 'the', 'of',
  'in', 'on', 'for', 'and', 'or', 'with', 'by', 'at', 'from', 'about', 'say', 'says', 'said', 'anything', 'mention', 'mentions', 'plan', 'plans',
  'lead', 'leads', 'run', 'runs', 'handle', 'handles', 'charge', 'responsible', 'roll', 'rolls', 'out', 'over', 'period', 'time', 'timeline',
  'build', 'builds', 'them', 'they', 'it', 'its', 'this', 'that', 'there', 'any', 'should', 'must', 'will', 'would', 'could', 'have', 'has', 'had',
  'cite', 'cites', 'come', 'comes', 'department', 'agency', 'unit', 'body', 'supports', 'support', 'provincial', 'province', 'city', 'share',
  'percentage', 'much', 'many', 'set', 'sets', 'target', 'targets', 'goal', 'goals', 'reach', 'achieve', 'by',
]);

const ASKING_SET = new Set(ASKING.filter((p) => !p.includes(' ')));
const ASKING_PHRASES = ASKING.filter((p) => p.includes(' ')).sort((a, b) => b.length - a.length);
const ASKING_RE = new RegExp(String.raw`(?<= )(?:${ASKING_PHRASES.join('|')})(?= )`, 'g');
/** "kế hoạch kinh tế số", "KH CĐS": the plan's kind names the plan, it is no content. */
const KIND = String.raw`(?:kinh te so(?: va)?(?: xa hoi so)?|chuyen doi so)`;
const PLAN_KIND = new RegExp(String.raw` (?:ke hoach (?:phat trien )?${KIND}|${KIND} (?:plan|ke hoach)) `, 'g');

/**
 * Syllables that are mostly function words ("về", "cho", "của") yet also start or end the plans'
 * words seldom: trimmed from a run's edges and weighed lightly. Not "bảo", "tài", "nền", "đề":
 * folded they are the first halves of "bảo tàng", "tài chính", "nền tảng", "đề án".
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  've cho cua va cac nhung voi o la thi ma nay trong tren theo duoc cung hoac den tu nhu khi se da dang rat qua moi tung do con'.split(' '),
);

/** Function words that also end the plans' words ("bảo vệ", "điện tử"): kept at a run's end. */
const ENDS_WORDS: ReadonlySet<string> = new Set(['ve', 'tu']);

const LONE_QUESTION_WORDS: ReadonlySet<string> = new Set(['co', 'lo', 'lam', 'duoc', 'dung']);

/** One pattern for a glossary, longest phrase first so "data platform" wins over "data". */
function glossary(entries: [string, string][]): (folded: string) => string {
  const words = new Map(entries);
  const escaped = [...words.keys()].sort((a, b) => b.length - a.length).map((e) => e.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'));
  const pattern = new RegExp(String.raw`\b(${escaped.join('|')})(?:s|es)?\b`, 'g');
  return (folded) =>
    folded
      .replace(pattern, (_, en: string) => ` ${words.get(en)} `)
      .replace(/\s+/g, ' ')
      .trim();
}

/**
 * English words that carry no content, taken out of English questions before the glossary (not
 * out of Vietnamese ones, where "an" starts "an toàn"): none is part of a glossary phrase.
 */
const ENGLISH_FILLER = new RegExp(
  String.raw`(?<= )(?:${'an to as if we you your our us i my me can let letting allow allowed not no yes some so than then also into under get gets got going make made able need needs needed'.split(' ').join('|')})(?= )`,
  'g',
);

/** English words and phrases replaced by the plans' Vietnamese (folded). */
export const toPlanWords = glossary([...EN_TOPICS, ...TECH_TERMS]);

/** English technical terms only, for Vietnamese questions ("có nhắc tới big data không"). */
const techToPlanWords = glossary(TECH_TERMS);

/**
 * Runs of content words, clause by clause. `clauses` are folded with shorthand spelt out;
 * `remove` are folded phrases that name the plan (places) to leave out. A removed word breaks a run.
 * `english`: the question is in English, its words are looked up in the plans' Vietnamese.
 */
export function contentRuns(clauses: string[], remove: string[] = [], english = false): string[][] {
  const runs: string[][] = [];
  const longestFirst = [...remove].sort((a, b) => b.length - a.length);
  for (const clause of clauses) {
    // English words become the plans' Vietnamese; in a Vietnamese question "ai" is "who", not AI.
    let t = ` ${english ? toPlanWords(` ${clause} `.replace(ENGLISH_FILLER, ' | ').replace(ENGLISH_FILLER, ' | ')) : techToPlanWords(clause)} `.replace(
      PLAN_KIND,
      ' | ',
    );
    // A place (with "tỉnh", "thành phố" before it) is the plan reference, except in a name such as "Hue-S" ("hue s").
    for (const r of longestFirst) if (r) t = t.replace(new RegExp(` (?:tinh |thanh pho |ben )?${r}(?= )(?! s )`, 'g'), ' |');
    t = t
      .replace(/ (?:19|20)\d\d(?= )/g, ' | ')
      .replace(ASKING_RE, ' | ')
      .replace(ASKING_RE, ' | ');
    let run: string[] = [];
    const end = () => {
      // Function words at a run's edges ("về VNeID", "xây dựng để") join nothing.
      while (run.length && FUNCTION_WORDS.has(run[0]!)) run.shift();
      while (run.length && FUNCTION_WORDS.has(run[run.length - 1]!) && !ENDS_WORDS.has(run[run.length - 1]!)) run.pop();
      // Alone, "có", "lo", "làm" are question words ("có … không", "sở nào lo"), not "cơ", "lộ", "lâm".
      if (run.length && !(run.length === 1 && LONE_QUESTION_WORDS.has(run[0]!))) runs.push(run);
      run = [];
    };
    for (const w of t.split(' ')) {
      if (!w) continue;
      if (w === '|' || ASKING_SET.has(w) || (english && ENGLISH_ASKING.has(w)) || !/[a-z0-9]/.test(w)) end();
      else run.push(w);
    }
    end();
  }
  return runs;
}
