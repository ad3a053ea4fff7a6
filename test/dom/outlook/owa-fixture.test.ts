// The OWA imitation itself (test/fixtures/owa/owa.js): the end-to-end tests rely on it behaving
// like OWA — its handlers run in the bubble phase (so a window capture listener wins), every send
// path sends exactly once, Esc discards, typed text becomes pills, Bcc arrives late.
import { fireEvent } from '@testing-library/dom';
import { describe, expect, test } from 'vitest';
import { NEW_MESSAGE_TO } from '../../fixtures/owa/sends';
import { loadPage, owa, tick } from './fixture';

const body = (doc: Document) => doc.querySelector('[aria-label^="Message body"][contenteditable]')!;
const status = (doc: Document) => doc.querySelector('[role="status"]')?.textContent;

describe('sending', () => {
  test('Send (clicked on its icon) sends once, with every recipient OWA knows, and closes the form', () => {
    const page = loadPage('new-message');
    fireEvent.click(page.doc.querySelector('[data-testid="ComposeSendButton"] i')!);
    expect(owa().__owaSent).toEqual([
      {
        to: NEW_MESSAGE_TO,
        cc: [],
        bcc: [],
        subject: 'Discharge plan for Mr Brown – Friday',
        via: 'click',
      },
    ]);
    expect(status(page.doc)).toBe('Message sent');
    expect(page.doc.querySelector('.owaCompose')).toBeNull();
  });

  test.each([
    [{ key: 'Enter', ctrlKey: true }, 'ctrl+enter'],
    [{ key: 'Enter', metaKey: true }, 'meta+enter'],
    [{ key: 's', code: 'KeyS', altKey: true }, 'alt+s'],
  ])('hotkey %o sends once (via %s)', (init, via) => {
    const page = loadPage('older-era');
    fireEvent.keyDown(body(page.doc), init);
    expect(owa().__owaSent.map((s) => s.via)).toEqual([via]);
  });

  test('More send options → Schedule send → the dialog\'s Send', () => {
    const page = loadPage('inline-reply');
    fireEvent.click(page.doc.querySelector('#ReadingPaneContainerId [aria-label="More send options"]')!);
    fireEvent.click(page.doc.querySelector('[role="menuitem"]')!);
    fireEvent.click([...page.doc.querySelectorAll('[role="dialog"] button')].find((b) => b.textContent === 'Send')!);
    expect(owa().__owaSent).toMatchObject([{ to: ['jane.smith@nhs.net'], subject: 'RE: Hospital transport for Mrs Brown', via: 'schedule' }]);
  });

  test('the narrow layout\'s icon Send sends', () => {
    const page = loadPage('narrow');
    fireEvent.click(page.doc.querySelector('i[aria-label="Send"]')!);
    expect(owa().__owaSent).toMatchObject([{ to: ['mark.jones@nhs.net', 'gp.reception@oakfieldsurgery.co.uk'], via: 'click' }]);
  });

  test('a window capture listener that stops the event keeps it from OWA (click, hotkey, Esc)', () => {
    const page = loadPage('new-message');
    const stop = (e: Event) => e.stopPropagation();
    window.addEventListener('click', stop, { capture: true, signal: page.signal });
    window.addEventListener('keydown', stop, { capture: true, signal: page.signal });
    fireEvent.click(page.doc.querySelector('.fui-SplitButton__primaryActionButton')!);
    fireEvent.keyDown(body(page.doc), { key: 'Enter', ctrlKey: true });
    fireEvent.keyDown(body(page.doc), { key: 'Escape' });
    expect(owa().__owaSent).toEqual([]);
    expect(owa().__owaDiscarded).toBe(0);
    expect(page.doc.querySelector('.owaCompose')).not.toBeNull();
  });
});

describe('discarding', () => {
  test('Esc discards the draft (so Esc in our dialog must never reach OWA)', () => {
    const page = loadPage('new-message');
    fireEvent.keyDown(page.doc.body, { key: 'Escape' });
    expect(owa().__owaDiscarded).toBe(1);
    expect(status(page.doc)).toBe('Draft discarded');
  });

  test('Esc with OWA\'s own menu open closes the menu only', () => {
    const page = loadPage('new-message');
    fireEvent.click(page.doc.querySelector('[aria-label="More send options"]')!);
    fireEvent.keyDown(page.doc.body, { key: 'Escape' });
    expect(page.doc.querySelector('[role="menu"]')).toBeNull();
    expect(owa().__owaDiscarded).toBe(0);
  });

  test('#discardCompose discards', () => {
    const page = loadPage('shared-mailbox');
    fireEvent.click(page.doc.querySelector('#discardCompose')!);
    expect(owa().__owaDiscarded).toBe(1);
  });
});

describe('recipient wells', () => {
  const cc = (doc: Document) => doc.querySelector('[aria-label="Cc"]')!;
  const type = (well: Element, text: string) => {
    well.append(text);
    fireEvent.input(well);
  };

  test('typed text becomes a pill on `;`, on Enter, and on leaving the well', () => {
    const page = loadPage('new-message');
    type(cc(page.doc), 'one@example.com;');
    type(cc(page.doc), 'two@example.com');
    expect(cc(page.doc).querySelectorAll('.owaPill')).toHaveLength(1);
    fireEvent.keyDown(cc(page.doc), { key: 'Enter' });
    type(cc(page.doc), 'Tom Baker');
    fireEvent.focusOut(cc(page.doc));
    expect([...cc(page.doc).querySelectorAll('.owaPill')].map((p) => p.textContent!.replace('×', ''))).toEqual([
      'one@example.com',
      'two@example.com',
      'Tom Baker',
    ]);
  });

  test('each pill\'s remove button removes it', () => {
    const page = loadPage('new-message');
    fireEvent.click(page.doc.querySelector('[aria-label="Remove Tom Baker"] span')!);
    expect(page.doc.querySelector('[aria-label="Remove Tom Baker"]')).toBeNull();
  });

  test('Cc is in the DOM but hidden; Bcc arrives only after its toggle, a moment later', async () => {
    const page = loadPage('new-message');
    expect(getComputedStyle(page.doc.querySelector('.owaCcRow')!).display).toBe('none');
    const toggle = [...page.doc.querySelectorAll('button')].find((b) => b.textContent === 'Bcc')!;
    expect(toggle.hasAttribute('aria-label')).toBe(false);
    fireEvent.click(toggle);
    expect(page.doc.querySelector('[aria-label="Bcc"]')).toBeNull();
    await tick(100);
    expect(page.doc.querySelector('[aria-label="Bcc"]')).not.toBeNull();
  });
});
