import { foldWords } from '../text/fold.js';
import type { LoggedQuestion } from './questions.js';

/** Questions worded alike (same folded words) that the bot could not answer, with how it replied. */
export interface InboxGroup {
  /** The latest wording, masked as logged. */
  question: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
  intent: string;
  /** The bot's latest reply to it. */
  reply: string;
  channels: string[];
}

/** Replies that count as "could not answer": nothing found, a clarification asked, out of scope. */
function unanswered(q: LoggedQuestion): boolean {
  return !q.found || q.intent === 'clarify' || q.intent === 'out_of_scope';
}

/** What the bot could not answer, grouped by folded wording, most asked first. */
export function inboxGroups(questions: LoggedQuestion[]): InboxGroup[] {
  const groups = new Map<string, InboxGroup>();
  for (const q of questions) {
    if (!unanswered(q)) continue;
    const key = foldWords(q.question);
    const seen = new Date(q.at).toISOString();
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { question: q.question, count: 1, firstSeen: seen, lastSeen: seen, intent: q.intent, reply: q.reply, channels: [q.channel] });
      continue;
    }
    group.count += 1;
    if (seen >= group.lastSeen) Object.assign(group, { question: q.question, lastSeen: seen, intent: q.intent, reply: q.reply });
    if (seen < group.firstSeen) group.firstSeen = seen;
    if (!group.channels.includes(q.channel)) group.channels.push(q.channel);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen));
}

/** Eval-format lines (`id`, `chat`, `text`, empty `want`) an official can turn into test questions. */
export function inboxJsonl(groups: InboxGroup[]): string {
  return groups.map((g, i) => JSON.stringify({ id: `inbox-${i + 1}`, chat: `inbox-${i + 1}`, text: g.question, want: [] })).join('\n');
}

/** Plain-text listing for `planbot inbox`. */
export function inboxText(groups: InboxGroup[]): string {
  if (groups.length === 0) return 'Không có câu hỏi nào chưa trả lời được. / Nothing unanswered.';
  return groups
    .map((g) => `${g.count}× ${g.question}\n   ${g.intent}, ${g.firstSeen.slice(0, 16)} … ${g.lastSeen.slice(0, 16)} (${g.channels.join(', ')})\n   → ${g.reply.split('\n')[0]!.slice(0, 160)}`)
    .join('\n');
}

/** "7d", "12h", "30m" → milliseconds; null when malformed. */
export function parseSince(raw: string): number | null {
  const m = /^(\d+)\s*([dhm])$/.exec(raw.trim());
  if (!m) return null;
  return Number(m[1]) * { d: 86_400_000, h: 3_600_000, m: 60_000 }[m[2] as 'd' | 'h' | 'm'];
}
