// Starts the guard in a content script: connects it to the extension's storage (policy, sent-to
// history) and to the background (badge, history, activity). Kept apart from guard.ts so the
// guard itself can be tested on fixtures without any extension API.
import { browser } from 'wxt/browser';
import { loadPolicy, watchPolicy } from '../policy/storage';
import { knownAddresses, watchKnownAddresses } from '../activity/history';
import type { GuardMessage } from '../activity/protocol';
import { startGuard } from './guard';

export function startGuardInPage(win: Window & typeof globalThis, signal: AbortSignal): void {
  startGuard({
    win,
    signal,
    watchPolicy(callback, s) {
      void loadPolicy().then((loaded) => !s.aborted && callback(loaded.policy));
      watchPolicy((loaded) => callback(loaded.policy), s);
    },
    watchKnownAddresses(callback, s) {
      void knownAddresses().then((addresses) => !s.aborted && callback(addresses));
      watchKnownAddresses(callback, s);
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
}
