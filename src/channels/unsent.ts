import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** A delivery acknowledged to its platform but not answered when the server stopped. */
export interface Unsent {
  /** The channel's lane ("tg", "zalo", "zoa"). */
  channel: string;
  /** The delivery as received, admitted again at the next start. */
  body: unknown;
}

const FILE = 'unsent.jsonl';

/** Append deliveries to `<dir>/unsent.jsonl` (created with the folder); returns the file. */
export function saveUnsent(dir: string, items: Unsent[]): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, FILE);
  appendFileSync(file, items.map((item) => `${JSON.stringify(item)}\n`).join(''), { mode: 0o600 });
  return file;
}

/**
 * Take the deliveries saved by the last stop: the file is moved aside first, so a crash while
 * they are admitted again cannot make them be taken twice. Lines that do not parse are skipped.
 */
export function takeUnsent(dir: string): Unsent[] {
  const file = join(dir, FILE);
  if (!existsSync(file)) return [];
  const taken = `${file}.taking`;
  renameSync(file, taken);
  const items: Unsent[] = [];
  for (const line of readFileSync(taken, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const item = JSON.parse(line) as Partial<Unsent>;
      if (typeof item.channel === 'string') items.push({ channel: item.channel, body: item.body });
    } catch {
      // a line torn by a crash mid-write: nothing to resend
    }
  }
  rmSync(taken);
  return items;
}
