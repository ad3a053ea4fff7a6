// The toolbar badge: the one place a problem shows when no dialog is open (product.md, "Never fail
// silently"). Per tab, the first that applies:
//   1. the compose screen can't be read → "!" (checks may be incomplete);
//   2. the NHSmail inactivity reminder is due → days left, e.g. "9d";
//   3. otherwise no badge.
import { browser } from 'wxt/browser';
import { formatNumber, t } from '../i18n/index';
import type { InactivityReminder } from './reminder';
import type { TabStatus } from './tab-status';

/** What the badge shows. Colours meet WCAG AA (4.5:1) for the badge text on its background. */
export interface BadgeLook {
  text: string;
  /** The tooltip, also what screen readers announce for the toolbar button. */
  title: string;
  background: string;
  textColour: string;
}

/** The tooltip's words: the `badge` messages of assets/locales/<locale>.yml (src/i18n). */
export const BADGE_TEXT = {
  name: t('appName'),
  unreadable: t('badge.unreadable'),
  reminder: (daysLeft: number) =>
    daysLeft > 0 ? t('badge.reminderWithin', daysLeft, [formatNumber(daysLeft)]) : t('badge.reminderToday'),
};

// NHS identity colours: red #d5281b with white text is 5.06:1, blue #005eb8 with white is 6.38:1.
const NHS_RED = '#d5281b';
const NHS_BLUE = '#005eb8';
const WHITE = '#ffffff';

export function badgeFor(status: TabStatus | undefined, reminder: InactivityReminder): BadgeLook {
  if (status?.state === 'unreadable')
    return { text: '!', title: BADGE_TEXT.unreadable, background: NHS_RED, textColour: WHITE };
  if (reminder.due && reminder.daysLeft !== undefined)
    return {
      text: `${reminder.daysLeft}d`,
      title: BADGE_TEXT.reminder(reminder.daysLeft),
      background: NHS_BLUE,
      textColour: WHITE,
    };
  return { text: '', title: BADGE_TEXT.name, background: NHS_BLUE, textColour: WHITE };
}

type ToolbarButton = Pick<
  typeof browser.action,
  'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle' | 'setBadgeTextColor'
>;

/**
 * The toolbar button's API: `action` in MV3 (Chrome, Edge), `browserAction` in MV2 (the Firefox
 * build). Undefined if neither exists (a context with no toolbar button).
 */
export function toolbarButton(): ToolbarButton | undefined {
  return browser.action ?? (browser as unknown as { browserAction?: ToolbarButton }).browserAction;
}

/** Show `look` on one tab's button, or on the default for every tab when `tabId` is undefined. */
export async function showBadge(tabId: number | undefined, look: BadgeLook): Promise<void> {
  const button = toolbarButton();
  if (!button) return;
  const scope = tabId === undefined ? {} : { tabId };
  await Promise.all([
    button.setBadgeText({ ...scope, text: look.text }),
    button.setTitle({ ...scope, title: look.title }),
    button.setBadgeBackgroundColor({ ...scope, color: look.background }),
    // setBadgeTextColor: Chrome 110+, Firefox 63+; older Chrome draws white text anyway.
    button.setBadgeTextColor?.({ ...scope, color: look.textColour }),
  ]);
}
