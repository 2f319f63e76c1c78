/** A fixture plan's records as `planbot corpus --json` prints them: what its expected file pins down. */
import { corpusJson } from '../../src/channels/cli/report.js';
import type { Plan } from '../../src/corpus/types.js';

export function fixtureRecords(p: Plan): unknown {
  return (JSON.parse(corpusJson({ plans: [p], agencies: [], skipped: [], hash: '' })) as { plans: unknown[] }).plans[0];
}
