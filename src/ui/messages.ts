// Every word the warning dialog shows or announces, in one place.
//
// Kept as keyed strings and small functions of their placeholders so that the later move to
// browser i18n (`_locales/en_GB/messages.json` via @wxt-dev/i18n) is mechanical: each key becomes
// a message, each parameter a `$1`/`$2` substitution, and each `count` a plural form
// ("$1 thing | $1 things"). No sentence is assembled from fragments in another file.
//
// Style: plain British English, short, says what to do (style.md; product.md "Users").

export const messages = {
  /** Small label above the title: whose dialog this is. */
  appName: 'Safe Send',
  /** The dialog's accessible name — part of the public contract (product.md). */
  title: 'Check before you send',
  /** Main buttons — their names are part of the public contract (product.md). */
  editEmail: 'Edit email',
  sendAnyway: 'Send anyway',

  /** The dialog's description, chosen by the most serious finding. */
  introBlock: 'This email can’t be sent as it is. Fix what’s below, or go back and edit it.',
  introWarn: 'Something in this email needs a second look. Check what’s below, then send it or go back and edit it.',
  introNotice: 'Before this email goes, there’s something you should know.',

  /** Group headings, most serious first. */
  groupBlock: 'Can’t send yet',
  groupWarn: 'Check these',
  groupNotice: 'For your information',

  /** Next to a disabled "Send anyway": why it is disabled. */
  whyBlocked: 'You can’t send until everything under “Can’t send yet” is fixed.',
  whyUnconfirmed: 'Tick each address you have checked, then you can send.',
  /** Shown (and announced) when nothing needing attention is left. */
  allSorted: 'All sorted. You can send now.',

  /** A recipient's checkbox for `confirmEach` findings. */
  confirmAddress: (address: string) => `I have checked ${address}`,
  /** The list of recipients a finding is about. */
  recipientsLabel: 'Recipients',
  /** A recipient whose address the page did not give us. */
  addressUnknown: (name: string) => `${name} (address not shown)`,
  someone: 'A recipient',
  fieldTo: 'To',
  fieldCc: 'Cc',
  fieldBcc: 'Bcc',
  /** Long recipient lists fold away behind this. */
  showMore: (count: number) => `Show ${count} more`,

  /** Where highlighted evidence comes from. */
  sourceAddress: 'Address',
  sourceSubject: 'Subject',
  sourceBody: 'Message',
  sourceAttachment: 'Attachment',
  /** The likely intended spelling, after a mistyped address. */
  didYouMean: (suggestion: string) => `Did you mean ${suggestion}?`,
  /** For screen readers, after the evidence text: which part is highlighted. */
  highlighted: (parts: string) => `Highlighted: ${parts}.`,

  /** One-click fixes (src/rules/types.ts `Fix`). */
  fixMoveToBccNamed: (names: string) => `Move ${names} to Bcc`,
  fixMoveToBccCount: (count: number) => `Move ${count} to Bcc`,
  fixAddSecureTag: (tag: string) => `Add ${tag} to the subject`,
  fixReplaceDomain: (from: string, to: string) => `Change ${from} to ${to}`,
  fixReplaceAddress: (to: string) => `Change to ${to}`,
  fixRemoveRecipient: (who: string) => `Remove ${who}`,
  /** Joins two names: "a and b". */
  twoNames: (a: string, b: string) => `${a} and ${b}`,

  /** Announced after a fix worked. */
  fixDone: (label: string) => `Done: ${label}.`,
  stillToCheck: (count: number) => `${count} ${count === 1 ? 'thing' : 'things'} still to check.`,
  /** Shown by a fix that did not work; `reason` comes from the guard, already in plain words. */
  fixFailed: (reason: string) => `That didn’t work: ${reason} Your email has not been changed.`,
  fixFailedNoReason: 'That didn’t work. Your email has not been changed. You can edit it yourself.',
} as const;

export type MessageKey = keyof typeof messages;
