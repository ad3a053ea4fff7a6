// The policy saved on this PC: round trip, refusals, a bad stored policy, watching, migrations.
// fakeBrowser (wxt/testing/fake-browser) is an in-memory browser.storage, reset before each test.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultPolicy, parsePolicy, type PolicyDocument } from '../../../src/policy/index';
import {
  createPolicyStore,
  loadPolicy,
  POLICY_STORAGE_VERSION,
  resetPolicy,
  savePolicy,
  watchPolicy,
  type LoadedPolicy,
} from '../../../src/policy/storage';

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** What storage.local holds under the policy key, as another extension page would read it. */
async function storedDocument(): Promise<unknown> {
  return (await fakeBrowser.storage.local.get('policy')).policy;
}

function parsed(document: PolicyDocument) {
  const result = parsePolicy(document);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.policy;
}

/** Lets storage events and the loads they start finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('loadPolicy and savePolicy', () => {
  it('with nothing saved, the default policy applies, from the defaults', async () => {
    expect(await loadPolicy()).toEqual({ policy: defaultPolicy, source: 'default', errors: [] });
  });

  it('a saved policy is loaded back, defaults filled in', async () => {
    const document = { secureDomains: ['nhs.net', 'Partner.org.uk'], rules: { 'large-audience': { threshold: 10 } } };
    expect(await savePolicy(document)).toEqual({ ok: true, policy: parsed(document) });
    expect(await loadPolicy()).toEqual({ policy: parsed(document), source: 'local', errors: [] });
  });

  it('stores the document as saved, not the filled-in policy, so later defaults reach it', async () => {
    const document = { secureTag: '[encrypt]' };
    await savePolicy(document);
    expect(await storedDocument()).toEqual({ secureTag: '[encrypt]' });
  });

  it('refuses an invalid policy with its errors and keeps the old one', async () => {
    await savePolicy({ secureTag: '[encrypt]' });
    const result = await savePolicy({ secureTag: '[encrypt]', rules: { 'large-audience': { threshold: 1 } } });
    expect(result).toEqual({ ok: false, errors: ['rules.large-audience.threshold: must be a whole number from 2 to 1000'] });
    expect(await storedDocument()).toEqual({ secureTag: '[encrypt]' });
    expect((await loadPolicy()).policy.secureTag).toBe('[encrypt]');
  });

  it('when the browser refuses to store it, says so and keeps the old one', async () => {
    await savePolicy({ secureTag: '[encrypt]' });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    expect(await savePolicy({ secureTag: '[secure]' })).toEqual({
      ok: false,
      errors: ['Safe Send could not save the policy (QUOTA_BYTES quota exceeded). The policy in use has not changed.'],
    });
    vi.restoreAllMocks();
    expect((await loadPolicy()).policy.secureTag).toBe('[encrypt]');
  });

  it('resetPolicy forgets the saved policy', async () => {
    await savePolicy({ secureTag: '[encrypt]' });
    await resetPolicy();
    expect(await loadPolicy()).toEqual({ policy: defaultPolicy, source: 'default', errors: [] });
  });
});

describe('a bad stored policy never switches the checks off', () => {
  it('a stored value that is not a policy document: the default policy, and why', async () => {
    await fakeBrowser.storage.local.set({ policy: 'all checks off' });
    expect(await loadPolicy()).toEqual({
      policy: defaultPolicy,
      source: 'default',
      errors: ['The saved policy could not be read, so Safe Send is using its standard settings. Save the policy again.'],
    });
  });

  it('a bad setting takes its default; the rest of the saved policy stays', async () => {
    await fakeBrowser.storage.local.set({
      policy: {
        blockedDomains: ['gmail.com'],
        rules: { 'unsecured-recipient': { severity: 'of' }, 'large-audience': { threshold: 10 } },
      },
    });
    const loaded = await loadPolicy();
    expect(loaded.source).toBe('local');
    expect(loaded.errors).toEqual(['rules.unsecured-recipient.severity: must be one of "off", "notice", "warn" or "block"']);
    expect(loaded.policy.rules['unsecured-recipient'].severity).toBe(defaultPolicy.rules['unsecured-recipient'].severity);
    expect(loaded.policy.rules['large-audience'].threshold).toBe(10);
    expect(loaded.policy.blockedDomains).toEqual(['gmail.com']);
  });

  it('when storage cannot be read at all: the default policy, and why', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('IO error: database corrupted'));
    expect(await loadPolicy()).toEqual({
      policy: defaultPolicy,
      source: 'default',
      errors: [
        'Safe Send could not read the policy saved on this computer (IO error: database corrupted), so it is using its standard settings.',
      ],
    });
  });
});

describe('watchPolicy', () => {
  it('calls back with the new policy when the saved policy changes', async () => {
    const seen: LoadedPolicy[] = [];
    const controller = new AbortController();
    watchPolicy((loaded) => seen.push(loaded), controller.signal);
    await savePolicy({ secureTag: '[encrypt]' });
    await settle();
    expect(seen).toEqual([{ policy: parsed({ secureTag: '[encrypt]' }), source: 'local', errors: [] }]);
    controller.abort();
  });

  it('ignores other keys in storage', async () => {
    const callback = vi.fn();
    const controller = new AbortController();
    watchPolicy(callback, controller.signal);
    await fakeBrowser.storage.local.set({ history: ['someone@nhs.net'] });
    await fakeBrowser.storage.sync.set({ policy: { secureTag: '[sync]' } });
    await settle();
    expect(callback).not.toHaveBeenCalled();
    controller.abort();
  });

  it('stops calling back once its signal aborts', async () => {
    const callback = vi.fn();
    const controller = new AbortController();
    watchPolicy(callback, controller.signal);
    await savePolicy({ secureTag: '[one]' });
    await settle();
    expect(callback).toHaveBeenCalledTimes(1);
    controller.abort();
    await savePolicy({ secureTag: '[two]' });
    await settle();
    expect(callback).toHaveBeenCalledTimes(1);
  });

  /**
   * Holds each read of the stored policy after it has read its value, until released: so a test
   * can make an older load finish after a newer one, or after an abort.
   */
  function holdPolicyReads(): Array<() => void> {
    const releases: Array<() => void> = [];
    const read = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (keys) => {
      const values = await read(keys);
      if (keys === 'policy') await new Promise<void>((release) => releases.push(release));
      return values;
    });
    return releases;
  }

  it('an older load that finishes last never replaces a newer policy', async () => {
    const seen: string[] = [];
    const controller = new AbortController();
    watchPolicy((loaded) => seen.push(loaded.policy.secureTag), controller.signal);
    const releases = holdPolicyReads();
    await fakeBrowser.storage.local.set({ policy: { secureTag: '[older]' } });
    await settle();
    await fakeBrowser.storage.local.set({ policy: { secureTag: '[newer]' } });
    await settle();
    expect(releases).toHaveLength(2);
    releases[1]!();
    await settle();
    releases[0]!();
    await settle();
    expect(seen).toEqual(['[newer]']);
    controller.abort();
  });

  it('does not call back for a load that finishes after the abort', async () => {
    const callback = vi.fn();
    const controller = new AbortController();
    watchPolicy(callback, controller.signal);
    const releases = holdPolicyReads();
    await fakeBrowser.storage.local.set({ policy: { secureTag: '[one]' } });
    await settle();
    controller.abort();
    releases.forEach((release) => release());
    await settle();
    expect(releases).toHaveLength(1);
    expect(callback).not.toHaveBeenCalled();
  });

  it('an already-aborted signal never listens', async () => {
    const callback = vi.fn();
    watchPolicy(callback, AbortSignal.abort());
    await savePolicy({ secureTag: '[one]' });
    await settle();
    expect(callback).not.toHaveBeenCalled();
  });
});

describe('migrations of the stored document', () => {
  // A pretend format change, defined here and not in production code: suppose version 1 had
  // stored secureDomains as one comma-separated string, and version 2 stores a list.
  const splitDomainList = (document: unknown) => {
    const old = document as { secureDomains?: string };
    return { ...old, secureDomains: old.secureDomains?.split(',').map((entry) => entry.trim()) };
  };

  it('the current version is 1', () => {
    expect(POLICY_STORAGE_VERSION).toBe(1);
  });

  it('a version 2 store upgrades a version 1 document once and loads it', async () => {
    await fakeBrowser.storage.local.set({ policy: { secureDomains: 'nhs.net, partner.org.uk' }, policy$: { v: 1 } });
    const migrate = vi.fn(splitDomainList);
    const store = createPolicyStore({ version: 2, migrations: { 2: migrate } });
    const loaded = await store.load();
    expect(loaded).toEqual({ policy: parsed({ secureDomains: ['nhs.net', 'partner.org.uk'] }), source: 'local', errors: [] });
    expect(await storedDocument()).toEqual({ secureDomains: ['nhs.net', 'partner.org.uk'] });
    expect((await fakeBrowser.storage.local.get('policy$'))['policy$']).toEqual({ v: 2 });
    await store.load();
    expect(migrate).toHaveBeenCalledTimes(1);
  });

  it('a document saved without a version mark counts as version 1', async () => {
    await fakeBrowser.storage.local.set({ policy: { secureDomains: 'nhs.net, partner.org.uk' } });
    const store = createPolicyStore({ version: 2, migrations: { 2: splitDomainList } });
    expect((await store.load()).policy.secureDomains).toEqual(['nhs.net', 'partner.org.uk']);
  });

  it('a migration that fails is reported, and what can be read is used, checks on', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ policy: { secureDomains: 'nhs.net, partner.org.uk' }, policy$: { v: 1 } });
    const store = createPolicyStore({
      version: 2,
      migrations: {
        2: () => {
          throw new Error('cannot upgrade');
        },
      },
    });
    const loaded = await store.load();
    expect(loaded.errors).toEqual([
      'The saved policy could not be brought up to date for this version of Safe Send; settings it cannot read are ignored.',
      'secureDomains: must be a list in square brackets, such as ["example.org"]',
    ]);
    expect(loaded.policy).toEqual(defaultPolicy);
  });

  it('a document from a newer Safe Send is reported and read as far as possible', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ policy: { secureTag: '[encrypt]', futureSetting: true }, policy$: { v: 3 } });
    const loaded = await createPolicyStore({ version: 2, migrations: {} }).load();
    expect(loaded.source).toBe('local');
    expect(loaded.policy.secureTag).toBe('[encrypt]');
    expect(loaded.errors).toEqual([
      'The saved policy was made by a newer version of Safe Send; settings this version does not know are ignored.',
      'futureSetting: is not a setting Safe Send knows; check the spelling or remove it',
    ]);
  });
});

describe('a slow managed storage (Chromium at start-up)', () => {
  it('the saved policy applies meanwhile, and the organisation’s wins once it answers', async () => {
    await savePolicy({ blockedDomains: ['example.org'] });
    // The first read hangs (the browser is starting); once it answers, reads are quick.
    let answer!: (values: Record<string, unknown>) => void;
    const managedValues = { blockedDomains: ['gmail.com'] };
    vi.spyOn(fakeBrowser.storage.managed, 'get')
      .mockImplementationOnce(() => new Promise((resolve) => (answer = resolve as typeof answer)) as never)
      .mockImplementation(() => Promise.resolve(managedValues) as never);
    const store = createPolicyStore({ version: POLICY_STORAGE_VERSION, migrations: {}, managedWaitMs: 30 });
    const seen: LoadedPolicy[] = [];
    const controller = new AbortController();
    store.watch((loaded) => seen.push(loaded), controller.signal);

    const first = await store.load();
    expect(first.source).toBe('local');
    expect(first.policy.blockedDomains).toEqual(['example.org']);

    answer(managedValues);
    await settle();
    expect(seen.at(-1)?.source).toBe('managed');
    expect(seen.at(-1)?.policy.blockedDomains).toEqual(['gmail.com']);
    controller.abort();
  });

  it('a managed answer within the wait is used straight away', async () => {
    await fakeBrowser.storage.managed.set({ secureTag: '[encrypt]' });
    const loaded = await createPolicyStore({ version: POLICY_STORAGE_VERSION, migrations: {}, managedWaitMs: 1000 }).load();
    expect(loaded).toMatchObject({ source: 'managed', policy: { secureTag: '[encrypt]' } });
  });
});
