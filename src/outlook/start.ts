// Starts the guard in a content script: connects it to the background, which hands it the policy
// (validated there with the one schema) and the sent-to history, and records what happens
// (badge, history, activity). Kept apart from guard.ts so the guard can be tested on fixtures
// without any extension API. Nothing here imports zod or WXT's storage: the content script has a
// 60 kB budget (issue 3).
import { browser } from 'wxt/browser';
import { RULE_IDS } from '../rules/ids';
import type { Policy } from '../policy/schema';
import {
  GUARD_CONTEXT_KEYS,
  type GuardContext,
  type GuardContextRequest,
  type GuardMessage,
} from '../activity/protocol';
import { loadWarningUi } from '../ui/load-warning';
import { startGuard } from './guard';

/**
 * A cheap check that an answer has the policy's shape. The background validated it; this only
 * guards against a half-started or mismatched background (an extension update in progress):
 * anything else keeps the policy the guard already has, never switches checks off.
 */
export function isGuardContext(value: unknown): value is GuardContext {
  const ctx = value as Partial<GuardContext> | null;
  const policy = ctx?.policy as Partial<Policy> | undefined;
  if (!policy || !Array.isArray(ctx?.knownAddresses) || typeof policy.secureTag !== 'string') return false;
  const lists = [policy.organisationDomains, policy.secureDomains, policy.trustedDomains, policy.blockedDomains];
  if (!lists.every(Array.isArray)) return false;
  return RULE_IDS.every((id) => typeof policy.rules?.[id]?.severity === 'string');
}

export function startGuardInPage(win: Window & typeof globalThis, signal: AbortSignal): void {
  const policyListeners: Array<(p: Policy) => void> = [];
  const addressListeners: Array<(a: string[]) => void> = [];

  let pending: ReturnType<typeof setTimeout> | undefined;
  const fetchContext = () => {
    pending = undefined;
    if (signal.aborted) return;
    const request: GuardContextRequest = { type: 'get-guard-context' };
    browser.runtime
      .sendMessage(request)
      .then((answer: unknown) => {
        if (signal.aborted || !isGuardContext(answer)) return;
        for (const cb of policyListeners) cb(answer.policy);
        for (const cb of addressListeners) cb(answer.knownAddresses);
      })
      // The background is starting or the extension is being updated: keep what we have (the
      // built-in defaults at worst) and try again at the next change.
      .catch(() => undefined);
  };
  // Several keys change together (a send updates history and activity): fetch once.
  const refresh = () => {
    if (pending === undefined) pending = setTimeout(fetchContext, 50);
  };

  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'local' && GUARD_CONTEXT_KEYS.some((k) => k in changes))) refresh();
  };
  try {
    browser.storage.onChanged.addListener(onChanged);
    signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
  } catch {
    /* extension context invalidated: the built-in defaults apply */
  }

  startGuard({
    win,
    signal,
    warningUi: loadWarningUi,
    watchPolicy(callback, s) {
      if (!s.aborted) policyListeners.push(callback);
    },
    watchKnownAddresses(callback, s) {
      if (!s.aborted) addressListeners.push(callback);
    },
    report(message: GuardMessage) {
      // The background may be starting up or the extension reloading: losing a count is better
      // than breaking a send, so failures are ignored.
      try {
        void browser.runtime.sendMessage(message).catch(() => undefined);
      } catch {
        /* extension context invalidated */
      }
    },
  });
  fetchContext();
}
