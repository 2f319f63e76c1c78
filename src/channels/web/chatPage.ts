/** GET /: the chat page. The conversation runs in the browser (client/chat.ts) against POST /api/ask. */
import { html, type Html } from './html.js';
import { page } from './layout.js';
import { UI, type UiLang } from './shared/i18n.js';

export function chatPage(lang: UiLang, examples: string[], embed: boolean): Html {
  const t = UI[lang];
  return page({
    lang,
    title: t.navChat,
    section: 'chat',
    here: embed ? '/?embed=1' : '/',
    embed,
    scripts: ['chat'],
    body: html`<h1 class="sr-only">${t.siteName}</h1>
<div class="chat">
<div id="log" class="log" role="log" aria-label="${t.conversation}" tabindex="0" data-empty="${t.questionHint}"></div>
<p id="status" class="status" role="status"></p>
<form id="ask" class="ask" method="get" action="/">
<label for="q">${t.question}</label>
<input type="text" id="q" name="q" autocomplete="off" maxlength="2000" required aria-describedby="q-hint">
<button type="submit">${t.ask}</button>
<p id="q-hint" class="hint">${t.questionHint}</p>
</form>
<noscript><p>${t.noScript}</p></noscript>
${
  examples.length
    ? html`<section class="examples" aria-labelledby="examples-h"><h2 id="examples-h">${t.examples}</h2>
<ul>${examples.map((q) => html`<li><button type="button" class="secondary" data-question="${q}">${q}</button></li>`)}</ul>
</section>`
    : ''
}
<p><button type="button" class="secondary" id="new-chat">${t.newChat}</button></p>
</div>`,
  });
}
