// Every word the options page shows, in one place (so it can be reviewed, and translated later).
// Plain British English for a care manager who may have no IT department: short sentences that
// say what a setting does and what to do. Rule descriptions come from each rule's own
// `meta.description`; errors about the policy come from the policy schema.
import type { Fix, Severity, SeveritySetting } from '../rules/types';
import type { RuleId } from '../policy/schema';

const n = (count: number) => count.toLocaleString('en-GB');
const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`;

/** `3 May 2026` from `2026-05-03` (no time zone games: it is a calendar day). */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d} ${months[(m ?? 1) - 1]} ${y}`;
}

export const page = {
  title: 'Safe Send settings',
  product: 'Safe Send for NHSmail',
  skipLink: 'Skip to main content',
  lede: 'Choose what Safe Send checks before an email leaves NHSmail, and what it does when something looks wrong. The settings apply to everyone who uses this browser profile.',
  contents: 'On this page',
  loading: 'Loading settings…',
  loadFailed: 'Safe Send could not read its settings. Close this tab and open the settings again.',
};

export const managed = {
  bannerTitle: 'Important',
  heading: 'Set by your organisation',
  body: 'Your organisation manages Safe Send’s settings on this computer, so they cannot be changed here. You can still try a draft below, export the policy, and see or clear your sent-to history.',
  ask: 'To change a setting, ask whoever looks after IT for your organisation.',
  problemHeading: 'Your organisation’s policy has a problem',
  problemDefault: 'The default policy applies until it is put right. Tell whoever looks after IT for your organisation.',
  problemRepaired: 'Safe Send uses the default for the settings above and your organisation’s policy for everything else. Tell whoever looks after IT for your organisation.',
};

export const storedProblem = {
  heading: 'Your saved settings have a problem',
  body: 'Safe Send uses the default for the settings listed. Check them below and save again.',
};

export const sections = {
  organisation: {
    heading: 'Your organisation',
    intro: 'Email to these domains stays inside your organisation. Safe Send does not warn about it.',
  },
  secure: {
    heading: 'Secure email',
    intro: 'Email to nhs.net and to organisations accredited to the secure email standard (DCB1596) is protected on its way. Email to any other address is only encrypted when the subject starts with the secure tag.',
  },
  trusted: {
    heading: 'Trusted partners',
    intro: 'Organisations your staff email routinely, such as your local council or GP practice. Safe Send does not point them out as outside your organisation, but still asks for the secure tag unless they are also a secure domain.',
  },
  blocked: {
    heading: 'Blocked recipients',
    intro: 'Email to these domains or addresses is stopped, for example a personal email service your staff must not use for work.',
  },
  rules: {
    heading: 'Checks',
    intro: 'For each check, choose what happens when it finds something:',
    levels: [
      ['Off', 'the check is not made.'],
      ['Notice', 'Safe Send mentions it but does not stop the email.'],
      ['Warn', 'the email stops until the sender edits it or chooses to send anyway.'],
      ['Block', 'the email cannot be sent until it is put right.'],
    ] as const,
  },
  history: {
    heading: 'Sent-to history',
    intro: 'Safe Send remembers the addresses this browser has sent to, so it can spot an address that is one letter off a familiar one. It keeps addresses and dates only, on this computer.',
  },
  reminder: {
    heading: 'Inactivity reminder',
    intro: 'NHSmail switches off an account that has not been used for 30 days. Safe Send can remind staff to send an email before that happens.',
  },
  yourHistory: {
    heading: 'Addresses you have sent to',
    intro: 'This is the sent-to history kept on this computer. It holds email addresses only, never what was sent, and is used only to spot look-alike addresses.',
  },
  activity: {
    heading: 'Activity',
    intro: 'How often Safe Send warned, and what people did next, over the last 90 days. Counts only: no addresses or email content.',
  },
  share: {
    heading: 'Share or back up the policy',
    intro: 'Export the saved policy as a file to keep a copy, or to set up Safe Send the same way on other computers by importing it there.',
  },
  reset: {
    heading: 'Start again',
    intro: 'Put every setting back to Safe Send’s defaults.',
  },
  tryDraft: {
    heading: 'Try a draft',
    intro: 'Type an email to see what Safe Send would say, using the settings on this page (saved or not). Nothing is sent or stored.',
  },
};

export const lists = {
  organisationDomains: {
    errorName: 'Organisation domains',
    one: 'organisation domain',
    many: 'organisation domains',
    label: 'Add organisation domains',
    hint: 'Your organisation’s email domains, such as nhs.net or yourcarehome.org.uk.',
  },
  secureDomains: {
    errorName: 'Secure domains',
    one: 'secure domain',
    many: 'secure domains',
    label: 'Add secure domains',
    hint: 'Domains that do not need the secure tag, such as an accredited council or care provider. nhs.net is one.',
  },
  trustedDomains: {
    errorName: 'Trusted domains',
    one: 'trusted domain',
    many: 'trusted domains',
    label: 'Add trusted domains',
    hint: 'Domains of partners your staff email routinely.',
  },
  blockedDomains: {
    errorName: 'Blocked domains and addresses',
    one: 'blocked domain or address',
    many: 'blocked domains and addresses',
    label: 'Add blocked domains or addresses',
    hint: 'A domain, such as gmail.com, or one email address, such as old.manager@example.org.',
  },
  entryHint: 'Type *.example.org for every subdomain of example.org. To add several, separate them with spaces, commas or new lines.',
  add: 'Add',
  remove: 'Remove',
  /** Completes "Remove" for screen readers: the same domain can be in two lists. */
  removeWhat: (entry: string, list: string) => `${entry} from ${list}`,
  filterLabel: (name: string) => `Find in ${name}`,
  count: (count: number, one: string, many: string) => (count === 0 ? `No ${many} yet.` : `${n(count)} ${count === 1 ? one : many}`),
  matching: (shown: number, matching: number, total: number) =>
    matching === total
      ? `Showing the first ${n(shown)} of ${n(total)}. Type in the find box to see others.`
      : `Showing the first ${n(shown)} of ${n(matching)} that match.`,
  noMatch: (query: string) => `Nothing matches “${query}”.`,
  added: (entries: readonly string[], name: string) =>
    entries.length === 1 ? `Added ${entries[0]} to ${name}.` : `Added ${n(entries.length)} to ${name}.`,
  alreadyThere: (entries: readonly string[]) =>
    entries.length === 1 ? `${entries[0]} is already in the list.` : `${n(entries.length)} were already in the list.`,
  removed: (entry: string, name: string) => `Removed ${entry} from ${name}.`,
  emptyAdd: 'Type a domain to add, such as example.org',
  unsaved: 'Save to apply.',
};

export const dcb1596 = {
  label: 'Add NHS England’s list of accredited domains (DCB1596)',
  hint: 'Download the list of DCB1596 accredited organisations (a CSV file) from NHS England’s secure email standard page, then choose it here. Its domains are added to your secure domains; nothing is removed.',
  reading: 'Reading the file…',
  failed: (error: string) => `The file was not used. ${error}`,
  unreadable: 'Safe Send could not read that file. Choose the CSV file you downloaded.',
  heading: 'Accredited domains added',
  summary: (added: number, already: number, column: string) =>
    `Added ${plural(added, 'domain')} from the “${column}” column. ${already === 0 ? 'None were' : `${n(already)} ${already === 1 ? 'was' : 'were'}`} already in the list.`,
  duplicates: (count: number) => `${plural(count, 'domain was', 'domains were')} listed more than once in the file; each is added once.`,
  skippedHeading: (count: number) => `${plural(count, 'row was', 'rows were')} left out:`,
  skippedRow: (line: number, value: string, reason: string) => (value ? `Line ${n(line)} (${value}): ${reason}` : `Line ${n(line)}: ${reason}`),
  moreSkipped: (count: number) => `…and ${plural(count, 'more row')}.`,
  saveToApply: 'Check the list, then save to apply.',
};

export const secureTag = {
  label: 'Secure tag',
  errorName: 'The secure tag',
  hint: 'What staff type at the start of the subject to have NHSmail encrypt the email. NHSmail uses [secure], with the square brackets.',
};

export const severityNames: Record<SeveritySetting, string> = {
  off: 'Off',
  notice: 'Notice',
  warn: 'Warn',
  block: 'Block',
};

export const findingSeverity: Record<Severity, string> = { notice: 'Notice', warn: 'Warn', block: 'Block' };

/** What each check is called on this page (the rule id is shown too, for IT staff and the docs). */
export const ruleNames: Record<RuleId, string> = {
  'blocked-recipient': 'Blocked recipients',
  'external-recipients': 'Recipients outside your organisation',
  'large-audience': 'Too many people in To and Cc',
  'lookalike-address': 'Look-alike addresses',
  'missing-attachment': 'Forgotten attachments',
  'mistyped-domain': 'Mistyped domains',
  'patient-identifier': 'NHS numbers in the wrong place',
  'unsecured-recipient': 'Email that needs the secure tag',
  'unverified-recipient': 'Addresses Safe Send cannot read',
  'visible-recipients': 'Outside recipients who can see each other',
};

export const ruleSettings = {
  severityLegend: (rule: string) => `What happens: ${rule}`,
  ruleId: (id: string) => `Rule id: ${id}`,
  largeThreshold: {
    errorName: 'The number of people',
    label: 'Warn when To and Cc have more than this many people',
    hint: 'A whole number from 2 to 1000. The default is 25.',
  },
  visibleThreshold: {
    errorName: 'The number of outside recipients',
    label: 'Warn when at least this many outside recipients can see each other',
    hint: 'A whole number from 2 to 1000. The default is 2.',
  },
  confirmEach: {
    label: 'Ask the sender to tick each outside recipient before sending',
    hint: 'Slower, but makes people look at every address.',
  },
  when: {
    errorName: 'When to ask for the secure tag',
    legend: 'When to ask for the secure tag',
    always: 'Always, for every recipient who is not at a secure domain (recommended)',
    sensitive: 'Only when the email looks sensitive: it has an NHS number or one of the words below',
  },
  keywords: {
    errorName: 'Sensitive words',
    label: 'Words that make an email sensitive',
    hint: 'One per line, such as safeguarding or diagnosis. Used only with “Only when the email looks sensitive”.',
  },
  phrases: {
    errorName: 'Attachment phrases',
    label: 'Other phrases that mean something is attached',
    hint: 'One per line, such as “please find enclosed”. Safe Send already knows the common ones, like “attached”.',
  },
  lineProblem: (line: number, problem: string) => `Line ${n(line)} ${problem}`,
};

export const historySettings = {
  enabled: {
    label: 'Remember the addresses this browser sends to',
    hint: 'Switching this off also clears the history.',
  },
  retention: {
    errorName: 'The number of days to keep addresses',
    label: 'Forget an address after this many days without sending to it',
    hint: 'A whole number from 1 to 3650. The default is 365.',
  },
};

export const reminderSettings = {
  enabled: {
    label: 'Remind staff when they have not sent an email for a while',
  },
  afterDays: {
    errorName: 'The number of days before a reminder',
    label: 'Remind after this many days without sending',
    hint: 'A whole number from 1 to 29. The default is 21.',
  },
};

export const saving = {
  save: 'Save settings',
  undo: 'Undo unsaved changes',
  unsaved: 'You have unsaved changes.',
  noChanges: 'There are no unsaved changes.',
  saved: 'Settings saved. They apply to new emails straight away.',
  undone: 'Unsaved changes undone.',
  refused: 'The settings were not saved.',
  changedElsewhere: 'The saved settings were changed in another window. Undo your unsaved changes to see them.',
  reloaded: 'The saved settings were changed in another window; this page now shows them.',
};

export const errorSummary = {
  heading: 'There is a problem',
  intro: 'The settings were not saved. Put these right, then save again:',
};

export const importExport = {
  export: 'Export policy file',
  exportHint: 'Saves the policy as safe-send-policy.json in your downloads.',
  exportUnsaved: 'The file holds the saved settings. Save your changes first to include them.',
  fileName: 'safe-send-policy.json',
  importLabel: 'Import a policy file',
  importHint: 'Choose a policy file exported from Safe Send. It replaces all the settings on this page, including any unsaved changes.',
  imported: (name: string) => `Imported and saved the policy from ${name}.`,
  notImported: (name: string) => `${name} was not imported`,
  notImportedIntro: 'Nothing has changed. Put these right in the file and import it again:',
  unreadable: 'Safe Send could not read that file.',
};

export const reset = {
  button: 'Reset to defaults',
  confirmHeading: 'Reset every setting to the defaults?',
  confirmBody: 'This saves Safe Send’s default settings straight away. Your domain lists will be emptied and every check goes back to its usual level. If you might want the current settings back, export the policy first.',
  confirm: 'Yes, reset to defaults',
  cancel: 'Cancel',
  done: 'Every setting is back to the default, and saved.',
};

export const history = {
  off: 'The sent-to history is switched off, so it is empty.',
  empty: 'No addresses yet. They are added when an email is sent.',
  count: (count: number) => `${plural(count, 'address', 'addresses')} in the history.`,
  filterLabel: 'Find an address',
  lastSent: (day: string) => `last sent ${formatDay(day)}`,
  remove: 'Remove',
  removed: (address: string) => `Removed ${address} from the history.`,
  clear: 'Clear the history',
  confirmHeading: 'Clear the sent-to history?',
  confirmBody: 'Safe Send forgets every address this browser has sent to. Until it learns them again, it cannot spot look-alikes of them.',
  confirm: 'Yes, clear the history',
  cancel: 'Cancel',
  cleared: 'The sent-to history is cleared.',
  unavailable: 'The sent-to history could not be read.',
};

export const activity = {
  series: {
    warningsShown: 'Warnings shown',
    sentAfterWarning: 'Sent after a warning',
    editedAfterWarning: 'Edited after a warning',
    fixesUsed: 'One-click fixes used',
  },
  chartLabel: (series: string, total: number, busiest?: { day: string; count: number }) =>
    `${series}: ${n(total)} in the last 90 days${busiest ? `, most on ${formatDay(busiest.day)} (${n(busiest.count)})` : ''}.`,
  from: (day: string) => formatDay(day),
  to: 'Today',
  tableSummary: 'Show the numbers as a table',
  tableCaption: 'Activity by day over the last 90 days (days with nothing to count are left out)',
  date: 'Date',
  total: 'Total',
  nothing: 'Nothing to show yet: Safe Send has not warned about anything in the last 90 days.',
  download: 'Download activity as CSV',
  downloadHint: 'A spreadsheet file with one row per day, for information governance reviews.',
  fileName: (day: string) => `safe-send-activity-${day}.csv`,
  unavailable: 'Activity could not be read.',
};

export const tryDraft = {
  to: 'To',
  cc: 'Cc',
  bcc: 'Bcc',
  recipientsHint: 'One address per line, or separated by semicolons (;).',
  subject: 'Subject',
  body: 'Message',
  attachments: 'Attachment names',
  attachmentsHint: 'One file name per line.',
  resultsHeading: 'What Safe Send would do',
  nothingYet: 'Type some recipients to see what Safe Send would say.',
  allClear: 'Nothing to say: this email would send straight away.',
  summary: (count: number, stops: boolean) =>
    `${plural(count, 'finding')}. ${stops ? 'Safe Send would stop this email.' : 'Safe Send would let it send.'}`,
  offers: 'Offers:',
  draftProblems: 'Some settings on this page have problems, so the defaults are used for those.',
  usesHistory: (count: number) => `Look-alike checks use the ${plural(count, 'address', 'addresses')} in your sent-to history.`,
};

/** How a one-click fix is offered, in words (the in-page dialog has its own buttons). */
export function describeFix(fix: Fix): string {
  switch (fix.kind) {
    case 'move-to-bcc':
      return `Move ${plural(fix.recipients.length, 'recipient')} to Bcc`;
    case 'add-secure-tag':
      return `Add ${fix.tag} to the subject`;
    case 'replace-domain': {
      const address = fix.recipient.address ?? '';
      const from = address.slice(address.lastIndexOf('@') + 1);
      return `Change ${from || 'the domain'} to ${fix.to}`;
    }
    case 'replace-address':
      return `Change ${fix.recipient.address ?? 'the address'} to ${fix.to}`;
    case 'remove-recipient':
      return `Remove ${fix.recipient.address ?? fix.recipient.name ?? 'the recipient'}`;
  }
}

export const common = {
  error: 'Error:',
};
