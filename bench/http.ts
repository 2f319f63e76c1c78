/**
 * /healthz beside /api/ask on one server, same connections and pipelining, in alternating
 * rounds: anything else the machine does slows the rounds near it, so the ratio is the
 * median of the rounds' ratios rather than one run of each route.
 */
import autocannon from 'autocannon';
import { CHAINS } from './questions.js';

export interface HttpRun {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface HttpStats {
  connections: number;
  /** Seconds per route per round. */
  durationS: number;
  rounds: number;
  /** The round with the median ratio. */
  healthz: HttpRun;
  ask: HttpRun;
  /** Median over rounds of ask req/s ÷ healthz req/s. */
  ratio: number;
  /** Every round's ratio, in order. */
  ratios: number[];
  /** Errors and non-2xx answers over all rounds. */
  failures: number;
}

function run(r: autocannon.Result): HttpRun {
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

/** Every question of the mix, in order, each chain in its own chat. */
export function askRequests(): autocannon.Request[] {
  return CHAINS.flatMap((chain, ci) =>
    chain.map((turn) => ({
      method: 'POST',
      path: '/api/ask',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: turn.text, chat: `http-${ci}` }),
    })),
  );
}

export async function measureHttp(base: string, connections = 10, durationS = 2, rounds = 3): Promise<HttpStats> {
  const common = { connections, pipelining: 1 };
  // Short warm-up of both routes (JIT, sockets) before measuring.
  await autocannon({ url: `${base}/healthz`, ...common, duration: 1 });
  await autocannon({ url: base, ...common, duration: 1, requests: askRequests() });
  const runs: { healthz: HttpRun; ask: HttpRun; ratio: number }[] = [];
  for (let i = 0; i < rounds; i++) {
    const healthz = run(await autocannon({ url: `${base}/healthz`, ...common, duration: durationS }));
    const ask = run(await autocannon({ url: base, ...common, duration: durationS, requests: askRequests() }));
    runs.push({ healthz, ask, ratio: ask.rps / healthz.rps });
  }
  const median = [...runs].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds / 2)]!;
  const failures = runs.reduce((n, r) => n + r.healthz.non2xx + r.healthz.errors + r.ask.non2xx + r.ask.errors, 0);
  return { connections, durationS, rounds, healthz: median.healthz, ask: median.ask, ratio: median.ratio, ratios: runs.map((r) => r.ratio), failures };
}
