import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ACTIVITY_CSV_COLUMNS,
  ACTIVITY_DAYS,
  activityCsv,
  clearActivity,
  dayTotals,
  getActivity,
  recordActivity,
} from '../../../src/activity/activity';
import { RULE_IDS } from '../../../src/rules/ids';
import { daysAfter, localDay } from './helpers';

const june10 = localDay(2025, 6, 10);

beforeEach(() => {
  fakeBrowser.reset();
});

async function today(now = june10) {
  const days = await getActivity(now);
  return days[days.length - 1]!;
}

describe('activity counts', () => {
  it('counts warnings per rule, sends with and without a warning, edits and fixes', async () => {
    await recordActivity({ type: 'warning-shown', ruleIds: ['unsecured-recipient', 'visible-recipients'] }, june10);
    await recordActivity({ type: 'warning-shown', ruleIds: ['unsecured-recipient'] }, june10);
    await recordActivity({ type: 'fix-used', kind: 'add-secure-tag' }, june10);
    await recordActivity({ type: 'fix-used', kind: 'move-to-bcc' }, june10);
    await recordActivity({ type: 'fix-used', kind: 'move-to-bcc' }, june10);
    await recordActivity({ type: 'edited-after-warning' }, june10);
    await recordActivity({ type: 'sent', afterWarning: true }, june10);
    await recordActivity({ type: 'sent', afterWarning: false }, june10);
    await recordActivity({ type: 'sent', afterWarning: false }, june10);

    const day = await today();
    expect(day.date).toBe('2025-06-10');
    expect(day.warningsShown['unsecured-recipient']).toBe(2);
    expect(day.warningsShown['visible-recipients']).toBe(1);
    expect(day.warningsShown['large-audience']).toBe(0);
    expect(day.fixesUsed).toEqual({
      'add-secure-tag': 1,
      'move-to-bcc': 2,
      'remove-recipient': 0,
      'replace-address': 0,
      'replace-domain': 0,
    });
    expect(day.editedAfterWarning).toBe(1);
    expect(day.sentAfterWarning).toBe(1);
    expect(day.sentWithoutWarning).toBe(2);
    // Two warnings were shown; they listed three rule mentions between them.
    expect(day.warnings).toBe(2);
    expect(dayTotals(day)).toEqual({
      warningsShown: 2,
      sentAfterWarning: 1,
      editedAfterWarning: 1,
      fixesUsed: 3,
      sentWithoutWarning: 2,
    });
  });

  it('counts each day on its own', async () => {
    await recordActivity({ type: 'sent', afterWarning: false }, june10);
    await recordActivity({ type: 'sent', afterWarning: false }, daysAfter(june10, 1));
    await recordActivity({ type: 'sent', afterWarning: false }, daysAfter(june10, 1));
    const days = await getActivity(daysAfter(june10, 1));
    expect(days.at(-2)).toMatchObject({ date: '2025-06-10', sentWithoutWarning: 1 });
    expect(days.at(-1)).toMatchObject({ date: '2025-06-11', sentWithoutWarning: 2 });
  });

  it('ignores rule ids and fix kinds it does not know', async () => {
    await recordActivity({ type: 'warning-shown', ruleIds: ['no-such-rule' as never, 'large-audience'] }, june10);
    await recordActivity({ type: 'fix-used', kind: 'format-disk' as never }, june10);
    const day = await today();
    expect(dayTotals(day)).toMatchObject({ warningsShown: 1, fixesUsed: 0 });
    expect(Object.keys(day.warningsShown)).toEqual([...RULE_IDS]);
  });

  it('forgets everything on request', async () => {
    await recordActivity({ type: 'sent', afterWarning: false }, june10);
    await clearActivity();
    expect(dayTotals(await today())).toMatchObject({ sentWithoutWarning: 0 });
  });
});

describe('the 90-day window', () => {
  it('reports 90 days, oldest first, ending today, with empty days as zeros', async () => {
    await recordActivity({ type: 'sent', afterWarning: false }, june10);
    const days = await getActivity(daysAfter(june10, 3));
    expect(days).toHaveLength(ACTIVITY_DAYS);
    expect(days[0]!.date).toBe('2025-03-16');
    expect(days.at(-1)!.date).toBe('2025-06-13');
    expect(days.map((d) => d.sentWithoutWarning).reduce((a, b) => a + b)).toBe(1);
    expect(days.find((d) => d.date === '2025-06-10')!.sentWithoutWarning).toBe(1);
    expect(days.find((d) => d.date === '2025-06-11')!.sentWithoutWarning).toBe(0);
  });

  it('drops days that fall out of the window when it next writes', async () => {
    await recordActivity({ type: 'sent', afterWarning: false }, june10);
    await recordActivity({ type: 'sent', afterWarning: true }, daysAfter(june10, 89));
    await recordActivity({ type: 'sent', afterWarning: true }, daysAfter(june10, 90));
    const { activityCounts } = await fakeBrowser.storage.local.get('activityCounts');
    expect(Object.keys((activityCounts as { days: object }).days).sort()).toEqual(['2025-09-07', '2025-09-08']);
  });

  it('keeps later days when a count is dated earlier (the clock was put back)', async () => {
    await recordActivity({ type: 'sent', afterWarning: false }, june10);
    await recordActivity({ type: 'sent', afterWarning: false }, daysAfter(june10, -1));
    const days = await getActivity(june10);
    expect(days.slice(-2).map((d) => d.sentWithoutWarning)).toEqual([1, 1]);
  });

  it('still shows day 89 back but not day 90 back', async () => {
    await recordActivity({ type: 'edited-after-warning' }, june10);
    expect((await getActivity(daysAfter(june10, 89)))[0]).toMatchObject({ date: '2025-06-10', editedAfterWarning: 1 });
    expect((await getActivity(daysAfter(june10, 90))).every((d) => d.editedAfterWarning === 0)).toBe(true);
  });

  it('keeps nothing but dates and counts', async () => {
    await recordActivity({ type: 'warning-shown', ruleIds: ['patient-identifier'] }, june10);
    await recordActivity({ type: 'sent', afterWarning: true }, june10);
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(null));
    // Strip the known keys (dates, field names, rule ids): only digits and punctuation are left.
    const rest = stored
      .replace(/"\d{4}-\d{2}-\d{2}"/g, '')
      .replace(/"(activityCounts|days|warningsShown|patient-identifier|sentAfterWarning|warnings)"/g, '');
    expect(rest).toMatch(/^[\d{}:,]*$/);
  });
});

describe('activity CSV', () => {
  it('has a header row and one row per day with ISO dates and plain counts', async () => {
    await recordActivity({ type: 'warning-shown', ruleIds: ['unsecured-recipient'] }, june10);
    await recordActivity({ type: 'fix-used', kind: 'add-secure-tag' }, june10);
    await recordActivity({ type: 'sent', afterWarning: true }, june10);
    const csv = await activityCsv(june10);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = csv.trimEnd().split('\r\n').map((row) => row.split(','));
    expect(rows).toHaveLength(1 + ACTIVITY_DAYS);
    expect(rows[0]).toEqual(ACTIVITY_CSV_COLUMNS);
    expect(rows[0]!.slice(0, 4)).toEqual(['date', 'sent_without_warning', 'sent_after_warning', 'edited_after_warning']);
    expect(rows[0]).toContain('warning_shown:unsecured-recipient');
    expect(rows[0]).toContain('fix_used:add-secure-tag');
    for (const row of rows) expect(row).toHaveLength(rows[0]!.length);

    const last = Object.fromEntries(rows[0]!.map((column, i) => [column, rows.at(-1)![i]]));
    expect(last).toMatchObject({
      date: '2025-06-10',
      sent_after_warning: '1',
      sent_without_warning: '0',
      'warning_shown:unsecured-recipient': '1',
      'fix_used:add-secure-tag': '1',
    });
    expect(rows[1]![0]).toBe('2025-03-13');
  });

  it('has no cell a spreadsheet could read as a formula', async () => {
    await recordActivity({ type: 'warning-shown', ruleIds: ['=HYPERLINK("x")' as never] }, june10);
    const cells = (await activityCsv(june10)).trimEnd().split(/\r\n|,/);
    for (const cell of cells) {
      expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      expect(cell).toMatch(/^(\d+|\d{4}-\d{2}-\d{2}|[a-z_]+(:[a-z-]+)?)$/);
    }
  });

  it('reads damaged stored counts as zero', async () => {
    await fakeBrowser.storage.local.set({
      activityCounts: { days: { '2025-06-10': { sentAfterWarning: '=1+1', sentWithoutWarning: -4, editedAfterWarning: 2.5, fixesUsed: { 'move-to-bcc': 3 } } } },
    });
    const day = await today();
    expect(day).toMatchObject({ sentAfterWarning: 0, sentWithoutWarning: 0, editedAfterWarning: 0 });
    expect(day.fixesUsed['move-to-bcc']).toBe(3);
    expect(await activityCsv(june10)).not.toContain('=');
  });
});
