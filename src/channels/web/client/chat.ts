/**
 * The chat page in the browser: sends questions to POST /api/ask with this browser's chat id
 * (kept in localStorage so follow-ups work) and shows answers, their sources as links to the
 * cited place, clarification choices as buttons and comparisons as a chart. Text is only ever
 * set as text; the chart's SVG comes from the escaping builder the server uses.
 */
import type { Reply } from '../../../answer/types.js';
import { chartSvg } from '../shared/chartSvg.js';
import { UI, uiLang } from '../shared/i18n.js';

const lang = uiLang(document.documentElement.lang);
const t = UI[lang];
const CHAT_KEY = 'planbot.chat';
const embedded = document.body.classList.contains('embed');

function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** This browser's chat id; storage may be refused (private mode, third-party iframe): then per page. */
let memoryId: string | null = null;
function chatId(renew = false): string {
  try {
    let id = renew ? null : localStorage.getItem(CHAT_KEY);
    if (!id) {
      id = newId();
      localStorage.setItem(CHAT_KEY, id);
    }
    return id;
  } catch {
    if (renew || !memoryId) memoryId = newId();
    return memoryId;
  }
}

const log = document.getElementById('log')!;
const form = document.getElementById('ask') as HTMLFormElement;
const input = document.getElementById('q') as HTMLInputElement;
const status = document.getElementById('status')!;
let charts = 0;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function message(kind: 'user' | 'bot' | 'error', who: string, text: string): HTMLElement {
  const box = el('div', `msg ${kind}`);
  box.append(el('p', 'who', who), el('p', 'text', text));
  log.append(box);
  return box;
}

function planHref(plan: string, anchor?: string): string {
  const path = `/plans/${encodeURIComponent(plan)}${lang === 'en' ? '?lang=en' : ''}`;
  return anchor ? `${path}#${encodeURIComponent(anchor)}` : path;
}

/** The engine's closing "Nguồn: …" line, shown here as links instead. */
const SOURCE_LINE = /\n(?:Nguồn|Sources?): [^\n]*$/;

function showReply(reply: Reply): void {
  const box = message('bot', t.bot, reply.sources.length ? reply.reply.replace(SOURCE_LINE, '') : reply.reply);
  if (reply.chart && reply.chart.bars.length) {
    const holder = el('div', 'chart-box');
    const svg = new DOMParser().parseFromString(chartSvg(reply.chart, lang, `chat-chart-${++charts}`), 'image/svg+xml').documentElement;
    holder.append(document.importNode(svg, true));
    box.append(holder);
  }
  if (reply.sources.length) {
    const list = el('ul', 'sources');
    list.setAttribute('aria-label', t.sources);
    for (const s of reply.sources) {
      const a = el('a', '', s.ref);
      a.href = planHref(s.plan, s.anchor);
      // Embedded in a portal, the plan opens beside the chat rather than in its frame.
      if (embedded) {
        a.target = '_blank';
        a.rel = 'noopener';
      }
      const li = el('li', '');
      li.append(a);
      list.append(li);
    }
    box.append(list);
  }
  if (reply.choices?.length) {
    const group = el('div', 'choices');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', t.choose);
    const buttons = reply.choices.map((c) => {
      const b = el('button', 'secondary', c.label);
      b.type = 'button';
      b.addEventListener('click', () => {
        for (const other of buttons) other.disabled = true;
        void ask(c.text);
      });
      return b;
    });
    group.append(...buttons);
    box.append(group);
    buttons[0]?.focus();
  }
  box.scrollIntoView({ block: 'nearest' });
}

async function ask(text: string): Promise<void> {
  message('user', t.you, text);
  status.textContent = t.thinking;
  try {
    const response = await fetch('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, chat: `web:${chatId()}` }),
    });
    if (!response.ok) {
      message('error', t.bot, response.status === 429 ? t.tooFast : response.status === 503 ? t.notReady : t.failed);
      return;
    }
    showReply((await response.json()) as Reply);
  } catch {
    message('error', t.bot, t.failed);
  } finally {
    status.textContent = '';
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  void ask(text);
});

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-question]')) {
  button.addEventListener('click', () => {
    void ask(button.dataset.question!);
    input.focus();
  });
}

document.getElementById('new-chat')?.addEventListener('click', () => {
  chatId(true);
  log.replaceChildren();
  input.focus();
});
