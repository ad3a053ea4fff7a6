// Every word the warning dialog shows or announces: the `dialog` messages of
// assets/locales/<locale>.yml, read through the browser's i18n (src/i18n). This module only says
// which message each part of the dialog uses and what it fills in; the words are in the file.
// No sentence is assembled from fragments in another file.
import { t } from '../i18n/index';

export const messages = {
  /** Small label above the title: whose dialog this is. */
  appName: t('appName'),
  /** The dialog's accessible name — part of the public contract (product.md). */
  title: t('dialog.title'),
  /** Main buttons — their names are part of the public contract (product.md). */
  editEmail: t('dialog.editEmail'),
  sendAnyway: t('dialog.sendAnyway'),

  /** The dialog's description, chosen by the most serious finding. */
  introBlock: t('dialog.introBlock'),
  introWarn: t('dialog.introWarn'),
  introNotice: t('dialog.introNotice'),

  /** Group headings, most serious first. */
  groupBlock: t('dialog.groupBlock'),
  groupWarn: t('dialog.groupWarn'),
  groupNotice: t('dialog.groupNotice'),

  /** Next to a disabled "Send anyway": why it is disabled. */
  whyBlocked: t('dialog.whyBlocked'),
  whyUnconfirmed: t('dialog.whyUnconfirmed'),
  /** Shown (and announced) when nothing needing attention is left. */
  allSorted: t('dialog.allSorted'),

  /** A recipient's checkbox for `confirmEach` findings. */
  confirmAddress: (address: string) => t('dialog.confirmAddress', { address }),
  /** The list of recipients a finding is about. */
  recipientsLabel: t('dialog.recipientsLabel'),
  /** A recipient whose address the page did not give us. */
  addressUnknown: (name: string) => t('dialog.addressUnknown', { name }),
  someone: t('dialog.someone'),
  fieldTo: t('dialog.fieldTo'),
  fieldCc: t('dialog.fieldCc'),
  fieldBcc: t('dialog.fieldBcc'),
  /** Long recipient lists fold away behind this. */
  showMore: (count: number) => t('dialog.showMore', { count }),

  /** Where highlighted evidence comes from. */
  sourceAddress: t('dialog.sourceAddress'),
  sourceSubject: t('dialog.sourceSubject'),
  sourceBody: t('dialog.sourceBody'),
  sourceAttachment: t('dialog.sourceAttachment'),
  /** For screen readers: the evidence, said plainly ("Address: jane@nhs.nte."). */
  evidenceSpoken: (source: string, text: string) => t('dialog.evidenceSpoken', { source, text }),
  /** The likely intended spelling, after a mistyped address. */
  didYouMean: (suggestion: string) => t('dialog.didYouMean', { suggestion }),
  /** For screen readers, after the evidence text: which part is highlighted. */
  highlighted: (parts: string) => t('dialog.highlighted', { parts }),

  /** One-click fixes (src/rules/types.ts `Fix`). */
  fixMoveToBccNamed: (names: string) => t('dialog.fixMoveToBccNamed', { names }),
  fixMoveToBccCount: (count: number) => t('dialog.fixMoveToBccCount', { count }),
  fixAddSecureTag: (tag: string) => t('dialog.fixAddSecureTag', { tag }),
  fixReplaceDomain: (from: string, to: string) => t('dialog.fixReplaceDomain', { from, to }),
  fixReplaceAddress: (to: string) => t('dialog.fixReplaceAddress', { to }),
  fixRemoveRecipient: (who: string) => t('dialog.fixRemoveRecipient', { who }),
  /** Joins two names: "a and b". */
  twoNames: (a: string, b: string) => t('dialog.twoNames', { a, b }),

  /** Announced after a fix worked. */
  fixDone: (label: string) => t('dialog.fixDone', { label }),
  stillToCheck: (count: number) => t('dialog.stillToCheck', count),
  /** Shown by a fix that did not work; `reason` comes from the guard, already in plain words. */
  fixFailed: (reason: string) => t('dialog.fixFailed', { reason }),
  fixFailedNoReason: t('dialog.fixFailedNoReason'),
} as const;
