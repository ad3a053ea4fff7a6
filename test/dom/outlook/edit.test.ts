// One-click fixes applied to the fixture's compose form the way a user would, proven by what the
// form shows afterwards and by what OWA's imitation would send.
import { fireEvent } from '@testing-library/dom';
import { describe, expect, test } from 'vitest';
import { applyFix, findRecipientEntry } from '../../../src/outlook/edit';
import { findComposeRoots, findSendButton, readDraft } from '../../../src/outlook/index';
import { installPageBridge } from '../../../src/outlook/page-bridge';
import type { Recipient } from '../../../src/rules/types';
import { loadPage, openPopout, owa, type PageName } from './fixture';

function open(name: PageName, bridge = true) {
  const page = loadPage(name, { bridge });
  const root = findComposeRoots(page.doc)[0]!;
  return { page, root, draft: () => readDraft(root) };
}

/** Sends the form with OWA's own Send, to see what OWA would really send. */
function sendNow(root: Element) {
  (findSendButton(root) as HTMLElement).click();
  return owa().__owaSent.at(-1)!;
}

const to = (address: string, name?: string): Recipient => (name ? { field: 'to', name, address } : { field: 'to', address });

describe('move-to-bcc', () => {
  test('opens Bcc (OWA adds it later), types the addresses there, removes them from To', async () => {
    const { root, draft } = open('new-message');
    expect(root.querySelector('[aria-label="Bcc"]')).toBeNull();
    const moving = [to('d.khan@oakfieldsurgery.co.uk'), to('lucy.green@nhs.net', 'Lucy Green'), to('bob@example.org')];
    await applyFix(root, { kind: 'move-to-bcc', recipients: moving });
    const after = draft().recipients;
    expect(after.filter((r) => r.field === 'bcc').map((r) => r.address)).toEqual([
      'd.khan@oakfieldsurgery.co.uk',
      'lucy.green@nhs.net',
      'bob@example.org',
    ]);
    const stillTo = after.filter((r) => r.field === 'to').map((r) => r.address);
    expect(stillTo).not.toContain('d.khan@oakfieldsurgery.co.uk');
    expect(stillTo).not.toContain('lucy.green@nhs.net');
    expect(stillTo).toHaveLength(5);
    // Typed entries were committed as pills, as OWA does with `;`.
    expect(root.querySelectorAll('[aria-label="Bcc"] > .owaPill')).toHaveLength(3);
    const sent = sendNow(root);
    expect(sent.bcc).toEqual(['d.khan@oakfieldsurgery.co.uk', 'lucy.green@nhs.net', 'bob@example.org']);
    expect(sent.to).not.toContain('bob@example.org');
  });

  test('a directory contact known through the bridge moves by its address; OWA shows its name again', async () => {
    const { root, draft } = open('new-message');
    await applyFix(root, { kind: 'move-to-bcc', recipients: [to('jane.smith@nhs.net', 'Jane Smith (LEEDS TEACHING HOSPITALS NHS TRUST)')] });
    expect(draft().recipients.filter((r) => r.field === 'bcc')).toEqual([
      { field: 'bcc', name: 'Jane Smith (LEEDS TEACHING HOSPITALS NHS TRUST)', address: 'jane.smith@nhs.net' },
    ]);
    expect(sendNow(root)).toMatchObject({ bcc: ['jane.smith@nhs.net'] });
  });

  test('a recipient without a readable address is not moved, and nothing changes', async () => {
    const { page, root, draft } = open('new-message');
    await page.ready(); // FindPeople has shown two Chris Taylors: his address is not known for sure
    const before = draft();
    await expect(
      applyFix(root, { kind: 'move-to-bcc', recipients: [to('bob@example.org'), { field: 'to', name: 'Chris Taylor' }] }),
    ).rejects.toThrow(/could not read the address of Chris Taylor/);
    expect(draft()).toEqual(before);
    expect(root.querySelector('[aria-label="Bcc"]')).toBeNull();
  });

  test('older era: Bcc well with role=combobox, pills removed by their title-only buttons', async () => {
    const { root, draft } = open('older-era');
    await applyFix(root, { kind: 'move-to-bcc', recipients: [{ field: 'cc', name: 'Lucy Green', address: 'lucy.green@nhs.net' }] });
    expect(draft().recipients.map((r) => [r.field, r.address])).toEqual([
      ['to', 'jane.smith@nhs.net'],
      ['to', 'priya.patel@oakwoodcare.org.uk'],
      ['bcc', 'lucy.green@nhs.net'],
    ]);
  });
});

describe('add-secure-tag', () => {
  test('puts the tag and a space at the start of the subject, and OWA\'s state has it', async () => {
    const { root, draft } = open('new-message');
    await applyFix(root, { kind: 'add-secure-tag', tag: '[secure]' });
    expect(draft().subject).toBe('[secure] Discharge plan for Mr Brown – Friday');
    // A later re-render (any input) writes OWA's state back: the tag must survive it.
    fireEvent.input(root.querySelector('[aria-label="Message body"]')!);
    expect(draft().subject).toBe('[secure] Discharge plan for Mr Brown – Friday');
    expect(sendNow(root).subject).toBe('[secure] Discharge plan for Mr Brown – Friday');
  });

  test('the fixture is React-controlled: a plain value assignment would be undone (why the native setter)', () => {
    const { root, draft } = open('new-message');
    const subject = root.querySelector('input[aria-label="Subject"]') as HTMLInputElement;
    subject.value = '[secure] typed by script';
    fireEvent.input(subject);
    fireEvent.input(root.querySelector('[aria-label="Message body"]')!);
    expect(draft().subject).toBe('Discharge plan for Mr Brown – Friday');
  });

  test('a subject that already has the tag is left alone', async () => {
    const { root, draft } = open('older-era');
    const subject = root.querySelector('input') as HTMLInputElement;
    await applyFix(root, { kind: 'add-secure-tag', tag: '[SECURE]' });
    expect(draft().subject).toBe('[SECURE] Care review 12/03');
    await applyFix(root, { kind: 'add-secure-tag', tag: '[secure]' });
    expect(subject.value).toBe('[SECURE] Care review 12/03');
  });

  test('an empty subject becomes just the tag', async () => {
    const { root, draft } = open('demo');
    const subject = root.querySelector('input[aria-label="Subject"]') as HTMLInputElement;
    // The user clears the subject (typing goes through the native setter, as here).
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(subject, '');
    fireEvent.input(subject);
    expect(draft().subject).toBe('');
    await applyFix(root, { kind: 'add-secure-tag', tag: '[secure]' });
    expect(draft().subject).toBe('[secure]');
  });
});

describe('replace-domain and replace-address', () => {
  test('a typed pill: the corrected address is typed, the wrong pill removed', async () => {
    const { root, draft } = open('new-message');
    await applyFix(root, { kind: 'replace-domain', recipient: to('d.khan@oakfieldsurgery.co.uk'), to: 'nhs.net' });
    const addresses = draft().recipients.map((r) => r.address);
    expect(addresses).toContain('d.khan@nhs.net');
    expect(addresses).not.toContain('d.khan@oakfieldsurgery.co.uk');
    expect(sendNow(root).to).toContain('d.khan@nhs.net');
  });

  test('typed text not yet a pill is corrected where it is', async () => {
    const { root, draft } = open('new-message');
    await applyFix(root, { kind: 'replace-domain', recipient: to('bob@example.org'), to: 'example.net' });
    const to_ = draft().recipients.filter((r) => r.field === 'to').map((r) => r.address);
    expect(to_).toContain('bob@example.net');
    expect(to_).not.toContain('bob@example.org');
  });

  test('demo sample 0: nhs.nte becomes nhs.net', async () => {
    const { root, draft } = open('demo');
    expect(draft().recipients).toEqual([{ field: 'to', address: 'ward12.discharge@nhs.nte' }]);
    await applyFix(root, { kind: 'replace-domain', recipient: to('ward12.discharge@nhs.nte'), to: 'nhs.net' });
    expect(draft().recipients).toEqual([{ field: 'to', address: 'ward12.discharge@nhs.net' }]);
  });

  test('replace-address keeps the field: a Cc recipient stays in Cc', async () => {
    const { root, draft } = open('older-era');
    await applyFix(root, {
      kind: 'replace-address',
      recipient: { field: 'cc', name: 'Lucy Green', address: 'lucy.green@nhs.net' },
      to: 'lucy.green2@nhs.net',
    });
    expect(draft().recipients.filter((r) => r.field === 'cc')).toEqual([{ field: 'cc', address: 'lucy.green2@nhs.net' }]);
  });
});

describe('remove-recipient', () => {
  test('a pill, with its own remove button', async () => {
    const { root, draft } = open('new-message');
    await applyFix(root, { kind: 'remove-recipient', recipient: { field: 'to', name: 'Chris Taylor' } });
    expect(draft().recipients.map((r) => r.name)).not.toContain('Chris Taylor');
    expect(draft().recipients).toHaveLength(7);
  });

  test('typed text, taken out of the well', async () => {
    const { root, draft } = open('new-message');
    await applyFix(root, { kind: 'remove-recipient', recipient: to('bob@example.org') });
    expect(draft().recipients.map((r) => r.address)).not.toContain('bob@example.org');
    expect(sendNow(root).to).not.toContain('bob@example.org');
  });

  test('a recipient no longer on the email: a clear reason, no change', async () => {
    const { root, draft } = open('new-message');
    const before = draft();
    await expect(applyFix(root, { kind: 'remove-recipient', recipient: to('nobody@example.com') })).rejects.toThrow(
      'nobody@example.com is no longer on this email.',
    );
    expect(draft()).toEqual(before);
  });

  test('a pop-out: edits happen in the popup document', async () => {
    const page = loadPage('popout', { bridge: true });
    const popupDoc = await openPopout();
    installPageBridge(owa().__owaPopup!, page.signal);
    const root = findComposeRoots(popupDoc)[0]!;
    await applyFix(root, { kind: 'remove-recipient', recipient: to('jane.smith@nhs.net', 'Jane Smith') });
    expect(readDraft(root).recipients.map((r) => r.name)).toEqual(['Priya Patel']);
    expect(findRecipientEntry(root, to('jane.smith@nhs.net'))).toBeUndefined();
  });
});

describe('when OWA does not react', () => {
  test('a remove button that does nothing: rejects after the timeout with what to do', async () => {
    const { root } = open('new-message');
    root.querySelector('.owaPill .owaPillRemove')!.addEventListener('click', (e) => e.stopPropagation());
    await expect(
      applyFix(root, { kind: 'remove-recipient', recipient: to('jane.smith@nhs.net') }, { timeoutMs: 50 }),
    ).rejects.toThrow(/is still on the email\. Remove them yourself/);
  });

  test('no Bcc toggle: rejects before changing anything', async () => {
    const { root, draft } = open('new-message');
    for (const b of root.querySelectorAll('.owaToggle')) b.remove();
    const before = draft();
    await expect(applyFix(root, { kind: 'move-to-bcc', recipients: [to('bob@example.org')] })).rejects.toThrow(/Bcc button/);
    expect(draft()).toEqual(before);
  });
});
