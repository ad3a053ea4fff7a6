// The sent-to history: which addresses this browser has sent to, and the day it last did. It feeds
// `lookalike-address` (product.md: "a near miss of one the user has sent to before"), so a typo of a
// familiar address is caught even when both are at nhs.net.
//
// ADDRESSES ONLY: no names, subjects or anything else from the message (product.md, "Principles").
// The background is the single writer for sends (src/activity/background.ts); the options page
// calls `removeFromHistory` / `clearHistory` when the user asks.
//
// One typed, versioned storage item holds the whole history as an array ordered from least to
// most recently sent, so a send is one read and one write, the 5,000 cap is "drop from the front",
// and ties within a day keep the addresses sent most recently.
import { storage } from 'wxt/utils/storage';
import type { Policy } from '../policy/schema';
import { domainOf, normaliseAddress } from '../rules/lib/domains';
import { addDays, dayKey, isDayKey } from './days';

/** Most addresses the history keeps; the least recently sent go first. */
export const MAX_HISTORY_ENTRIES = 5_000;

/** One address the user has sent to. */
export interface HistoryEntry {
  /** Normalised (`normaliseAddress`): lower-case, punycode domain. */
  address: string;
  /** The local day it was last sent to, `YYYY-MM-DD`. */
  lastSent: string;
}

/** Version 1 of the stored value: `[address, lastSent]` pairs, least recently sent first. */
interface StoredHistoryV1 {
  entries: Array<[address: string, lastSent: string]>;
}

const historyItem = storage.defineItem<StoredHistoryV1>('local:sentToHistory', {
  fallback: { entries: [] },
  // Version 1 is the first shape; a later shape adds `2: (v1) => v2` here so stored history is
  // carried across an update instead of being lost.
  version: 1,
  migrations: {},
});

function isAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  return at > 0 && domainOf(address) !== undefined;
}

/**
 * The stored pairs, repaired rather than rejected (style.md, Dark Reader): a malformed entry —
 * from a damaged profile or a hand-edited store — is dropped, the rest are kept.
 */
function parseEntries(stored: unknown): Map<string, string> {
  const entries = new Map<string, string>();
  const list = (stored as Partial<StoredHistoryV1> | null)?.entries;
  if (!Array.isArray(list)) return entries;
  for (const pair of list) {
    if (!Array.isArray(pair)) continue;
    const [address, lastSent] = pair as unknown[];
    if (typeof address !== 'string' || !isAddress(address) || !isDayKey(lastSent)) continue;
    entries.delete(address);
    entries.set(address, lastSent);
  }
  return entries;
}

async function readEntries(): Promise<Map<string, string>> {
  return parseEntries(await historyItem.getValue());
}

/** Drop what retention and the cap say to forget; returns true when anything was dropped. */
function prune(entries: Map<string, string>, policy: Policy, today: string): boolean {
  // Kept: last sent within the last `retentionDays` days (sent exactly that many days ago is kept).
  const oldestKept = addDays(today, -policy.history.retentionDays);
  let dropped = false;
  for (const [address, lastSent] of entries) {
    if (lastSent < oldestKept) {
      entries.delete(address);
      dropped = true;
    }
  }
  // Map iteration follows insertion order: least recently sent first.
  for (const address of entries.keys()) {
    if (entries.size <= MAX_HISTORY_ENTRIES) break;
    entries.delete(address);
    dropped = true;
  }
  return dropped;
}

async function writeEntries(entries: Map<string, string>): Promise<void> {
  await historyItem.setValue({ entries: Array.from(entries) });
}

/**
 * Remember that these addresses were sent to on `now`'s day. Anything that is not an email
 * address is ignored. With `policy.history.enabled: false` nothing is recorded and any existing
 * history is cleared (the manager has switched the feature off, so what was kept goes too).
 */
export async function recordSent(addresses: readonly string[], policy: Policy, now: Date): Promise<void> {
  if (!policy.history.enabled) {
    await clearHistory();
    return;
  }
  const today = dayKey(now);
  const entries = await readEntries();
  for (const raw of addresses) {
    const address = normaliseAddress(raw);
    if (!isAddress(address)) continue;
    entries.delete(address); // re-inserted at the end: now the most recently sent
    entries.set(address, today);
  }
  prune(entries, policy, today);
  await writeEntries(entries);
}

/**
 * Apply the policy to what is already stored, without recording anything: clear it when history
 * is switched off, forget entries past retention. The background runs this when it starts and when
 * the policy changes, so shortening retention takes effect without waiting for the next send.
 */
export async function applyHistoryPolicy(policy: Policy, now: Date): Promise<void> {
  if (!policy.history.enabled) {
    await clearHistory();
    return;
  }
  const entries = await readEntries();
  if (prune(entries, policy, dayKey(now))) await writeEntries(entries);
}

/** Every remembered address with the day it was last sent to, most recently sent first. */
export async function getHistory(): Promise<HistoryEntry[]> {
  const entries = await readEntries();
  return Array.from(entries, ([address, lastSent]) => ({ address, lastSent })).reverse();
}

/** Forget one address (compared case-insensitively, as everywhere). */
export async function removeFromHistory(address: string): Promise<void> {
  const entries = await readEntries();
  if (entries.delete(normaliseAddress(address))) await writeEntries(entries);
}

/** Forget every address. */
export async function clearHistory(): Promise<void> {
  await historyItem.removeValue();
}

/** The remembered addresses, for the guard's `CheckContext.knownAddresses`. */
export async function knownAddresses(): Promise<string[]> {
  return Array.from((await readEntries()).keys());
}

/**
 * Call `cb` with the remembered addresses whenever the history changes (a send in another tab,
 * an address removed on the options page), until `signal` aborts.
 */
export function watchKnownAddresses(cb: (addresses: string[]) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const unwatch = historyItem.watch((stored) => cb(Array.from(parseEntries(stored).keys())));
  signal.addEventListener('abort', unwatch, { once: true });
}
