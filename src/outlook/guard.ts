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
import { t } from '../i18n/index';
import { composePartLabel } from '../i18n/compose-parts';
import { findingMessage } from '../i18n/finding';
import { showNotice } from '../ui/notice';
import type { WarningUi } from '../ui/warning';
import { readDraft } from './index';
import { documentStatus, missingParts, type ComposePart } from './diagnose';
import { interceptSend, isSendShortcut, type SendAttempt } from './intercept';
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
  /**
   * The warning dialog and the fixes (src/ui/warning.ts): the module itself, or a loader that
   * resolves with it and rejects when it cannot be loaded. The content script passes a loader:
   * they are a separate chunk, loaded the first time something must be shown (issue 3).
   */
  warningUi: WarningUi | (() => Promise<WarningUi>);
  /** How long the page must be quiet before the self-check runs again. Default 400 ms. */
  selfCheckDelayMs?: number;
}

/** Shown when the compose form can't be read: a finding like any other, so the same dialog says it. */
export const UNREADABLE_RULE_ID = 'unreadable-compose';

/** The parts of a compose screen, named in the browser's language: "To field, subject". */
const partsList = (parts: readonly string[]) => parts.map(composePartLabel).join(', ');

function unreadableFinding(parts: readonly string[]): Finding {
  const what = parts.length > 0 ? partsList(parts) : t('guard.unreadableNothingNamed');
  return {
    ruleId: UNREADABLE_RULE_ID,
    severity: 'warn',
    messageId: 'unreadable',
    data: { parts: what },
    // Worded here, in the browser's language: this finding is the guard's, not a rule's.
    message: t('guard.unreadableEmail', { parts: what }),
  };
}

/** A draft's identity for "the user already chose Send anyway for exactly this". Memory only. */
function fingerprint(draft: Draft): string {
  return JSON.stringify([draft.recipients, draft.subject, draft.body, draft.attachments]);
}

/** The same for a compose form that could not be read: what was missing. */
const unreadableKey = (missing: readonly string[]) => `unreadable:${missing.join()}`;

/**
 * Said in the page's notice when the warning UI could not be loaded. The send stays stopped:
 * the user reads what is wrong here, and pressing Send again for the same email sends it
 * (unless the policy blocks it), just as "Send anyway" would.
 */
function fallbackMessage(findings: readonly Finding[], canSend: boolean): string {
  const said = findings.map(findingMessage).join(' ');
  return canSend ? t('guard.warningFailedCanSend', { findings: said }) : t('guard.warningFailedBlocked', { findings: said });
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
  /** Fallback notices ("could not open its warning"), removed once that compose is sent. */
  const fallbackNotices = new WeakMap<Element, () => void>();
  const loadUi = typeof options.warningUi === 'function' ? options.warningUi : undefined;
  /** Set once the warning UI is loaded; from then on it opens in the same task as the send. */
  let ui = loadUi ? undefined : (options.warningUi as WarningUi);
  const load = () =>
    loadUi!().then(
      (loaded) => (ui = loaded),
      () => undefined,
    );

  const check = (draft: Draft) => checkDraft(draft, policy, { knownAddresses });

  const arm = (armSignal: AbortSignal) =>
    interceptSend({
      win,
      surface: owaSurface,
      signal: armSignal,
      ownsEvent: () => !!ui?.isWarningOpen(doc),
      onOwnKeydown: (event) => {
        // A send shortcut while the warning is open must not press the focused dialog button
        // (Firefox activates a focused button on Ctrl+Enter): the user decides with the buttons.
        if (isSendShortcut(event)) event.preventDefault();
        void ui?.handleKeydown(event);
      },
      onSend: (attempt) => decide(attempt),
    });
  // Each arming listens until the guard stops or the page is re-written (AbortSignal.any).
  let armed = new AbortController();
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
    const readable = draft && missing.length === 0;
    const key = readable ? fingerprint(draft!) : unreadableKey(missing);
    const allow = () => {
      fallbackNotices.get(root)?.();
      fallbackNotices.delete(root);
      report({ type: 'sent', recipients: draft ? addressesOf(draft) : [], warned: [] });
      return true;
    };
    if (approved.get(root) === key) return allow();
    let findings: Finding[];
    if (!readable) {
      findings = [unreadableFinding(missing)];
      report({ type: 'guard-status', state: 'unreadable', missing });
    } else {
      findings = check(draft!);
      if (!needsAttention(findings)) return allow();
    }
    void warn(attempt, findings, key);
    return false;
  }

  async function warn(attempt: SendAttempt, initial: Finding[], key: string): Promise<void> {
    const { root, kind } = attempt;
    interceptor.hold(root);
    let warned: string[] = [];
    /** Counts the warning by the rules it shows (rule ids only: the background refuses anything
     *  else; "can't read" is reported as status). */
    const reportShown = (shown: readonly Finding[]) => {
      warned = [...new Set(shown.map((f) => f.ruleId))].filter((id) => id !== UNREADABLE_RULE_ID);
      report({ type: 'warning-shown', ruleIds: warned });
    };
    const life = new AbortController();
    const abortWith = () => life.abort();
    signal.addEventListener('abort', abortWith, { signal: life.signal });
    let choice: 'send' | 'edit';
    try {
      const loaded = ui ?? (await load());
      reportShown(loaded ? loaded.foldFollowOns(initial) : initial);
      if (!loaded) {
        // Never fail silently, never send unseen: the send stays stopped and the notice (built
        // into the content script) says what is wrong and how to send anyway.
        if (life.signal.aborted) return;
        const canSend = !initial.some((f) => f.severity === 'block');
        if (canSend) approved.set(root, key);
        fallbackNotices.set(
          root,
          showNotice(root.ownerDocument, { message: fallbackMessage(initial, canSend), signal }),
        );
        return;
      }
      choice = await loaded.showWarning({
        doc: root.ownerDocument,
        findings: initial,
        secureTag: policy.secureTag,
        signal: life.signal,
        onFix: async (fix: Fix) => {
          await loaded.applyFix(root, fix);
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
        message: t('guard.resendFailed'),
        signal,
      });
      return;
    }
    report({ type: 'sent', recipients: draft ? addressesOf(draft) : [], warned });
  }

  // Load the warning UI once a compose screen is open, while the user writes, so the first
  // warning opens as fast as it did when the UI was part of content.js (measured in
  // test/e2e/warning-chunk.test.ts). Frames and sessions with no compose screen never load it.
  let warmed = !loadUi;
  startSelfCheck(options, () => {
    if (!warmed) void load();
    warmed = true;
  });
}

/**
 * Watches the page for compose screens and reports whether Safe Send can read them: at most once
 * every `selfCheckDelayMs` while the page changes, never on every mutation.
 */
function startSelfCheck(options: GuardOptions, onCompose: () => void): void {
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
    if (status.state !== 'idle') onCompose();
    const key = `${status.state}:${status.missing.join(',')}`;
    if (key === last) return;
    last = key;
    report({ type: 'guard-status', state: status.state, missing: status.missing });
    if (status.state === 'unreadable' && noticeShownFor !== key) {
      noticeShownFor = key;
      showNotice(doc, {
        message: t('guard.unreadableScreen', { parts: partsList(status.missing) }),
        signal,
      });
    }
  };
  // The document node, not <html>: a pop-out written with document.open() gets a new <html>.
  const observe = () => observer.observe(doc, { childList: true, subtree: true });
  // OWA mutates the page constantly, and a subtree observer makes the browser build a record for
  // every mutation it sees. So the observer only notices that something changed, then lets go
  // until the check has run: at most one record per `delay`, whatever the page does (measured:
  // 10,000 mutations cost the page about 33% more with a permanent observer, 4% with this).
  const schedule = () => {
    observer.disconnect();
    if (timer === undefined) timer = setTimeout(() => {
      run();
      if (!signal.aborted) observe();
    }, delay);
  };
  const observer = new win.MutationObserver(schedule);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });
  schedule();
}
