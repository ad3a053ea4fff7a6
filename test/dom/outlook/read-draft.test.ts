// readDraft on every fixture variant, with each resolution layer available or not.
import { describe, expect, test } from 'vitest';
import { findComposeRoots, readDraft, readRecipientsWithElements } from '../../../src/outlook/index';
import { installPageBridge } from '../../../src/outlook/page-bridge';
import { loadPage, openPopout, owa, type PageName } from './fixture';

const SINGLE_FORM_PAGES: PageName[] = ['new-message', 'inline-reply', 'older-era', 'narrow', 'shared-mailbox'];

describe('readDraft on each fixture variant', () => {
  test.each(SINGLE_FORM_PAGES)('%s: the DOM alone gives every shown address, name-only contacts stay unverified', (name) => {
    const page = loadPage(name);
    const [root, ...others] = findComposeRoots(page.doc);
    expect(others).toEqual([]);
    expect(readDraft(root!)).toEqual(page.expected(['dom']));
  });

  test.each(SINGLE_FORM_PAGES)('%s: with the page bridge, React props and OWA traffic give the rest', async (name) => {
    const page = loadPage(name, { bridge: true });
    await page.ready();
    const [root] = findComposeRoots(page.doc);
    expect(readDraft(root!)).toEqual(page.expected(['dom', 'props', 'traffic']));
  });

  test('pop-out: the form the opener wrote into the about:blank window', async () => {
    const page = loadPage('popout');
    expect(findComposeRoots(page.doc)).toEqual([]);
    const popupDoc = await openPopout();
    await page.ready();
    const [root, ...others] = findComposeRoots(popupDoc);
    expect(others).toEqual([]);
    expect(root!.closest('[data-app-section="Form_Content"]')).not.toBeNull();
    expect(readDraft(root!)).toEqual(page.expected(['dom']));
  });

  test('pop-out with bridges in both windows: props set by the opener, traffic seen by the opener', async () => {
    const page = loadPage('popout', { bridge: true });
    const popupDoc = await openPopout();
    // The MAIN-world script runs in the pop-out too (match_about_blank); it forwards name lookups
    // to the opener, whose fetch carried OWA's GetMailTips call.
    installPageBridge(owa().__owaPopup!, page.signal);
    await page.ready();
    const [root] = findComposeRoots(popupDoc);
    expect(readDraft(root!)).toEqual(page.expected(['dom', 'props', 'traffic']));
  });
});

describe('every pill shape (new-message.html, DOM only)', () => {
  const entries = () => {
    const page = loadPage('new-message');
    return readRecipientsWithElements(findComposeRoots(page.doc)[0]!);
  };

  test('a directory contact shows a display name only: name kept, no address without the bridge', () => {
    const jane = entries()[0]!;
    expect(jane.recipient).toEqual({ field: 'to', name: 'Jane Smith (LEEDS TEACHING HOSPITALS NHS TRUST)' });
    expect(jane.pill?.textContent).toContain('Jane Smith');
  });

  test('a presence word in the aria-label is not part of the name', () => {
    expect(entries()[1]!.recipient).toEqual({ field: 'to', name: 'Mark Jones' });
  });

  test('a typed address pill gives the address and no name', () => {
    expect(entries()[3]!.recipient).toEqual({ field: 'to', address: 'd.khan@oakfieldsurgery.co.uk' });
  });

  test('a re-opened draft pill `Name <address>` gives both', () => {
    expect(entries()[4]!.recipient).toEqual({ field: 'to', name: 'Lucy Green', address: 'lucy.green@nhs.net' });
  });

  test('typed text not yet a pill counts, with no pill element', () => {
    const raw = entries().at(-1)!;
    expect(raw).toMatchObject({ pill: null, typed: 'bob@example.org', recipient: { field: 'to', address: 'bob@example.org' } });
  });

  test('typed text is split on ; and , but not inside quotes or angle brackets', () => {
    const page = loadPage('new-message');
    const root = findComposeRoots(page.doc)[0]!;
    const cc = root.querySelector('[aria-label="Cc"]')!;
    cc.textContent = 'a@one.org, "Smith, Jane" <jane@nhs.net>;\u200bc@three.org ; Dr Who';
    expect(readDraft(root).recipients.filter((r) => r.field === 'cc')).toEqual([
      { field: 'cc', address: 'a@one.org' },
      { field: 'cc', name: 'Smith, Jane', address: 'jane@nhs.net' },
      { field: 'cc', address: 'c@three.org' },
      { field: 'cc', name: 'Dr Who' },
    ]);
  });

  test('recipients in a Cc well hidden by CSS are still read (they would still be sent)', () => {
    const page = loadPage('new-message');
    const root = findComposeRoots(page.doc)[0]!;
    root.querySelector('[aria-label="Cc"]')!.textContent = 'hidden@example.com;';
    expect(readDraft(root).recipients).toContainEqual({ field: 'cc', address: 'hidden@example.com' });
  });

  test('without English labels the single-line editables are To, Cc, Bcc in order', () => {
    const page = loadPage('older-era');
    const root = findComposeRoots(page.doc)[0]!;
    for (const well of root.querySelectorAll('[aria-label="To"], [aria-label="Cc"]')) well.setAttribute('aria-label', 'À');
    expect(readDraft(root).recipients).toEqual(page.expected().recipients);
  });
});

describe('subject, body, attachments and From', () => {
  test('the body is the new text: paragraphs kept, signature and quoted thread left out', () => {
    const page = loadPage('inline-reply');
    const draft = readDraft(findComposeRoots(page.doc)[0]!);
    expect(draft.body).toBe('Thanks Jane, Mrs Brown will be ready at 10:15.');
    expect(draft.body).not.toContain('Care Coordinator');
    expect(draft.quoted).toMatch(/^From: Jane Smith/);
    expect(draft.quoted).toContain('Transport is booked for 10:30');
  });

  test('a new message has no quoted thread', () => {
    const page = loadPage('new-message');
    expect(readDraft(findComposeRoots(page.doc)[0]!)).not.toHaveProperty('quoted');
  });

  test('attachment sizes become bytes and an ellipsised name is read in full from its title', () => {
    const page = loadPage('new-message');
    expect(readDraft(findComposeRoots(page.doc)[0]!).attachments).toEqual([
      { name: 'Discharge plan - Mr Brown.pdf', size: 205 * 1024 },
      { name: 'Medication administration record for Mr Arthur Brown, March 2025.xlsx', size: Math.round(1.2 * 1024 * 1024) },
    ]);
  });

  test('the subject is what the input holds now, not its initial attribute', () => {
    const page = loadPage('older-era');
    const root = findComposeRoots(page.doc)[0]!;
    (root.querySelector('input[aria-label="Add a subject"]') as HTMLInputElement).value = 'Changed 9990000018';
    expect(readDraft(root).subject).toBe('Changed 9990000018');
  });

  test('From is read only while the From row is shown', () => {
    const page = loadPage('shared-mailbox');
    const root = findComposeRoots(page.doc)[0]!;
    expect(readDraft(root).from).toEqual({ name: 'Oakwood House', address: 'oakwood.house@nhs.net' });
    (root.querySelector('.owaFromRow') as HTMLElement).hidden = true;
    expect(readDraft(root)).not.toHaveProperty('from');
  });
});

describe('demo.html sample drafts', () => {
  test.each([0, 1, 2, 3, 4, 5])('sample %i reads back as the sample declares, every address resolved', async (index) => {
    const page = loadPage('demo', { bridge: true, search: `demo.html?sample=${index}` });
    await page.ready();
    const sample = (JSON.parse(page.doc.getElementById('owa-samples')!.textContent!) as Array<Record<string, unknown>>)[index]!;
    const draft = readDraft(findComposeRoots(page.doc)[0]!);
    const listed = ['to', 'cc', 'bcc'].flatMap((field) => ((sample[field] as string[] | undefined) ?? []).map(() => field));
    expect(draft.recipients.map((r) => r.field)).toEqual(listed);
    expect(draft.recipients.every((r) => r.address)).toBe(true);
    expect(draft.subject).toBe(sample.subject);
    expect(draft.body).toBe((sample.body as string[]).join('\n'));
    expect(draft.attachments.map((a) => a.name)).toEqual((sample.attachments as Array<{ name: string }>).map((a) => a.name));
  });
});
