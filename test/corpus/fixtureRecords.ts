/** The fields of a fixture plan's records that its expected file pins down. */
import type { Plan } from '../../src/corpus/types.js';

export function fixtureRecords(p: Plan) {
  return {
    plan: { title: p.title, province: p.province, number: p.number, date: p.date, years: [p.yearFrom, p.yearTo] },
    appendices: p.appendices,
    targets: p.targets.map((t) => ({
      indicator: t.indicator,
      year: t.year,
      value: t.value,
      unit: t.unit,
      comparator: t.comparator,
      measure: t.measure,
      period: t.period,
      base: t.base,
      scope: t.scope,
      monitor: t.monitor,
      implementers: t.implementers,
      monitorPlace: t.monitorPlace && { path: t.monitorPlace.path, line: t.monitorPlace.line },
    })),
    tasks: p.tasks.map((t) => ({
      id: t.id,
      number: t.number,
      appendix: t.appendix,
      part: t.part,
      partCode: t.partCode,
      section: t.section,
      title: t.title,
      lead: t.lead,
      support: t.support,
      time: t.time,
      output: t.output,
      funding: t.funding,
      note: t.note,
      flags: t.flags,
      place: { path: t.place.path, line: t.place.line },
    })),
    anomalies: p.anomalies.map((a) => ({ kind: a.kind, message: a.message })),
  };
}
