// Where OWA's send controls are, for the interceptor (intercept.ts), over the selectors file.
import { closestSendControl, composeRootOf, findSendButton, isRendered } from './index';
import type { SendKind, SendSurface } from './intercept';
import { BODY, DIALOG, DIALOG_SEND_TEXT, SCHEDULE_DIALOG_FIELD, SEND_OPTIONS, any } from './selectors';

/** A Fluent dialog that is not itself a compose form: Schedule send's custom-time dialog. */
function isScheduleDialogSend(control: Element): boolean {
  const dialog = control.closest(DIALOG);
  return dialog !== null && dialog.querySelector(any(BODY)) === null;
}

function scheduleSend(doc: Document): Element | null {
  for (const dialog of doc.querySelectorAll(DIALOG)) {
    // Schedule send's dialog asks for a date and time; OWA's own confirmations don't.
    if (!isRendered(dialog) || dialog.querySelector(any(BODY)) || !dialog.querySelector(SCHEDULE_DIALOG_FIELD)) continue;
    for (const button of dialog.querySelectorAll('button')) {
      const label = button.getAttribute('aria-label') ?? button.textContent?.trim() ?? '';
      if (DIALOG_SEND_TEXT.test(label) && isRendered(button)) return button;
    }
  }
  return null;
}

export const owaSurface: SendSurface = {
  sendControlOf(target) {
    const control = closestSendControl(target);
    if (!control) return null;
    const kind: SendKind = isScheduleDialogSend(control) ? 'schedule' : 'send';
    return { control, kind };
  },
  isSendOptions: (target) => target.closest(any(SEND_OPTIONS)) !== null,
  composeRootOf(el) {
    // A Schedule send dialog is a portal: climbing from it would reach <body>, which holds every
    // draft. The interceptor ties it to the compose whose send options were opened instead.
    if (isScheduleDialogSend(el)) return null;
    return composeRootOf(el);
  },
  findSendControl(root, kind) {
    return kind === 'schedule' ? scheduleSend(root.ownerDocument) : findSendButton(root);
  },
};
