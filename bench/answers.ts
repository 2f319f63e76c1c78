/** Time Engine.ask over the question mix: warm up, then many rounds, each chain in its own chat. */
import type { Answerer } from '../src/answer/types.js';
import type { Chain } from './questions.js';

export interface Percentiles {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export interface AnswerStats {
  /** The budgeted mix: every turn whose reply does not enumerate the corpus. */
  mix: Percentiles & { perSecond: number };
  /** Turns that list or compare every plan (plan list, unknown place, greeting, compare across provinces). */
  corpusWide: Percentiles;
  byKind: Record<string, Percentiles>;
  rounds: number;
  /** Replies of the first measured round, one per turn in chain order. */
  replies: string[];
  rssMB: number;
  heapMB: number;
}

export function percentiles(ms: number[]): Percentiles {
  const s = Float64Array.from(ms).sort();
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : 0);
  return { n: s.length, p50: at(0.5), p99: at(0.99), max: s.length ? s[s.length - 1]! : 0 };
}

export interface MeasureOptions {
  /** Warm-up time before measuring. */
  warmupMs: number;
  /** Stop after this much measuring time … */
  maxMs: number;
  /** … or this many rounds of the whole mix, whichever first (at least minRounds). */
  maxRounds: number;
  minRounds: number;
}

export function measureAnswers(engine: Answerer, chains: Chain[], opts: MeasureOptions): AnswerStats {
  const round = (tag: string, record: ((ms: number, ci: number, ti: number) => void) | null, replies: string[] | null) => {
    chains.forEach((chain, ci) => {
      const chat = `bench:${tag}:${ci}`;
      chain.forEach((turn, ti) => {
        const t0 = performance.now();
        const r = engine.ask(chat, turn.text);
        const ms = performance.now() - t0;
        record?.(ms, ci, ti);
        replies?.push(r.reply);
      });
    });
  };
  const warmEnd = performance.now() + opts.warmupMs;
  for (let w = 0; performance.now() < warmEnd || w < 3; w++) round(`w${w}`, null, null);

  const mix: number[] = [];
  const wide: number[] = [];
  const byKind = new Map<string, number[]>();
  const replies: string[] = [];
  const start = performance.now();
  let rounds = 0;
  let mixTime = 0;
  while (rounds < opts.minRounds || (rounds < opts.maxRounds && performance.now() - start < opts.maxMs)) {
    round(
      `r${rounds}`,
      (ms, ci, ti) => {
        const turn = chains[ci]![ti]!;
        if (turn.corpusWide) wide.push(ms);
        else {
          mix.push(ms);
          mixTime += ms;
        }
        const k = turn.corpusWide ? `${turn.kind} (corpus-wide)` : turn.kind;
        (byKind.get(k) ?? byKind.set(k, []).get(k)!).push(ms);
      },
      rounds === 0 ? replies : null,
    );
    rounds++;
  }
  const mem = process.memoryUsage();
  return {
    mix: { ...percentiles(mix), perSecond: mix.length / (mixTime / 1000) },
    corpusWide: percentiles(wide),
    byKind: Object.fromEntries([...byKind].map(([k, v]) => [k, percentiles(v)])),
    rounds,
    replies,
    rssMB: mem.rss / 2 ** 20,
    heapMB: mem.heapUsed / 2 ** 20,
  };
}

/** Runs a chat's turn as the server does: with a shared store, its context loaded before and written after. */
export type TurnRunner = (chat: string, ask: () => unknown) => unknown;

/**
 * Answers timed through the store's turns, as the server answers them: the whole mix in
 * rounds (bounded in count and time), each chain in its own chat; the corpus-wide replies aside.
 */
export async function measureStoreTurns(
  engine: Answerer,
  runTurn: TurnRunner,
  chains: Chain[],
  opts: MeasureOptions,
): Promise<Percentiles & { perSecond: number; rounds: number }> {
  const mix: number[] = [];
  let rounds = 0;
  const round = async (tag: string, record: boolean) => {
    for (const [ci, chain] of chains.entries()) {
      const chat = `api:bench:${tag}:${ci}`;
      for (const turn of chain) {
        const t0 = performance.now();
        await runTurn(chat, () => engine.ask(chat, turn.text));
        if (record && !turn.corpusWide) mix.push(performance.now() - t0);
      }
    }
  };
  const warmEnd = performance.now() + opts.warmupMs;
  for (let w = 0; performance.now() < warmEnd || w < 3; w++) await round(`w${w}`, false);
  const start = performance.now();
  while (rounds < opts.minRounds || (rounds < opts.maxRounds && performance.now() - start < opts.maxMs)) await round(`r${rounds++}`, true);
  return { ...percentiles(mix), perSecond: mix.length / (mix.reduce((a, b) => a + b, 0) / 1000), rounds };
}
