// readDraft on every fixture variant, with each resolution layer available or not.
import { describe, expect, test } from 'vitest';
import { findComposeRoots, readDraft } from '../../../src/outlook/index';
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
