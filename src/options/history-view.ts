// The sent-to history, for the person at the computer: see it, find an address, remove one, clear
// it all. It holds addresses and dates only (src/activity/history.ts), so showing it here shows
// nothing about any message.
import { confirmInPage } from './confirm';
import { fill, h, hidden } from './dom';
import * as M from './messages';
import { LIST_ROWS_SHOWN } from './controls';
import type { OptionsServices } from './services';
import type { HistoryEntry } from '../activity/history';

const FILTER_FROM = 10;

export interface HistoryView {
  element: HTMLElement;
  /** Read the history again. `enabled`: the policy in force keeps a history. */
  refresh(enabled: boolean): Promise<void>;
  /** The addresses, as last read (for the try-a-draft panel's look-alike checks). */
  addresses(): string[];
}

export function historyView(services: OptionsServices, onChange: () => void): HistoryView {
  let entries: HistoryEntry[] = [];
  let enabled = true;
  const count = h('p', { class: 'ss-count', id: 'history-count' });
  const filterInput = h('input', { class: 'nhsuk-input ss-filter-input', id: 'history-filter', type: 'search', autocomplete: 'off', spellcheck: 'false' });
  const filterGroup = h('div', { class: 'ss-filter', hidden: true },
    h('label', { class: 'nhsuk-label nhsuk-body-s', for: 'history-filter' }, M.history.filterLabel),
    filterInput,
  );
  const list = h('ul', { class: 'ss-entries ss-entries--history', id: 'history-entries', 'aria-labelledby': 'history-count' });
  const more = h('p', { class: 'nhsuk-body-s ss-more' });
  const status = h('p', { class: 'ss-add-status', role: 'status', id: 'history-status' });
  const clear = h('button', { class: 'nhsuk-button nhsuk-button--secondary', type: 'button', 'aria-controls': 'history-confirm', 'aria-expanded': 'false' }, M.history.clear);
  const confirmSlot = h('div', { id: 'history-confirm' });
  const element = h('section', { class: 'ss-section', id: 'your-history', 'aria-labelledby': 'your-history-heading' },
    h('h2', { class: 'nhsuk-heading-m', id: 'your-history-heading' }, M.sections.yourHistory.heading),
    h('p', {}, M.sections.yourHistory.intro),
    count,
    filterGroup,
    list,
    more,
    status,
    clear,
    confirmSlot,
  );

  function render(): void {
    if (!enabled && entries.length === 0) count.textContent = M.history.off;
    else if (entries.length === 0) count.textContent = M.history.empty;
    else count.textContent = M.history.count(entries.length);
    filterGroup.hidden = entries.length < FILTER_FROM;
    const needle = filterGroup.hidden ? '' : filterInput.value.trim().toLowerCase();
    const matching = needle ? entries.filter((e) => e.address.includes(needle)) : entries;
    const shown = matching.slice(0, LIST_ROWS_SHOWN);
    fill(
      list,
      shown.map((entry) =>
        h('li', { class: 'ss-entry' },
          h('span', { class: 'ss-entry__text' }, entry.address, h('span', { class: 'ss-entry__meta' }, ` — ${M.history.lastSent(entry.lastSent)}`)),
          h('button', { class: 'ss-link-button', type: 'button', 'data-address': entry.address }, M.history.remove, hidden(` ${entry.address}`)),
        ),
      ),
    );
    list.hidden = shown.length === 0;
    if (entries.length > 0 && matching.length === 0) more.textContent = M.lists.noMatch(filterInput.value.trim());
    else if (matching.length > shown.length) more.textContent = M.lists.matching(shown.length, matching.length, entries.length);
    else more.textContent = '';
    more.hidden = more.textContent === '';
    clear.hidden = entries.length === 0;
  }

  filterInput.addEventListener('input', render);
  list.addEventListener('click', async (event) => {
    const button = (event.target as Element).closest('button[data-address]');
    if (!button) return;
    const address = button.getAttribute('data-address')!;
    const row = button.closest('li');
    const nextAddress = (row?.nextElementSibling ?? row?.previousElementSibling)?.querySelector('button')?.getAttribute('data-address');
    await services.removeFromHistory(address);
    entries = entries.filter((e) => e.address !== address);
    render();
    const next = nextAddress ? list.querySelector<HTMLButtonElement>(`button[data-address="${CSS.escape(nextAddress)}"]`) : null;
    (next ?? (filterGroup.hidden ? count : filterInput)).focus();
    status.textContent = M.history.removed(address);
    onChange();
  });
  count.tabIndex = -1;
  clear.addEventListener('click', async () => {
    const yes = await confirmInPage(confirmSlot, clear, {
      heading: M.history.confirmHeading,
      body: M.history.confirmBody,
      confirm: M.history.confirm,
      cancel: M.history.cancel,
    });
    if (!yes) return;
    await services.clearHistory();
    entries = [];
    render();
    count.focus();
    status.textContent = M.history.cleared;
    onChange();
  });

  return {
    element,
    async refresh(isEnabled) {
      enabled = isEnabled;
      try {
        entries = await services.getHistory();
      } catch {
        entries = [];
        status.textContent = M.history.unavailable;
      }
      render();
    },
    addresses: () => entries.map((e) => e.address),
  };
}
