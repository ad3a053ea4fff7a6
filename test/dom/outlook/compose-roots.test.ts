// Finding compose forms and their Send controls, scoped and rendered-only.
import { fireEvent } from '@testing-library/dom';
import { describe, expect, test } from 'vitest';
import {
  closestSendControl,
  composeRootOf,
  findComposeRoots,
  findSendButton,
  isRendered,
  readDraft,
} from '../../../src/outlook/index';
import { loadPage, openPopout, type PageName } from './fixture';

describe('findComposeRoots', () => {
  test.each<PageName>(['new-message', 'older-era', 'narrow', 'shared-mailbox', 'demo'])('%s: one form, holding its body and Send', (name) => {
    const page = loadPage(name);
    const roots = findComposeRoots(page.doc);
    expect(roots).toHaveLength(1);
    expect(roots[0]!.classList.contains('owaCompose')).toBe(true);
  });

  test('inline reply: the reply in the reading pane, not the stale hidden draft beside it', () => {
    const page = loadPage('inline-reply');
    const stale = page.doc.querySelector('.owaStale .owaCompose')!;
    expect(isRendered(stale)).toBe(false);
    const roots = findComposeRoots(page.doc);
    expect(roots).toHaveLength(1);
    expect(roots[0]!.closest('#ReadingPaneContainerId')).not.toBeNull();
    // The received message above the reply (its read-only "Message body", its attachment) is
    // not part of the reply.
    expect(roots[0]!.contains(page.doc.querySelector('[aria-label="Message body"][role="document"]'))).toBe(false);
    expect(readDraft(roots[0]!).subject).toBe('RE: Hospital transport for Mrs Brown');
  });

  test('a stale draft that becomes visible again is found too, each form on its own', () => {
    const page = loadPage('inline-reply');
    page.doc.querySelector('.owaStale')!.classList.remove('owaStale');
    const roots = findComposeRoots(page.doc);
    expect(roots.map((r) => readDraft(r).subject)).toEqual(['Old draft', 'RE: Hospital transport for Mrs Brown']);
  });

  test('a page with no open compose form (the reading pane only) has none', () => {
    const page = loadPage('popout');
    expect(findComposeRoots(page.doc)).toEqual([]);
  });

  test('a pop-out: the form lives in the about:blank popup document', async () => {
    loadPage('popout');
    const popupDoc = await openPopout();
    expect(popupDoc.URL).toBe('about:blank');
    expect(findComposeRoots(popupDoc)).toHaveLength(1);
  });
});

describe('Send controls', () => {
  test('the click target is often the icon inside Send: it climbs to the button', () => {
    const page = loadPage('new-message');
    const icon = page.doc.querySelector('[data-testid="ComposeSendButton"] i')!;
    const button = page.doc.querySelector('.fui-SplitButton__primaryActionButton');
    expect(closestSendControl(icon)).toBe(button);
    expect(composeRootOf(icon)).toBe(findComposeRoots(page.doc)[0]);
  });

  test('"More send options" is not Send', () => {
    const page = loadPage('new-message');
    expect(closestSendControl(page.doc.querySelector('[aria-label="More send options"] i')!)).toBeNull();
    expect(closestSendControl(page.doc.querySelector('#discardCompose')!)).toBeNull();
  });

  test('older era: button[name="Send"], via its inner span', () => {
    const page = loadPage('older-era');
    const span = page.doc.querySelector('[data-automationid="splitbuttonprimary"] .ms-Button-label')!;
    expect(closestSendControl(span)).toBe(page.doc.querySelector('button[name="Send"]'));
    expect(findSendButton(findComposeRoots(page.doc)[0]!)).toBe(page.doc.querySelector('button[name="Send"]'));
  });

  test('narrow layout: the Send icon itself is the control', () => {
    const page = loadPage('narrow');
    const icon = page.doc.querySelector('i[aria-label="Send"]')!;
    expect(closestSendControl(icon)).toBe(icon);
    expect(findSendButton(findComposeRoots(page.doc)[0]!)).toBe(icon);
  });

  test('the Schedule send dialog (a portal outside the form) has its own Send, which climbs to the form', () => {
    const page = loadPage('new-message');
    fireEvent.click(page.doc.querySelector('[aria-label="More send options"]')!);
    fireEvent.click(page.doc.querySelector('[role="menuitem"]')!);
    const dialogSend = [...page.doc.querySelectorAll('[role="dialog"] button')].find((b) => b.textContent === 'Send')!;
    const cancel = [...page.doc.querySelectorAll('[role="dialog"] button')].find((b) => b.textContent === 'Cancel')!;
    expect(closestSendControl(dialogSend)).toBe(dialogSend);
    expect(closestSendControl(cancel)).toBeNull();
    const root = composeRootOf(dialogSend)!;
    expect(readDraft(root).subject).toBe('Discharge plan for Mr Brown – Friday');
  });

  test("OWA's own confirmation after our check (no date field) is not a Send to intercept again", () => {
    const page = loadPage('new-message');
    const prompt = page.doc.createElement('div');
    prompt.setAttribute('role', 'dialog');
    prompt.innerHTML = '<p>This message has no subject.</p><button type="button">Send</button><button type="button">Don\'t send</button>';
    page.doc.body.append(prompt);
    expect(closestSendControl(prompt.querySelector('button')!)).toBeNull();
  });

  test('OWA replaces the Send node on every input: findSendButton re-queries the new one', () => {
    const page = loadPage('new-message');
    const root = findComposeRoots(page.doc)[0]!;
    const before = findSendButton(root)!;
    fireEvent.input(root.querySelector('[aria-label="Message body"]')!);
    const after = findSendButton(root)!;
    expect(before.isConnected).toBe(false);
    expect(after).not.toBe(before);
    expect(after.isConnected).toBe(true);
  });

  test('a hidden Send does not count: a form whose Send is hidden is no compose root', () => {
    const page = loadPage('new-message');
    (page.doc.querySelector('[data-testid="ComposeSendButton"]') as HTMLElement).style.display = 'none';
    expect(findComposeRoots(page.doc)).toEqual([]);
  });
});
