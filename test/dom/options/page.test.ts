// The options page as a care manager uses it: edit, save, undo, reset, import and export the
// policy; managed policies shown read-only. Real policy store over fakeBrowser; everything is
// found by role and accessible name.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fireEvent, within } from '@testing-library/dom';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPolicy, savePolicy } from '../../../src/policy/storage';
import { defaultPolicy, policyToDocument } from '../../../src/policy/index';
import { chooseFile, commit, description, mount, resetBrowser, settle, type, waitFor, type Mounted } from './helpers';

let mounted: Mounted | undefined;

/** Not on the page, or inside something hidden (so no one can see or reach it). */
const hiddenFromUser = (element: Element | null) => element === null || element.closest('[hidden]') !== null;
beforeEach(() => resetBrowser());
afterEach(() => mounted?.unmount());

async function open(): Promise<Mounted> {
  mounted = await mount();
  return mounted;
}

describe('editing a list', () => {
  test('a domain that is not valid is refused, with the reason beside the field; the good ones are added', async () => {
    const { screen } = await open();
    const box = screen.getByRole('textbox', { name: 'Add secure domains' });
    type(box, 'council.gov.uk https://carehome.example.org/login');
    fireEvent.click(screen.getByRole('button', { name: 'Add secure domains' }));

    expect(description(box)).toContain('"https://carehome.example.org/login" is a web address; type only the domain, such as "carehome.example.org"');
    expect((box as HTMLInputElement).value).toBe('https://carehome.example.org/login');
    expect(box.closest('.nhsuk-form-group')!.classList.contains('nhsuk-form-group--error')).toBe(true);
    const list = screen.getByRole('list', { name: '2 secure domains' });
    expect(list.textContent).toContain('council.gov.uk');
    expect(list.textContent).not.toContain('carehome');
  });

  test('Enter in the add box adds, instead of submitting the form; the error clears when fixed', async () => {
    const { screen } = await open();
    const box = screen.getByRole('textbox', { name: 'Add blocked domains or addresses' });
    type(box, 'gmail');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(description(box)).toContain('"gmail" is not a valid domain');
    type(box, 'gmail.com old.manager@example.org');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(description(box)).not.toContain('Error');
    expect(screen.getByRole('list', { name: '2 blocked domains and addresses' })).toBeTruthy();
    expect(screen.getByText('Added 2 to blocked domains and addresses. Save to apply.')).toBeTruthy();
  });

  test('an email address is refused in a domain list, and accepted in the block list', async () => {
    const { screen } = await open();
    const trusted = screen.getByRole('textbox', { name: 'Add trusted domains' });
    type(trusted, 'someone@council.gov.uk');
    fireEvent.click(screen.getByRole('button', { name: 'Add trusted domains' }));
    expect(description(trusted)).toContain('is an email address; type only the part after @ ("council.gov.uk")');
  });

  test('Remove takes an entry off the list (not saved until Save)', async () => {
    const { screen } = await open();
    fireEvent.click(screen.getByRole('button', { name: 'Remove nhs.net from organisation domains' }));
    expect(screen.getByText('No organisation domains yet.')).toBeTruthy();
    expect((await loadPolicy()).policy.organisationDomains).toEqual(['nhs.net']);
  });
});

describe('save, undo and reset', () => {
  test('Save stores the edited policy; a number box takes a whole number', async () => {
    const { screen } = await open();
    commit(screen.getByRole('textbox', { name: 'Warn when To and Cc have more than this many people' }), '40');
    fireEvent.click(within(screen.getByRole('group', { name: 'NHS numbers in the wrong place' })).getByRole('radio', { name: 'Block' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByText('Settings saved. They apply to new emails straight away.')).toBeTruthy());
    const loaded = await loadPolicy();
    expect(loaded.source).toBe('local');
    expect(loaded.policy.rules['large-audience'].threshold).toBe(40);
    expect(loaded.policy.rules['patient-identifier'].severity).toBe('block');
  });

  test('a value the schema refuses: error summary linking to the field, message beside it, nothing saved', async () => {
    const { screen } = await open();
    const threshold = screen.getByRole('textbox', { name: 'Warn when To and Cc have more than this many people' });
    commit(threshold, 'ten');
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('There is a problem');
    const link = screen.getByRole('link', { name: 'The number of people must be a whole number from 2 to 1000' });
    expect(link.getAttribute('href')).toBe(`#${threshold.id}`);
    expect(description(threshold)).toContain('The number of people must be a whole number from 2 to 1000');
    expect((await loadPolicy()).source).toBe('default');

    fireEvent.click(link);
    expect(document.activeElement).toBe(threshold);

    // Putting it right removes the error and lets the save through.
    commit(threshold, '30');
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(async () => expect((await loadPolicy()).policy.rules['large-audience'].threshold).toBe(30));
  });

  test('Undo puts back what was saved', async () => {
    await savePolicy({ secureTag: '[encrypt]' });
    const { screen } = await open();
    const tag = screen.getByRole('textbox', { name: 'Secure tag' }) as HTMLInputElement;
    expect(tag.value).toBe('[encrypt]');
    commit(tag, '[secret]');
    expect(screen.getByText('You have unsaved changes.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo unsaved changes' }));
    expect(tag.value).toBe('[encrypt]');
    expect(screen.getByText('Unsaved changes undone.')).toBeTruthy();
  });

  test('Reset asks first, in the page; Cancel changes nothing, Yes saves the defaults', async () => {
    await savePolicy({ blockedDomains: ['gmail.com'] });
    const { screen } = await open();
    const reset = screen.getByRole('button', { name: 'Reset to defaults' });

    fireEvent.click(reset);
    const question = screen.getByRole('group', { name: 'Reset every setting to the defaults?' });
    expect(document.activeElement?.textContent).toBe('Reset every setting to the defaults?');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(question.isConnected).toBe(false);
    expect(document.activeElement).toBe(reset);
    expect((await loadPolicy()).policy.blockedDomains).toEqual(['gmail.com']);

    fireEvent.click(reset);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, reset to defaults' }));
    await waitFor(() => expect(screen.getByText('No blocked domains and addresses yet.')).toBeTruthy());
    expect(await loadPolicy()).toEqual({ policy: defaultPolicy, source: 'default', errors: [] });
  });

  test('Escape closes the reset question', async () => {
    const { screen } = await open();
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    fireEvent.keyDown(screen.getByRole('group', { name: 'Reset every setting to the defaults?' }), { key: 'Escape' });
    expect(screen.queryByRole('group', { name: 'Reset every setting to the defaults?' })).toBeNull();
  });
});

describe('import and export', () => {
  const file = (text: string, name = 'policy.json') => new File([text], name, { type: 'application/json' });

  test('a bad file lists every error with its path, and changes nothing (saved or being edited)', async () => {
    await savePolicy({ secureDomains: ['nhs.net', 'council.gov.uk'] });
    const { screen } = await open();
    commit(screen.getByRole('textbox', { name: 'Secure tag' }), '[encrypt]');

    chooseFile(
      screen.getByLabelText('Import a policy file') as HTMLInputElement,
      file(JSON.stringify({ secureDomains: ['nhs.net', 'not a domain'], rules: { 'large-audience': { threshold: 1 } }, colour: 'blue' }), 'bad.json'),
    );
    const box = await screen.findByRole('alert');
    expect(box.textContent).toContain('bad.json was not imported');
    const lines = [...box.querySelectorAll('li')].map((li) => li.textContent);
    expect(lines).toHaveLength(3);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^secureDomains\[1\]: "not a domain" has a space/),
        'rules.large-audience.threshold: must be a whole number from 2 to 1000',
        expect.stringMatching(/^colour: is not a setting Safe Send knows/),
      ]),
    );
    expect((await loadPolicy()).policy.secureDomains).toEqual(['nhs.net', 'council.gov.uk']);
    expect((screen.getByRole('textbox', { name: 'Secure tag' }) as HTMLInputElement).value).toBe('[encrypt]');
  });

  test('a file that is not JSON says where it goes wrong', async () => {
    const { screen } = await open();
    chooseFile(screen.getByLabelText('Import a policy file') as HTMLInputElement, file('{"secureTag": "[secure]",}'));
    const box = await screen.findByRole('alert');
    expect(box.textContent).toMatch(/not valid JSON\. Line 1, column \d+/);
    expect((await loadPolicy()).source).toBe('default');
  });

  test('a good file is saved and shown', async () => {
    const { screen } = await open();
    chooseFile(screen.getByLabelText('Import a policy file') as HTMLInputElement, file(JSON.stringify({ trustedDomains: ['council.gov.uk'], secureTag: '[encrypt]' }), 'team.json'));
    await waitFor(() => expect(screen.getAllByText('Imported and saved the policy from team.json.').length).toBeGreaterThan(0));
    expect((await loadPolicy()).policy.trustedDomains).toEqual(['council.gov.uk']);
    expect(screen.getByRole('list', { name: '1 trusted domain' }).textContent).toContain('council.gov.uk');
    expect((screen.getByRole('textbox', { name: 'Secure tag' }) as HTMLInputElement).value).toBe('[encrypt]');
  });

  test('Export downloads the saved document, pretty-printed, not unsaved edits', async () => {
    await savePolicy({ blockedDomains: ['gmail.com'] });
    const { screen, downloads } = await open();
    commit(screen.getByRole('textbox', { name: 'Secure tag' }), '[encrypt]');
    fireEvent.click(screen.getByRole('button', { name: 'Export policy file' }));
    expect(downloads).toHaveLength(1);
    const [download] = downloads;
    expect(download!.fileName).toBe('safe-send-policy.json');
    expect(download!.type).toBe('application/json');
    expect(download!.text).toBe(`${JSON.stringify({ version: 1, blockedDomains: ['gmail.com'] }, null, 2)}\n`);
    expect(JSON.parse(download!.text)).toEqual(policyToDocument((await loadPolicy()).policy));
  });
});

describe('a policy set by the organisation', () => {
  test('is shown read-only, with why, and cannot be saved, imported or reset', async () => {
    await fakeBrowser.storage.managed.set({ secureDomains: ['nhs.net', 'council.gov.uk'], blockedDomains: ['gmail.com'] });
    const { screen } = await open();
    const banner = screen.getByRole('region', { name: 'Important' });
    expect(banner.textContent).toContain('Set by your organisation');
    expect(banner.textContent).toContain('cannot be changed here');
    expect((screen.getByRole('textbox', { name: 'Add secure domains' }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Remove gmail.com from blocked domains and addresses' }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(screen.getByRole('group', { name: 'Too many people in To and Cc' })).getByRole('radio', { name: 'Off' }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('textbox', { name: 'Secure tag' }) as HTMLInputElement).readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save settings' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reset to defaults' })).toBeNull();
    expect(hiddenFromUser(screen.queryByLabelText('Import a policy file'))).toBe(true);
    expect(hiddenFromUser(screen.queryByLabelText(/accredited domains/))).toBe(true);
    // What is in force can still be read and exported.
    expect(screen.getByRole('list', { name: '2 secure domains' }).textContent).toContain('council.gov.uk');
    expect(screen.getByRole('button', { name: 'Export policy file' })).toBeTruthy();
  });

  test('one that fails validation is shown as an error at the top, with each problem', async () => {
    await fakeBrowser.storage.managed.set({ rules: { 'large-audience': { threshold: 'lots' } } });
    const { screen } = await open();
    const problem = screen.getByRole('alert');
    expect(problem.textContent).toContain('Your organisation’s policy has a problem');
    expect(problem.textContent).toContain('rules.large-audience.threshold: must be a whole number from 2 to 1000');
    expect(problem.textContent).toContain('default');
    expect((screen.getByRole('textbox', { name: 'Warn when To and Cc have more than this many people' }) as HTMLInputElement).value).toBe('25');
  });

  test('a policy pushed while the page is open takes over the page', async () => {
    const { screen } = await open();
    expect((screen.getByRole('textbox', { name: 'Add secure domains' }) as HTMLInputElement).disabled).toBe(false);
    await fakeBrowser.storage.managed.set({ trustedDomains: ['council.gov.uk'] });
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Add secure domains' }) as HTMLInputElement).disabled).toBe(true));
    expect(screen.getByRole('list', { name: '1 trusted domain' })).toBeTruthy();
  });
});

describe('every setting of the policy has a control', () => {
  test('each leaf of the default policy (lists count as one) is edited by exactly one control', async () => {
    const { page } = await open();
    const leaves: string[] = [];
    const walk = (value: unknown, path: string[]) => {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
      } else leaves.push(path.join('.'));
    };
    walk(defaultPolicy, []);
    // `version` is the format's version, not a setting anyone chooses.
    expect([...page.controls.keys()].sort()).toEqual(leaves.filter((leaf) => leaf !== 'version').sort());
  });
});

void settle;
