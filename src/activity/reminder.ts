// NHSmail's account rule: a personal account not used for 30 days is deactivated, and deleted
// after 60 days without use (NHS Digital's account lifecycle change, 1 December 2022: "Active to
// inactive if 30-60 days of no activity", "Active to deleted if 60+ days of no activity"; to stay
// active, "log into the NHSmail portal at least every 30 days and send an email"). Care staff who
// use NHSmail only now and then are regularly locked out by it, so from `afterDays` (default 21)
// Safe Send reminds them how many days are left.
import type { Policy } from '../policy/schema';
import { dayKey, daysBetween } from './days';

/** NHSmail deactivates a personal account after this many days without activity. */
export const NHSMAIL_DEACTIVATION_DAYS = 30;
/** NHSmail deletes a personal account after this many days without activity. */
export const NHSMAIL_DELETION_DAYS = 60;

export interface InactivityReminder {
  /** True when the toolbar badge and popup should remind the user. */
  due: boolean;
  /** Whole days since the last send Safe Send saw; undefined when it has seen none. */
  daysSince: number | undefined;
  /** Days before NHSmail deactivates the account (30 − daysSince, never below 0). */
  daysLeft: number | undefined;
}

/**
 * Whether to remind the user to sign in and send an email, from the day of the last send Safe
 * Send saw (`getLastSend()`).
 *
 * No send seen yet → no reminder. On a fresh install Safe Send knows nothing about when the
 * account was last used (the user may have sent from the app or another PC yesterday), and
 * counting from the install day would be a guess presented as fact; the first send starts the
 * clock.
 */
export function inactivityReminder(
  lastSend: string | undefined,
  now: Date,
  policy: Policy,
): InactivityReminder {
  if (lastSend === undefined) return { due: false, daysSince: undefined, daysLeft: undefined };
  // A last send "in the future" means the clock was wrong at the time; count it as today.
  const daysSince = Math.max(0, daysBetween(lastSend, dayKey(now)));
  const daysLeft = Math.max(0, NHSMAIL_DEACTIVATION_DAYS - daysSince);
  const { enabled, afterDays } = policy.inactivityReminder;
  return { due: enabled && daysSince >= afterDays, daysSince, daysLeft };
}
