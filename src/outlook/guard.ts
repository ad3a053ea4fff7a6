// The in-page guard: wires the interceptor, the reader, the rules and the dialog together for one
// window (the main OWA window, or a pop-out compose window).
//
//   send attempt ─▶ read the draft ─▶ check it ─▶ nothing to say: the send goes on untouched
//                                              └▶ something to say: stop it, show the warning,
//                                                 apply fixes, then re-send or go back to edit
//
// Principles (product.md): silence when all is well; never fail silently — a compose screen that
// can't be read holds the send with a notice and sets the toolbar badge; the user stays in control.
import { checkDraft, needsAttention } from '../rules/index';
import type { Draft, Finding, Fix } from '../rules/types';
import { BUILTIN_POLICY } from '../policy/builtin';
import type { Policy } from '../policy/schema';
import type { GuardMessage } from '../activity/protocol';
import { handleKeydown, isWarningOpen, showWarning } from '../ui/dialog';
import { showNotice } from '../ui/notice';
import { readDraft } from './index';
import { applyFix } from './edit';
import { documentStatus, missingParts, type ComposePart } from './diagnose';
import { interceptSend, type SendAttempt } from './intercept';
import { owaSurface } from './surface';

export interface GuardOptions {
  win: Window & typeof globalThis;
  signal: AbortSignal;
  /** Calls back with the effective policy now and whenever it changes. */
  watchPolicy(callback: (policy: Policy) => void, signal: AbortSignal): void;
  /** Calls back with the sent-to history's addresses now and whenever they change. */
  watchKnownAddresses(callback: (addresses: string[]) => void, signal: AbortSignal): void;
  /** Tells the background (badge, history, activity). Must never throw. */
  report(message: GuardMessage): void;
  /** How long the page must be quiet before the self-check runs again. Default 400 ms. */
  selfCheckDelayMs?: number;
}

/** Shown when the compose form can't be read: a finding like any other, so the same dialog says it. */
export const UNREADABLE_RULE_ID = 'unreadable-compose';

function unreadableFinding(parts: readonly string[]): Finding {
  const what = parts.length > 0 ? parts.join(', ') : 'recipients';
  return {
    ruleId: UNREADABLE_RULE_ID,
    severity: 'warn',
    messageId: 'unreadable',
    data: { parts: what },
    message: `Safe Send can't read this email (${what}), so it has not been checked. Check the recipients and the subject yourself before you send. If this keeps happening, reload the page or tell your IT contact.`,
  };
}

/** A draft's identity for "the user already chose Send anyway for exactly this". Memory only. */
function fingerprint(draft: Draft): string {
  return JSON.stringify([draft.recipients, draft.subject, draft.body, draft.attachments]);
}

function addressesOf(draft: Draft): string[] {
  return draft.recipients.flatMap((r) => (r.address ? [r.address] : []));
}

export function startGuard(options: GuardOptions): void {
  const { win, signal, report } = options;
  const doc = win.document;
  // Until the stored policy arrives (storage is asynchronous; sends are not), the defaults apply:
  // the guard is never off.
  let policy: Policy = BUILTIN_POLICY;
  let knownAddresses: string[] = [];
  options.watchPolicy((p) => (policy = p), signal);
  options.watchKnownAddresses((a) => (knownAddresses = a), signal);

  /** Drafts the user chose to send anyway, so OWA's own follow-up dialogs don't re-trigger ours. */
  const approved = new WeakMap<Element, string>();

  const check = (draft: Draft) => checkDraft(draft, policy, { knownAddresses });

  const arm = (armSignal: AbortSignal) =>
    interceptSend({
      win,
      surface: owaSurface,
      signal: armSignal,
      ownsEvent: () => isWarningOpen(doc),
      onOwnKeydown: (event) => void handleKeydown(event),
      onSend: (attempt) => decide(attempt),
    });
  let armed = new AbortController();
  signal.addEventListener('abort', () => armed.abort(), { once: true });
  let interceptor = arm(AbortSignal.any([signal, armed.signal]));
  // A pop-out written with document.open()/write() loses every listener its window had, and
  // content scripts are not injected again (seen in Chromium and Firefox, test/e2e/harness
  // README). A MutationObserver survives it and sees the new <html> go in: arm again then.
  let element = doc.documentElement;
  const rearm = new win.MutationObserver(() => {
    if (doc.documentElement === element) return;
    element = doc.documentElement;
    armed.abort();
    armed = new AbortController();
    interceptor = arm(AbortSignal.any([signal, armed.signal]));
  });
  rearm.observe(doc, { childList: true });
  signal.addEventListener('abort', () => rearm.disconnect(), { once: true });

  function decide(attempt: SendAttempt): boolean {
    const { root } = attempt;
    let draft: Draft | undefined;
    let missing: ComposePart[] = [];
    try {
      missing = missingParts(root);
      draft = readDraft(root);
    } catch {
      draft = undefined;
    }
    let findings: Finding[];
    if (!draft || missing.length > 0) {
      findings = [unreadableFinding(missing)];
      report({ type: 'guard-status', state: 'unreadable', missing });
    } else {
      if (approved.get(root) === fingerprint(draft)) {
        report({ type: 'sent', recipients: addressesOf(draft), warned: [] });
        return true;
      }
      findings = check(draft);
      if (!needsAttention(findings)) {
        report({ type: 'sent', recipients: addressesOf(draft), warned: [] });
        return true;
      }
    }
    void warn(attempt, findings);
    return false;
  }

  async function warn(attempt: SendAttempt, initial: Finding[]): Promise<void> {
    const { root, kind } = attempt;
    interceptor.hold(root);
    // Rule ids only (the background refuses anything else); "can't read" is reported as status.
    const warned = [...new Set(initial.map((f) => f.ruleId))].filter((id) => id !== UNREADABLE_RULE_ID);
    report({ type: 'warning-shown', ruleIds: warned });
    const life = new AbortController();
    const abortWith = () => life.abort();
    signal.addEventListener('abort', abortWith, { signal: life.signal });
    let choice: 'send' | 'edit';
    try {
      choice = await showWarning({
        doc: root.ownerDocument,
        findings: initial,
        secureTag: policy.secureTag,
        signal: life.signal,
        onFix: async (fix: Fix) => {
          await applyFix(root, fix);
          report({ type: 'fix-used', kind: fix.kind });
          return check(readDraft(root));
        },
      });
    } finally {
      life.abort();
      interceptor.release(root);
    }
    if (choice !== 'send') {
      report({ type: 'edited-after-warning' });
      return;
    }
    let draft: Draft | undefined;
    try {
      draft = readDraft(root);
      approved.set(root, fingerprint(draft));
    } catch {
      draft = undefined;
    }
    if (!interceptor.resend(root, kind)) {
      showNotice(root.ownerDocument, {
        message: 'Safe Send could not press Send for you because the email changed. Press Send again.',
        signal,
      });
      return;
    }
    report({ type: 'sent', recipients: draft ? addressesOf(draft) : [], warned });
  }

  startSelfCheck(options);
}

/**
 * Watches the page for compose screens and reports whether Safe Send can read them. The page
 * mutates constantly (OWA re-renders on every keystroke), so the observer callback only arms a
 * timer; the check itself runs once the page has been quiet for a moment.
 */
function startSelfCheck(options: GuardOptions): void {
  const { win, signal, report } = options;
  const doc = win.document;
  const delay = options.selfCheckDelayMs ?? 400;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  let noticeShownFor = '';

  const run = () => {
    timer = undefined;
    if (signal.aborted) return;
    const status = documentStatus(doc);
    const key = `${status.state}:${status.missing.join(',')}`;
    if (key === last) return;
    last = key;
    report({ type: 'guard-status', state: status.state, missing: status.missing });
    if (status.state === 'unreadable' && noticeShownFor !== key) {
      noticeShownFor = key;
      showNotice(doc, {
        message: `Safe Send can't read this compose screen (${status.missing.join(', ')} not found), so checks may be incomplete. Reload the page. If it keeps happening, tell your IT contact.`,
        signal,
      });
    }
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(run, delay);
  };
  const observer = new win.MutationObserver(schedule);
  // The document node, not <html>: a pop-out written with document.open() gets a new <html>.
  observer.observe(doc, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });
  schedule();
}
