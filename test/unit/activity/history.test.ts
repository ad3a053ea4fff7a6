import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  MAX_HISTORY_ENTRIES,
  applyHistoryPolicy,
  clearHistory,
  getHistory,
  knownAddresses,
  recordSent,
  removeFromHistory,
  watchKnownAddresses,
} from '../../../src/activity/history';
import { daysAfter, localDay, policyWith } from './helpers';

const policy = policyWith();
const june10 = localDay(2025, 6, 10);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('sent-to history', () => {
  it('remembers each address, normalised, with the day it was last sent to, most recent first', async () => {
    await recordSent(['Jane.Smith@NHS.net', ' bob@Example.org '], policy, june10);
    await recordSent(['carol@example.org'], policy, daysAfter(june10, 2));
    expect(await getHistory()).toEqual([
      { address: 'carol@example.org', lastSent: '2025-06-12' },
      { address: 'bob@example.org', lastSent: '2025-06-10' },
      { address: 'jane.smith@nhs.net', lastSent: '2025-06-10' },
    ]);
  });

  it('stores punycode domains, the form the rules compare', async () => {
    await recordSent(['anna@bücher.example'], policy, june10);
    expect(await knownAddresses()).toEqual(['anna@xn--bcher-kva.example']);
  });

  it('moves an address sent to again to the front, with the new day', async () => {
    await recordSent(['a@example.org', 'b@example.org'], policy, june10);
    await recordSent(['A@example.org'], policy, daysAfter(june10, 5));
    expect(await getHistory()).toEqual([
      { address: 'a@example.org', lastSent: '2025-06-15' },
      { address: 'b@example.org', lastSent: '2025-06-10' },
    ]);
  });

  it('ignores anything that is not an email address', async () => {
    await recordSent(['Jane Smith', '', '@nhs.net', 'jane@', 'ok@nhs.net'], policy, june10);
    expect(await knownAddresses()).toEqual(['ok@nhs.net']);
  });

  it('stores addresses and days only', async () => {
    await recordSent(['jane@nhs.net'], policy, june10);
    const everything = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(everything).toContain('jane@nhs.net');
    expect(everything).toContain('2025-06-10');
    expect(everything).not.toMatch(/T\d\d:\d\d/); // no times
  });
});

describe('history cap', () => {
  it(`keeps the ${MAX_HISTORY_ENTRIES} most recently sent addresses`, async () => {
    const older = Array.from({ length: MAX_HISTORY_ENTRIES }, (_, i) => `person${i}@example.org`);
    await recordSent(older, policy, june10);
    expect((await getHistory()).length).toBe(MAX_HISTORY_ENTRIES);

    await recordSent(['newcomer@example.org', 'person3@example.org'], policy, daysAfter(june10, 1));
    const known = await knownAddresses();
    expect(known.length).toBe(MAX_HISTORY_ENTRIES);
    expect(known).toContain('newcomer@example.org');
    expect(known).toContain('person3@example.org'); // sent again: now among the most recent
    // The least recently sent go first (person0 was first in the first send, then person1).
    expect(known).not.toContain('person0@example.org');
    expect(known).toContain('person1@example.org');
  });

  it('keeps the last addresses of a single send larger than the cap', async () => {
    const many = Array.from({ length: MAX_HISTORY_ENTRIES + 10 }, (_, i) => `p${i}@example.org`);
    await recordSent(many, policy, june10);
    const known = await knownAddresses();
    expect(known.length).toBe(MAX_HISTORY_ENTRIES);
    expect(known).not.toContain('p9@example.org');
    expect(known).toContain('p10@example.org');
  });

  it(`records a send into a full history with one read and one write`, async () => {
    const full = Array.from({ length: MAX_HISTORY_ENTRIES }, (_, i) => `person${i}@example.org`);
    await recordSent(full, policy, june10);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await recordSent(['one@example.org'], policy, june10);
    expect(set).toHaveBeenCalledTimes(1);
    expect(get).toHaveBeenCalledTimes(1);
  });
});

describe('history retention', () => {
  it('forgets addresses last sent more than retentionDays ago', async () => {
    const keepFor30 = policyWith({ history: { retentionDays: 30 } });
    await recordSent(['old@example.org'], keepFor30, june10);
    await recordSent(['edge@example.org'], keepFor30, daysAfter(june10, 1));
    // 31 days after june10: old@ is 31 days old (gone), edge@ is 30 days old (kept).
    await recordSent(['new@example.org'], keepFor30, daysAfter(june10, 31));
    expect(await knownAddresses()).toEqual(['edge@example.org', 'new@example.org']);
  });

  it('applies a shorter retention to stored history without waiting for a send', async () => {
    await recordSent(['a@example.org'], policy, june10);
    await recordSent(['b@example.org'], policy, daysAfter(june10, 20));
    await applyHistoryPolicy(policyWith({ history: { retentionDays: 7 } }), daysAfter(june10, 21));
    expect(await knownAddresses()).toEqual(['b@example.org']);
  });
});

describe('history switched off', () => {
  const off = policyWith({ history: { enabled: false } });

  it('records nothing', async () => {
    await recordSent(['jane@nhs.net'], off, june10);
    expect(await getHistory()).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).not.toHaveProperty('sentToHistory');
  });

  it('clears what was recorded before, on the next send or when the policy is applied', async () => {
    await recordSent(['jane@nhs.net'], policy, june10);
    await recordSent(['bob@nhs.net'], off, june10);
    expect(await getHistory()).toEqual([]);

    await recordSent(['jane@nhs.net'], policy, june10);
    await applyHistoryPolicy(off, june10);
    expect(await getHistory()).toEqual([]);
  });
});

describe('removing history', () => {
  it('forgets one address, whatever its case', async () => {
    await recordSent(['jane@nhs.net', 'bob@nhs.net'], policy, june10);
    await removeFromHistory('Jane@NHS.net');
    expect(await knownAddresses()).toEqual(['bob@nhs.net']);
  });

  it('forgets every address', async () => {
    await recordSent(['jane@nhs.net', 'bob@nhs.net'], policy, june10);
    await clearHistory();
    expect(await getHistory()).toEqual([]);
  });
});

describe('watching known addresses', () => {
  it('reports every change until the signal aborts', async () => {
    const controller = new AbortController();
    const seen: string[][] = [];
    watchKnownAddresses((addresses) => seen.push(addresses), controller.signal);
    await recordSent(['jane@nhs.net'], policy, june10);
    await removeFromHistory('jane@nhs.net');
    controller.abort();
    await recordSent(['bob@nhs.net'], policy, june10);
    expect(seen).toEqual([['jane@nhs.net'], []]);
  });
});

describe('stored history', () => {
  it('is one storage item, however many addresses it holds', async () => {
    await recordSent(['jane@nhs.net', 'bob@nhs.net', 'carol@example.org'], policy, june10);
    const stored = await fakeBrowser.storage.local.get(null);
    // WXT keeps an item's version under `key$` once it has migrated; until then it is version 1.
    expect(Object.keys(stored).filter((key) => !key.endsWith('$'))).toEqual(['sentToHistory']);
  });

  it('drops damaged entries and keeps the rest', async () => {
    await fakeBrowser.storage.local.set({
      sentToHistory: {
        entries: [['jane@nhs.net', '2025-06-01'], ['not an address', '2025-06-01'], ['bob@nhs.net', 'yesterday'], 7, ['carol@nhs.net', '2025-06-02']],
      },
      sentToHistory$: { v: 1 },
    });
    expect(await getHistory()).toEqual([
      { address: 'carol@nhs.net', lastSent: '2025-06-02' },
      { address: 'jane@nhs.net', lastSent: '2025-06-01' },
    ]);
  });
});
