import { foldWords } from '../text/fold.js';
import { couldNotAnswer, type LoggedQuestion } from './questions.js';

/** Questions worded alike (same folded words) that the bot could not answer, or whose answer was voted 👎, with how it replied. */
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
  /** How many of its answers were voted 👎. */
  downVotes: number;
  /** What those who voted 👎 wrote, oldest first. */
  comments: string[];
}

/** Questions for the inbox: the bot could not answer them, or its answer was voted 👎. */
function inInbox(q: LoggedQuestion): boolean {
  return couldNotAnswer(q) || q.vote === 'down';
}

/** What the bot could not answer, or answered with a 👎, grouped by folded wording, most asked first. */
export function inboxGroups(questions: LoggedQuestion[]): InboxGroup[] {
  const groups = new Map<string, InboxGroup>();
  for (const q of questions) {
    if (!inInbox(q)) continue;
    const key = foldWords(q.question);
    const seen = new Date(q.at).toISOString();
    let group = groups.get(key);
    const down = q.vote === 'down' ? 1 : 0;
    const comments = down && q.comment ? [q.comment] : [];
    if (!group) {
      group = {
        question: q.question,
        count: 1,
        firstSeen: seen,
        lastSeen: seen,
        intent: q.intent,
        reply: q.reply,
        channels: [q.channel],
        downVotes: down,
        comments,
      };
      groups.set(key, group);
      continue;
    }
    group.count += 1;
    group.downVotes += down;
    group.comments.push(...comments);
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
    .map((g) => {
      const votes = g.downVotes > 0 ? `, 👎 ${g.downVotes}` : '';
      const comments = g.comments.map((c) => `\n   “${c.slice(0, 160)}”`).join('');
      return `${g.count}× ${g.question}\n   ${g.intent}${votes}, ${g.firstSeen.slice(0, 16)} … ${g.lastSeen.slice(0, 16)} (${g.channels.join(', ')})\n   → ${g.reply.split('\n')[0]!.slice(0, 160)}${comments}`;
    })
    .join('\n');
}

/** "7d", "12h", "30m" → milliseconds; null when malformed. */
export function parseSince(raw: string): number | null {
  const m = /^(\d+)\s*([dhm])$/.exec(raw.trim());
  if (!m) return null;
  return Number(m[1]) * { d: 86_400_000, h: 3_600_000, m: 60_000 }[m[2] as 'd' | 'h' | 'm'];
}
