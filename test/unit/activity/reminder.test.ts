import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getLastSend, recordLastSend, watchLastSend } from '../../../src/activity/last-send';
import { inactivityReminder } from '../../../src/activity/reminder';
import { daysAfter, localDay, policyWith } from './helpers';

const policy = policyWith();
const lastSend = '2025-06-10';
const june10 = localDay(2025, 6, 10);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('last send', () => {
  it('is unknown until Safe Send sees a send', async () => {
    expect(await getLastSend()).toBeUndefined();
  });

  it('keeps only the day of the latest send', async () => {
    await recordLastSend(new Date(2025, 5, 10, 9, 41, 7));
    await recordLastSend(new Date(2025, 5, 12, 16, 3, 0));
    expect(await getLastSend()).toBe('2025-06-12');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toMatch(/\d\d:\d\d|16|41/);
  });

  it('tells a watcher about a new day until the signal aborts', async () => {
    const controller = new AbortController();
    const seen: Array<string | undefined> = [];
    watchLastSend((day) => seen.push(day), controller.signal);
    await recordLastSend(june10);
    await recordLastSend(june10); // same day: nothing written, nothing reported
    await recordLastSend(daysAfter(june10, 1));
    controller.abort();
    await recordLastSend(daysAfter(june10, 2));
    expect(seen).toEqual(['2025-06-10', '2025-06-11']);
  });
});

describe('inactivity reminder (NHSmail deactivates after 30 days, default reminder from day 21)', () => {
  const at = (days: number) => inactivityReminder(lastSend, daysAfter(june10, days), policy);

  it.each([
    [0, false, 30],
    [20, false, 10],
    [21, true, 9],
    [29, true, 1],
    [30, true, 0],
    [45, true, 0],
  ])('%i days after the last send: due %s, %i days left', (days, due, daysLeft) => {
    expect(at(days)).toEqual({ due, daysSince: days, daysLeft });
  });

  it('is never due before any send has been seen (fresh install)', () => {
    expect(inactivityReminder(undefined, june10, policy)).toEqual({
      due: false,
      daysSince: undefined,
      daysLeft: undefined,
    });
  });

  it('starts from the policy’s afterDays', () => {
    const early = policyWith({ inactivityReminder: { afterDays: 14 } });
    expect(inactivityReminder(lastSend, daysAfter(june10, 13), early).due).toBe(false);
    expect(inactivityReminder(lastSend, daysAfter(june10, 14), early)).toEqual({ due: true, daysSince: 14, daysLeft: 16 });
  });

  it('is off when the policy switches it off', () => {
    const off = policyWith({ inactivityReminder: { enabled: false } });
    expect(inactivityReminder(lastSend, daysAfter(june10, 29), off).due).toBe(false);
  });

  it('counts calendar days, not 24-hour periods', () => {
    // Sent late on the 10th, checked early on the 31st: 21 calendar days.
    expect(inactivityReminder(lastSend, new Date(2025, 6, 1, 0, 5), policy)).toMatchObject({ due: true, daysSince: 21 });
  });

  it('treats a last send dated in the future (a wrong clock) as today', () => {
    expect(inactivityReminder('2025-07-01', june10, policy)).toEqual({ due: false, daysSince: 0, daysLeft: 30 });
  });
});
