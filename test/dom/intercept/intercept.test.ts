// The interceptor on a minimal page that delegates like React: OWA's own handlers sit on the
// app root in the bubble phase, so these tests prove a window-capture listener wins, that a
// clean send reaches the page untouched, and that a held send can be re-sent exactly once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interceptSend, isSendShortcut, type SendAttempt, type SendSurface } from '../../../src/outlook/intercept';

let controller: AbortController;
let sent: string[];

function page() {
  document.body.innerHTML = `
    <div id="app">
      <div class="compose" id="c1">
        <div data-testid="ComposeSendButton"><button id="send1" aria-label="Send"><i id="icon1">➤</i></button></div>
        <button id="more1" aria-label="More send options">▾</button>
        <div contenteditable="true" id="body1" role="textbox" aria-multiline="true"></div>
      </div>
      <div class="compose" id="c2">
        <div data-testid="ComposeSendButton"><button id="send2" aria-label="Send">Send</button></div>
        <div contenteditable="true" id="body2" role="textbox" aria-multiline="true"></div>
      </div>
      <div role="dialog" id="schedule"><button id="scheduleSend">Send</button></div>
    </div>`;
  const app = document.getElementById('app')!;
  // OWA's own handlers, React-style: delegated on the root container, bubble phase.
  app.addEventListener('click', (e) => {
    const button = (e.target as Element).closest('button');
    if (button?.id.startsWith('send') || button?.id === 'scheduleSend') sent.push(`click:${button.id}`);
  });
  app.addEventListener('keydown', (e) => {
    if ((e.ctrlKey && e.key === 'Enter') || (e.altKey && e.key === 's'))
      sent.push(`key:${(e.target as Element).closest('.compose')?.id}`);
    if (e.key === 'Escape') sent.push('discarded');
  });
}

const surface: SendSurface = {
  sendControlOf(target) {
    const control = target.closest('button');
    if (!control) return null;
    if (control.id === 'scheduleSend') return { control, kind: 'schedule' };
    if (control.closest('[data-testid="ComposeSendButton"]')) return { control, kind: 'send' };
    return null;
  },
  isSendOptions: (target) => target.closest('[aria-label="More send options"]') !== null,
  composeRootOf: (el) => el.closest('.compose'),
  findSendControl: (root, kind) =>
    kind === 'schedule' ? document.getElementById('scheduleSend') : root.querySelector('[data-testid="ComposeSendButton"] button'),
};

function start(decide: (a: SendAttempt) => boolean) {
  const attempts: SendAttempt[] = [];
  const interceptor = interceptSend({
    win: window,
    surface,
    signal: controller.signal,
    onSend(a) {
      attempts.push(a);
      return decide(a);
    },
    ownsEvent: (e) => e.composedPath().some((n) => (n as Element).id === 'safe-send-host'),
  });
  return { attempts, interceptor };
}

function key(target: Element, init: KeyboardEventInit) {
  (target as HTMLElement).focus?.();
  target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
}

beforeEach(() => {
  controller = new AbortController();
  sent = [];
  page();
});
afterEach(() => controller.abort());

describe('interceptSend', () => {
  it('lets a clean send through as the same event, with no re-send', () => {
    const { attempts } = start(() => true);
    document.getElementById('icon1')!.click();
    expect(attempts).toEqual([{ root: document.getElementById('c1'), via: 'click', kind: 'send' }]);
    expect(sent).toEqual(['click:send1']);
  });

  it('stops a held send before the page sees it, and scopes it to the pressed compose', () => {
    const { attempts } = start(() => false);
    document.getElementById('send2')!.click();
    expect(attempts[0]!.root.id).toBe('c2');
    expect(sent).toEqual([]);
  });

  it('re-sends a held draft exactly once, through the re-queried button', () => {
    const { interceptor } = start(() => false);
    document.getElementById('send1')!.click();
    // The toolbar re-renders while the user decides: the old button node is gone.
    const old = document.getElementById('send1')!;
    const fresh = old.cloneNode(true) as HTMLElement;
    old.replaceWith(fresh);
    expect(interceptor.resend(document.getElementById('c1')!, 'send')).toBe(true);
    expect(sent).toEqual(['click:send1']);
  });

  it('swallows further sends for a compose while its decision is pending', () => {
    const { attempts, interceptor } = start(() => false);
    const root = document.getElementById('c1')!;
    document.getElementById('send1')!.click();
    interceptor.hold(root);
    document.getElementById('send1')!.click();
    key(document.getElementById('body1')!, { key: 'Enter', ctrlKey: true });
    expect(attempts).toHaveLength(1);
    expect(sent).toEqual([]);
    interceptor.release(root);
    document.getElementById('send1')!.click();
    expect(attempts).toHaveLength(2);
  });

  it('catches Ctrl+Enter, ⌘+Enter and Alt+S in a compose, and not elsewhere', () => {
    const { attempts } = start(() => false);
    key(document.getElementById('body2')!, { key: 'Enter', ctrlKey: true });
    key(document.getElementById('body2')!, { key: 'Enter', metaKey: true });
    key(document.getElementById('body1')!, { key: 's', code: 'KeyS', altKey: true });
    key(document.body, { key: 'Enter', ctrlKey: true });
    expect(attempts.map((a) => `${a.via}:${a.root.id}`)).toEqual(['shortcut:c2', 'shortcut:c2', 'shortcut:c1']);
    expect(sent).toEqual([]);
  });

  it('ties Schedule send to the compose whose send options were opened', () => {
    const { attempts, interceptor } = start(() => false);
    document.getElementById('more1')!.click();
    document.getElementById('scheduleSend')!.click();
    expect(attempts[0]).toMatchObject({ kind: 'schedule', root: document.getElementById('c1') });
    expect(sent).toEqual([]);
    interceptor.resend(document.getElementById('c1')!, 'schedule');
    expect(sent).toEqual(['click:scheduleSend']);
  });

  it('holds the send when the guard itself fails', () => {
    start(() => {
      throw new Error('broken');
    });
    document.getElementById('send1')!.click();
    expect(sent).toEqual([]);
  });

  it('keeps keys pressed in Safe Send’s own UI away from OWA (Esc discards drafts there)', () => {
    start(() => true);
    const host = document.createElement('div');
    host.id = 'safe-send-host';
    document.getElementById('app')!.append(host);
    const button = document.createElement('button');
    host.append(button);
    key(button, { key: 'Escape' });
    expect(sent).toEqual([]);
  });

  it('stops listening when its signal is aborted', () => {
    start(() => false);
    controller.abort();
    document.getElementById('send1')!.click();
    expect(sent).toEqual(['click:send1']);
  });
});

describe('isSendShortcut', () => {
  const cases: Array<[KeyboardEventInit, boolean]> = [
    [{ key: 'Enter', ctrlKey: true }, true],
    [{ key: 'Enter', metaKey: true }, true],
    [{ key: 's', code: 'KeyS', altKey: true }, true],
    [{ key: 'ß', code: 'KeyS', altKey: true }, true], // Alt+S on a Mac layout types ß
    [{ key: 'Enter' }, false],
    [{ key: 'Enter', ctrlKey: true, shiftKey: true }, false],
    [{ key: 's', ctrlKey: true }, false],
    [{ key: 's', altKey: true, ctrlKey: true }, false], // AltGr on Windows reports Ctrl+Alt
    [{ key: 'Enter', ctrlKey: true, isComposing: true }, false],
  ];
  it.each(cases)('%o → %s', (init, expected) => {
    expect(isSendShortcut(new KeyboardEvent('keydown', init))).toBe(expected);
  });
});
