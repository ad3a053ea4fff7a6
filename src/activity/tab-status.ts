// Each tab's guard status, kept for the toolbar badge and the popup. The background writes it
// (from `guard-status` messages); the popup reads it.
//
// Stored in `storage.session` so that Chrome stopping the MV3 service worker after 30 s idle
// doesn't lose it, and it never reaches disk. Chrome 102+ and Firefox 115+ have storage.session
// (below both minimum versions we ship for); where it is missing we use `storage.local`, not
// background memory, because the popup is a different page and can't see the background's memory
// (the background clears it when the browser starts: tab ids are only unique within a session).
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { GuardState } from './protocol';

/** One frame's last report. */
export interface FrameReport {
  state: GuardState;
  /** What could not be found on the compose screen (for IT); empty unless `unreadable`. */
  missing: string[];
  /** Reported from an about:blank document: an OWA pop-out compose window. */
  blankPage: boolean;
}

/** What the guard reported for one tab: the worst state of its frames, with what was missing. */
export interface TabStatus {
  state: GuardState;
  /** What could not be found on the compose screen (for IT); empty unless `unreadable`. */
  missing: string[];
  /** Some frame reported from about:blank (an OWA pop-out, whose tab shows no url). */
  fromBlankPage: boolean;
}

/** Stored shape, version 1: per tab id, per frame id, the frame's last report. */
type StoredTabsV1 = Record<string, Record<string, FrameReport>>;

/** True when this browser has storage.session (see the note at the top). */
export const SESSION_STORAGE_AVAILABLE = Boolean(browser.storage?.session);

const tabsItem = storage.defineItem<StoredTabsV1>(
  SESSION_STORAGE_AVAILABLE ? 'session:guardTabs' : 'local:guardTabs',
  { fallback: {}, version: 1, migrations: {} },
);

const SEVERITY: Record<GuardState, number> = { idle: 0, ok: 1, unreadable: 2 };

/**
 * A tab's status from its frames' reports. The content script runs in every frame (pop-outs and
 * iframes), so an idle iframe must not hide an unreadable compose screen in the top frame: the
 * worst state wins, and the `missing` lists of unreadable frames are merged.
 */
function combine(frames: Record<string, FrameReport>): TabStatus | undefined {
  let worst: GuardState | undefined;
  let fromBlankPage = false;
  const missing = new Set<string>();
  for (const report of Object.values(frames)) {
    if (worst === undefined || SEVERITY[report.state] > SEVERITY[worst]) worst = report.state;
    if (report.state === 'unreadable') for (const item of report.missing) missing.add(item);
    fromBlankPage ||= report.blankPage === true;
  }
  return worst && { state: worst, missing: [...missing], fromBlankPage };
}

async function readTabs(): Promise<StoredTabsV1> {
  const stored: unknown = await tabsItem.getValue();
  return stored && typeof stored === 'object' ? (stored as StoredTabsV1) : {};
}

/** Record one frame's report; returns the tab's combined status afterwards. */
export async function setFrameStatus(tabId: number, frameId: number, report: FrameReport): Promise<TabStatus> {
  const tabs = await readTabs();
  const stored: FrameReport = {
    state: report.state,
    missing: report.state === 'unreadable' ? [...report.missing] : [],
    blankPage: report.blankPage,
  };
  const frames = { ...tabs[tabId], [frameId]: stored };
  await tabsItem.setValue({ ...tabs, [tabId]: frames });
  return combine(frames) as TabStatus;
}

/** The tab's combined status, or undefined when no guard in it has reported. */
export async function getTabStatus(tabId: number): Promise<TabStatus | undefined> {
  const frames = (await readTabs())[tabId];
  return frames ? combine(frames) : undefined;
}

/** Every tab that has reported, with its combined status. */
export async function allTabStatuses(): Promise<Map<number, TabStatus>> {
  const out = new Map<number, TabStatus>();
  for (const [tabId, frames] of Object.entries(await readTabs())) {
    const status = combine(frames);
    if (status) out.set(Number(tabId), status);
  }
  return out;
}

/** Forget a tab (closed, or navigated away from NHSmail). Returns true if it was known. */
export async function forgetTab(tabId: number): Promise<boolean> {
  const tabs = await readTabs();
  if (!Object.hasOwn(tabs, tabId)) return false;
  const { [tabId]: _gone, ...rest } = tabs;
  await tabsItem.setValue(rest);
  return true;
}

/** Forget every tab. */
export async function forgetAllTabs(): Promise<void> {
  await tabsItem.removeValue();
}
