/** What the NLU can recognise, derived once from the corpus: plan names, places, agencies. */
import type { Agency, Corpus } from '../corpus/types.js';
import { agencyKey, ENGLISH_NAMES, lexiconAgencies } from '../corpus/agencies.js';
import { PROVINCES } from '../corpus/provinces.js';
import { accentWords, foldWords, hasDiacritics } from '../text/fold.js';

export interface PlaceEntry {
  name: string;
  /** Folded spellings, longest first. */
  forms: string[];
  planIds: string[];
  /** The spellings as written (with diacritics where they have them). */
  written: string[];
}

export interface AgencyEntry {
  id: string;
  name: string;
  short: string | null;
  group: boolean;
}

export interface Catalog {
  places: PlaceEntry[];
  agencies: AgencyEntry[];
  /** agencyKey of a written or typed form → agency id. */
  agencyKeys: Map<string, string>;
  /**
   * Keys of a department's name without "Sở" ("xaydung", "taichinh"): the same words name a field
   * ("xây dựng kho dữ liệu", "tài chính toàn diện"), so they count only where a unit acts.
   */
  bareAgencyKeys: Map<string, string>;
  /** Longest agency key in tokens, to bound the n-gram scan. */
  maxAgencyTokens: number;
  /** Place forms by their first two letters, for the typo-tolerant pass. */
  placesByPrefix: Map<string, PlaceForm[]>;
  /** Folded words the plans use: a run of them only is no misspelt place (a typo makes a word the plans never write). */
  commonWords: Set<string>;
  /** Place spellings by folded text, and the most words one has. */
  placesByForm: Map<string, PlaceForm[]>;
  maxPlaceWords: number;
  /** First words of the place spellings: only a run starting with one can be a place. */
  placeFirstWords: Set<string>;
  /** First words of the agency names (letters and digits only): only a run starting with one can be an agency. */
  agencyFirstWords: Set<string>;
  /** Digits of every plan number ("4181"). */
  planNumbers: Set<string>;
}

/** One spelling of a place: folded, and with its diacritics when it has them. */
export interface PlaceForm {
  p: PlaceEntry;
  f: string;
  /** Lowercase with diacritics ("quảng nam"), null for spellings typed without them ("dak lak"). */
  accented: string | null;
}

function addKey(keys: Map<string, string>, key: string, id: string): void {
  if (key.length >= 3 && !keys.has(key)) keys.set(key, id);
}

/**
 * `vocabulary`: folded words of the plans' text (the search index has them); a question word
 * found there is no misspelt place, so the typo pass looks only at runs holding another word.
 */
export function buildCatalog(corpus: Corpus, vocabulary: Iterable<string> = []): Catalog {
  const places: PlaceEntry[] = [];
  // Folded name → plans that use it, computed once (hundreds of plans at province scale).
  const plansByName = new Map<string, string[]>();
  for (const p of corpus.plans) for (const n of new Set(p.names.map(foldWords))) plansByName.set(n, [...(plansByName.get(n) ?? []), p.id]);
  for (const prov of PROVINCES) {
    const written = [prov.name, ...prov.aliases];
    const forms = written.map(foldWords).filter((f) => f.length >= 2);
    const planIds = [...new Set(forms.flatMap((f) => plansByName.get(f) ?? []))];
    places.push({ name: prov.name, forms: [...new Set(forms)].sort((a, b) => b.length - a.length), planIds, written });
  }
  // Places a plan names that the province list lacks (a new province, a meta.json alias).
  const known = new Set(places.flatMap((pl) => pl.forms));
  for (const [f, planIds] of plansByName) {
    if (known.has(f)) continue;
    const plan = corpus.plans.find((p) => p.id === planIds[0])!;
    const name = plan.names.find((n) => foldWords(n) === f)!;
    places.push({ name, forms: [f], planIds, written: [name] });
    known.add(f);
  }
  const agencyKeys = new Map<string, string>();
  // The longest written form bounds the n-gram scan ("Hội Công nghệ thông tin và Điện tử viễn thông" is ten words).
  let maxAgencyTokens = 1;
  const agencyFirstWords = new Set<string>();
  const bareAgencyKeys = new Map<string, string>();
  const agencies: AgencyEntry[] = [];
  const seen = new Set<string>();
  const all: Agency[] = [...corpus.agencies, ...lexiconAgencies()];
  for (const a of all) {
    if (!seen.has(a.id)) agencies.push({ id: a.id, name: a.name, short: a.short, group: a.group });
    seen.add(a.id);
    for (const form of [a.name, ...(a.short ? [a.short] : []), ...a.forms, ...(ENGLISH_NAMES.get(a.id) ?? [])]) {
      const formWords = foldWords(form).split(' ');
      maxAgencyTokens = Math.max(maxAgencyTokens, formWords.length);
      agencyFirstWords.add(formWords[0]!.replace(/[^a-z0-9]/g, ''));
      // Without "Sở": the next word starts the name.
      if (formWords[0] === 'so' && formWords[1]) agencyFirstWords.add(formWords[1].replace(/[^a-z0-9]/g, ''));
      const key = agencyKey(form);
      // A collective ("địa phương", "các sở, ban, ngành") is also everyday words: named only where it acts.
      if (a.group) {
        addKey(bareAgencyKeys, key, a.id);
        continue;
      }
      addKey(agencyKeys, key, a.id);
      // People drop "Sở" ("Công Thương chủ trì…") or "và" ("sở thông tin truyền thông").
      const noVa = agencyKey(form.replace(/\s+và\s+/giu, ' '));
      addKey(agencyKeys, noVa, a.id);
      for (const k of [key, noVa]) if (k.startsWith('so') && k.length > 5) addKey(bareAgencyKeys, k.slice(2), a.id);
    }
  }
  const placeForms: PlaceForm[] = places
    .flatMap((p) => p.written.map((w) => ({ p, f: foldWords(w), accented: hasDiacritics(w) ? accentWords(w) : null })))
    .filter((x) => x.f.length >= 2)
    .sort((a, b) => b.f.length - a.f.length);
  const placesByPrefix = new Map<string, PlaceForm[]>();
  for (const pf of placeForms) placesByPrefix.set(pf.f.slice(0, 2), [...(placesByPrefix.get(pf.f.slice(0, 2)) ?? []), pf]);
  const commonWords = new Set(vocabulary);
  const placesByForm = new Map<string, PlaceForm[]>();
  for (const pf of placeForms) placesByForm.set(pf.f, [...(placesByForm.get(pf.f) ?? []), pf]);
  const maxPlaceWords = Math.max(1, ...placeForms.map((pf) => pf.f.split(' ').length));
  const placeFirstWords = new Set(placeForms.map((pf) => pf.f.split(' ')[0]!));
  const planNumbers = new Set(corpus.plans.map((p) => (p.number ? /^\d+/.exec(p.number)?.[0] : undefined)).filter((n): n is string => n !== undefined));
  for (const k of agencyKeys.keys()) bareAgencyKeys.delete(k);
  return {
    places,
    agencies,
    agencyKeys,
    bareAgencyKeys,
    maxAgencyTokens,
    placesByPrefix,
    commonWords,
    placesByForm,
    maxPlaceWords,
    placeFirstWords,
    agencyFirstWords,
    planNumbers,
  };
}
