// Every word the options page shows: the `options` messages of assets/locales/<locale>.yml, read
// through the browser's i18n (src/i18n). This module only says which message each part of the
// page uses and what it fills in; the words (plain British English for a care manager who may
// have no IT department) are in the file. Rule descriptions are each rule's own
// `meta.description`, generated into the file; errors about the policy come from the policy
// schema (English only).
import type { Fix, Severity, SeveritySetting } from '../rules/types';
import type { RuleId } from '../policy/schema';
import { formatNumber as n, lang, t } from '../i18n/index';

/** `3 May 2026` from `2026-05-03`, in the page's language (a calendar day: no time zone games). */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(lang(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1),
  );
}

export const page = {
  title: t('options.page.title'),
  product: t('extension.name'),
  skipLink: t('options.page.skipLink'),
  lede: t('options.page.lede'),
  contents: t('options.page.contents'),
  loading: t('options.page.loading'),
  loadFailed: t('options.page.loadFailed'),
};

export const managed = {
  bannerTitle: t('options.managed.bannerTitle'),
  heading: t('options.managed.heading'),
  body: t('options.managed.body'),
  ask: t('options.managed.ask'),
  problemHeading: t('options.managed.problemHeading'),
  problemDefault: t('options.managed.problemDefault'),
  problemRepaired: t('options.managed.problemRepaired'),
};

export const storedProblem = {
  heading: t('options.storedProblem.heading'),
  body: t('options.storedProblem.body'),
};

export const severityNames: Record<SeveritySetting, string> = {
  off: t('options.severity.off'),
  notice: t('options.severity.notice'),
  warn: t('options.severity.warn'),
  block: t('options.severity.block'),
};

export const findingSeverity: Record<Severity, string> = {
  notice: severityNames.notice,
  warn: severityNames.warn,
  block: severityNames.block,
};

const levelMeaning: Record<SeveritySetting, string> = {
  off: t('options.sections.rules.levelMeaning.off'),
  notice: t('options.sections.rules.levelMeaning.notice'),
  warn: t('options.sections.rules.levelMeaning.warn'),
  block: t('options.sections.rules.levelMeaning.block'),
};

export const sections = {
  organisation: {
    heading: t('options.sections.organisation.heading'),
    intro: t('options.sections.organisation.intro'),
  },
  secure: {
    heading: t('options.sections.secure.heading'),
    intro: t('options.sections.secure.intro'),
  },
  trusted: {
    heading: t('options.sections.trusted.heading'),
    intro: t('options.sections.trusted.intro'),
  },
  blocked: {
    heading: t('options.sections.blocked.heading'),
    intro: t('options.sections.blocked.intro'),
  },
  rules: {
    heading: t('options.sections.rules.heading'),
    intro: t('options.sections.rules.intro'),
    /** Each level's name and what it means, mildest first. */
    levels: (['off', 'notice', 'warn', 'block'] as const).map((level) => [severityNames[level], levelMeaning[level]] as const),
  },
  history: {
    heading: t('options.sections.history.heading'),
    intro: t('options.sections.history.intro'),
  },
  reminder: {
    heading: t('options.sections.reminder.heading'),
    intro: t('options.sections.reminder.intro'),
  },
  yourHistory: {
    heading: t('options.sections.yourHistory.heading'),
    intro: t('options.sections.yourHistory.intro'),
  },
  activity: {
    heading: t('options.sections.activity.heading'),
    intro: t('options.sections.activity.intro'),
  },
  share: {
    heading: t('options.sections.share.heading'),
    intro: t('options.sections.share.intro'),
  },
  reset: {
    heading: t('options.sections.reset.heading'),
    intro: t('options.sections.reset.intro'),
  },
  tryDraft: {
    heading: t('options.sections.tryDraft.heading'),
    intro: t('options.sections.tryDraft.intro'),
  },
};

/** A domain list's words: `name` is the list in a sentence ("Added x to secure domains."). */
export interface ListWords {
  errorName: string;
  name: string;
  label: string;
  hint: string;
  /** "No secure domains yet.", "1 secure domain", "3 secure domains". */
  count(count: number): string;
}

export const lists = {
  organisationDomains: {
    errorName: t('options.lists.organisationDomains.errorName'),
    name: t('options.lists.organisationDomains.name'),
    label: t('options.lists.organisationDomains.label'),
    hint: t('options.lists.organisationDomains.hint'),
    count: (count: number) => t('options.lists.organisationDomains.count', count, [n(count)]),
  } satisfies ListWords,
  secureDomains: {
    errorName: t('options.lists.secureDomains.errorName'),
    name: t('options.lists.secureDomains.name'),
    label: t('options.lists.secureDomains.label'),
    hint: t('options.lists.secureDomains.hint'),
    count: (count: number) => t('options.lists.secureDomains.count', count, [n(count)]),
  } satisfies ListWords,
  trustedDomains: {
    errorName: t('options.lists.trustedDomains.errorName'),
    name: t('options.lists.trustedDomains.name'),
    label: t('options.lists.trustedDomains.label'),
    hint: t('options.lists.trustedDomains.hint'),
    count: (count: number) => t('options.lists.trustedDomains.count', count, [n(count)]),
  } satisfies ListWords,
  blockedDomains: {
    errorName: t('options.lists.blockedDomains.errorName'),
    name: t('options.lists.blockedDomains.name'),
    label: t('options.lists.blockedDomains.label'),
    hint: t('options.lists.blockedDomains.hint'),
    count: (count: number) => t('options.lists.blockedDomains.count', count, [n(count)]),
  } satisfies ListWords,
  entryHint: t('options.lists.entryHint'),
  add: t('options.lists.add'),
  remove: t('options.lists.remove'),
  /** Completes "Remove" for screen readers: the same domain can be in two lists. */
  removeWhat: (entry: string, list: string) => t('options.lists.removeWhat', { entry, list }),
  filterLabel: (list: string) => t('options.lists.filterLabel', { list }),
  matching: (shown: number, matching: number, total: number) =>
    matching === total
      ? t('options.lists.showingFirst', { shown: n(shown), total: n(total) })
      : t('options.lists.showingFirstMatching', { shown: n(shown), matching: n(matching) }),
  noMatch: (query: string) => t('options.lists.noMatch', { query }),
  added: (entries: readonly string[], list: string) =>
    entries.length === 1
      ? t('options.lists.addedOne', { entry: entries[0]!, list })
      : t('options.lists.addedMany', { count: n(entries.length), list }),
  alreadyThere: (entries: readonly string[]) =>
    entries.length === 1
      ? t('options.lists.alreadyThereOne', { entry: entries[0]! })
      : t('options.lists.alreadyThereMany', { count: n(entries.length) }),
  removed: (entry: string, list: string) => t('options.lists.removed', { entry, list }),
  emptyAdd: t('options.lists.emptyAdd'),
  unsaved: t('options.lists.unsaved'),
};

export const dcb1596 = {
  label: t('options.dcb1596.label'),
  hint: t('options.dcb1596.hint'),
  reading: t('options.dcb1596.reading'),
  failed: (error: string) => t('options.dcb1596.failed', { error }),
  unreadable: t('options.dcb1596.unreadable'),
  heading: t('options.dcb1596.heading'),
  summary: (added: number, already: number, column: string) =>
    `${t('options.dcb1596.summaryAdded', added, [n(added)], { column })} ${t('options.dcb1596.summaryAlready', already, [n(already)])}`,
  duplicates: (count: number) => t('options.dcb1596.duplicates', count, [n(count)]),
  skippedHeading: (count: number) => t('options.dcb1596.skippedHeading', count, [n(count)]),
  skippedRow: (line: number, value: string, reason: string) =>
    value
      ? t('options.dcb1596.skippedRowWithValue', { line: n(line), value, reason })
      : t('options.dcb1596.skippedRow', { line: n(line), reason }),
  moreSkipped: (count: number) => t('options.dcb1596.moreSkipped', count, [n(count)]),
  saveToApply: t('options.dcb1596.saveToApply'),
};

export const secureTag = {
  label: t('options.secureTag.label'),
  errorName: t('options.secureTag.errorName'),
  hint: t('options.secureTag.hint'),
};

/** What each check is called on this page (the rule id is shown too, for IT staff and the docs). */
export const ruleNames: Record<RuleId, string> = {
  'blocked-recipient': t('options.ruleNames.blocked_recipient'),
  'external-recipients': t('options.ruleNames.external_recipients'),
  'large-audience': t('options.ruleNames.large_audience'),
  'lookalike-address': t('options.ruleNames.lookalike_address'),
  'missing-attachment': t('options.ruleNames.missing_attachment'),
  'mistyped-domain': t('options.ruleNames.mistyped_domain'),
  'patient-identifier': t('options.ruleNames.patient_identifier'),
  'unsecured-recipient': t('options.ruleNames.unsecured_recipient'),
  'unverified-recipient': t('options.ruleNames.unverified_recipient'),
  'visible-recipients': t('options.ruleNames.visible_recipients'),
};

/** What each check looks for: its rule's `meta.description`, generated into the locale files (npm run locales). */
export const ruleDescriptions: Record<RuleId, string> = {
  'blocked-recipient': t('ruleDescription.blocked_recipient'),
  'external-recipients': t('ruleDescription.external_recipients'),
  'large-audience': t('ruleDescription.large_audience'),
  'lookalike-address': t('ruleDescription.lookalike_address'),
  'missing-attachment': t('ruleDescription.missing_attachment'),
  'mistyped-domain': t('ruleDescription.mistyped_domain'),
  'patient-identifier': t('ruleDescription.patient_identifier'),
  'unsecured-recipient': t('ruleDescription.unsecured_recipient'),
  'unverified-recipient': t('ruleDescription.unverified_recipient'),
  'visible-recipients': t('ruleDescription.visible_recipients'),
};

export const ruleSettings = {
  severityLegend: (rule: string) => t('options.ruleSettings.severityLegend', { rule }),
  ruleId: (id: string) => t('options.ruleSettings.ruleId', { id }),
  largeThreshold: {
    errorName: t('options.ruleSettings.largeThreshold.errorName'),
    label: t('options.ruleSettings.largeThreshold.label'),
    hint: t('options.ruleSettings.largeThreshold.hint'),
  },
  visibleThreshold: {
    errorName: t('options.ruleSettings.visibleThreshold.errorName'),
    label: t('options.ruleSettings.visibleThreshold.label'),
    hint: t('options.ruleSettings.visibleThreshold.hint'),
  },
  confirmEach: {
    label: t('options.ruleSettings.confirmEach.label'),
    hint: t('options.ruleSettings.confirmEach.hint'),
  },
  when: {
    errorName: t('options.ruleSettings.when.errorName'),
    legend: t('options.ruleSettings.when.legend'),
    always: t('options.ruleSettings.when.always'),
    sensitive: t('options.ruleSettings.when.sensitive'),
  },
  keywords: {
    errorName: t('options.ruleSettings.keywords.errorName'),
    label: t('options.ruleSettings.keywords.label'),
    hint: t('options.ruleSettings.keywords.hint'),
  },
  phrases: {
    errorName: t('options.ruleSettings.phrases.errorName'),
    label: t('options.ruleSettings.phrases.label'),
    hint: t('options.ruleSettings.phrases.hint'),
  },
  lineProblem: (line: number, problem: string) => t('options.ruleSettings.lineProblem', { line: n(line), problem }),
};

export const historySettings = {
  enabled: {
    label: t('options.historySettings.enabled.label'),
    hint: t('options.historySettings.enabled.hint'),
  },
  retention: {
    errorName: t('options.historySettings.retention.errorName'),
    label: t('options.historySettings.retention.label'),
    hint: t('options.historySettings.retention.hint'),
  },
};

export const reminderSettings = {
  enabled: {
    label: t('options.reminderSettings.enabled.label'),
  },
  afterDays: {
    errorName: t('options.reminderSettings.afterDays.errorName'),
    label: t('options.reminderSettings.afterDays.label'),
    hint: t('options.reminderSettings.afterDays.hint'),
  },
};

export const saving = {
  save: t('options.saving.save'),
  undo: t('options.saving.undo'),
  unsaved: t('options.saving.unsaved'),
  noChanges: t('options.saving.noChanges'),
  saved: t('options.saving.saved'),
  undone: t('options.saving.undone'),
  refused: t('options.saving.refused'),
  changedElsewhere: t('options.saving.changedElsewhere'),
  reloaded: t('options.saving.reloaded'),
};

export const errorSummary = {
  heading: t('options.errorSummary.heading'),
  intro: t('options.errorSummary.intro'),
};

/** The exported file's name: the same in every language (docs/policy.md and the deployment guide name it). */
const POLICY_FILE_NAME = 'safe-send-policy.json';

export const importExport = {
  export: t('options.importExport.export'),
  exportHint: t('options.importExport.exportHint', { file: POLICY_FILE_NAME }),
  exportUnsaved: t('options.importExport.exportUnsaved'),
  fileName: POLICY_FILE_NAME,
  importLabel: t('options.importExport.importLabel'),
  importHint: t('options.importExport.importHint'),
  imported: (file: string) => t('options.importExport.imported', { file }),
  notImported: (file: string) => t('options.importExport.notImported', { file }),
  notImportedIntro: t('options.importExport.notImportedIntro'),
  unreadable: t('options.importExport.unreadable'),
};

export const reset = {
  button: t('options.reset.button'),
  confirmHeading: t('options.reset.confirmHeading'),
  confirmBody: t('options.reset.confirmBody'),
  confirm: t('options.reset.confirm'),
  cancel: t('options.reset.cancel'),
  done: t('options.reset.done'),
};

export const history = {
  off: t('options.history.off'),
  empty: t('options.history.empty'),
  count: (count: number) => t('options.history.count', count, [n(count)]),
  filterLabel: t('options.history.filterLabel'),
  lastSent: (day: string) => t('options.history.lastSent', { day: formatDay(day) }),
  remove: t('options.history.remove'),
  removed: (address: string) => t('options.history.removed', { address }),
  clear: t('options.history.clear'),
  confirmHeading: t('options.history.confirmHeading'),
  confirmBody: t('options.history.confirmBody'),
  confirm: t('options.history.confirm'),
  cancel: t('options.history.cancel'),
  cleared: t('options.history.cleared'),
  unavailable: t('options.history.unavailable'),
};

export const activity = {
  series: {
    warningsShown: t('options.activity.series.warningsShown'),
    sentAfterWarning: t('options.activity.series.sentAfterWarning'),
    editedAfterWarning: t('options.activity.series.editedAfterWarning'),
    fixesUsed: t('options.activity.series.fixesUsed'),
  },
  chartLabel: (series: string, total: number, busiest?: { day: string; count: number }) =>
    busiest
      ? t('options.activity.chartLabelBusiest', { series, total: n(total), day: formatDay(busiest.day), count: n(busiest.count) })
      : t('options.activity.chartLabel', { series, total: n(total) }),
  from: (day: string) => formatDay(day),
  to: t('options.activity.to'),
  tableSummary: t('options.activity.tableSummary'),
  tableCaption: t('options.activity.tableCaption'),
  date: t('options.activity.date'),
  total: t('options.activity.total'),
  nothing: t('options.activity.nothing'),
  download: t('options.activity.download'),
  downloadHint: t('options.activity.downloadHint'),
  /** The same in every language, like the CSV's column names (src/activity/activity.ts): data, not words. */
  fileName: (day: string) => `safe-send-activity-${day}.csv`,
  unavailable: t('options.activity.unavailable'),
};

export const tryDraft = {
  to: t('options.tryDraft.to'),
  cc: t('options.tryDraft.cc'),
  bcc: t('options.tryDraft.bcc'),
  recipientsHint: t('options.tryDraft.recipientsHint'),
  subject: t('options.tryDraft.subject'),
  body: t('options.tryDraft.body'),
  attachments: t('options.tryDraft.attachments'),
  attachmentsHint: t('options.tryDraft.attachmentsHint'),
  resultsHeading: t('options.tryDraft.resultsHeading'),
  nothingYet: t('options.tryDraft.nothingYet'),
  allClear: t('options.tryDraft.allClear'),
  summary: (count: number, stops: boolean) =>
    `${t('options.tryDraft.findings', count, [n(count)])} ${stops ? t('options.tryDraft.wouldStop') : t('options.tryDraft.wouldSend')}`,
  offers: t('options.tryDraft.offers'),
  draftProblems: t('options.tryDraft.draftProblems'),
  usesHistory: (count: number) => t('options.tryDraft.usesHistory', count, [n(count)]),
};

/** How a one-click fix is offered, in words (the in-page dialog has its own buttons). */
export function describeFix(fix: Fix): string {
  switch (fix.kind) {
    case 'move-to-bcc':
      return t('options.fix.moveToBcc', fix.recipients.length, [n(fix.recipients.length)]);
    case 'add-secure-tag':
      return t('options.fix.addSecureTag', { tag: fix.tag });
    case 'replace-domain': {
      const address = fix.recipient.address ?? '';
      const from = address.slice(address.lastIndexOf('@') + 1);
      return from ? t('options.fix.replaceDomain', { from, to: fix.to }) : t('options.fix.replaceTheDomain', { to: fix.to });
    }
    case 'replace-address':
      return fix.recipient.address
        ? t('options.fix.replaceAddress', { from: fix.recipient.address, to: fix.to })
        : t('options.fix.replaceTheAddress', { to: fix.to });
    case 'remove-recipient': {
      const who = fix.recipient.address ?? fix.recipient.name;
      return who ? t('options.fix.removeRecipient', { who }) : t('options.fix.removeTheRecipient');
    }
  }
}

export const common = {
  error: t('options.common.error'),
};
