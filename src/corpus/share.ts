/**
 * Provincial plans copy the national programme's wording: the same target bullets, task
 * titles, headings and agency names recur from plan to plan. Records keep one string (and
 * one list) per distinct value, so a corpus of many plans holds each shared sentence once.
 * Plans read back from the cache go through the same pool.
 */
import type { Plan, SourcePlace } from './types.js';

export class TextPool {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, string[]>();

  text(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  }

  private maybe(s: string | null): string | null {
    return s === null ? null : this.text(s);
  }

  /** Records never change a list after parsing, so equal lists can be one array. */
  list(xs: string[]): string[] {
    const key = xs.join('\u0000');
    const known = this.lists.get(key);
    if (known !== undefined) return known;
    const shared = xs.map((x) => this.text(x));
    this.lists.set(key, shared);
    return shared;
  }

  private place(p: SourcePlace): SourcePlace {
    p.path = this.list(p.path);
    return p;
  }

  /** The plan with its records' texts and lists taken from the pool (in place). */
  plan(plan: Plan): Plan {
    for (const x of plan.passages) {
      x.text = this.text(x.text);
      x.path = this.place(x.place).path;
    }
    for (const t of plan.tasks) {
      t.title = this.text(t.title);
      t.section = this.list(t.section);
      t.lead = this.list(t.lead);
      t.support = this.list(t.support);
      t.leadIds = this.list(t.leadIds);
      t.supportIds = this.list(t.supportIds);
      t.flags = this.list(t.flags);
      t.appendix = this.text(t.appendix);
      t.part = this.maybe(t.part);
      t.partCode = this.maybe(t.partCode);
      t.time = this.maybe(t.time);
      t.output = this.maybe(t.output);
      t.funding = this.maybe(t.funding);
      t.note = this.maybe(t.note);
      this.place(t.place);
    }
    for (const t of plan.targets) {
      t.text = this.text(t.text);
      t.indicator = this.text(t.indicator);
      t.monitor = this.list(t.monitor);
      t.monitorIds = this.list(t.monitorIds);
      t.implementers = this.list(t.implementers);
      t.scope = this.maybe(t.scope);
      t.unit = this.text(t.unit);
      t.base = this.maybe(t.base);
      this.place(t.place);
      if (t.monitorPlace) this.place(t.monitorPlace);
    }
    return plan;
  }
}
