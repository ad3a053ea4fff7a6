// Where the policy lives: the document a manager saved on this PC (one typed, versioned WXT
// storage item), unless the organisation has set one through managed storage, which wins.
//
// What is stored is the DOCUMENT as the manager saved it, not the policy with defaults filled
// in, so that a better default in a later Safe Send reaches every setting nobody changed.
// Whatever is read back is validated again: a bad stored value falls back to its default, the
// error is reported, and the checks are never switched off by it (style.md, convention 6).
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { defaultPolicy, isPlainObject, parsePolicy, repairPolicy, type PolicyDocument } from './index';
import { MANAGED_WAIT_MS, reasonOf, readManagedPolicy, readManagedPolicyWithin } from './managed';
import type { Policy } from './schema';

/** The storage key (WXT form: area, colon, key). WXT keeps the item's version under `policy$`. */
export const POLICY_STORAGE_KEY = 'local:policy';
const LOCAL_KEY = 'policy';

/** A stored-document migration: takes the document as version N-1 stored it, returns version N's. */
export type PolicyMigration = (document: unknown) => unknown;

/**
 * The stored document's format version. To change the format: bump this, and add
 * `POLICY_MIGRATIONS[newVersion]`, which WXT runs on the stored document when the new version of
 * the extension first defines the item (test/unit/policy/storage.test.ts shows a v2 at work).
 */
export const POLICY_STORAGE_VERSION = 1;
/** Keyed by the version each migration produces. None yet: version 1 is the first format. */
export const POLICY_MIGRATIONS: Record<number, PolicyMigration> = {};

export type PolicySource = 'default' | 'local' | 'managed';

export interface LoadedPolicy {
  /** The policy to check drafts against: always complete, never "checks off" because of a fault. */
  policy: Policy;
  /** Where it came from: the organisation ('managed'), this PC ('local'), or built-in defaults. */
  source: PolicySource;
  /**
   * Problems found on the way, for the options page to show: "path: message" lines for bad
   * settings (which were replaced by their defaults), or a sentence when a store could not be read.
   */
  errors: string[];
}

export type SaveResult = { ok: true; policy: Policy } | { ok: false; errors: string[] };

export interface PolicyStore {
  /** `managedWaitMs`: how long to wait for managed storage before using this PC's policy. */
  load(managedWaitMs?: number): Promise<LoadedPolicy>;
  save(document: unknown): Promise<SaveResult>;
  /** Forgets the saved policy: the defaults (or the organisation's policy) apply. */
  reset(): Promise<void>;
  watch(callback: (loaded: LoadedPolicy) => void, signal: AbortSignal): void;
}

const MANAGED_BLOCKS_SAVE =
  'Your organisation sets this policy for every computer, so it cannot be changed here. Ask your IT team to change it.';

/**
 * The store over one storage item. Production code uses the module-level functions below; a
 * test makes a store with a later `version` and its own `migrations` to prove a format change.
 */
export function createPolicyStore(
  options: { version: number; migrations: Record<number, PolicyMigration>; managedWaitMs?: number } = {
    version: POLICY_STORAGE_VERSION,
    migrations: POLICY_MIGRATIONS,
  },
): PolicyStore {
  const item = storage.defineItem<PolicyDocument | null, { v: number }>(POLICY_STORAGE_KEY, {
    fallback: null,
    version: options.version,
    migrations: options.migrations,
  });

  async function loadLocal(extraErrors: string[]): Promise<LoadedPolicy> {
    let stored: unknown;
    let storedVersion: number;
    try {
      stored = await item.getValue();
      storedVersion = (await item.getMeta()).v ?? 1;
    } catch (error) {
      return {
        policy: defaultPolicy,
        source: 'default',
        errors: [
          ...extraErrors,
          `Safe Send could not read the policy saved on this computer (${reasonOf(error)}), so it is using its standard settings.`,
        ],
      };
    }
    if (stored === null || stored === undefined) return { policy: defaultPolicy, source: 'default', errors: extraErrors };
    const errors = [...extraErrors];
    // WXT logs a failed migration and leaves the old document in place; say so, then read
    // what we can of it.
    if (storedVersion > options.version)
      errors.push('The saved policy was made by a newer version of Safe Send; settings this version does not know are ignored.');
    else if (storedVersion < options.version)
      errors.push('The saved policy could not be brought up to date for this version of Safe Send; settings it cannot read are ignored.');
    if (!isPlainObject(stored)) {
      errors.push('The saved policy could not be read, so Safe Send is using its standard settings. Save the policy again.');
      return { policy: defaultPolicy, source: 'default', errors };
    }
    const repaired = repairPolicy(stored);
    return { policy: repaired.policy, source: 'local', errors: [...errors, ...repaired.errors] };
  }

  /** Watchers to tell when a slow managed read finally answers (see MANAGED_WAIT_MS). */
  const lateManagedListeners = new Set<() => void>();

  async function load(managedWaitMs = options.managedWaitMs ?? MANAGED_WAIT_MS): Promise<LoadedPolicy> {
    const managed = await readManagedPolicyWithin(managedWaitMs);
    if (managed.kind === 'pending') {
      // Managed storage is slow to answer (browser start-up): use this PC's policy now, and let
      // watchers load again once the organisation's answer is in, so it wins from then on.
      void managed.later.then(() => {
        for (const listener of lateManagedListeners) listener();
      });
      return loadLocal([]);
    }
    if (managed.kind === 'set') {
      // The organisation's policy wins outright. When parts of it are wrong, those parts take
      // their defaults — never the local policy's values, which staff could have weakened.
      const repaired = repairPolicy(managed.document);
      return { policy: repaired.policy, source: 'managed', errors: repaired.errors };
    }
    const managedErrors =
      managed.kind === 'unreadable'
        ? [
            `Safe Send could not check for a policy set by your organisation (${managed.reason}); it is using the policy on this computer.`,
          ]
        : [];
    return loadLocal(managedErrors);
  }

  return {
    load,

    async save(document) {
      // Nothing is written unless it will be used and is valid: a refused policy leaves the old
      // one in place, untouched.
      if ((await readManagedPolicy()).kind === 'set') return { ok: false, errors: [MANAGED_BLOCKS_SAVE] };
      const parsed = parsePolicy(document);
      if (!parsed.ok) return parsed;
      try {
        await item.setValue(document as PolicyDocument);
      } catch (error) {
        return {
          ok: false,
          errors: [`Safe Send could not save the policy (${reasonOf(error)}). The policy in use has not changed.`],
        };
      }
      return { ok: true, policy: parsed.policy };
    },

    async reset() {
      await item.removeValue();
    },

    watch(callback, signal) {
      if (signal.aborted) return;
      // Loads are asynchronous: when changes come quickly, only the latest load is reported, so
      // an older policy can never overwrite a newer one.
      let latest = 0;
      const onChanged = (changes: Record<string, unknown>, area: string) => {
        if (area !== 'managed' && !(area === 'local' && Object.hasOwn(changes, LOCAL_KEY))) return;
        const ticket = ++latest;
        void load().then((loaded) => {
          if (!signal.aborted && ticket === latest) callback(loaded);
        });
      };
      const onLateManaged = () => onChanged({}, 'managed');
      browser.storage.onChanged.addListener(onChanged);
      lateManagedListeners.add(onLateManaged);
      signal.addEventListener(
        'abort',
        () => {
          browser.storage.onChanged.removeListener(onChanged);
          lateManagedListeners.delete(onLateManaged);
        },
        { once: true },
      );
    },
  };
}

const store = createPolicyStore();

/** The policy in force: the organisation's if set, else this PC's, else the defaults. */
export const loadPolicy = (options: { managedWaitMs?: number } = {}): Promise<LoadedPolicy> =>
  store.load(options.managedWaitMs);
/**
 * How long the options page waits for managed storage. Unlike a send, nothing is waiting on the
 * page, and showing this PC's policy as editable for a moment, then switching to the
 * organisation's read-only one, would mislead a manager. Later answers still arrive by watching.
 */
export const OPTIONS_MANAGED_WAIT_MS = 15_000;
/** Validates `document` and saves it; refuses (keeping the old one) with the errors. */
export const savePolicy = (document: unknown): Promise<SaveResult> => store.save(document);
/** Forgets the policy saved on this PC. */
export const resetPolicy = (): Promise<void> => store.reset();
/** Calls back with the policy in force whenever the local or managed policy changes, until `signal` aborts. */
export const watchPolicy = (callback: (loaded: LoadedPolicy) => void, signal: AbortSignal): void =>
  store.watch(callback, signal);
