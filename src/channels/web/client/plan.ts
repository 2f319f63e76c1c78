/** A plan page in the browser: the tasks filter applies as you type (the server applies ?q= without JavaScript). */
import { filterWords, rowMatches } from '../shared/filter.js';
import { UI, uiLang } from '../shared/i18n.js';

const input = document.getElementById('task-filter') as HTMLInputElement | null;
const status = document.getElementById('filter-status');
const rows = [...document.querySelectorAll<HTMLTableRowElement>('#tasks tbody tr[data-key]')];

function apply(): void {
  const words = filterWords(input!.value);
  let shown = 0;
  for (const row of rows) {
    const visible = rowMatches(row.dataset.key!, words);
    row.hidden = !visible;
    if (visible) shown += 1;
  }
  if (status) status.textContent = UI[uiLang(status.dataset.lang)].shown(shown, rows.length);
}

if (input) {
  input.addEventListener('input', apply);
  // The form still works without this script; with it, filtering needs no reload.
  input.form?.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
}
