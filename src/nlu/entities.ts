/** Entity extraction: plans and places, years, task numbers, agencies, indicators, topic. */
import { accentWords, fold, foldWords, hasDiacritics } from '../text/fold.js';
import { editDistance } from '../text/distance.js';
import { expandShorthand, foldSpelt } from './shorthand.js';
import type { Catalog } from './catalog.js';
import { INDICATORS, type IndicatorConcept } from './lexicon.js';
import type { PlanKind } from '../corpus/types.js';

export interface Entities {
  /** Places named, by canonical name, with the plans they map to (empty: no plan for that place). */
  places: { name: string; planIds: string[]; level: PlaceLevel | null }[];
  /** Plans named by number ("4181", "284/KH-UBND"). */
  planNumbers: string[];
  /** Plan numbers written as such ("1282/KH-UBND", "KH 1282") that no loaded plan has. */
  otherPlanNumbers: string[];
  kind: PlanKind | null;
  /** A "YYYY-YYYY" period. */
  period: [number, number] | null;
  /** Single years, in order. */
  years: number[];
  task: { number: string; part: string | null } | null;
  /** "nhiệm vụ đó", "that task": refers back. */
  taskRef: boolean;
  agencies: string[];
  indicator: IndicatorConcept | null;
}

/** "TP Huế", "thành phố Huế" name the city; "tỉnh Thừa Thiên Huế" the province. */
export type PlaceLevel = 'tỉnh' | 'thành phố';

function levelOf(form: string, before: string | undefined): PlaceLevel | null {
  if (/^(tp|thanh pho)\b/.test(form) || before === 'tp' || before === 'pho') return 'thành phố';
  if (/^tinh\b/.test(form) || before === 'tinh') return 'tỉnh';
  return null;
}

/** Word-bounded search in folded text (folded text is single-spaced words). */
function findPhrase(text: string, phrase: string): number {
  let from = 0;
  for (;;) {
    const i = text.indexOf(phrase, from);
    if (i < 0) return -1;
    const before = i === 0 || text[i - 1] === ' ';
    const after = i + phrase.length === text.length || text[i + phrase.length] === ' ';
    if (before && after) return i;
    from = i + 1;
  }
}

/**
 * Places named in the question. Typed with diacritics, accented spellings must match with
 * their diacritics ("cáp quang năm" is not "Quảng Nam"); typed without, folded spellings match.
 */
function findPlaces(accented: string, text: string, catalog: Catalog): { places: Entities['places']; rest: string } {
  const hits: { name: string; planIds: string[]; at: number; form: string; level: PlaceLevel | null }[] = [];
  const strict = hasDiacritics(accented);
  let rest = text;
  // Look the question's word runs up, longest first: the cost follows the question, not the number of places.
  const words = text.split(' ');
  const spelledWords = accented.split(' ');
  const used = new Array<boolean>(words.length).fill(false);
  for (let n = Math.min(catalog.maxPlaceWords, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      if (!catalog.placeFirstWords.has(words[i]!)) continue;
      if (used.slice(i, i + n).some(Boolean)) continue;
      const folded = words.slice(i, i + n).join(' ');
      const spelled = spelledWords.slice(i, i + n).join(' ');
      const form = (catalog.placesByForm.get(folded) ?? []).find((pf) => !strict || !pf.accented || pf.accented === spelled);
      if (!form) continue;
      used.fill(true, i, i + n);
      if (!hits.some((h) => h.name === form.p.name))
        hits.push({ name: form.p.name, planIds: form.p.planIds, at: i, form: folded, level: levelOf(folded, words[i - 1]) });
    }
  }
  if (hits.length) rest = words.map((w, i) => (used[i] ? ' '.repeat(w.length) : w)).join(' ');
  if (!hits.length) {
    // Typos such as "Dak Lac" → "Đắk Lắk": one edit per six letters, tried only
    // against forms that start with the same two letters (keeps this off the hot path),
    // and only in the question's first words (a pasted page is no question).
    const words = rest.split(' ').filter(Boolean).slice(0, 40);
    outer: for (let n = 3; n >= 1; n--) {
      for (let i = 0; i + n <= words.length; i++) {
        const probe = words.slice(i, i + n).join(' ');
        if (probe.length < 5 || /\d/.test(probe)) continue;
        // Only a word the plans never use otherwise can be a misspelt place.
        if (words.slice(i, i + n).every((w) => catalog.commonWords.has(w))) continue;
        for (const { p, f } of catalog.placesByPrefix.get(probe.slice(0, 2)) ?? []) {
          if (Math.abs(f.length - probe.length) > 2) continue;
          if (editDistance(probe, f) <= Math.floor(f.length / 6)) {
            hits.push({ name: p.name, planIds: p.planIds, at: text.indexOf(probe), form: f, level: null });
            rest = rest.replace(probe, ' '.repeat(probe.length));
            break outer;
          }
        }
      }
    }
  }
  hits.sort((a, b) => a.at - b.at);
  return { places: hits.map(({ name, planIds, level }) => ({ name, planIds, level })), rest };
}

const TASK_WORDS = String.raw`(?:nhiem vu|nhiemvu|nv|task|tasks|muc|item|dong|hang|so thu tu|stt)`;

/** "nhiệm vụ -5", "task −3": a number written negative is kept so, never read as another task. */
const NEGATIVE_TASK = new RegExp(String.raw`\b${TASK_WORDS}\s*(?:so|thu|number|no|#)?\s*[-−–]\s*(\d+)`);

function findTask(text: string, signed: string): { task: Entities['task']; rest: string } {
  const negative = NEGATIVE_TASK.exec(signed);
  if (negative) return { task: { number: `-${negative[1]}`, part: null }, rest: text };
  const patterns = [
    // Any number after "nhiệm vụ" is a task number, however large: "nhiệm vụ 1000" is no task, not task 100.
    new RegExp(String.raw`\b${TASK_WORDS}\s*(?:so|thu|number|no|#)?\s*(\d+(?:\.\d+)*)\b`),
    /#\s*(\d{1,3}(?:\.\d{1,2})?)\b/,
    /(?:^|\s)(\d{1,2}\.\d{1,2})(?=\s|$)/,
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    // "phần B", "phần II", "part 2": the appendix part's own code (2 is II where parts are Roman).
    const code = /\b(?:phan|part)\s+([a-h]|[ivx]{1,4}|\d)\b/.exec(text)?.[1]?.toUpperCase() ?? null;
    const part = code && /^\d$/.test(code) ? (['I', 'II', 'III', 'IV', 'V'][Number(code) - 1] ?? code) : code;
    return { task: { number: m[1]!, part }, rest: text.replace(m[0], ' ') };
  }
  return { task: null, rest: text };
}

/** What a unit does, right after its name: only then do a department's words without "Sở" name it. */
const ACTS =
  /^(chu tri|phoi hop|theo doi|phu trach|duoc giao|co trach nhiem|co nhiem vu|lam gi|lam nhung|dam nhan|thuc hien nhung|lead|leads|is responsible|monitors?)\b/;

function findAgencies(text: string, catalog: Catalog): string[] {
  // Words are folded already: an agency key is just their letters and digits run together.
  const raw = text.split(' ').filter(Boolean);
  const words = raw.map((w) => w.replace(/[^a-z0-9]/g, ''));
  const found = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    // "cơ sở y tế" is a health facility, not "Sở Y tế".
    if (words[i] === 'so' && words[i - 1] === 'co') continue;
    if (!catalog.agencyFirstWords.has(words[i]!)) continue;
    // The longest name starting here, its key grown a word at a time.
    let key = '';
    let match: { id: string; n: number } | null = null;
    for (let n = 1; n <= Math.min(catalog.maxAgencyTokens, words.length - i); n++) {
      key += words[i + n - 1];
      const id = catalog.agencyKeys.get(key);
      const bare = id ? undefined : catalog.bareAgencyKeys.get(key);
      if (id) match = { id, n };
      else if (bare && ACTS.test(raw.slice(i + n).join(' ')) && !/^(ai|who)$/.test(raw[i - 1] ?? '')) match = { id: bare, n };
    }
    if (match) {
      found.add(match.id);
      i += match.n - 1;
    }
  }
  return [...found];
}

/** English plurals folded to singular so "services" finds "service". */
function singular(text: string): string {
  return text.replace(/\b([a-z]{3,}[^s])s\b/g, '$1');
}

/** Lexicon phrases folded and spelt out once, as questions are ("online" → "trực tuyến"): [concept, phrase, its singular form, length]. */
const INDICATOR_PHRASES = INDICATORS.flatMap((c) => c.user.map((u) => ({ c, f: foldSpelt(u), s: singular(foldSpelt(u)), n: u.length })));

/**
 * The indicator the question names first ("cáp quang … hộ gia đình, trường học" is about fibre);
 * where phrases touch ("tỷ trọng kinh tế số | trong từng ngành"), the longest, the more specific.
 */
function findIndicator(text: string): IndicatorConcept | null {
  const found: { c: IndicatorConcept; at: number; end: number }[] = [];
  const single = singular(text);
  for (const p of INDICATOR_PHRASES) {
    const exact = findPhrase(text, p.f);
    const at = exact >= 0 ? exact : findPhrase(single, p.s);
    if (at >= 0) found.push({ c: p.c, at, end: at + (exact >= 0 ? p.f : p.s).length });
  }
  found.sort((a, b) => a.at - b.at || b.end - a.end);
  let best = found[0];
  for (const f of found.slice(1)) if (best && f.at <= best.end + 1 && f.end > best.end) best = f;
  return best ? best.c : null;
}

export function extractEntities(raw: string, catalog: Catalog): Entities {
  const accented = accentWords(raw.replace(/(\p{L})'s\b/gu, '$1'));
  let text = fold(accented);
  const { places, rest: afterPlaces } = findPlaces(accented, text, catalog);
  text = afterPlaces;
  // Numbers in the question that are plan numbers ("4181", "284/KH-UBND"), looked up, not scanned for.
  const planNumbers = [...new Set([...text.matchAll(/(?:^|\s)(\d{2,6})(?=\s*\/?\s*kh\b|\s|$)/g)].map((m) => m[1]!))].filter((n) => catalog.planNumbers.has(n));
  const otherPlanNumbers = [
    ...new Set([...text.matchAll(/(?:\b(?:ke hoach|kh)(?: so)? (\d{2,6})\b|\b(\d{2,6}) ?\/? ?kh\b)/g)].map((m) => (m[1] ?? m[2])!)),
  ].filter((n) => !catalog.planNumbers.has(n) && !/^(19|20)\d\d$/.test(n));
  for (const n of planNumbers) text = text.replace(new RegExp(String.raw`(?:so\s+)?${n}(\s*/?\s*kh(?:\s*-?\s*ubnd)?)?`), ' ');
  let period: [number, number] | null = null;
  // Folding turned "2026-2030" into "2026 2030".
  const span = /\b(20\d\d)\s*(?:-|–|den|toi|to|\s)\s*(?:nam\s+)?(20\d\d)\b/.exec(text);
  if (span && Number(span[2]) > Number(span[1])) {
    period = [Number(span[1]), Number(span[2])];
    text = text.replace(span[0], ' ');
  }
  const years = [...text.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]));
  const withoutYears = text.replace(/\b20\d\d\b/g, ' ');
  const { task, rest } = findTask(withoutYears, fold(raw.normalize('NFC')));
  const spelt = expandShorthand(text);
  const kind: PlanKind | null = /chuyen doi so|digital transformation/.test(spelt)
    ? 'chuyen-doi-so'
    : /ke hoach (phat trien )?kinh te so|kinh te so va xa hoi so|digital economy plan|ktxs|kinh te so,? xa hoi so/.test(spelt)
      ? 'kinh-te-so'
      : null;
  return {
    places,
    planNumbers,
    otherPlanNumbers,
    kind,
    period,
    years,
    task,
    taskRef: /nhiem vu (do|nay|tren|vua roi)|that task|this task|the task/.test(text),
    // Agency names may hold place words ("Trung tâm Bảo tồn di tích Cố đô Huế"): read them from the whole text.
    agencies: findAgencies(foldWords(raw).replace(/\b20\d\d\b/g, ' '), catalog),
    indicator: findIndicator(expandShorthand(rest)),
  };
}
