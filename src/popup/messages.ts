// Every word the toolbar popup shows, in one place (style.md: the words a person reads are
// written in one place). Plain British English; each message says what to do.
const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

export const POPUP_TEXT = {
  heading: 'Safe Send',
  statusHeading: 'This tab',

  checking: 'Checking this NHSmail tab',
  checkingDetail: 'Safe Send checks each email before it is sent and warns you only when something looks wrong.',

  notNhsmail: 'Not an NHSmail page',
  notNhsmailDetail: 'Safe Send checks emails you send from NHSmail (Outlook on the web) in this browser.',

  notStarted: 'Not checking this tab yet',
  notStartedDetail: 'Reload this page (press F5) so Safe Send can check your emails. This is needed once after Safe Send is installed or updated.',

  unreadable: 'Can’t read this compose screen — checks may be incomplete',
  unreadableWhatToDo:
    'Reload the page (press F5). If this keeps happening, tell your IT contact and send them the details below.',
  unreadableDetails: 'Details for your IT contact',
  unreadableMissing: 'Safe Send could not find:',
  unreadableNothingListed: 'Safe Send could not read the compose screen.',

  reminderHeading: 'Keep your NHSmail account',
  reminder: (daysLeft: number) =>
    daysLeft > 0
      ? `Sign in and send an email within ${days(daysLeft)} or NHSmail will deactivate your account.`
      : 'Sign in and send an email today. If NHSmail has deactivated your account, ask your IT contact to restore it.',
  reminderDetail: (daysSince: number) =>
    `Safe Send last saw you send an email ${days(daysSince)} ago. NHSmail deactivates accounts after 30 days without use and deletes them after 60 days.`,

  policyProblemManaged:
    'Your organisation’s Safe Send policy has a problem; default checks apply. Tell your IT contact.',
  policyProblemLocal:
    'The Safe Send policy on this computer has a problem; default checks apply where it is wrong. Open the settings to see what to fix.',

  todayHeading: 'Today',
  warningsShown: 'Warnings shown',
  sentAfterWarning: 'Sent after a warning',
  fixesUsed: 'Fixes used',

  openOptions: 'Settings and sent-to history',

  loadFailed: 'Safe Send couldn’t show its status. Close this window and try again; if it keeps happening, tell your IT contact.',
} as const;
