// The background: the single writer of what Safe Send remembers. Content scripts in every NHSmail
// tab report guard events (protocol.ts); the background checks each message, records it (sent-to
// history, activity counts, last send day), keeps each tab's guard status, and sets the toolbar
// badge. One writer, one message at a time, so two tabs sending at once never overwrite each
// other's counts.
//
// MV3 (Chrome, Edge) runs this in a service worker that Chrome stops after 30 s idle and starts
// again for the next event: every listener is registered synchronously in `startBackground`, and
// nothing needed later lives only in memory (tab status is in storage.session).
import { browser, type Browser } from 'wxt/browser';
import { defaultPolicy } from '../policy/index';
import type { Policy } from '../policy/schema';
import { loadPolicy, watchPolicy } from '../policy/storage';
import { recordActivity } from './activity';
import { badgeFor, showBadge, type BadgeLook } from './badge';
import { dayKey } from './days';
import { guardSender, parseGuardMessage, type CheckedGuardMessage, type GuardSender } from './guard-message';
import { applyHistoryPolicy, knownAddresses, recordSent } from './history';
import type { GuardContext, GuardContextRequest } from './protocol';
import { getLastSend, recordLastSend, watchLastSend } from './last-send';
import { inactivityReminder, type InactivityReminder } from './reminder';
import {
  SESSION_STORAGE_AVAILABLE,
  allTabStatuses,
  forgetAllTabs,
  forgetTab,
  getTabStatus,
  setFrameStatus,
} from './tab-status';

/** Runs tasks one after another, in the order they were queued; a failure doesn't stop the queue. */
function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}

function isGuardContextRequest(message: unknown): message is GuardContextRequest {
  return (message as GuardContextRequest | null)?.type === 'get-guard-context';
}

/** The policy in force (validated now, from storage) and the sent-to history, for a content script. */
async function guardContext(): Promise<GuardContext> {
  const [loaded, addresses] = await Promise.all([loadPolicy(), knownAddresses().catch(() => [])]);
  return { policy: loaded.policy, knownAddresses: loaded.policy.history.enabled ? addresses : [] };
}

/** Log a failure without any message content (only our own wording and the storage error). */
function report(what: string) {
  return (error: unknown) => console.error(`Safe Send: could not ${what}:`, error);
}

/**
 * Start the background's work; every listener stops when `signal` aborts. Listeners are added
 * before this returns (MV3 needs that); the returned promise settles once the stored state has
 * been brought in line with the policy and the badge is set.
 */
export function startBackground(signal: AbortSignal): Promise<void> {
  const queue = serialQueue();
  let policy: Policy = defaultPolicy;
  /** The day the badge's reminder was last worked out for; a new day means new "days left". */
  let badgeDay = '';

  function listen<Args extends unknown[]>(
    event: { addListener(cb: (...args: Args) => void): void; removeListener(cb: (...args: Args) => void): void } | undefined,
    listener: (...args: Args) => void,
  ): void {
    if (!event || signal.aborted) return;
    event.addListener(listener);
    signal.addEventListener('abort', () => event.removeListener(listener), { once: true });
  }

  async function currentReminder(): Promise<InactivityReminder> {
    const now = new Date();
    badgeDay = dayKey(now);
    return inactivityReminder(await getLastSend(), now, policy);
  }

  async function showTabBadge(tabId: number, look: BadgeLook): Promise<void> {
    try {
      await showBadge(tabId, look);
    } catch {
      // The tab closed between its message and now (the browser rejects an unknown tab id).
      await forgetTab(tabId);
    }
  }

  /** Badge for every tab: the reminder as the default, each reporting tab's own status on top. */
  async function refreshBadges(): Promise<void> {
    if (signal.aborted) return;
    const reminder = await currentReminder();
    await showBadge(undefined, badgeFor(undefined, reminder));
    for (const [tabId, status] of await allTabStatuses()) await showTabBadge(tabId, badgeFor(status, reminder));
  }

  async function handle(message: CheckedGuardMessage, from: GuardSender): Promise<void> {
    const now = new Date();
    switch (message.type) {
      case 'guard-status': {
        const status = await setFrameStatus(from.tabId, from.frameId, {
          state: message.state,
          missing: message.missing ?? [],
          blankPage: from.blankPage,
        });
        await showTabBadge(from.tabId, badgeFor(status, await currentReminder()));
        return;
      }
      case 'sent': {
        await recordSent(message.recipients, policy, now);
        await recordActivity({ type: 'sent', afterWarning: message.warned.length > 0 }, now);
        // The last-send watcher below refreshes the badge when the day changes.
        await recordLastSend(now);
        return;
      }
      case 'warning-shown':
        await recordActivity({ type: 'warning-shown', ruleIds: message.ruleIds }, now);
        return;
      case 'edited-after-warning':
        await recordActivity({ type: 'edited-after-warning' }, now);
        return;
      case 'fix-used':
        await recordActivity({ type: 'fix-used', kind: message.kind }, now);
        return;
    }
  }

  // Loaded before any message is handled: the queue runs this first.
  const ready = queue(async () => {
    const loaded = await loadPolicy();
    policy = loaded.policy;
    await applyHistoryPolicy(policy, new Date());
    await refreshBadges();
  });
  ready.catch(report('start'));

  listen(browser.runtime.onMessage, (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (isGuardContextRequest(message)) {
      if (!guardSender(sender)) return undefined;
      return guardContext();
    }
    const from = guardSender(sender);
    const parsed = from && parseGuardMessage(message);
    // Not ours or not well formed: ignored, and no reply claimed (another listener may answer).
    if (!from || !parsed) return undefined;
    return queue(() => handle(parsed, from)).catch(report(`record a "${parsed.type}" message`));
  });

  watchPolicy((loaded) => {
    void queue(async () => {
      policy = loaded.policy;
      await applyHistoryPolicy(policy, new Date()); // switched off → cleared; shorter → pruned
      await refreshBadges(); // the reminder may have been switched off or moved
    }).catch(report('apply a changed policy'));
  }, signal);

  watchLastSend(() => void queue(refreshBadges).catch(report('update the badge')), signal);

  listen(browser.tabs?.onRemoved, (tabId: number) => {
    void queue(() => forgetTab(tabId)).catch(report('forget a closed tab'));
  });

  // Tabs navigate, and the badge must follow:
  // - Chrome clears a tab's badge on EVERY navigation, history.pushState included (seen in
  //   Chromium: set "!", pushState, getBadgeText → ""), and OWA moves between mail and compose
  //   with pushState; Firefox clears it on a full load only. So when a load completes in a tab we
  //   know, its badge is set again from the stored status.
  // - A tab that leaves NHSmail keeps no stale "!": with no "tabs" permission, `tab.url` is only
  //   present for pages on our host permissions (the OWA hosts), so a load with no url is a page
  //   Safe Send doesn't guard. Pop-out compose windows are about:blank documents (no url either)
  //   that report from their own content script, so a tab whose frames reported from about:blank
  //   is kept.
  listen(
    browser.tabs?.onUpdated,
    (tabId: number, changeInfo: Browser.tabs.OnUpdatedInfo, tab: Browser.tabs.Tab) => {
      if (changeInfo.status !== 'loading' && changeInfo.status !== 'complete') return;
      const leaving = changeInfo.status === 'loading' && tab.url === undefined;
      void queue(async () => {
        const status = await getTabStatus(tabId);
        if (!status) return;
        if (leaving && !status.fromBlankPage) {
          await forgetTab(tabId);
          await showTabBadge(tabId, badgeFor(undefined, await currentReminder()));
        } else if (changeInfo.status === 'complete') {
          await showTabBadge(tabId, badgeFor(status, await currentReminder()));
        }
      }).catch(report('update the badge after a page load'));
    },
  );

  // The reminder's "days left" changes at midnight with no event of its own; the next tab switch
  // after that wakes the background, which updates it (no "alarms" permission needed).
  listen(browser.tabs?.onActivated, () => {
    if (dayKey(new Date()) !== badgeDay) void queue(refreshBadges).catch(report('update the badge'));
  });

  // Without storage.session, tab status is in storage.local; tab ids restart with the browser.
  if (!SESSION_STORAGE_AVAILABLE)
    listen(browser.runtime.onStartup, () => void queue(forgetAllTabs).catch(report('clear old tab status')));

  return ready;
}
