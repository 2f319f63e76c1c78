/**
 * Safe-by-construction HTML: every value put into an `html` template is escaped unless it is
 * itself Html (a template's result, or markup built by an escaping builder and wrapped by `trusted`).
 */
import { escapeMarkup } from './shared/escape.js';

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Part = Html | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (Array.isArray(part)) return part.map(render).join('');
  if (part instanceof Html) return part.value;
  return escapeMarkup(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Html(out);
}

/** Markup from a builder that escapes its own text (the chart SVG). */
export function trusted(markup: string): Html {
  return new Html(markup);
}
