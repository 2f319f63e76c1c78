import type { Input, Outgoing } from '../conversation.js';
import type { Vote } from '../questions.js';
import type { Button } from './types.js';

/**
 * What a button carries back when pressed (Telegram allows 64 bytes): a menu choice
 * `m:<nonce>:<index>`, or a vote `v:<reply id>:<up|down>`. One format for every channel with buttons.
 */
const MENU_DATA = /^m:([0-9a-z]+):(\d+)$/;
const VOTE_DATA = /^v:([A-Za-z0-9_-]{1,56}):(up|down)$/;
/** Data of the thank-you left in place of the 👍/👎 buttons: pressing it does nothing. */
export const VOTED_DATA = 'v:ok';

/** The buttons under a reply: the menu's choices a row each, then 👍 / 👎 on one row for a factual answer. */
export function buttonRows(out: Outgoing): Button[][] {
  const rows = out.menu ? out.menu.labels.map((label, i) => [{ label, data: `m:${out.menu!.nonce}:${i}` }]) : [];
  if (out.replyId !== undefined && VOTE_DATA.test(`v:${out.replyId}:up`)) {
    rows.push([
      { label: '👍', data: `v:${out.replyId}:up` },
      { label: '👎', data: `v:${out.replyId}:down` },
    ]);
  }
  return rows;
}

/** The input a pressed button stands for; undefined for data the bot did not send (or the thank-you). */
export function buttonInput(data: string): Input | undefined {
  const menu = MENU_DATA.exec(data);
  if (menu) return { kind: 'pick', nonce: menu[1], index: Number(menu[2]) };
  const vote = VOTE_DATA.exec(data);
  if (vote) return { kind: 'vote', replyId: vote[1], vote: vote[2] as Vote };
  return undefined;
}
