// The "Try a draft" panel: type an email, see (as you type) what Safe Send would say about it
// under the policy being edited. The findings list is not a live region (it would read the whole
// list at every pause); one short summary line is.
import { debounce, fill, h, hidden } from './dom';
import * as M from './messages';
import { tryDraft, type TryDraftForm } from './try-draft';
import type { Policy } from '../policy/schema';

/** Wait for a pause in typing before checking: long enough not to flicker, short enough to feel live. */
export const TRY_DELAY_MS = 250;

const SEVERITY_TAG: Record<string, string> = { block: 'nhsuk-tag--red', warn: 'nhsuk-tag--orange', notice: 'nhsuk-tag--blue' };

export interface TryPanel {
  element: HTMLElement;
  /** Check again (the policy being edited changed); waits for a pause like typing does. */
  refresh(): void;
  /** Check now (tests, and after undo or save). */
  flush(): void;
}

export interface TryPanelSource {
  /** The policy being edited, made usable: fields with problems take their defaults. */
  policy(): { policy: Policy; hasProblems: boolean };
  /** Addresses from the sent-to history, for look-alike checks. */
  knownAddresses(): readonly string[];
}

export function tryPanel(source: TryPanelSource, signal: AbortSignal): TryPanel {
  const field = (name: keyof TryDraftForm, label: string, kind: 'input' | 'textarea', hint?: string, rows = 1) => {
    const id = `try-${name}`;
    const control =
      kind === 'input'
        ? h('input', { class: 'nhsuk-input', id, name: id, type: 'text', autocomplete: 'off', spellcheck: 'false' })
        : h('textarea', { class: 'nhsuk-textarea', id, name: id, rows, spellcheck: 'false', ...(hint ? { 'aria-describedby': `${id}-hint` } : {}) });
    const group = h('div', { class: 'nhsuk-form-group ss-try__field' },
      h('label', { class: 'nhsuk-label', for: id }, label),
      hint ? h('div', { class: 'nhsuk-hint', id: `${id}-hint` }, hint) : null,
      control,
    );
    return { control, group };
  };
  const to = field('to', M.tryDraft.to, 'textarea', M.tryDraft.recipientsHint, 2);
  const cc = field('cc', M.tryDraft.cc, 'textarea');
  const bcc = field('bcc', M.tryDraft.bcc, 'textarea');
  const subject = field('subject', M.tryDraft.subject, 'input');
  const body = field('body', M.tryDraft.body, 'textarea', undefined, 2);
  const attachments = field('attachments', M.tryDraft.attachments, 'textarea', M.tryDraft.attachmentsHint);
  const controls = { to, cc, bcc, subject, body, attachments };

  const summary = h('p', { class: 'ss-try__summary', role: 'status', id: 'try-summary' }, M.tryDraft.nothingYet);
  const findings = h('ul', { class: 'nhsuk-list ss-findings', id: 'try-findings', 'aria-labelledby': 'try-results-heading' });
  const notes = h('p', { class: 'nhsuk-body-s ss-try__notes', hidden: true });

  const element = h('section', { class: 'ss-try', id: 'try', 'aria-labelledby': 'try-heading' },
    h('h2', { class: 'nhsuk-heading-m', id: 'try-heading' }, M.sections.tryDraft.heading),
    h('p', { class: 'nhsuk-body-s' }, M.sections.tryDraft.intro),
    to.group,
    h('div', { class: 'ss-try__pair' }, cc.group, bcc.group),
    subject.group,
    body.group,
    attachments.group,
    h('h3', { class: 'nhsuk-heading-s', id: 'try-results-heading' }, M.tryDraft.resultsHeading),
    summary,
    findings,
    notes,
  );

  const run = () => {
    const form = Object.fromEntries(Object.entries(controls).map(([name, c]) => [name, c.control.value])) as unknown as TryDraftForm;
    const { policy, hasProblems } = source.policy();
    const known = source.knownAddresses();
    const result = tryDraft(form, policy, known);
    if (!result.checked) summary.textContent = M.tryDraft.nothingYet;
    else if (result.findings.length === 0) summary.textContent = M.tryDraft.allClear;
    else summary.textContent = M.tryDraft.summary(result.findings.length, result.stops);
    fill(
      findings,
      result.findings.map((finding) =>
        h('li', { class: 'ss-finding' },
          h('strong', { class: `nhsuk-tag ${SEVERITY_TAG[finding.severity] ?? ''}` }, M.findingSeverity[finding.severity]),
          ' ',
          h('span', { class: 'ss-finding__rule' }, M.ruleNames[finding.ruleId as keyof typeof M.ruleNames] ?? finding.ruleId, hidden(':')),
          h('p', { class: 'ss-finding__message' }, finding.message),
          finding.fixes.length > 0
            ? h('p', { class: 'nhsuk-body-s ss-finding__fixes' }, `${M.tryDraft.offers} `, finding.fixes.join('; '))
            : null,
        ),
      ),
    );
    findings.hidden = result.findings.length === 0;
    const noteText = [hasProblems ? M.tryDraft.draftProblems : '', known.length > 0 ? M.tryDraft.usesHistory(known.length) : '']
      .filter(Boolean)
      .join(' ');
    notes.textContent = noteText;
    notes.hidden = noteText === '';
  };
  const later = debounce(run, TRY_DELAY_MS);
  signal.addEventListener('abort', () => later.cancel(), { once: true });
  element.addEventListener('input', later, { signal });
  findings.hidden = true;

  return { element, refresh: later, flush: () => { later.cancel(); run(); } };
}
