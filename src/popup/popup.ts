// The toolbar popup: what Safe Send is doing in the current tab, today's counts, the NHSmail
// inactivity reminder, a policy problem if there is one, and the way to the settings.
//
// Which tab is NHSmail: the extension has no "tabs" (or activeTab) permission, only host
// permissions for the OWA hosts, so `tabs.query` gives a tab's `url` only when it is on one of
// those hosts (Chrome: "Host permissions allow an extension to read and query a matching tab's
// four sensitive tabs.Tab properties", chrome.tabs reference; Firefox since 86, bug 1679688).
// A url therefore means "an NHSmail page"; no url means any other page. Pop-out compose windows
// are about:blank (no url) but their content script reports to the background, so a tab with a
// reported status is shown by that status whatever its url.
import { browser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { dayTotals, getActivity, type DayTotals } from '../activity/activity';
import { getLastSend } from '../activity/last-send';
import { inactivityReminder, type InactivityReminder } from '../activity/reminder';
import { getTabStatus } from '../activity/tab-status';
import { OWA_MATCHES } from '../outlook/hosts';
import { composePartLabel } from '../i18n/compose-parts';
import { lang } from '../i18n/index';
import { loadPolicy } from '../policy/storage';
import { POPUP_TEXT } from './messages';

export type PageStatus =
  /** An NHSmail page whose guard is running (compose screen readable, or none open). */
  | { kind: 'checking' }
  /** A compose screen is open that the guard can't fully read. */
  | { kind: 'unreadable'; missing: string[] }
  /** An NHSmail page where the guard has not reported: opened before install/update, or loading. */
  | { kind: 'not-started' }
  /** Any other page. */
  | { kind: 'not-nhsmail' };

export interface PopupState {
  page: PageStatus;
  today: DayTotals;
  reminder: InactivityReminder;
  /** Where the policy with problems came from, when `loadPolicy().errors` is not empty. */
  policyProblem: 'managed' | 'local' | undefined;
}

const OWA_PATTERNS = OWA_MATCHES.map((match) => new MatchPattern(match));

export function isNhsmailUrl(url: string | undefined): boolean {
  return url !== undefined && OWA_PATTERNS.some((pattern) => pattern.includes(url));
}

async function activeTabStatus(): Promise<PageStatus> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const status = tab?.id === undefined ? undefined : await getTabStatus(tab.id);
  if (status?.state === 'unreadable') return { kind: 'unreadable', missing: status.missing };
  if (status) return { kind: 'checking' };
  return isNhsmailUrl(tab?.url) ? { kind: 'not-started' } : { kind: 'not-nhsmail' };
}

/** Everything the popup shows, read from the browser and Safe Send's own storage. */
export async function loadPopupState(now: Date): Promise<PopupState> {
  const [page, days, lastSend, loaded] = await Promise.all([
    activeTabStatus(),
    getActivity(now),
    getLastSend(),
    loadPolicy(),
  ]);
  const today = days[days.length - 1];
  return {
    page,
    today: today
      ? dayTotals(today)
      : { warningsShown: 0, sentAfterWarning: 0, editedAfterWarning: 0, fixesUsed: 0, sentWithoutWarning: 0 },
    reminder: inactivityReminder(lastSend, now, loaded.policy),
    policyProblem: loaded.errors.length === 0 ? undefined : loaded.source === 'managed' ? 'managed' : 'local',
  };
}

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { className?: string; text?: string; id?: string } = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.id) node.id = props.id;
  if (props.text !== undefined) node.textContent = props.text; // text only: nothing is parsed as HTML
  node.append(...children);
  return node;
}

function section(doc: Document, id: string, heading: string, className: string, ...content: Node[]): HTMLElement {
  const part = element(doc, 'section', { className }, element(doc, 'h2', { id, text: heading }), ...content);
  part.setAttribute('aria-labelledby', id);
  return part;
}

function pageSection(doc: Document, page: PageStatus): HTMLElement {
  const T = POPUP_TEXT;
  const p = (text: string, className?: string) => element(doc, 'p', { text, ...(className ? { className } : {}) });
  switch (page.kind) {
    case 'checking':
      return section(doc, 'status-heading', T.statusHeading, 'status status--ok', p(T.checking, 'status__headline'), p(T.checkingDetail));
    case 'not-nhsmail':
      return section(doc, 'status-heading', T.statusHeading, 'status status--neutral', p(T.notNhsmail, 'status__headline'), p(T.notNhsmailDetail));
    case 'not-started':
      return section(doc, 'status-heading', T.statusHeading, 'status status--warning', p(T.notStarted, 'status__headline'), p(T.notStartedDetail));
    case 'unreadable': {
      const details = element(doc, 'details', {}, element(doc, 'summary', { text: T.unreadableDetails }));
      if (page.missing.length > 0)
        details.append(
          p(T.unreadableMissing),
          element(doc, 'ul', { className: 'missing' }, ...page.missing.map((item) => element(doc, 'li', { text: composePartLabel(item) }))),
        );
      else details.append(p(T.unreadableNothingListed));
      return section(
        doc,
        'status-heading',
        T.statusHeading,
        'status status--problem',
        p(T.unreadable, 'status__headline'),
        p(T.unreadableWhatToDo),
        details,
      );
    }
  }
}

/** Draw the popup into `root` (replacing what is there). */
export function renderPopup(root: HTMLElement, state: PopupState, signal: AbortSignal): void {
  const doc = root.ownerDocument;
  const T = POPUP_TEXT;
  const parts: Node[] = [element(doc, 'h1', { text: T.heading }), pageSection(doc, state.page)];

  const { reminder } = state;
  if (reminder.due && reminder.daysLeft !== undefined && reminder.daysSince !== undefined)
    parts.push(
      section(
        doc,
        'reminder-heading',
        T.reminderHeading,
        'notice notice--reminder',
        element(doc, 'p', { className: 'notice__headline', text: T.reminder(reminder.daysLeft) }),
        element(doc, 'p', { text: T.reminderDetail(reminder.daysSince) }),
      ),
    );

  if (state.policyProblem) {
    const notice = element(doc, 'p', {
      className: 'notice notice--policy',
      text: state.policyProblem === 'managed' ? T.policyProblemManaged : T.policyProblemLocal,
    });
    parts.push(notice);
  }

  const counts = element(doc, 'dl', { className: 'counts' });
  for (const [label, value] of [
    [T.warningsShown, state.today.warningsShown],
    [T.sentAfterWarning, state.today.sentAfterWarning],
    [T.fixesUsed, state.today.fixesUsed],
  ] as const)
    counts.append(element(doc, 'div', {}, element(doc, 'dt', { text: label }), element(doc, 'dd', { text: String(value) })));
  parts.push(section(doc, 'today-heading', T.todayHeading, 'today', counts));

  const openOptions = element(doc, 'button', { className: 'button', text: T.openOptions });
  openOptions.type = 'button';
  openOptions.addEventListener(
    'click',
    () => {
      void browser.runtime.openOptionsPage().then(() => window.close());
    },
    { signal },
  );
  parts.push(openOptions);

  root.replaceChildren(...parts);
}

/** Load and draw the popup; if Safe Send's own status can't be read, say so rather than show nothing. */
export async function startPopup(root: HTMLElement, signal: AbortSignal): Promise<void> {
  // The language of the words shown (index.html says en-GB until now), for screen readers.
  root.ownerDocument.documentElement.lang = lang();
  root.ownerDocument.title = POPUP_TEXT.heading;
  let state: PopupState;
  try {
    state = await loadPopupState(new Date());
  } catch (error) {
    console.error('Safe Send: could not load the popup status:', error);
    const doc = root.ownerDocument;
    root.replaceChildren(
      element(doc, 'h1', { text: POPUP_TEXT.heading }),
      element(doc, 'p', { className: 'notice notice--policy', text: POPUP_TEXT.loadFailed }),
    );
    return;
  }
  renderPopup(root, state, signal);
}
