import type { Reply } from '../answer/types.js';

/** A citizen's verdict on an answer: 👍 or 👎. */
export type Vote = 'up' | 'down';

/** One answered question, as the question log keeps it (no chat id, personal numbers masked). */
export interface LoggedQuestion {
  replyId: string;
  at: number;
  /** "tg", "zalo", "zoa", "api". */
  channel: string;
  question: string;
  lang: string;
  intent: string;
  found: boolean;
  sources: string[];
  /** The bot's reply: kept for questions it could not answer, and for answers that were voted on. */
  reply: string;
  /** The latest vote on the answer, with its comment (API feedback). */
  vote?: Vote;
  comment?: string;
}

/** What citizens asked and what the bot answered; a store keeps it (src/store/questions.ts). */
export interface QuestionLog {
  /** Log a question and its reply; returns the reply id. */
  record(chatKey: string, question: string, reply: Reply): string;
  /** Keep a vote (a later one replaces it) on a logged reply; false = unknown reply id. */
  vote(replyId: string, vote: Vote, comment?: string): Promise<boolean>;
}

/** Intents that answer nothing from the plans: no feedback is asked on them. */
const NOT_FACTUAL = new Set(['clarify', 'out_of_scope', 'greeting', 'help', 'thanks']);

/** A factual answer: found in the plans, not a clarification, small talk or help. Only these get a reply id and 👍/👎. */
export function isFactual(reply: Pick<Reply, 'found' | 'intent'>): boolean {
  return reply.found && !NOT_FACTUAL.has(reply.intent);
}

/** Replies that count as "could not answer" (the inbox lists them): nothing found, a clarification asked, out of scope. */
export function couldNotAnswer(reply: Pick<Reply, 'found' | 'intent'>): boolean {
  return !reply.found || reply.intent === 'clarify' || reply.intent === 'out_of_scope';
}

/** The log read back (the inbox: `planbot inbox`, GET /api/inbox). */
export interface QuestionHistory {
  /** Questions logged since `sinceMs`, oldest first, with their votes. */
  since(sinceMs: number): Promise<LoggedQuestion[]>;
}

/** Personal data a question may carry, masked before it is logged: e-mail addresses, ID-card numbers, phone numbers. */
const PERSONAL: ReadonlyArray<[RegExp, string]> = [
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu, '[email]'],
  // CCCD (12 digits) and CMND (9 digits).
  [/(?<![\d])(?:\d{12}|\d{9})(?![\d])/g, '[số giấy tờ]'],
  // Vietnamese phone numbers, with or without +84, spaces, dots or dashes between digit groups.
  [/(?<![\d])(?:\+?84|0)(?:[\s.-]?\d){8,10}(?![\d])/g, '[số điện thoại]'],
];

export function maskPersonal(text: string): string {
  return PERSONAL.reduce((masked, [pattern, label]) => masked.replace(pattern, label), text);
}

/** The channel a chat key belongs to ("tg:42" → "tg"; API chats, named or not, → "api"). */
export function channelOf(chatKey: string): string {
  const prefix = chatKey.slice(0, chatKey.indexOf(':'));
  return prefix === 'anon' ? 'api' : prefix;
}
