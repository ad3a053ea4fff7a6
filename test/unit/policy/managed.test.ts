// The organisation's policy (storage.managed) wins over the one saved on this PC, and a broken
// one never hands control back to the local policy.
//
// How managed storage is faked: the real storage.managed is read-only (the browser fills it from
// Group Policy, Intune or policies.json), but fakeBrowser's managed area is an ordinary in-memory
// area with set(), whose changes fire storage.onChanged with areaName "managed" as the browser's
// do. Firefox's rejection and a browser without the area are simulated with vi.spyOn and by
// taking the area away for one test.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultPolicy, parsePolicy, type PolicyDocument } from '../../../src/policy/index';
import { readManagedPolicy } from '../../../src/policy/managed';
import { loadPolicy, savePolicy, watchPolicy, type LoadedPolicy } from '../../../src/policy/storage';

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

function parsed(document: PolicyDocument) {
  const result = parsePolicy(document);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.policy;
}

const setManaged = (document: Record<string, unknown>) => fakeBrowser.storage.managed.set(document);
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** A member of staff has switched a check off and allowed gmail.com on this PC. */
const WEAKENED_LOCAL = {
  trustedDomains: ['gmail.com'],
  rules: { 'unsecured-recipient': { severity: 'off' }, 'large-audience': { severity: 'off' } },
} as const;

describe('readManagedPolicy', () => {
  it('reads the top-level keys of the policy document', async () => {
    await setManaged({ secureDomains: ['nhs.net'], rules: { 'large-audience': { threshold: 10 } } });
    expect(await readManagedPolicy()).toEqual({
      kind: 'set',
      document: { secureDomains: ['nhs.net'], rules: { 'large-audience': { threshold: 10 } } },
    });
  });

  it('an empty managed area (Chrome with no policy) is no policy', async () => {
    expect(await readManagedPolicy()).toEqual({ kind: 'none' });
  });

  it("Firefox's rejection when no policy names the extension is no policy, not a fault", async () => {
    // Firefox rejects with a plain object, not an Error (ext-storage.js).
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue({ message: 'Managed storage manifest not found' });
    expect(await readManagedPolicy()).toEqual({ kind: 'none' });
  });

  it('any other failure is reported as unreadable, with the reason', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Policy service unavailable'));
    expect(await readManagedPolicy()).toEqual({ kind: 'unreadable', reason: 'Policy service unavailable' });
  });

  it('a browser without storage.managed (Firefox for Android) has no policy', async () => {
    const storage = fakeBrowser.storage as { managed?: unknown };
    const managed = storage.managed;
    storage.managed = undefined;
    try {
      expect(await readManagedPolicy()).toEqual({ kind: 'none' });
      expect((await loadPolicy()).source).toBe('default');
    } finally {
      storage.managed = managed;
    }
  });
});

describe('the managed policy wins', () => {
  it('over the local policy, entirely', async () => {
    await savePolicy(WEAKENED_LOCAL);
    await setManaged({ secureTag: '[encrypt]' });
    expect(await loadPolicy()).toEqual({ policy: parsed({ secureTag: '[encrypt]' }), source: 'managed', errors: [] });
  });

  it('staff cannot save a local policy while it is set', async () => {
    await setManaged({ secureTag: '[encrypt]' });
    expect(await savePolicy(WEAKENED_LOCAL)).toEqual({
      ok: false,
      errors: [
        'Your organisation sets this policy for every computer, so it cannot be changed here. Ask your IT team to change it.',
      ],
    });
    expect((await fakeBrowser.storage.local.get('policy')).policy).toBeUndefined();
  });

  it('when it is removed, the local policy applies again', async () => {
    await savePolicy({ secureTag: '[local]' });
    await setManaged({ secureTag: '[managed]' });
    expect((await loadPolicy()).policy.secureTag).toBe('[managed]');
    await fakeBrowser.storage.managed.clear();
    expect(await loadPolicy()).toEqual({ policy: parsed({ secureTag: '[local]' }), source: 'local', errors: [] });
  });
});

describe('a broken managed policy', () => {
  it('is reported; its bad settings take their defaults, never the local values', async () => {
    await savePolicy(WEAKENED_LOCAL);
    await setManaged({
      blockedDomains: ['dropbox-mail.com'],
      rules: { 'large-audience': { threshold: 'twenty' }, 'unsecured-recipient': 'off' },
    });
    const loaded = await loadPolicy();
    expect(loaded.source).toBe('managed');
    expect(loaded.errors).toEqual([
      'rules.large-audience.threshold: must be a whole number from 2 to 1000',
      'rules.unsecured-recipient: must be the rule\'s settings in curly brackets, such as {"severity": "warn"}',
    ]);
    expect(loaded.policy.rules['large-audience']).toEqual(defaultPolicy.rules['large-audience']);
    expect(loaded.policy.rules['unsecured-recipient']).toEqual(defaultPolicy.rules['unsecured-recipient']);
    expect(loaded.policy.trustedDomains).toEqual([]);
    expect(loaded.policy.blockedDomains).toEqual(['dropbox-mail.com']);
  });

  it('that is wrong throughout leaves the default policy, not the local one', async () => {
    await savePolicy(WEAKENED_LOCAL);
    await setManaged({ rules: 'strict', secureDomains: 'nhs.net' });
    const loaded = await loadPolicy();
    expect(loaded.policy).toEqual(defaultPolicy);
    expect(loaded.source).toBe('managed');
    expect(loaded.errors).toHaveLength(2);
  });

  it('an unreadable managed area is reported, and the local policy applies', async () => {
    await savePolicy({ secureTag: '[local]' });
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Policy service unavailable'));
    expect(await loadPolicy()).toEqual({
      policy: parsed({ secureTag: '[local]' }),
      source: 'local',
      errors: [
        'Safe Send could not check for a policy set by your organisation (Policy service unavailable); it is using the policy on this computer.',
      ],
    });
  });
});

describe('watchPolicy and managed storage', () => {
  it('calls back when the organisation changes its policy', async () => {
    const seen: LoadedPolicy[] = [];
    const controller = new AbortController();
    watchPolicy((loaded) => seen.push(loaded), controller.signal);
    await setManaged({ secureTag: '[encrypt]' });
    await settle();
    expect(seen).toEqual([{ policy: parsed({ secureTag: '[encrypt]' }), source: 'managed', errors: [] }]);
    controller.abort();
  });

  it('a local change under a managed policy still reports the managed policy', async () => {
    await setManaged({ secureTag: '[managed]' });
    const seen: string[] = [];
    const controller = new AbortController();
    watchPolicy((loaded) => seen.push(`${loaded.source} ${loaded.policy.secureTag}`), controller.signal);
    await fakeBrowser.storage.local.set({ policy: WEAKENED_LOCAL });
    await settle();
    expect(seen).toEqual(['managed [managed]']);
    controller.abort();
  });

  it('stops after abort', async () => {
    const callback = vi.fn();
    const controller = new AbortController();
    watchPolicy(callback, controller.signal);
    controller.abort();
    await setManaged({ secureTag: '[encrypt]' });
    await settle();
    expect(callback).not.toHaveBeenCalled();
  });
});
