/**
 * Answers for any phrasing: the records that best match the question's words are retrieved,
 * a reader takes the asked part from the best one, and a confidence decides between an answer,
 * "did you mean" with the nearest records (found=false), and "not in these plans".
 */
import type { Plan, Target } from '../corpus/types.js';
import type { Slot } from '../nlu/slots.js';
import { SCAN_PLANS, type DocType, type SearchDoc } from '../search/index.js';
import { foldSpelt } from '../nlu/shorthand.js';
import { foldWords } from '../text/fold.js';
import { FUNCTION_WORDS } from '../nlu/terms.js';
import { alternativesOf, type Alternative, type Phrase } from '../nlu/synonyms.js';
import { clip, placeWhere, source, taskWhere, unbullet, AgencyNamer } from './format.js';
import { bestSentence, isListItem } from './reader.js';
import { say } from './messages.js';
import type { Answer, Env, Query } from './query.js';
import { describeTask } from './tasks.js';
import { targetText } from './targets.js';

export interface Scored {
  doc: SearchDoc;
  /** Share of the question's word weight the record holds (two-syllable words whole count fully). */
  coverage: number;
}

/** A record's words and adjacent word pairs (its text and the headings above it), as sets. */
interface Features {
  /** The words padded with spaces, for a whole-phrase check. */
  text: string;
  words: Set<string>;
  pairs: Set<string>;
}

/** Features by record, made when a question first needs them; records sharing a text share them. */
const FEATURES = new WeakMap<SearchDoc, Features>();
const FEATURES_BY_TEXT = new Map<string, Features>();
/** Distinct texts whose features are kept; past this the oldest are made again when needed. */
const MAX_FEATURE_TEXTS = 20_000;

function featuresOf(doc: SearchDoc): Features {
  let f = FEATURES.get(doc);
  if (f) return f;
  const path = doc.task ? [...doc.task.section, ...(doc.task.part ? [doc.task.part] : [])] : doc.place.path;
  const text = `${doc.folded}${foldSpelt(path.join(' '))} `;
  f = FEATURES_BY_TEXT.get(text);
  if (!f) {
    const ws = text.split(' ').filter(Boolean);
    f = { text, words: new Set(ws), pairs: new Set(ws.slice(1).map((w, i) => `${ws[i]} ${w}`)) };
    if (FEATURES_BY_TEXT.size >= MAX_FEATURE_TEXTS) FEATURES_BY_TEXT.delete(FEATURES_BY_TEXT.keys().next().value as string);
    FEATURES_BY_TEXT.set(text, f);
  }
  FEATURES.set(doc, f);
  return f;
}

/** Weight of a word no record holds: a Vietnamese word the plans never use says they do not cover it. */
const UNKNOWN_WEIGHT = 2.5;
/**
 * Weight of an English word the glossary does not map ("stations", "fines"): less than a Vietnamese
 * word the plans lack, since it may be mere phrasing, but with question words and filler taken out
 * and the plans' terms in the glossary, what is left is mostly content the plans may not hold.
 */
const UNMAPPED_ENGLISH_WEIGHT = 1.0;
/** Function words ("để", "về", "từng") keep a little weight: they may be part of a two-syllable word. */
const FUNCTION_WORD_SHARE = 0.3;

interface Weighted {
  runs: string[][];
  weight: Map<string, number>;
  total: number;
  /** Phrases of the question a record may hold in other words. */
  alternatives: Alternative[];
  /** Each word of each run with the word pairs it forms there, worked out once per question. */
  units: { word: string; single: boolean; left: string | null; right: string | null }[];
  /** A question about one short term ("trung tâm dữ liệu"): the term, padded, which a record must hold whole. */
  term: string | null;
}

/** The question's words with their weights; `strict` counts words no record has (Vietnamese questions). */
function weigh(runs: string[][], env: Env, strict: boolean): Weighted {
  const weight = new Map<string, number>();
  for (const run of runs) {
    for (const w of run) {
      if (weight.has(w)) continue;
      const idf = env.index.idf(w);
      const base = idf > 0 ? idf : strict && /[a-z]{2}|\d/.test(w) ? UNKNOWN_WEIGHT : !strict && /^[a-z]{4,}$/.test(w) ? UNMAPPED_ENGLISH_WEIGHT : 0;
      weight.set(w, FUNCTION_WORDS.has(w) ? base * FUNCTION_WORD_SHARE : base);
    }
  }
  let total = 0;
  for (const v of weight.values()) total += v;
  // A word repeated with the same neighbours is one unit ("Sở Sở Sở …" costs what "Sở" does).
  const seen = new Set<string>();
  const units = runs
    .flatMap((run) =>
      run.map((word, i) => ({
        word,
        single: run.length === 1,
        left: i > 0 ? `${run[i - 1]} ${word}` : null,
        right: i + 1 < run.length ? `${word} ${run[i + 1]}` : null,
      })),
    )
    .filter((u) => {
      const key = `${u.word}|${u.left}|${u.right}|${u.single}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
  // In English, a word the glossary left unmapped ("industry" in "digital content industry") is no part of the plans' term.
  const termWords = runs.length === 1 ? runs[0]!.filter((w) => strict || env.index.idf(w) > 0) : [];
  const term = termWords.length > 0 && termWords.length <= 4 ? ` ${termWords.join(' ')} ` : null;
  return { runs, weight, total, alternatives: alternativesOf(runs), units, term };
}

/** Whether a record holds a phrase: its word, or each pair of its words (a phrase's pairs all found is taken for the phrase). */
function holds(f: Features, phrase: Phrase): boolean {
  if (!f.words.has(phrase.words[0]!)) return false;
  for (const pair of phrase.pairs) if (!f.pairs.has(pair)) return false;
  return true;
}

/**
 * Credit for a syllable found apart from its word ("tuyến" in "tuyên truyền" is no "tuyến metro"),
 * and for a short term's syllables found apart.
 */
const SCATTERED = 0.35;
const SCATTERED_TERM = 0.3;

/** How much of the question a record holds. A syllable found outside its two-syllable word counts half. */
function score(doc: SearchDoc, q: Weighted): Scored {
  const f = featuresOf(doc);
  const credit = new Map<string, number>();
  // A question about one short term ("trung tâm dữ liệu") needs the term, not its words apart.
  const termFound = q.term !== null && f.text.includes(q.term);
  for (const u of q.units) {
    if (!f.words.has(u.word)) continue;
    const whole = u.single || (q.term ? termFound : (u.left !== null && f.pairs.has(u.left)) || (u.right !== null && f.pairs.has(u.right)));
    const c = whole ? 1 : q.term ? SCATTERED_TERM : SCATTERED;
    if (c > (credit.get(u.word) ?? 0)) credit.set(u.word, c);
  }
  // "bán hàng online" in the question, "sàn thương mại điện tử" in the record.
  for (const alt of q.alternatives) {
    if (alt.words.every((w) => credit.get(w) === 1)) continue;
    if (alt.others.some((o) => holds(f, o))) for (const w of alt.words) credit.set(w, 1);
  }
  let covered = 0;
  for (const [w, c] of credit) covered += c * q.weight.get(w)!;
  return { doc, coverage: q.total > 0 ? covered / q.total : 0 };
}

/** Weight below which a word does not propose records (it still counts in coverage). */
const TELLING_WEIGHT = 1.2;
/** With few telling words, those down to this weight propose too; "số", in nearly every record, never does. */
const PROPOSING_WEIGHT = 0.5;

/** The heaviest words propose records; the rest only weigh in the reader (BM25's cost follows the words' postings). */
const PROPOSING_WORDS = 8;

/** How many records BM25 proposes to the reader, for the question's words and for their other wordings. */
const CANDIDATES = 40;
const ALTERNATIVE_CANDIDATES = 20;

/** Records of the plans, best first by coverage; shorter records win ties (more to the point). */
function rank(q: Weighted, plans: Plan[], env: Env, types: DocType[]): Scored[] {
  // Words in nearly every record ("số", "nền") would make BM25 score them all: the reader weighs them, BM25 need not.
  const all = [...q.weight.keys()].filter((w) => q.weight.get(w)! > 0);
  const telling = all.filter((w) => q.weight.get(w)! >= TELLING_WEIGHT);
  // With fewer than three telling words ("nội dung số"), the others propose too: one common word alone would not find the phrase.
  const some = all.filter((w) => q.weight.get(w)! >= PROPOSING_WEIGHT);
  const words = (telling.length >= 3 || !some.length ? (telling.length ? telling : all) : some)
    .sort((a, b) => q.weight.get(b)! - q.weight.get(a)!)
    .slice(0, PROPOSING_WORDS);
  const scope = { planIds: plans.map((p) => p.id), types: types.filter((t) => t !== 'target') };
  const docs = env.index.retrieve(words, scope, CANDIDATES);
  // Records that say it in other words are proposed too, apart, so they never crowd out those that say it in the question's words.
  const others = new Set<string>();
  for (const alt of q.alternatives)
    for (const o of alt.others) for (const w of o.words) if (env.index.idf(w) >= TELLING_WEIGHT && !words.includes(w)) others.add(w);
  if (others.size) docs.push(...env.index.retrieve([...others], scope, ALTERNATIVE_CANDIDATES));
  // Targets are read whole within a few plans; across the corpus their bullets (passages) stand for them.
  if (types.includes('target') && plans.length <= SCAN_PLANS) for (const p of plans) for (const t of p.targets) docs.push(env.index.doc(t.id)!);
  const seen = new Set<string>();
  const scored: Scored[] = [];
  for (const d of docs) {
    if (seen.has(d.id)) continue;
    seen.add(d.id);
    scored.push(score(d, q));
  }
  return scored.sort((a, b) => b.coverage - a.coverage || a.doc.text.length - b.doc.text.length);
}

/** Confidence levels: answer at or above ANSWER, offer the nearest records at or above SUGGEST. */
export const THRESHOLDS = {
  answer: 0.35,
  suggest: 0.25,
  /** A figure must match nearly every word: a wrong number is worse than none. */
  valueAnswer: 0.8,
  /** "Có … không?" is answered "Có" only on firmer ground: a wrong yes is worse than a "not found". */
  yesNo: 0.4,
  /** What a paragraph needs beyond `answer` to say who or when. */
  paragraphForTask: 0.15,
  /** A target whose indicator the question names this fully (its own words, by weight) answers a figure at `answer` coverage. */
  targetNamed: 0.8,
  /** A lexicon indicator's target answers only when it holds this much of the question. */
  indicatorCover: 0.5,
  /** Below `answer`, the best record still answers when it leads every other by this much. */
  margin: 0.1,
  /** Other records are shown beside the best while this close to it. */
  alongside: 0.85,
};

export type Decision = { kind: 'answer'; picks: Scored[] } | { kind: 'suggest'; picks: Scored[] } | { kind: 'none'; picks: Scored[] };

/** Answer, suggest or say nothing, from the coverage of the best candidates. */
export function decide(ranked: Scored[], slots: ReadonlySet<Slot>): Decision {
  const best = ranked[0];
  if (!best) return { kind: 'none', picks: [] };
  // Who / when from a paragraph: it names the unit less directly than a task row does.
  const whoFromParagraph = (slots.has('lead') || slots.has('partners') || slots.has('time')) && !best.doc.task;
  const need = slots.has('value')
    ? THRESHOLDS.valueAnswer
    : whoFromParagraph
      ? THRESHOLDS.answer + THRESHOLDS.paragraphForTask
      : slots.has('yesno')
        ? THRESHOLDS.yesNo
        : THRESHOLDS.answer;
  if (best.coverage >= need) {
    const floor = Math.max(need, best.coverage * THRESHOLDS.alongside);
    return { kind: 'answer', picks: ranked.filter((s) => s.coverage >= floor).slice(0, 3) };
  }
  // Just below the bar but far ahead of every other record: that record is what was meant.
  const runnerUp = ranked.find((s) => s.doc.folded !== best.doc.folded && !(s.doc.task && best.doc.task && s.doc.task === best.doc.task));
  if (!slots.has('value') && !whoFromParagraph && best.coverage >= THRESHOLDS.suggest && best.coverage - (runnerUp?.coverage ?? 0) >= THRESHOLDS.margin) {
    return { kind: 'answer', picks: [best] };
  }
  // Offered only records that hold at least half what the best one does: a record sharing no word is no guess.
  if (best.coverage >= THRESHOLDS.suggest) return { kind: 'suggest', picks: ranked.slice(0, 3).filter((s) => s.coverage >= best.coverage / 2) };
  return { kind: 'none', picks: ranked.slice(0, 3) };
}

/** The passages under one heading, in order, when `doc` is one item of that list. */
function listOf(doc: SearchDoc, env: Env): SearchDoc[] {
  const key = doc.place.path.join('\u0001');
  return env.index.docsOf(doc.plan.id).filter((d) => d.type === 'passage' && d.place.path.join('\u0001') === key);
}

/** A passage quoted as the answer: its heading, the sentence that answers, the rest of a short list. */
function quotePassage(doc: SearchDoc, runs: string[][], env: Env, wholeList: boolean): string[] {
  const heading = doc.place.path[doc.place.path.length - 1];
  const head = heading ? `${clip(heading.replace(/\s+/g, ' '), 90)}: ` : '';
  if (wholeList && isListItem(doc.text)) {
    const items = listOf(doc, env);
    if (items.length > 1 && items.length <= 8 && items.every((d) => d.text.length <= 400)) {
      return [`${head.replace(/: $/, ':')}`, ...items.map((d) => `  - ${unbullet(d.text)}`)];
    }
  }
  return [`${head}${unbullet(bestSentence(doc.text, runs))}`];
}

/** Words that frame any target ("tỷ lệ … đạt trên …"): a question asking a figure implies them. */
const TARGET_FRAME: ReadonlySet<string> = new Set('ty le trong dat tren duoi it nhat toi thieu phan dau muc tieu chi'.split(' '));

/**
 * Share of a target's own indicator words (by weight) the question holds, in its words or their
 * other wordings: "lao động KTS chiếm bao nhiêu % lực lượng lao động" names "Tỷ lệ nhân lực lao
 * động kinh tế số trong lực lượng lao động" though chatter keeps its coverage of the question low.
 */
function namedShare(t: Target, asked: ReadonlySet<string>, env: Env): number {
  let total = 0;
  let held = 0;
  for (const w of new Set(foldSpelt(t.indicator).split(' '))) {
    if (!w || TARGET_FRAME.has(w) || FUNCTION_WORDS.has(w) || /\d/.test(w)) continue;
    const idf = env.index.idf(w);
    total += idf;
    if (asked.has(w)) held += idf;
  }
  return total > 0 ? held / total : 0;
}

/** The targets a value question names by their indicator's words, when one indicator stands out (its years may be several). */
function namedTargets(ranked: Scored[], q: Weighted, env: Env): Scored[] {
  // The question's words and their other wordings, once for every target.
  const asked = new Set([...q.weight.keys(), ...q.alternatives.flatMap((a) => a.others.flatMap((o) => o.words))]);
  const shares = ranked
    .flatMap((s) => {
      const t = s.coverage >= THRESHOLDS.answer ? targetOf(s.doc) : undefined;
      return t ? [{ s, share: namedShare(t, asked, env), indicator: foldSpelt(t.indicator) }] : [];
    })
    .filter((x) => x.share >= THRESHOLDS.targetNamed)
    .sort((a, b) => b.share - a.share);
  const best = shares[0];
  if (!best) return [];
  // Another indicator named nearly as well: not clear which is meant.
  if (shares.some((x) => x.indicator !== best.indicator && x.share >= best.share - THRESHOLDS.margin)) return [];
  return shares
    .filter((x) => x.indicator === best.indicator)
    .map((x) => x.s)
    .slice(0, 3);
}

/** A sum of money as the plans write it ("5.000 triệu đồng", "1.500 tỷ đồng"). */
const MONEY = /\d[\d.,]*\s*(?:tỷ|triệu|nghìn|ngàn)?\s*(?:đồng|VNĐ|VND)/iu;
/** A date, a month, a quarter or a year, as a passage that says "when" would hold one. */
const WHEN = /\b(?:ngày|tháng|quý|năm)\s+\d|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\b(?:19|20)\d\d\b|hằng năm|hàng năm|định kỳ/iu;

/** How often something is done, as the plans write it. */
const FREQUENCY = /(?:hằng|hàng|mỗi)\s+(?:năm|quý|tháng|tuần)|định kỳ|\d+\s*lần|lần\s*\/\s*(?:năm|quý|tháng)|thường xuyên/iu;

const MONTH_OR_DAY = /\b(?:ngày|tháng)\s+\d|\d{1,2}\/\d{1,2}/iu;

/** The target a record is, if it is one. */
function targetOf(doc: SearchDoc): Target | undefined {
  return doc.type === 'target' ? doc.plan.targets.find((x) => x.id === doc.id) : undefined;
}

function targetLine(t: Target, q: Query): string {
  return `${say(q.lang, 'year', String(t.year))}: ${targetText(t)}`;
}

/** What a record says, read for the slot asked. */
function read(s: Scored, q: Query, env: Env, slots: ReadonlySet<Slot>, namer: AgencyNamer, many: boolean): string[] {
  const doc = s.doc;
  const tag = many ? `[${doc.plan.shortName}] ` : '';
  if (doc.task) return describeTask(doc.task, q, namer).map((l, i) => (i === 0 ? `${tag}${l}` : `  ${l}`));
  const target = targetOf(doc);
  if (target) return [`${tag}${targetLine(target, q)}`];
  const wholeList = slots.has('what') || slots.has('list') || /^(?:[IVX]+\.\s*)?(?:kinh phi|can cu)/.test(foldWords(doc.place.path[0] ?? ''));
  const [first, ...rest] = quotePassage(doc, q.runs, env, wholeList);
  return [`${tag}${first}`, ...rest];
}

function cite(doc: SearchDoc, q: Query) {
  return source(doc.plan, doc.task ? taskWhere(doc.task, q.lang) : placeWhere(doc.place, q.lang));
}

/** A short label for a record offered as "did you mean". */
function label(doc: SearchDoc, q: Query): string {
  if (doc.task) return `${say(q.lang, 'task', doc.task.number)} (${doc.plan.shortName}): ${clip(doc.task.title, 110)}`;
  const t = targetOf(doc);
  // No figure in a suggestion: it would read as an answer.
  if (t) return `${say(q.lang, 'target', doc.plan.shortName, String(t.year))}: ${clip(t.indicator, 110)}`;
  return `${doc.plan.shortName}, ${placeWhere(doc.place, q.lang)}: ${clip(unbullet(doc.text).replace(/\s*\d+(?:[.,]\d+)?\s*%/g, ' …'), 110)}`;
}

/** The text a suggestion sends back when chosen: asks about that record. */
function choiceText(doc: SearchDoc, q: Query): string {
  if (doc.task) return say(q.lang, 'askTaskOf', doc.task.number, doc.plan.shortName);
  return `${clip(unbullet(targetOf(doc)?.indicator ?? doc.text), 80)} (${doc.plan.shortName})`;
}

/** Words that name a unit in a paragraph or its heading ("Sở …", "UBND …", "các cơ quan, đơn vị"). */
const NAMES_A_UNIT =
  /(^|[\s(“"])(Sở|UBND|Ủy ban|Uỷ ban|Văn phòng|Trung tâm|Công an|Ngân hàng|Ban Chỉ đạo|Hội|Hiệp hội|Đài|Báo|Liên đoàn|Liên minh|Đoàn|Tỉnh đoàn|Thành đoàn|Bưu điện|Viettel|VNPT|các cơ quan|các đơn vị|các sở|doanh nghiệp viễn thông)(?=[\s,.;:)]|$)/iu;

/** A task row within this much coverage of a better paragraph still answers who and when: it names them. */
const TASK_PREFERENCE = 0.3;

/** The first record that passes `test` put first, when it is within TASK_PREFERENCE of the best. */
function promote(ranked: Scored[], test: (s: Scored) => boolean): Scored[] {
  const found = ranked.find(test);
  return found && found.coverage >= ranked[0]!.coverage - TASK_PREFERENCE ? [found, ...ranked.filter((s) => s !== found)] : ranked;
}

/** Which kinds of record can answer the slot. */
function typesFor(slots: ReadonlySet<Slot>): DocType[] {
  if (slots.has('value')) return ['target', 'passage', 'task'];
  // Every target is also a passage (its bullet): other questions find it there.
  return ['passage', 'task'];
}

export function answerFromRecords(q: Query, env: Env, slots: ReadonlySet<Slot>): Answer {
  const weighted = weigh(q.runs, env, q.lang === 'vi');
  const where = q.plans.length === 1 ? q.plans[0]!.shortName : say(q.lang, 'thesePlans');
  // Words, but none the plans use ("drones", "cryptocurrency"): not in these plans.
  if (weighted.total === 0) return { found: false, lines: [q.runs.length ? say(q.lang, 'notIn', where) : say(q.lang, 'askContent')], sources: [] };
  let ranked = rank(weighted, q.plans, env, typesFor(slots));
  if (slots.has('lead') || slots.has('partners')) {
    // Who: a record that names no unit cannot say who.
    ranked = ranked.filter((s) => s.doc.task || NAMES_A_UNIT.test(s.doc.text) || s.doc.place.path.some((h) => NAMES_A_UNIT.test(h)));
  }
  // Who / when: a task row answers it whole; a paragraph only when no row comes close.
  // …and only a row that could answer: one below the bar would turn a paragraph's answer into a guess.
  if (slots.has('lead') || slots.has('partners') || slots.has('time')) ranked = promote(ranked, (s) => Boolean(s.doc.task) && s.coverage >= THRESHOLDS.answer);
  // How often: a record that says it ("hằng năm", "định kỳ 6 tháng", "1 lần/năm") comes first when close to the best.
  if (slots.has('frequency')) ranked = promote(ranked, (s) => FREQUENCY.test(s.doc.text));
  // A figure is asked: only records that state one can answer, for the year asked when one is.
  if (slots.has('value')) {
    const years = q.yearsInherited ? [] : q.years.map(String);
    // In a one-year plan its own year names the plan, not the target ("Thua Thien Hue's 2024 plan").
    const namesPlan = (p: Plan) => p.yearFrom === p.yearTo && years.every((y) => Number(y) === p.yearFrom);
    const dated = (s: Scored) =>
      !years.length || namesPlan(s.doc.plan) || years.some((y) => featuresOf(s.doc).words.has(y) || targetOf(s.doc)?.year === Number(y));
    // "bao nhiêu tiền": a sum of money, not any number.
    const money = slots.has('funding') ? (s: Scored) => MONEY.test(s.doc.text) : () => true;
    ranked = ranked.filter((s) => /\d/.test(s.doc.text) && dated(s) && money(s));
  }
  const named = slots.has('value') ? namedTargets(ranked, weighted, env) : [];
  const decision: Decision = named.length ? { kind: 'answer', picks: named } : decide(ranked, slots);
  if (decision.kind === 'answer') {
    const namer = new AgencyNamer(env.agencies, q.lang);
    const many = new Set(decision.picks.map((s) => s.doc.plan.id)).size > 1;
    const lines: string[] = [];
    if (slots.has('yesno')) lines.push(say(q.lang, 'yesSays'));
    // A task row answers "who" alone; other records beside it only distract.
    // A target is also its bullet's passage: quote it once.
    const once = decision.picks.filter(
      (s, i, all) =>
        !(
          s.doc.type === 'passage' &&
          all.some(
            (o, j) => j !== i && o.doc.type === 'target' && o.doc.plan === s.doc.plan && targetOf(o.doc)!.text === s.doc.text.replace(/^\s*[-–+•]\s*/u, ''),
          )
        ),
    );
    const picks = once[0]!.doc.task && !slots.has('what') ? once.filter((s) => s.doc.task).slice(0, 2) : once;
    // Items of one list each quote the whole list: quoted once, cited once.
    const quoted = new Set<string>();
    const shown = picks.filter((s) => {
      const said = read(s, q, env, slots, namer, many);
      const key = said.join('\n');
      if (quoted.has(key)) return false;
      quoted.add(key);
      lines.push(...said);
      return true;
    });
    const task = shown[0]!.doc.task ?? undefined;
    // Asked only when, and the record gives no time (a task row without one, a paragraph with no date): shown, but not found.
    const onlyWhen = slots.has('time') && !slots.has('lead') && !slots.has('partners');
    // "tháng mấy", "ngày nào" ask for a month or a day: a year does not answer them.
    const when = /\b(?:thang|ngay) (?:may|nao)\b/.test(foldWords(q.text)) ? MONTH_OR_DAY : WHEN;
    const timeMissing =
      (onlyWhen && (task !== undefined ? !task.time : !shown.some((s) => when.test(s.doc.text)))) ||
      // How often, and the answer does not say: shown, but not found.
      (slots.has('frequency') && !shown.some((s) => FREQUENCY.test(s.doc.text)));
    return { found: !timeMissing, lines, sources: shown.map((s) => cite(s.doc, q)), ...(task ? { task } : {}) };
  }
  const notIn = say(q.lang, 'notIn', where);
  if (decision.kind === 'suggest') {
    return {
      found: false,
      lines: [notIn, say(q.lang, 'didYouMean'), ...decision.picks.map((s, i) => `${i + 1}. ${label(s.doc, q)}`)],
      sources: [],
      choices: decision.picks.map((s) => ({ label: clip(label(s.doc, q), 60), text: choiceText(s.doc, q) })),
    };
  }
  return { found: false, lines: [notIn], sources: [] };
}

/**
 * Whether records an answer cites hold the question's words (a share of their weight): a lexicon
 * match on part of the question ("trường học") must not answer for the rest ("wifi miễn phí").
 */
export function coversQuestion(q: Query, env: Env, a: Answer): boolean {
  const weighted = weigh(q.runs, env, q.lang === 'vi');
  if (weighted.total === 0) return true;
  const docs = q.plans.flatMap((p) => p.targets).filter((t) => a.sources.some((s) => s.plan === t.planId) && a.lines.some((l) => l.includes(targetText(t))));
  return docs.some((t) => score(env.index.doc(t.id)!, weighted).coverage >= THRESHOLDS.indicatorCover);
}
