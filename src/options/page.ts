// The options page: where a care manager (or IT lead) sets the policy, tries it on a draft,
// shares it with other computers, and sees the sent-to history and activity.
//
// State: `saved` is the policy in force (as loadPolicy gives it); `draft` is the copy being
// edited. Every control edits `draft`; Save validates it with the one schema and stores it; Undo
// copies `saved` back. With a managed policy every setting is read-only: the organisation's
// policy wins and staff cannot weaken it (product.md, "Managers / IT").
import { confirmInPage } from './confirm';
import {
  checkboxControl,
  linesControl,
  listControl,
  radiosControl,
  textControl,
  type Control,
  type EditorHost,
  type ListControl,
} from './controls';
import { lang } from '../i18n/index';
import { debounce, fill, h, type Children } from './dom';
import { historyView } from './history-view';
import { activityView } from './activity-view';
import * as M from './messages';
import { checkEditable, editableCopy, LIST_FIELDS, samePolicy, setSetting, type EditablePolicy, type FieldError } from './model';
import { tryPanel } from './try-panel';
import type { OptionsServices, PolicyState } from './services';
import { mergeDomains, parseDcb1596Csv } from '../policy/dcb1596';
import { parsePolicy, parsePolicyText, policyToDocument, repairPolicy } from '../policy/index';
import type { RuleId } from '../policy/schema';
import { RULE_IDS } from '../rules/ids';
import type { SeveritySetting } from '../rules/types';

/** Skipped DCB1596 rows listed by line; a file with thousands of bad rows is summarised after these. */
const SKIPPED_ROWS_LISTED = 50;
/** Pause after typing before an error already on screen is checked again. */
const REVALIDATE_MS = 400;

const SEVERITIES: SeveritySetting[] = ['off', 'notice', 'warn', 'block'];

export interface OptionsPage {
  /** Every control, by the setting it edits (tests check each policy field has one). */
  controls: ReadonlyMap<string, Control>;
}

function notificationBanner(id: string, title: string, heading: string, ...body: Array<Node | string>): HTMLElement {
  return h('div', { class: 'nhsuk-notification-banner', role: 'region', 'aria-labelledby': `${id}-title`, id },
    h('div', { class: 'nhsuk-notification-banner__header' }, h('h2', { class: 'nhsuk-notification-banner__title', id: `${id}-title` }, title)),
    h('div', { class: 'nhsuk-notification-banner__content' }, h('p', { class: 'nhsuk-notification-banner__heading' }, heading), body),
  );
}

/** An NHS error summary box. `links`: each line and (when it belongs to a field) where it links. */
function errorSummaryBox(id: string, heading: string, intro: string, lines: ReadonlyArray<{ text: string; href?: string }>, after?: string): HTMLElement {
  return h('div', { class: 'nhsuk-error-summary', id, tabindex: -1, 'aria-labelledby': `${id}-title` },
    h('div', { role: 'alert' },
      h('h2', { class: 'nhsuk-error-summary__title', id: `${id}-title` }, heading),
      h('div', { class: 'nhsuk-error-summary__body' },
        intro ? h('p', {}, intro) : null,
        h('ul', { class: 'nhsuk-list nhsuk-error-summary__list' },
          lines.map((line) => h('li', {}, line.href ? h('a', { href: line.href }, line.text) : line.text)),
        ),
        after ? h('p', {}, after) : null,
      ),
    ),
  );
}

export async function mountOptionsPage(root: HTMLElement, services: OptionsServices, signal: AbortSignal): Promise<OptionsPage> {
  fill(root, h('p', { class: 'nhsuk-body' }, M.page.loading));
  let saved: PolicyState;
  try {
    saved = await services.loadPolicy();
  } catch {
    fill(root, h('p', { class: 'nhsuk-body' }, M.page.loadFailed));
    return { controls: new Map() };
  }
  let draft: EditablePolicy = editableCopy(saved.policy);
  let readOnly = saved.source === 'managed';
  let summaryShown = false;

  const pageStatus = h('p', { class: 'ss-savebar__status', role: 'status', id: 'page-status' });
  const announce = (text: string) => {
    pageStatus.textContent = text;
  };
  const host: EditorHost = {
    get draft() {
      return draft;
    },
    changed: (commit) => onChange(commit),
  };

  // ---- Controls, one per setting ----
  const controls = new Map<string, Control>();
  const add = <C extends Control>(control: C): C => {
    controls.set(control.field, control);
    return control;
  };
  const lists = Object.fromEntries(LIST_FIELDS.map((field) => [field, add(listControl(field, host))])) as Record<
    (typeof LIST_FIELDS)[number],
    ListControl
  >;
  const secureTag = add(textControl(['secureTag'], M.secureTag, host, 'text'));

  const ruleBlocks = RULE_IDS.map((id: RuleId) => {
    const severity = add(
      radiosControl(
        ['rules', id, 'severity'],
        { legend: M.ruleNames[id], hint: `${M.ruleDescriptions[id]} (${M.ruleSettings.ruleId(id)})`, errorName: `${M.ruleNames[id]}:` },
        SEVERITIES.map((value) => ({ value, label: M.severityNames[value] })),
        host,
        'inline',
      ),
    );
    const extra: Control[] = [];
    if (id === 'large-audience') extra.push(add(textControl(['rules', id, 'threshold'], M.ruleSettings.largeThreshold, host, 'number')));
    if (id === 'visible-recipients') extra.push(add(textControl(['rules', id, 'threshold'], M.ruleSettings.visibleThreshold, host, 'number')));
    if (id === 'external-recipients') extra.push(add(checkboxControl(['rules', id, 'confirmEach'], M.ruleSettings.confirmEach, host)));
    if (id === 'unsecured-recipient') {
      extra.push(
        add(
          radiosControl(
            ['rules', id, 'when'],
            { legend: M.ruleSettings.when.legend, errorName: M.ruleSettings.when.errorName },
            [
              { value: 'always', label: M.ruleSettings.when.always },
              { value: 'sensitive', label: M.ruleSettings.when.sensitive },
            ],
            host,
            'stacked',
          ),
        ),
        add(linesControl(['rules', id, 'keywords'], M.ruleSettings.keywords, host)),
      );
    }
    if (id === 'missing-attachment') extra.push(add(linesControl(['rules', id, 'phrases'], M.ruleSettings.phrases, host)));
    return h('div', { class: 'ss-rule', id: `rule-${id}` }, severity.element, extra.length ? h('div', { class: 'ss-rule__settings' }, extra.map((c) => c.element)) : null);
  });

  const historyEnabled = add(checkboxControl(['history', 'enabled'], M.historySettings.enabled, host));
  const historyDays = add(textControl(['history', 'retentionDays'], M.historySettings.retention, host, 'number'));
  const reminderEnabled = add(checkboxControl(['inactivityReminder', 'enabled'], M.reminderSettings.enabled, host));
  const reminderDays = add(textControl(['inactivityReminder', 'afterDays'], M.reminderSettings.afterDays, host, 'number'));

  // ---- DCB1596 import (into the secure domains being edited) ----
  const dcbInput = h('input', { class: 'ss-file-input', id: 'dcb1596-file', type: 'file', accept: '.csv,text/csv', 'aria-describedby': 'dcb1596-hint' });
  const dcbReport = h('div', { class: 'ss-report', id: 'dcb1596-report', tabindex: -1, hidden: true });
  const dcbGroup = h('div', { class: 'nhsuk-form-group', id: 'dcb1596-group' },
    h('label', { class: 'nhsuk-label nhsuk-label--s', for: 'dcb1596-file' }, M.dcb1596.label),
    h('div', { class: 'nhsuk-hint', id: 'dcb1596-hint' }, M.dcb1596.hint),
    dcbInput,
    dcbReport,
  );
  dcbInput.addEventListener('change', () => {
    const file = dcbInput.files?.[0];
    if (file) void importDcb1596(file);
  });

  async function importDcb1596(file: File): Promise<void> {
    if (readOnly) return;
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch {
      showDcbReport([h('p', { class: 'nhsuk-error-message' }, M.dcb1596.unreadable)]);
      return;
    }
    const parsed = parseDcb1596Csv(bytes);
    dcbInput.value = '';
    if (!parsed.ok) {
      showDcbReport([h('p', { class: 'nhsuk-error-message' }, M.dcb1596.failed(parsed.error))]);
      return;
    }
    const merged = mergeDomains(draft.secureDomains, parsed.domains);
    setSetting(draft, ['secureDomains'], merged.domains);
    lists.secureDomains.sync();
    const skipped = parsed.skipped.slice(0, SKIPPED_ROWS_LISTED);
    showDcbReport([
      h('h3', { class: 'nhsuk-heading-s' }, M.dcb1596.heading),
      h('p', {}, M.dcb1596.summary(merged.added.length, merged.alreadyPresent, parsed.column)),
      parsed.duplicates > 0 ? h('p', {}, M.dcb1596.duplicates(parsed.duplicates)) : null,
      parsed.skipped.length > 0
        ? [
            h('p', {}, M.dcb1596.skippedHeading(parsed.skipped.length)),
            h('ul', { class: 'nhsuk-list nhsuk-list--bullet ss-report__rows' },
              skipped.map((row) => h('li', {}, M.dcb1596.skippedRow(row.line, row.value, row.reason))),
            ),
            parsed.skipped.length > skipped.length ? h('p', {}, M.dcb1596.moreSkipped(parsed.skipped.length - skipped.length)) : null,
          ]
        : null,
      merged.added.length > 0 ? h('p', { class: 'ss-report__next' }, M.dcb1596.saveToApply) : null,
    ]);
    if (merged.added.length > 0) onChange(true);
  }

  function showDcbReport(children: Children[]): void {
    fill(dcbReport, children);
    dcbReport.hidden = false;
    dcbReport.focus();
  }

  // ---- The form ----
  const saveButton = h('button', { class: 'nhsuk-button', type: 'submit', id: 'save' }, M.saving.save);
  const undoButton = h('button', { class: 'nhsuk-button nhsuk-button--secondary', type: 'button', id: 'undo' }, M.saving.undo);
  const saveBar = h('div', { class: 'ss-savebar', id: 'savebar' }, h('div', { class: 'nhsuk-button-group' }, saveButton, undoButton), pageStatus);

  const section = (id: string, heading: string, intro: string, ...body: Children[]) =>
    h('section', { class: 'ss-section', id, 'aria-labelledby': `${id}-heading` },
      h('h2', { class: 'nhsuk-heading-m', id: `${id}-heading` }, heading),
      h('p', {}, intro),
      body,
    );
  const form = h('form', { class: 'ss-form', id: 'policy-form', novalidate: true, 'aria-label': M.page.title },
    section('organisation', M.sections.organisation.heading, M.sections.organisation.intro, lists.organisationDomains.element),
    section('secure', M.sections.secure.heading, M.sections.secure.intro, secureTag.element, lists.secureDomains.element, dcbGroup),
    section('trusted', M.sections.trusted.heading, M.sections.trusted.intro, lists.trustedDomains.element),
    section('blocked', M.sections.blocked.heading, M.sections.blocked.intro, lists.blockedDomains.element),
    section('checks', M.sections.rules.heading, M.sections.rules.intro,
      h('dl', { class: 'ss-levels' }, M.sections.rules.levels.map(([term, meaning]) => [h('dt', {}, term), h('dd', {}, meaning)])),
      ruleBlocks,
    ),
    section('history', M.sections.history.heading, M.sections.history.intro, historyEnabled.element, historyDays.element),
    section('reminder', M.sections.reminder.heading, M.sections.reminder.intro, reminderEnabled.element, reminderDays.element),
    saveBar,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save();
  }, { signal });
  undoButton.addEventListener('click', () => {
    if (samePolicy(draft, saved.policy)) {
      announce(M.saving.noChanges);
      return;
    }
    draft = editableCopy(saved.policy);
    syncAll();
    hideSummary();
    validate();
    tries.flush();
    announce(M.saving.undone);
  }, { signal });

  // ---- Banners and the error summary ----
  const banners = h('div', { class: 'ss-banners' });
  const summarySlot = h('div', {});

  function renderBanners(): void {
    const parts: HTMLElement[] = [];
    if (saved.source === 'managed' && saved.errors.length > 0) {
      parts.push(errorSummaryBox('managed-problem', M.managed.problemHeading, '', saved.errors.map((text) => ({ text })), M.managed.problemRepaired));
    } else if (saved.errors.length > 0) {
      parts.push(errorSummaryBox('stored-problem', M.storedProblem.heading, M.storedProblem.body, saved.errors.map((text) => ({ text }))));
    }
    if (saved.source === 'managed') {
      parts.push(notificationBanner('managed-banner', M.managed.bannerTitle, M.managed.heading, h('p', {}, M.managed.body), h('p', {}, M.managed.ask)));
    }
    fill(banners, parts);
  }

  function showSummary(errors: readonly FieldError[], focus: boolean): void {
    const lines = errors.map((error) => {
      const control = error.field ? controls.get(error.field) : undefined;
      return control ? { text: control.describe(error), href: `#${control.focusId}` } : { text: error.text };
    });
    const box = errorSummaryBox('error-summary', M.errorSummary.heading, M.errorSummary.intro, lines);
    fill(summarySlot, box);
    summaryShown = true;
    if (focus) box.focus();
  }
  function hideSummary(): void {
    summarySlot.replaceChildren();
    summaryShown = false;
  }
  // A summary link moves focus to the field itself (a plain fragment link only scrolls).
  summarySlot.addEventListener('click', (event) => {
    const link = (event.target as Element).closest('a[href^="#"]');
    if (!link) return;
    const target = document.getElementById(link.getAttribute('href')!.slice(1));
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.closest('.nhsuk-form-group')?.scrollIntoView?.({ block: 'start' });
  }, { signal });

  // ---- Validation and change tracking ----
  function validate(): FieldError[] {
    const check = checkEditable(draft);
    const byField = new Map<string, FieldError[]>();
    for (const error of check.errors) {
      if (!error.field) continue;
      byField.set(error.field, [...(byField.get(error.field) ?? []), error]);
    }
    for (const control of controls.values()) control.showErrors(byField.get(control.field) ?? []);
    if (summaryShown) {
      if (check.errors.length === 0) hideSummary();
      else showSummary(check.errors, false);
    }
    return check.errors;
  }
  const revalidate = debounce(validate, REVALIDATE_MS);
  signal.addEventListener('abort', () => revalidate.cancel(), { once: true });

  function isDirty(): boolean {
    return !samePolicy(draft, saved.policy);
  }
  function onChange(commit: boolean): void {
    if (commit) {
      revalidate.cancel();
      validate();
    } else if (summaryShown || root.querySelector('.nhsuk-form-group--error')) revalidate();
    if (isDirty()) announce(M.saving.unsaved);
    else if (pageStatus.textContent === M.saving.unsaved) announce('');
    tries.refresh();
  }

  function syncAll(): void {
    for (const control of controls.values()) control.sync();
  }
  function applyReadOnly(): void {
    for (const control of controls.values()) control.setReadOnly(readOnly);
    saveBar.hidden = readOnly;
    dcbGroup.hidden = readOnly;
    importGroup.hidden = readOnly;
    resetSection.hidden = readOnly;
  }

  /** Show a policy that is now in force (loaded, saved, imported, reset, or changed elsewhere). */
  function adopt(state: PolicyState): void {
    saved = state;
    draft = editableCopy(state.policy);
    readOnly = state.source === 'managed';
    renderBanners();
    syncAll();
    applyReadOnly();
    hideSummary();
    validate();
    updateExportNote();
    tries.flush();
    void history.refresh(state.policy.history.enabled).then(() => tries.flush());
  }

  async function save(): Promise<void> {
    if (readOnly) return;
    revalidate.cancel();
    const check = checkEditable(draft);
    if (!check.ok) {
      validate();
      showSummary(check.errors, true);
      announce(M.saving.refused);
      return;
    }
    const result = await services.savePolicy(check.policy);
    if (!result.ok) {
      showSummary(result.errors.map((text) => ({ text, message: text })), true);
      announce(M.saving.refused);
      return;
    }
    adopt({ policy: result.policy, source: 'local', errors: [] });
    announce(M.saving.saved);
  }

  // ---- Export and import of the policy document ----
  const exportButton = h('button', { class: 'nhsuk-button nhsuk-button--secondary', type: 'button', id: 'export', 'aria-describedby': 'export-hint' }, M.importExport.export);
  const exportHint = h('div', { class: 'nhsuk-hint', id: 'export-hint' }, M.importExport.exportHint);
  const importInput = h('input', { class: 'ss-file-input', id: 'import-file', type: 'file', accept: '.json,application/json', 'aria-describedby': 'import-hint' });
  const importResult = h('div', { id: 'import-result' });
  const importGroup = h('div', { class: 'nhsuk-form-group', id: 'import-group' },
    h('label', { class: 'nhsuk-label nhsuk-label--s', for: 'import-file' }, M.importExport.importLabel),
    h('div', { class: 'nhsuk-hint', id: 'import-hint' }, M.importExport.importHint),
    importInput,
  );
  function updateExportNote(): void {
    exportHint.textContent = isDirty() ? `${M.importExport.exportHint} ${M.importExport.exportUnsaved}` : M.importExport.exportHint;
  }
  exportButton.addEventListener('click', () => {
    // The saved document (what is in force), not the unsaved edits: a file that is passed round
    // other computers must be a policy someone saved on purpose.
    const text = `${JSON.stringify(policyToDocument(saved.policy), null, 2)}\n`;
    services.download(M.importExport.fileName, text, 'application/json');
  }, { signal });
  importInput.addEventListener('change', () => {
    const file = importInput.files?.[0];
    if (file) void importPolicy(file);
  }, { signal });

  async function importPolicy(file: File): Promise<void> {
    if (readOnly) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      fill(importResult, errorSummaryBox('import-errors', M.importExport.notImported(file.name), '', [{ text: M.importExport.unreadable }]));
      return;
    } finally {
      importInput.value = '';
    }
    const parsed = parsePolicyText(text);
    const result = parsed.ok ? await services.savePolicy(parsed.policy) : parsed;
    if (!result.ok) {
      // Every problem, each with its path, and nothing changed: not the saved policy, not the edits.
      const box = errorSummaryBox('import-errors', M.importExport.notImported(file.name), M.importExport.notImportedIntro, result.errors.map((line) => ({ text: line })));
      fill(importResult, box);
      box.focus();
      return;
    }
    importResult.replaceChildren();
    adopt({ policy: result.policy, source: 'local', errors: [] });
    announce(M.importExport.imported(file.name));
    shareStatus.textContent = M.importExport.imported(file.name);
  }
  const shareStatus = h('p', { class: 'ss-add-status', role: 'status', id: 'share-status' });

  // ---- Reset ----
  const resetButton = h('button', { class: 'nhsuk-button nhsuk-button--warning', type: 'button', id: 'reset-button', 'aria-controls': 'reset-confirm', 'aria-expanded': 'false' }, M.reset.button);
  const resetSlot = h('div', { id: 'reset-confirm' });
  const resetStatus = h('p', { class: 'ss-add-status', role: 'status', id: 'reset-status' });
  const resetSection = section('reset', M.sections.reset.heading, M.sections.reset.intro, resetButton, resetSlot, resetStatus);
  resetButton.addEventListener('click', async () => {
    if (readOnly) return;
    const yes = await confirmInPage(resetSlot, resetButton, {
      heading: M.reset.confirmHeading,
      body: M.reset.confirmBody,
      confirm: M.reset.confirm,
      cancel: M.reset.cancel,
    });
    if (!yes) return;
    await services.resetPolicy();
    adopt(await services.loadPolicy());
    resetStatus.textContent = M.reset.done;
    announce(M.reset.done);
  }, { signal });

  // ---- History, activity, try a draft ----
  const history = historyView(services, () => tries.refresh());
  const activity = activityView(services);
  const tries = tryPanel(
    {
      policy() {
        const parsed = parsePolicy(draft);
        return parsed.ok ? { policy: parsed.policy, hasProblems: false } : { policy: repairPolicy(draft).policy, hasProblems: true };
      },
      knownAddresses: () => history.addresses(),
    },
    signal,
  );

  // ---- Layout ----
  const contents = [
    ['organisation', M.sections.organisation.heading],
    ['secure', M.sections.secure.heading],
    ['trusted', M.sections.trusted.heading],
    ['blocked', M.sections.blocked.heading],
    ['checks', M.sections.rules.heading],
    ['history', M.sections.history.heading],
    ['reminder', M.sections.reminder.heading],
    ['try', M.sections.tryDraft.heading],
    ['your-history', M.sections.yourHistory.heading],
    ['activity', M.sections.activity.heading],
    ['share', M.sections.share.heading],
  ] as const;
  document.title = M.page.title;
  // The language of the words shown (index.html says en-GB until now), for screen readers.
  document.documentElement.lang = lang();
  fill(
    root,
    h('a', { class: 'nhsuk-skip-link', href: '#maincontent' }, M.page.skipLink),
    h('header', { class: 'ss-header', role: 'banner' },
      h('div', { class: 'nhsuk-width-container ss-container' }, h('p', { class: 'ss-header__product' }, M.page.product)),
    ),
    h('div', { class: 'nhsuk-width-container ss-container' },
      h('main', { class: 'nhsuk-main-wrapper', id: 'maincontent' },
        summarySlot,
        banners,
        h('h1', { class: 'nhsuk-heading-l' }, M.page.title),
        h('p', { class: 'nhsuk-lede-text' }, M.page.lede),
        h('nav', { class: 'ss-contents', 'aria-labelledby': 'contents-heading' },
          h('h2', { class: 'nhsuk-heading-xs', id: 'contents-heading' }, M.page.contents),
          h('ul', { class: 'nhsuk-list ss-contents__list' }, contents.map(([id, text]) => h('li', {}, h('a', { href: `#${id}` }, text)))),
        ),
        h('div', { class: 'ss-layout' },
          h('div', { class: 'ss-layout__main' },
            form,
            history.element,
            activity.element,
            section('share', M.sections.share.heading, M.sections.share.intro, exportHint, exportButton, shareStatus, importGroup, importResult),
            resetSection,
          ),
          h('aside', { class: 'ss-layout__side', 'aria-label': M.sections.tryDraft.heading }, tries.element),
        ),
      ),
    ),
  );

  services.watchPolicy((state) => {
    if (samePolicy(state.policy, saved.policy) && state.source === saved.source && samePolicy(state.errors, saved.errors)) return;
    if (isDirty() && state.source !== 'managed') {
      // Keep the manager's edits; they can undo to see what was saved elsewhere.
      saved = state;
      renderBanners();
      announce(M.saving.changedElsewhere);
      return;
    }
    adopt(state);
    announce(M.saving.reloaded);
  }, signal);

  // Closing the tab with unsaved changes: the browser asks first (its own wording; pages cannot set it).
  window.addEventListener('beforeunload', (event) => {
    if (!readOnly && isDirty()) event.preventDefault();
  }, { signal });

  adopt(saved);
  void activity.refresh();
  return { controls };
}
