// Catching every send (outlook-web.md, "Every send path" and "Interception facts").
//
// One capture-phase listener per event type on `window`, registered at document_start, runs
// before anything OWA registers: React 17+ listens on its root container and OWA's hotkeys are
// bound on the compose container or body, so stopping an event here keeps it from OWA.
// Nothing is cached: the Send button is re-rendered constantly, so every event is classified
// from its target, and a re-send re-queries the button.
//
// The decision is synchronous. Reading the draft and checking it take well under a millisecond,
// so a draft with nothing to say is not stopped at all: the page's own handler receives the very
// same event, with no delay and no synthetic re-send. Only a draft that needs the user's
// attention is stopped; it is re-sent later by clicking the re-queried Send control while a
// bypass flag lets that one click through.
import { deepActiveElement } from '../ui/focus';

/** How a send was started. */
export type SendVia = 'click' | 'shortcut';
/** Which control sends: the compose's own Send, or Schedule send's dialog Send. */
export type SendKind = 'send' | 'schedule';

/** Where the page's send controls are. Implemented over the selectors in selectors.ts. */
export interface SendSurface {
  /** The send control `target` belongs to (the click target is often an icon inside it). */
  sendControlOf(target: Element): { control: Element; kind: SendKind } | null;
  /** True when `target` is part of "More send options" (the menu that leads to Schedule send). */
  isSendOptions(target: Element): boolean;
  /** The compose form holding `el`, or null. */
  composeRootOf(el: Element): Element | null;
  /** The control to click to send `root` now (re-queried at re-send time), or null. */
  findSendControl(root: Element, kind: SendKind): Element | null;
}

export interface SendAttempt {
  root: Element;
  via: SendVia;
  kind: SendKind;
}

export interface InterceptOptions {
  win: Window;
  surface: SendSurface;
  signal: AbortSignal;
  /**
   * Called synchronously for every send. Return true to let it go on untouched; false to stop
   * it (the guard then asks the user and may call `resend`).
   */
  onSend(attempt: SendAttempt): boolean;
  /**
   * Keys pressed inside Safe Send's own UI (the dialog). They are handed over here and stopped,
   * so they never reach OWA: Esc in OWA discards the draft.
   */
  ownsEvent?(event: Event): boolean;
  onOwnKeydown?(event: KeyboardEvent): void;
}

export interface Interceptor {
  /** Send `root` now, past the guard. False when its send control can no longer be found. */
  resend(root: Element, kind: SendKind): boolean;
  /** True while a decision about `root` is pending (a dialog is open): further sends are swallowed. */
  hold(root: Element): void;
  release(root: Element): void;
}

/** Ctrl+Enter, ⌘+Enter and Alt+S: OWA's send shortcuts (the "Outlook" scheme binds them all). */
export function isSendShortcut(event: KeyboardEvent): boolean {
  if (event.isComposing || event.keyCode === 229) return false; // IME composition, not a command
  if (event.key === 'Enter') return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
  return (
    event.altKey &&
    !event.ctrlKey &&
    !event.metaKey &&
    !event.shiftKey &&
    (event.code === 'KeyS' || event.key.toLowerCase() === 's')
  );
}

function eventTarget(event: Event): Element | null {
  // composedPath()[0] is the real target even inside a shadow root (OWA uses none, but be safe).
  const first = event.composedPath()[0] ?? event.target;
  if (first && (first as Node).nodeType === 1) return first as Element;
  if (first && (first as Node).nodeType === 3) return (first as Node).parentElement;
  return null;
}

/** Activate a control the way a user's click does. */
function activate(control: Element): void {
  const view = control.ownerDocument.defaultView;
  if (view && control instanceof view.HTMLElement) {
    control.click();
    return;
  }
  // An SVG or other non-HTML element has no click(): dispatch the pointer sequence a click makes.
  const init = { bubbles: true, cancelable: true, composed: true, view, button: 0 };
  const PointerEventCtor = view?.PointerEvent ?? view?.MouseEvent ?? MouseEvent;
  const MouseEventCtor = view?.MouseEvent ?? MouseEvent;
  control.dispatchEvent(new PointerEventCtor('pointerdown', init));
  control.dispatchEvent(new MouseEventCtor('mousedown', init));
  control.dispatchEvent(new PointerEventCtor('pointerup', init));
  control.dispatchEvent(new MouseEventCtor('mouseup', init));
  control.dispatchEvent(new MouseEventCtor('click', init));
}

export function interceptSend(options: InterceptOptions): Interceptor {
  const { win, surface, signal, onSend } = options;
  const held = new WeakSet<Element>();
  let bypass = 0;
  /** The compose whose "More send options" menu was opened last: Schedule send's dialog is a
   *  separate layer outside the compose, so this is how its Send is tied to a draft. */
  let scheduleRoot: Element | null = null;
  /** After a stopped shortcut keydown, its keypress must not reach OWA either. */
  let swallowKeypress = false;

  const stop = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  const decide = (event: Event, attempt: SendAttempt) => {
    if (held.has(attempt.root)) {
      // A dialog is already open for this compose: one dialog per compose, never a second send.
      stop(event);
      return;
    }
    let allow: boolean;
    try {
      allow = onSend(attempt);
    } catch {
      allow = false; // the guard failed: never wave the message through unseen
    }
    if (!allow) stop(event);
  };

  const onClick = (event: MouseEvent) => {
    if (bypass > 0) return;
    const target = eventTarget(event);
    if (!target) return;
    if (surface.isSendOptions(target)) {
      scheduleRoot = surface.composeRootOf(target);
      return;
    }
    const hit = surface.sendControlOf(target);
    if (!hit) return;
    const root =
      hit.kind === 'schedule'
        ? scheduleRoot?.isConnected
          ? scheduleRoot
          : (surface.composeRootOf(hit.control) ?? null)
        : surface.composeRootOf(hit.control);
    if (!root) {
      // A send control outside any compose we can read: hold it rather than let it go unchecked.
      if (hit.kind === 'schedule') {
        decide(event, { root: hit.control, via: 'click', kind: hit.kind });
      }
      return;
    }
    decide(event, { root, via: 'click', kind: hit.kind });
  };

  const onKeydown = (event: KeyboardEvent) => {
    if (options.ownsEvent?.(event)) {
      options.onOwnKeydown?.(event);
      event.stopImmediatePropagation();
      return;
    }
    if (bypass > 0 || !isSendShortcut(event)) return;
    const focused = deepActiveElement(win.document) ?? eventTarget(event);
    const root = focused ? surface.composeRootOf(focused) : null;
    if (!root) return;
    decide(event, { root, via: 'shortcut', kind: 'send' });
    swallowKeypress = event.defaultPrevented;
  };

  const onKeyOther = (event: KeyboardEvent) => {
    if (options.ownsEvent?.(event)) {
      event.stopImmediatePropagation();
      return;
    }
    if (event.type === 'keypress' && swallowKeypress) {
      swallowKeypress = false;
      stop(event);
    }
  };

  const listen = { capture: true, signal };
  win.addEventListener('click', onClick, listen);
  win.addEventListener('keydown', onKeydown, listen);
  win.addEventListener('keypress', onKeyOther, listen);
  win.addEventListener('keyup', onKeyOther, listen);

  return {
    resend(root, kind) {
      const control = root.isConnected ? surface.findSendControl(root, kind) : null;
      if (!control) return false;
      bypass += 1;
      try {
        activate(control);
      } finally {
        bypass -= 1;
      }
      return true;
    },
    hold(root) {
      held.add(root);
    },
    release(root) {
      held.delete(root);
    },
  };
}
