/** Which plans a question is about: named ones, else the conversation's, else all that fit. */
import type { Corpus, Plan } from '../corpus/types.js';
import { SAME_PLACE } from '../corpus/provinces.js';
import type { Entities } from '../nlu/entities.js';

export interface PlanChoice {
  plans: Plan[];
  /** The question (or the conversation) named them. */
  named: boolean;
  unknownPlace: string | null;
}

function covers(p: Plan, year: number): boolean {
  return p.yearFrom <= year && year <= p.yearTo;
}

/** Apply a filter only if something is left: years and kinds narrow, they never empty the set. */
function narrow(plans: Plan[], keep: (p: Plan) => boolean): Plan[] {
  const left = plans.filter(keep);
  return left.length ? left : plans;
}

function byPeriodAndKind(plans: Plan[], e: Entities, strictPeriod: boolean): Plan[] {
  let out = plans;
  if (e.period) {
    const [from, to] = e.period;
    const exact = out.filter((p) => p.yearFrom === from && p.yearTo === to);
    const overlap = out.filter((p) => p.yearFrom <= to && from <= p.yearTo);
    out = exact.length ? exact : overlap.length || strictPeriod ? overlap : out;
  }
  if (e.years.length) out = narrow(out, (p) => e.years.some((y) => covers(p, y)));
  if (e.kind) out = narrow(out, (p) => p.kind === e.kind);
  return out;
}

function sameFamily(a: Plan, b: Plan): boolean {
  if (a.province === b.province) return true;
  return SAME_PLACE.some((g) => g.includes(a.province) && g.includes(b.province));
}

/** Plans by id and by the digits of their number, built once per corpus: choosing plans is then no scan. */
export class PlanLookup {
  private readonly byIdMap: Map<string, Plan>;
  private readonly byNumber = new Map<string, Plan[]>();

  constructor(readonly corpus: Corpus) {
    this.byIdMap = new Map(corpus.plans.map((p) => [p.id, p]));
    for (const p of corpus.plans) {
      const digits = p.number ? /^\d+/.exec(p.number)?.[0] : undefined;
      if (digits) this.byNumber.set(digits, [...(this.byNumber.get(digits) ?? []), p]);
    }
  }

  byId(ids: string[]): Plan[] {
    return ids.map((id) => this.byIdMap.get(id)).filter((p): p is Plan => p !== undefined);
  }

  byNumbers(numbers: string[]): Plan[] {
    return numbers.flatMap((n) => this.byNumber.get(n) ?? []);
  }
}

export function choosePlans(lookup: PlanLookup, e: Entities, contextPlanIds: string[]): PlanChoice {
  const corpus = lookup.corpus;
  const byId = (ids: string[]) => lookup.byId(ids);
  if (e.planNumbers.length) {
    return { plans: lookup.byNumbers(e.planNumbers), named: true, unknownPlace: null };
  }
  if (e.places.length) {
    const ids = [...new Set(e.places.flatMap((p) => p.planIds))];
    if (!ids.length) return { plans: [], named: true, unknownPlace: e.places[0]!.name };
    // "thành phố Huế" is the city's plan, "tỉnh Thừa Thiên Huế" the province's, where both are loaded.
    const level = e.places.length === 1 ? e.places[0]!.level : null;
    const atLevel = level ? narrow(byId(ids), (p) => p.provinceLevel === level) : byId(ids);
    return { plans: byPeriodAndKind(atLevel, e, true), named: true, unknownPlace: null };
  }
  const context = byId(contextPlanIds);
  if (context.length && (e.period || e.kind)) {
    // "còn kế hoạch kinh tế số?": another plan of the same place.
    const family = corpus.plans.filter((p) => context.some((c) => sameFamily(p, c)));
    const picked = byPeriodAndKind(family, e, false);
    return { plans: picked, named: true, unknownPlace: null };
  }
  if (context.length) return { plans: context, named: true, unknownPlace: null };
  const all = corpus.plans;
  const picked = e.period || e.kind ? byPeriodAndKind(all, e, false) : all;
  return { plans: picked, named: picked.length < all.length && picked.length === 1, unknownPlace: null };
}
