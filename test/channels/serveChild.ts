import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { waitFor } from './fakeApi.js';

/** `planbot serve` (runServe, compiled by compileServe) in a child process, with what it logs. */
export interface ServeChild {
  process: ChildProcess;
  output: () => string;
  /** stdout/stderr lines that are pino JSON. */
  lines: () => any[];
  /** The address it listens on, once its corpus is loaded. */
  url: Promise<string>;
  exit: Promise<{ code: number | null; at: number }>;
}

/** Start `script` (a fixture that calls runServe from `outDir`) on a free loopback port, with `env` over the defaults. */
export function spawnServe(outDir: string, script: string, env: Record<string, string>, readyMs: number): ServeChild {
  const child = spawn(process.execPath, [script], {
    env: {
      PATH: process.env.PATH ?? '',
      PLANBOT_SERVE_MODULE: pathToFileURL(join(outDir, 'channels/serve.js')).href,
      PORT: '0',
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const lines = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
  const exit = new Promise<{ code: number | null; at: number }>((done) => child.on('exit', (code) => done({ code, at: Date.now() })));
  const url = waitFor(
    'child to load its corpus',
    () => lines().some((l) => l.msg === 'corpus loaded') && lines().find((l) => l.msg === 'listening')?.address,
    readyMs,
  );
  return { process: child, output: () => out, lines, url, exit };
}
