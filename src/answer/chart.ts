/** A comparison's figures as chart bars: one per plan and year, in the order the answer lists them. */
import { recordAnchor } from '../corpus/anchors.js';
import type { Plan, Target } from '../corpus/types.js';
import type { Chart } from './types.js';

export function compareChart(head: string, rows: { plan: Plan; t: Target }[]): Chart {
  return {
    title: head.replace(/:\s*$/, ''),
    bars: rows.map(({ plan, t }) => ({
      plan: plan.id,
      label: plan.shortName,
      year: t.year,
      value: t.value,
      unit: t.unit,
      scope: t.scope,
      anchor: recordAnchor(plan.id, t.id),
    })),
  };
}
