/** /healthz beside /api/ask on one server, same connections and pipelining, one after the other. */
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
  durationS: number;
  healthz: HttpRun;
  ask: HttpRun;
  /** ask req/s ÷ healthz req/s. */
  ratio: number;
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

export async function measureHttp(base: string, connections = 10, durationS = 5): Promise<HttpStats> {
  const common = { connections, pipelining: 1 };
  // Short warm-up of both routes (JIT, sockets) before measuring.
  await autocannon({ url: `${base}/healthz`, ...common, duration: 1 });
  await autocannon({ url: base, ...common, duration: 1, requests: askRequests() });
  const healthz = run(await autocannon({ url: `${base}/healthz`, ...common, duration: durationS }));
  const ask = run(await autocannon({ url: base, ...common, duration: durationS, requests: askRequests() }));
  return { connections, durationS, healthz, ask, ratio: ask.rps / healthz.rps };
}
