// The options page's other parts: try a draft (live, under the unsaved policy), the DCB1596
// import, the sent-to history, activity, long lists, and an accessibility check with axe-core.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fireEvent, within } from '@testing-library/dom';
import axe from 'axe-core';
import { loadPolicy, savePolicy } from '../../../src/policy/storage';
import { getHistory, recordSent } from '../../../src/activity/history';
import { recordActivity } from '../../../src/activity/activity';
import { defaultPolicy } from '../../../src/policy/index';
import { LIST_ROWS_SHOWN } from '../../../src/options/controls';
import { chooseFile, commit, mount, NOW, resetBrowser, settle, type, waitFor, type Mounted } from './helpers';

let mounted: Mounted | undefined;
beforeEach(() => resetBrowser());
afterEach(() => mounted?.unmount());

async function open(): Promise<Mounted> {
  mounted = await mount();
  return mounted;
}

const findings = (screen: Mounted['screen']) => screen.getByRole('list', { name: 'What Safe Send would do', hidden: true });

describe('try a draft', () => {
  test('a mistyped nhs.net address shows the finding, its severity and the fix it offers, as you type', async () => {
    const { screen } = await open();
    type(screen.getByRole('textbox', { name: 'To' }), 'jane.smith@nhs.nte');
    await waitFor(() => expect(findings(screen).textContent).toContain('Mistyped domains'));
    const item = within(findings(screen)).getAllByRole('listitem').find((li) => li.textContent!.includes('Mistyped domains'))!;
    expect(item.textContent).toContain('Warn');
    expect(item.textContent).toContain('jane.smith@nhs.nte');
    expect(item.textContent).toContain('Offers: Change nhs.nte to nhs.net');
    expect(document.getElementById('try-summary')!.textContent).toMatch(/Safe Send would stop this email/);
  });

  test('uses the policy being edited, before it is saved', async () => {
    const { screen } = await open();
    type(screen.getByRole('textbox', { name: 'To' }), 'a@nhs.net; b@nhs.net; c@nhs.net');
    await waitFor(() => expect(document.getElementById('try-summary')!.textContent).toBe('Nothing to say: this email would send straight away.'));

    // Lower the large-audience threshold (unsaved): the same draft now has too many people.
    commit(screen.getByRole('textbox', { name: 'Warn when To and Cc have more than this many people' }), '2');
    await waitFor(() => expect(findings(screen).textContent).toContain('This email is going to 3 people in To and Cc, more than 2.'));
    expect(findings(screen).textContent).toContain('Offers: Move 3 recipients to Bcc');

    // Switch the check off (unsaved): the finding goes.
    fireEvent.click(within(screen.getByRole('group', { name: 'Too many people in To and Cc' })).getByRole('radio', { name: 'Off' }));
    await waitFor(() => expect(document.getElementById('try-summary')!.textContent).toBe('Nothing to say: this email would send straight away.'));
    expect((await loadPolicy()).source).toBe('default');
  });

  test('a name without an address is an address Safe Send cannot read', async () => {
    const { screen } = await open();
    type(screen.getByRole('textbox', { name: 'Cc' }), 'Jane Smith');
    await waitFor(() => expect(findings(screen).textContent).toContain('Addresses Safe Send cannot read'));
  });

  test('addresses in the sent-to history are used to spot look-alikes', async () => {
    await recordSent(['jane.smith@nhs.net'], defaultPolicy, NOW);
    const { screen } = await open();
    await settle(50);
    type(screen.getByRole('textbox', { name: 'To' }), 'jane.smith@gmail.com');
    await waitFor(() => expect(findings(screen).textContent).toContain('Look-alike addresses'));
  });
});

describe('importing the DCB1596 list', () => {
  test('adds the accredited domains to the secure domains and reports what was left out, by line', async () => {
    const { screen } = await open();
    const bytes = readFileSync('test/unit/options/fixtures/dcb1596-sample.csv');
    chooseFile(screen.getByLabelText('Add NHS England’s list of accredited domains (DCB1596)') as HTMLInputElement, new File([bytes], 'dcb1596.csv', { type: 'text/csv' }));
    const report = await screen.findByRole('heading', { name: 'Accredited domains added' });
    const box = report.parentElement!;
    expect(box.textContent).toContain('Added 9 domains from the “Email Domain Name” column. 1 was already in the list.');
    expect(box.textContent).toContain('1 domain was listed more than once in the file');
    expect(box.textContent).toContain('4 rows were left out:');
    for (const line of [12, 13, 14, 15]) expect(box.textContent).toContain(`Line ${line}`);
    expect(screen.getByRole('list', { name: '10 secure domains' }).textContent).toContain('stmaryshospice.org.uk');
    // Not saved until Save.
    expect((await loadPolicy()).policy.secureDomains).toEqual(['nhs.net']);
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(async () => expect((await loadPolicy()).policy.secureDomains).toHaveLength(10));
  });

  test('a file without a domain column changes nothing and says what is needed', async () => {
    const { screen } = await open();
    chooseFile(screen.getByLabelText(/accredited domains/) as HTMLInputElement, new File(['Organisation,ODS code\nA,B\n'], 'wrong.csv'));
    await waitFor(() => expect(document.getElementById('dcb1596-report')!.textContent).toContain('The file was not used.'));
    expect(screen.getByRole('list', { name: '1 secure domain' })).toBeTruthy();
  });
});

describe('long lists', () => {
  test('5,000 secure domains: a count, a find box, and only the first rows on the page', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => `care-home-${i}.org.uk`);
    await savePolicy({ secureDomains: ['nhs.net', ...many] });
    const { screen } = await open();
    const list = screen.getByRole('list', { name: '5,001 secure domains' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(LIST_ROWS_SHOWN);
    expect(screen.getByText(`Showing the first ${LIST_ROWS_SHOWN} of 5,001. Type in the find box to see others.`)).toBeTruthy();

    type(screen.getByRole('searchbox', { name: 'Find in secure domains' }), 'care-home-4999');
    expect(within(list).getAllByRole('listitem').map((li) => li.firstChild!.textContent)).toEqual(['care-home-4999.org.uk']);
    fireEvent.click(within(list).getByRole('button', { name: 'Remove care-home-4999.org.uk from secure domains' }));
    expect(screen.getByText('5,000 secure domains')).toBeTruthy();
    expect(screen.getByText('Nothing matches “care-home-4999”.')).toBeTruthy();
  });
});

describe('sent-to history', () => {
  test('lists the addresses; one can be removed; all can be cleared after confirming', async () => {
    await recordSent(['jane.smith@nhs.net', 'gp.surgery@nhs.net', 'family@example.org'], defaultPolicy, NOW);
    const { screen } = await open();
    await waitFor(() => expect(screen.getByText('3 addresses in the history.')).toBeTruthy());
    const section = screen.getByRole('region', { name: 'Addresses you have sent to' });
    expect(section.textContent).toContain('addresses only');
    expect(section.textContent).toContain('look-alike');

    fireEvent.click(within(section).getByRole('button', { name: 'Remove family@example.org' }));
    await waitFor(() => expect(within(section).getByText('2 addresses in the history.')).toBeTruthy());
    expect((await getHistory()).map((e) => e.address).sort()).toEqual(['gp.surgery@nhs.net', 'jane.smith@nhs.net']);

    fireEvent.click(within(section).getByRole('button', { name: 'Clear the history' }));
    fireEvent.click(within(section).getByRole('button', { name: 'Cancel' }));
    expect(await getHistory()).toHaveLength(2);
    fireEvent.click(within(section).getByRole('button', { name: 'Clear the history' }));
    fireEvent.click(within(section).getByRole('button', { name: 'Yes, clear the history' }));
    await waitFor(() => expect(within(section).getByText('The sent-to history is cleared.')).toBeTruthy());
    expect(await getHistory()).toEqual([]);
  });
});

describe('activity', () => {
  test('charts the last 90 days with a text alternative and a table, and downloads the CSV', async () => {
    const yesterday = new Date(NOW.getTime() - 86_400_000);
    // Two warnings yesterday (one of them listing two rules: still one warning), one today.
    await recordActivity({ type: 'warning-shown', ruleIds: ['mistyped-domain', 'large-audience'] }, yesterday);
    await recordActivity({ type: 'warning-shown', ruleIds: ['visible-recipients'] }, yesterday);
    await recordActivity({ type: 'warning-shown', ruleIds: ['mistyped-domain'] }, NOW);
    await recordActivity({ type: 'fix-used', kind: 'replace-domain' }, NOW);
    await recordActivity({ type: 'sent', afterWarning: true }, NOW);
    const { screen, downloads } = await open();
    const chart = await screen.findByRole('img', { name: /^Warnings shown: 3 in the last 90 days, most on 14 March 2026 \(2\)\.$/ });
    expect(chart.querySelectorAll('rect')).toHaveLength(2);
    expect(screen.getByRole('img', { name: /^One-click fixes used: 1 in the last 90 days/ })).toBeTruthy();

    const table = screen.getByRole('table', { name: /Activity by day/ });
    const rows = within(table).getAllByRole('row').map((row) => row.textContent);
    expect(rows).toEqual([
      'DateWarnings shownSent after a warningEdited after a warningOne-click fixes used',
      '14 March 20262000',
      '15 March 20261101',
      'Total3101',
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Download activity as CSV' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.fileName).toBe('safe-send-activity-2026-03-15.csv');
    expect(downloads[0]!.text.split('\r\n')).toHaveLength(92); // header, 90 days, final line end
  });
});

describe('accessibility (first check; the e2e suite runs axe in real browsers)', () => {
  test('every id on the page is unique (labels, error links and aria references rely on them)', async () => {
    await recordSent(['jane.smith@nhs.net'], defaultPolicy, NOW);
    await open();
    const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  test('axe-core finds no violations on the page, including with errors and a confirmation showing', async () => {
    await recordSent(['jane.smith@nhs.net'], defaultPolicy, NOW);
    const { screen } = await open();
    commit(screen.getByRole('textbox', { name: 'Warn when To and Cc have more than this many people' }), 'ten');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    type(screen.getByRole('textbox', { name: 'To' }), 'jane.smith@nhs.nte');
    await settle();
    const results = await axe.run(document.body, {
      // Colour contrast needs real layout and rendering; the e2e run checks it in the browsers.
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
