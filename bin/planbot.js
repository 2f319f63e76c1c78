#!/usr/bin/env node
// The CLI runs the compiled code (npm ci builds it through the "prepare" script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/channels/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('planbot is not built: run `npm run build` (npm ci does it too).');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
