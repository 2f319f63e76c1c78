import type { Outgoing } from './conversation.js';
import * as texts from './texts.js';

/** Telegram HTML parse mode needs only these three escaped in text. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain-text rendering for channels without buttons: the menu becomes a numbered list. */
export function plainWithMenu(out: Outgoing): string {
  if (!out.menu) return out.text;
  const lines = out.menu.labels.map((label, i) => `${i + 1}. ${label}`);
  return `${out.text}\n\n${lines.join('\n')}\n${texts.PICK_BY_NUMBER}`;
}
