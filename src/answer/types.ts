/** What the answer stage gives every channel. Channels only format and deliver it. */

export interface SourceRef {
  /** Plan id. */
  plan: string;
  /** Human-readable citation, e.g. "KH 284/KH-UBND (Huế 2026–2030), Phụ lục A.IX, nhiệm vụ 21". */
  ref: string;
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
  /** Make `planId` the chat's current plan (a /kehoach choice). Returns false for an unknown id. */
  selectPlan(chatId: string, planId: string): boolean;
}
