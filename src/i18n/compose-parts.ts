// The parts of a compose screen Safe Send could not find (src/outlook/diagnose.ts `ComposePart`),
// in the browser's language. The parts travel as their English names (they are the guard's
// report to the background and the popup: data, not words), and are worded only where a person
// reads them: the page's notice, the "can't read this email" warning and the popup.
import type { ComposePart } from '../outlook/diagnose';
import { t } from './index';

const LABELS = {
  'message body': 'composePart.messageBody',
  'Send button': 'composePart.sendButton',
  'To field': 'composePart.toField',
  subject: 'composePart.subject',
} as const satisfies Record<ComposePart, string>;

/** What a part is called in the browser's language; a name Safe Send does not know, as it is. */
export function composePartLabel(part: string): string {
  return Object.hasOwn(LABELS, part) ? t(LABELS[part as ComposePart]) : part;
}
