// The warning dialog as a user meets it, found the way assistive technology finds it: by role
// and accessible name (@testing-library/dom computes both), inside the open shadow root.
import { within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Finding, Fix } from '../../../src/rules/types';
import { HOST_TAG, handleKeydown, isWarningOpen, showWarning, type WarningChoice } from '../../../src/ui/dialog';
import {
  audience,
  blockedRecipient,
  externalConfirm,
  family1,
  jane,
  largeAudience,
  lookalike,
  mistypedDomain,
  notice,
  patientInSubject,
  unsecured,
} from './findings';

const TITLE = 'Check before you send';
let closeAll: AbortController;

beforeEach(() => {
  closeAll = new AbortController();
  document.body.replaceChildren();
});
afterEach(() => closeAll.abort());

function open(findings: Finding[], onFix: (fix: Fix) => Promise<Finding[]> = () => Promise.resolve([])) {
  let choice: WarningChoice | undefined;
  const promise = showWarning({ doc: document, findings, secureTag: '[secure]', onFix, signal: closeAll.signal });
  void promise.then((c) => (choice = c));
  const host = document.querySelector(HOST_TAG) as HTMLElement;
  const root = host.shadowRoot!;
  const dialog = within(root as unknown as HTMLElement).getByRole('alertdialog', { name: TITLE });
  // Queries run inside the dialog element (testing-library cannot print a ShadowRoot on failure).
  const ui = within(dialog);
  return {
    promise,
    host,
    root,
    ui,
    chosen: () => choice,
    dialog,
    edit: ui.getByRole('button', { name: 'Edit email' }),
    send: ui.getByRole('button', { name: 'Send anyway' }),
  };
}

/** Lets pending promise callbacks (onFix results, the choice) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function key(target: EventTarget, keyName: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: keyName, bubbles: true, composed: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('what the dialog is', () => {
  it('is an alertdialog named "Check before you send" in an open shadow root outside the page body', () => {
    const { host, root, dialog } = open([mistypedDomain()]);
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.shadowRoot).toBe(root); // open mode: tests and automated checks can reach in
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(within(root as unknown as HTMLElement).getByRole('alertdialog', {
      name: TITLE,
      description: /needs a second look/,
    })).toBe(dialog);
    expect(root.querySelector('style')?.textContent).toContain('dialog{');
  });

  it('says the email cannot be sent as it is when a finding blocks', () => {
    const { root } = open([blockedRecipient, mistypedDomain()]);
    expect(within(root as unknown as HTMLElement).getByRole('alertdialog', { name: TITLE, description: /can’t be sent as it is/ })).toBeTruthy();
  });

  it('groups findings under headings, most serious first', () => {
    const { ui } = open([notice, mistypedDomain(), blockedRecipient]);
    const headings = ui.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['Can’t send yet', 'Check these', 'For your information']);
    const items = ui.getAllByRole('listitem').filter((li) => li.classList.contains('finding'));
    expect(items.map((li) => li.querySelector('p')!.textContent)).toEqual([
      blockedRecipient.message,
      mistypedDomain().message,
      notice.message,
    ]);
  });

  it('shows one dialog per document: a second call gets the same decision', async () => {
    const first = open([mistypedDomain()]);
    const second = showWarning({ doc: document, findings: [blockedRecipient], secureTag: '[secure]', onFix: vi.fn() });
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    expect(first.ui.queryByText(blockedRecipient.message)).toBeNull();
    expect(isWarningOpen(document)).toBe(true);
    first.send.click();
    expect(await second).toBe('send');
    expect(await first.promise).toBe('send');
    expect(isWarningOpen(document)).toBe(false);
  });

  it('closes as "edit" when the guard aborts it (compose form gone)', async () => {
    const guard = new AbortController();
    const promise = showWarning({ doc: document, findings: [unsecured], secureTag: '[secure]', onFix: vi.fn(), signal: guard.signal });
    guard.abort();
    expect(await promise).toBe('edit');
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });
});

describe('deciding', () => {
  it('puts focus on "Edit email" first', () => {
    const { root, edit } = open([mistypedDomain()]);
    expect(root.activeElement).toBe(edit);
    expect(document.activeElement).toBe(root.host);
  });

  it('"Edit email" goes back to the draft and removes the dialog', async () => {
    const { promise, edit } = open([mistypedDomain()]);
    edit.click();
    expect(await promise).toBe('edit');
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('"Send anyway" sends when nothing blocks', async () => {
    const { promise, send } = open([mistypedDomain(), notice]);
    expect(send.getAttribute('aria-disabled')).toBeNull();
    send.click();
    expect(await promise).toBe('send');
  });

  it('"Send anyway" is unavailable while a finding blocks, says why, and ignores clicks', async () => {
    const { ui, send, chosen } = open([blockedRecipient, mistypedDomain()]);
    expect(send.getAttribute('aria-disabled')).toBe('true');
    // Still reachable and described, so keyboard and screen reader users learn why.
    expect(ui.getByRole('button', { name: 'Send anyway', description: /can’t send until everything under “Can’t send yet” is fixed/ })).toBe(send);
    send.click();
    await settle();
    expect(chosen()).toBeUndefined();
    expect(isWarningOpen(document)).toBe(true);
  });

  it('restores focus to what had it before the dialog opened', async () => {
    const owaSend = document.createElement('button');
    owaSend.textContent = 'Send';
    document.body.append(owaSend);
    owaSend.focus();
    const { promise, edit } = open([mistypedDomain()]);
    expect(document.activeElement).not.toBe(owaSend);
    edit.click();
    await promise;
    expect(document.activeElement).toBe(owaSend);
  });
});

describe('confirming each external address', () => {
  it('keeps "Send anyway" unavailable until every address is ticked', async () => {
    const { ui, send, promise } = open([externalConfirm]);
    const boxes = ui.getAllByRole('checkbox');
    expect(boxes.map((b) => ui.getByRole('checkbox', { name: `I have checked ${family1.address}` }) === b)).toEqual([true, false]);
    const second = ui.getByRole('checkbox', { name: 'I have checked sam.jones@outlook.com' });
    expect(send.getAttribute('aria-disabled')).toBe('true');
    expect(ui.getByRole('button', { name: 'Send anyway', description: /Tick each address you have checked/ })).toBe(send);

    boxes[0]!.click();
    expect(send.getAttribute('aria-disabled')).toBe('true');
    second.click();
    expect(send.getAttribute('aria-disabled')).toBeNull();
    second.click(); // unticking takes it back
    expect(send.getAttribute('aria-disabled')).toBe('true');
    second.click();
    send.click();
    expect(await promise).toBe('send');
  });

  it('keeps ticks across a re-render after another fix', async () => {
    const { ui, send } = open([externalConfirm, unsecured], () => Promise.resolve([externalConfirm]));
    ui.getByRole('checkbox', { name: `I have checked ${family1.address}` }).click();
    ui.getByRole('checkbox', { name: 'I have checked sam.jones@outlook.com' }).click();
    ui.getByRole('button', { name: 'Add [secure] to the subject' }).click();
    await settle();
    expect(ui.getAllByRole('checkbox').every((b) => (b as HTMLInputElement).checked)).toBe(true);
    expect(send.getAttribute('aria-disabled')).toBeNull();
  });
});

describe('one-click fixes', () => {
  const two = audience(2);
  const cases: Array<[string, Fix]> = [
    ['Move 3 to Bcc', { kind: 'move-to-bcc', recipients: audience(3) }],
    [`Move ${two[0]!.address} and ${two[1]!.address} to Bcc`, { kind: 'move-to-bcc', recipients: two }],
    [`Move ${two[0]!.address} to Bcc`, { kind: 'move-to-bcc', recipients: two.slice(0, 1) }],
    ['Add [secure] to the subject', { kind: 'add-secure-tag', tag: '[secure]' }],
    ['Add [encrypt] to the subject', { kind: 'add-secure-tag', tag: '[encrypt]' }],
    ['Change nhs.nte to nhs.net', { kind: 'replace-domain', recipient: jane, to: 'nhs.net' }],
    ['Change to jane.smith@nhs.net', { kind: 'replace-address', recipient: jane, to: 'jane.smith@nhs.net' }],
    ['Remove jane@nhs.nte', { kind: 'remove-recipient', recipient: jane }],
  ];

  it.each(cases)('labels the fix "%s" and hands it to the guard when clicked', async (label, fix) => {
    const onFix = vi.fn(() => Promise.resolve([] as Finding[]));
    const { ui } = open([{ ruleId: 'large-audience', severity: 'warn', message: 'Something to fix.', fixes: [fix] }], onFix);
    ui.getByRole('button', { name: label }).click();
    await settle();
    expect(onFix).toHaveBeenCalledExactlyOnceWith(fix);
  });

  it('shows progress, then re-renders with the new findings and says all is sorted', async () => {
    const result = deferred<Finding[]>();
    const { ui, root, send } = open([mistypedDomain()], () => result.promise);
    const change = ui.getByRole('button', { name: 'Change nhs.nte to nhs.net' });
    change.focus();
    change.click();
    expect(change.getAttribute('aria-busy')).toBe('true');
    expect(root.activeElement).toBe(change); // busy, not disabled: focus does not fall to <body>
    expect(ui.getByRole('button', { name: 'Remove jane@nhs.nte' }).getAttribute('aria-disabled')).toBe('true');
    expect(send.getAttribute('aria-disabled')).toBe('true'); // no sending a half-fixed draft

    result.resolve([]);
    await settle();
    expect(ui.queryByText(mistypedDomain().message)).toBeNull();
    expect(ui.getByRole('status').textContent).toBe('Done: Change nhs.nte to nhs.net. All sorted. You can send now.');
    expect(send.getAttribute('aria-disabled')).toBeNull();
    expect(send.classList.contains('primary')).toBe(true); // sending now leads, but the user presses it
    expect(root.activeElement).toBe(send);
    expect(isWarningOpen(document)).toBe(true);
  });

  it('re-renders with what is left and moves focus to it', async () => {
    const { ui, root, send } = open([blockedRecipient, unsecured], () => Promise.resolve([unsecured]));
    ui.getByRole('button', { name: 'Remove reception@gmial.com' }).click();
    await settle();
    expect(ui.queryByRole('heading', { name: 'Can’t send yet' })).toBeNull();
    expect(ui.getByRole('status').textContent).toBe('Done: Remove reception@gmial.com. 1 thing still to check.');
    expect(send.getAttribute('aria-disabled')).toBeNull();
    expect(root.activeElement).toBe(ui.getByRole('button', { name: 'Add [secure] to the subject' }));
  });

  it('shows why a fix failed and leaves the findings as they were', async () => {
    const { ui, root } = open([mistypedDomain()], () =>
      Promise.reject(new Error('Outlook did not let us change the address')),
    );
    const change = ui.getByRole('button', { name: 'Change nhs.nte to nhs.net' });
    change.focus();
    change.click();
    await settle();
    const alert = ui.getByRole('alert');
    expect(alert.textContent).toBe(
      'That didn’t work: Outlook did not let us change the address. Your email has not been changed.',
    );
    expect(ui.getByRole('button', { name: 'Change nhs.nte to nhs.net', description: alert.textContent! })).toBe(change);
    expect(change.getAttribute('aria-busy')).toBeNull();
    expect(change.getAttribute('aria-disabled')).toBeNull();
    expect(root.activeElement).toBe(change);
    expect(ui.getByText(mistypedDomain().message)).toBeTruthy();
  });

  it('says something plain when a fix fails without a reason', async () => {
    const { ui } = open([unsecured], () => Promise.reject(new Error('')));
    ui.getByRole('button', { name: 'Add [secure] to the subject' }).click();
    await settle();
    expect(ui.getByRole('alert').textContent).toBe('That didn’t work. Your email has not been changed. You can edit it yourself.');
  });

  it('ignores the result of a fix that finishes after the user left', async () => {
    const result = deferred<Finding[]>();
    const { ui, edit, promise } = open([unsecured], () => result.promise);
    ui.getByRole('button', { name: 'Add [secure] to the subject' }).click();
    edit.click();
    expect(await promise).toBe('edit');
    result.resolve([]);
    await settle();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });
});

describe('keyboard', () => {
  it('Esc goes back to the draft and never reaches the page (OWA discards drafts on Esc)', async () => {
    const reached = vi.fn();
    const targets: EventTarget[] = [document, document.documentElement, document.body];
    for (const target of targets) {
      target.addEventListener('keydown', reached, true);
      target.addEventListener('keydown', reached);
    }
    window.addEventListener('keydown', reached);
    const { promise, edit } = open([mistypedDomain()]);
    const event = key(edit, 'Escape');
    expect(await promise).toBe('edit');
    expect(event.defaultPrevented).toBe(true);
    expect(reached).not.toHaveBeenCalled();
    for (const target of targets) {
      target.removeEventListener('keydown', reached, true);
      target.removeEventListener('keydown', reached);
    }
    window.removeEventListener('keydown', reached);
  });

  it('Esc with focus lost to the page body still closes the dialog, not the draft', async () => {
    const reached = vi.fn();
    document.body.addEventListener('keydown', reached);
    const { promise } = open([mistypedDomain()]);
    key(document.body, 'Escape');
    expect(await promise).toBe('edit');
    expect(reached).not.toHaveBeenCalled();
    document.body.removeEventListener('keydown', reached);
  });

  it('works through the guard’s own first window capture listener (handleKeydown)', async () => {
    const afterGuard = vi.fn();
    const guard = (event: KeyboardEvent) => {
      if (handleKeydown(event)) event.stopImmediatePropagation();
    };
    window.addEventListener('keydown', guard, true);
    window.addEventListener('keydown', afterGuard, true);
    expect(handleKeydown(new KeyboardEvent('keydown', { key: 'Escape' }))).toBe(false); // nothing open: not ours
    const { promise, edit, send, root } = open([mistypedDomain()]);
    key(edit, 'Tab');
    expect(root.activeElement).toBe(send);
    key(send, 'Escape');
    expect(await promise).toBe('edit');
    expect(afterGuard).not.toHaveBeenCalled();
    window.removeEventListener('keydown', guard, true);
    window.removeEventListener('keydown', afterGuard, true);
  });

  it('keeps other keys inside the dialog too', () => {
    const reached = vi.fn();
    document.addEventListener('keydown', reached, true);
    document.addEventListener('keyup', reached, true);
    const { edit, chosen } = open([mistypedDomain()]);
    key(edit, 's', { altKey: true }); // Alt+S is OWA's send shortcut
    edit.dispatchEvent(new KeyboardEvent('keyup', { key: 'Escape', bubbles: true, composed: true }));
    expect(reached).not.toHaveBeenCalled();
    expect(chosen()).toBeUndefined();
    document.removeEventListener('keydown', reached, true);
    document.removeEventListener('keyup', reached, true);
  });

  it('Tab and Shift+Tab cycle through the dialog’s controls only', () => {
    const { ui, root, edit, send } = open([blockedRecipient, mistypedDomain()]);
    const order = [
      ui.getByRole('button', { name: 'Remove reception@gmial.com' }),
      ui.getByRole('button', { name: 'Change nhs.nte to nhs.net' }),
      ui.getByRole('button', { name: 'Remove jane@nhs.nte' }),
      edit,
      send, // unavailable, yet reachable so its reason is heard
    ];
    const visited: Element[] = [];
    for (let i = 0; i < order.length; i++) {
      key(root.activeElement!, 'Tab');
      visited.push(root.activeElement!);
    }
    expect(visited).toEqual([send, ...order.slice(0, 4)]);
    const back: Element[] = [];
    for (let i = 0; i < order.length; i++) {
      key(root.activeElement!, 'Tab', { shiftKey: true });
      back.push(root.activeElement!);
    }
    expect(back).toEqual([...order.slice(0, 3).reverse(), send, edit]);
  });

  it('Tab from outside the dialog comes back into it', () => {
    const { root, dialog } = open([mistypedDomain()]);
    (root.activeElement as HTMLElement).blur();
    key(document.body, 'Tab');
    expect(dialog.contains(root.activeElement)).toBe(true);
  });
});

describe('showing exactly what is wrong', () => {
  it('marks the mistyped letters and offers the likely address, in text a screen reader says plainly', () => {
    const { ui, root } = open([mistypedDomain()]);
    const marks = [...root.querySelectorAll('mark')];
    expect(marks.map((mark) => mark.textContent)).toEqual(['te']);
    expect(marks[0]!.parentElement!.textContent).toBe('jane@nhs.nte');
    expect(ui.getByText('Address: jane@nhs.nte. Highlighted: te. Did you mean nhs.net?')).toBeTruthy();
    // The recipient is shown once, as the evidence, not again in a list.
    expect(ui.queryByRole('list', { name: 'Recipients' })).toBeNull();
  });

  it('marks the NHS number in the subject', () => {
    const { root, ui } = open([patientInSubject]);
    expect([...root.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['943 476 5919']);
    expect(ui.getByText('Subject: Discharge 943 476 5919 Mrs Smith. Highlighted: 943 476 5919.')).toBeTruthy();
  });

  it('shows markup in a name or address as text, never as markup', () => {
    const sneaky = { field: 'to' as const, name: '<img src=x onerror="alert(1)">Bob', address: 'bob@<b>evil</b>.com' };
    const { root, ui } = open([
      { ruleId: 'external-recipients', severity: 'warn', message: 'Check <b>bob</b>.', recipients: [sneaky] },
      { ruleId: 'external-recipients', severity: 'warn', message: 'Tick it.', recipients: [sneaky], confirmEach: true },
    ]);
    expect(root.querySelector('img, b')).toBeNull();
    expect(ui.getByText('Check <b>bob</b>.')).toBeTruthy();
    expect(ui.getAllByRole('list', { name: 'Recipients' })[0]!.textContent).toContain(
      '<img src=x onerror="alert(1)">Bob <bob@<b>evil</b>.com>',
    );
    expect(ui.getByRole('checkbox', { name: 'I have checked bob@<b>evil</b>.com' })).toBeTruthy();
  });

  it('lists the recipients concerned, folding a long list behind "Show N more"', () => {
    const { ui } = open([largeAudience(30)]);
    const shown = ui.getAllByRole('list', { name: 'Recipients' })[0]!;
    expect(within(shown).getAllByRole('listitem')).toHaveLength(5);
    expect(shown.textContent).toContain('family1@example.orgCc');
    const more = ui.getByText('Show 25 more');
    expect(more.tagName).toBe('SUMMARY');
    expect(ui.getByRole('button', { name: 'Move 30 to Bcc' })).toBeTruthy();
  });

  it('shows a recipient whose address could not be read by name', () => {
    const { ui } = open([
      {
        ruleId: 'unverified-recipient',
        severity: 'warn',
        message: 'Safe Send could not read one address.',
        recipients: [{ field: 'cc', name: 'Leeds GP' }],
      },
    ]);
    expect(ui.getByRole('list', { name: 'Recipients' }).textContent).toBe('Leeds GP (address not shown)Cc');
  });

  it('offers every fix of a finding as its own button', () => {
    const { ui } = open([lookalike, mistypedDomain()]);
    expect(ui.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Change to jane.smith@nhs.net',
      'Change nhs.nte to nhs.net',
      'Remove jane@nhs.nte',
      'Edit email',
      'Send anyway',
    ]);
  });
});
