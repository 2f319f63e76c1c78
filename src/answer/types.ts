/** What the answer stage gives every channel. Channels only format and deliver it. */
import type { Corpus } from '../corpus/types.js';

export interface SourceRef {
  /** Plan id. */
  plan: string;
  /** Human-readable citation, e.g. "KH 284/KH-UBND (Huế 2026–2030), Phụ lục A.IX, nhiệm vụ 21". */
  ref: string;
  /** The cited record's id on the plan's web page (src/corpus/anchors.ts), when one record is cited. */
  anchor?: string;
}

/** A button a channel may show; pressing it sends `text` back as the user's next message. */
export interface Choice {
  label: string;
  text: string;
}

export type Lang = 'vi' | 'en';

export interface Reply {
  /** Plain text with line breaks; no markup (channels escape and format). */
  reply: string;
  found: boolean;
  intent: string;
  sources: SourceRef[];
  lang: Lang;
  choices?: Choice[];
  /** A comparison's figures, for channels that draw them (src/answer/chart.ts). */
  chart?: Chart;
}

/** One bar: a plan's target for one year. */
export interface ChartBar {
  plan: string;
  /** The plan's short name. */
  label: string;
  year: number;
  value: number;
  unit: string;
  /** Qualifier when one bullet holds two figures ("cấp xã"). */
  scope: string | null;
  anchor: string;
}

export interface Chart {
  title: string;
  bars: ChartBar[];
}

export interface PlanSummary {
  id: string;
  shortName: string;
  title: string;
  number: string | null;
}

/** The answering service: one per loaded corpus; chats keep their own context. */
export interface Answerer {
  ask(chatId: string, text: string): Reply;
  /** Plans offered by /kehoach and GET /api/plans. */
  plans(): PlanSummary[];
  /** What the bot answers, with example questions made from the loaded plans (/start, /help). */
  help(lang: Lang): string;
  /** Make `planId` the chat's current plan (a /kehoach choice). Returns false for an unknown id. */
  selectPlan(chatId: string, planId: string): boolean;
  /** A lexicon indicator (src/nlu/lexicon.ts) compared across every plan; null for an unknown id. */
  compare?(indicatorId: string, years: number[], lang: Lang): Reply | null;
  /** The records answered from, for the web pages that show the plans (absent in test fakes). */
  readonly corpus?: Corpus;
}
