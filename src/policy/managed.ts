// The policy an organisation pushes to every browser, which staff cannot change:
//   Chrome and Edge: storage.managed, set by Group Policy / Intune under the extension's id and
//     checked by the browser against assets/public/managed_schema.json;
//   Firefox: policies.json → "3rdparty" → "Extensions" → the extension's id, also read through
//     storage.managed (Firefox does not check it against a schema: our zod schema does).
// Shape: the top-level keys of the policy document itself (organisationDomains, secureDomains,
// rules, …), so an admin writes the same JSON the options page exports.
import { browser } from 'wxt/browser';

export type ManagedPolicy =
  /** No policy is set (or this browser has no managed storage). */
  | { kind: 'none' }
  /** The document the organisation set; not yet validated. */
  | { kind: 'set'; document: Record<string, unknown> }
  /** Managed storage failed in an unexpected way: we cannot tell whether a policy exists. */
  | { kind: 'unreadable'; reason: string };

/**
 * Firefox rejects storage.managed.get() with this message when no policy names the extension
 * (toolkit/components/extensions/parent/ext-storage.js: "Managed storage manifest not found").
 * That is the normal state on a PC without enterprise policy, not a fault.
 */
const NO_MANAGED_POLICY = /managed storage manifest not found/i;

/** A browser API's failure in words: an Error's message, or what it rejected with. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

export async function readManagedPolicy(): Promise<ManagedPolicy> {
  // Absent in Firefox for Android and in some embedded browsers.
  const area = browser.storage?.managed;
  if (!area) return { kind: 'none' };
  let values: unknown;
  try {
    values = await area.get();
  } catch (error) {
    const reason = reasonOf(error);
    return NO_MANAGED_POLICY.test(reason) ? { kind: 'none' } : { kind: 'unreadable', reason };
  }
  if (values === null || typeof values !== 'object' || Array.isArray(values)) return { kind: 'none' };
  // Chrome returns {} when no policy is set for the extension.
  if (Object.keys(values).length === 0) return { kind: 'none' };
  return { kind: 'set', document: values as Record<string, unknown> };
}

/**
 * How long a policy load waits for managed storage before going on without it. Chromium's first
 * storage.managed.get() after the browser starts can take seconds (2.9 s on an idle fresh
 * profile, far longer while tabs open — seen in test/e2e/guard), and until it answers nothing
 * would apply but the built-in defaults: a domain blocked in the policy saved on this PC went
 * unblocked for 4.5 s. So a load goes on with the saved policy, and the managed answer, when it
 * comes, is applied by whoever watches the policy.
 */
export const MANAGED_WAIT_MS = 1000;

export type ManagedRead = ManagedPolicy | { kind: 'pending'; later: Promise<ManagedPolicy> };

/** readManagedPolicy(), or `pending` (with the answer to come) when it takes longer than `ms`. */
export function readManagedPolicyWithin(ms: number): Promise<ManagedRead> {
  const read = readManagedPolicy();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pending = new Promise<ManagedRead>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'pending', later: read }), ms);
  });
  return Promise.race([read.finally(() => clearTimeout(timer)), pending]);
}
