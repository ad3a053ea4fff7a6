// Every CSS selector Safe Send uses on Outlook on the web, in one place (style.md rule 4, after
// refined-github's selectors file). There is no public snapshot of NHSmail's compose DOM, so each
// entry is a hypothesis taken from public projects that hook OWA (outlook-web.md). Within an
// array, the most specific and language-neutral anchor comes first and English labels follow as
// fallbacks; a comment names the era each alternative serves:
//   v9 = React OWA on Fluent UI v9 (2023–now, also new Outlook for Windows)
//   v8 = React OWA on Fluent UI v7/v8 (2019–2023)
// Each alternative is exercised by a variant under test/fixtures/owa/.

/** A contenteditable that is not switched off (`contenteditable=""` counts as on). */
const EDITABLE = '[contenteditable]:not([contenteditable="false"])';

/** The message body editor. The reading pane has an `aria-label="Message body"` element WITHOUT
 * contenteditable: every alternative requires contenteditable so it is never matched. */
export const BODY = [
  // v9 and v8: the only multi-line editable in a compose form (language-neutral)
  `${EDITABLE}[aria-multiline="true"]`,
  // v9 label; v8 label "Message body, press Alt+F10 to exit" (fixture variant c)
  `${EDITABLE}[aria-label^="Message body"]`,
];

/** The primary Send control of a compose form (not the "More send options" half of the split). */
export const SEND = [
  // v9: split button inside the language-neutral test id wrapper (fixture variants a, b, e, f)
  '[data-testid="ComposeSendButton"] .fui-SplitButton__primaryActionButton',
  // v9 English label and tooltip ("Send (Ctrl+Enter)", Mac "Send (⌘+Enter)")
  'button[aria-label="Send"]',
  'button[title^="Send ("]',
  // v8 (fixture variant c). TODO [2027-01-01]: drop
  'button[name="Send"]',
  '[data-automationid="splitbuttonprimary"]',
  // narrow/mobile layout: an icon with the label and no button semantics of its own (variant d)
  'i[aria-label="Send"]',
];

/** The "Schedule send" custom-time dialog, which Fluent renders in a portal outside the compose
 * form; its own Send is a button labelled, or reading, "Send" (DIALOG_SEND_TEXT). */
export const DIALOG = '[role="dialog"]';
export const DIALOG_SEND_TEXT = /^send$/i;
/** What tells the Schedule send dialog apart from OWA's own confirmations after our check (the
 * missing-subject prompt also has a "Send" button, and must not be intercepted again): it has a
 * date/time field (language-neutral). */
export const SCHEDULE_DIALOG_FIELD = 'input, [role="combobox"]';

/** The "More send options" half of the split button (opens Schedule send). */
export const SEND_OPTIONS = [
  // v9 split button's menu half (language-neutral)
  '[data-testid="ComposeSendButton"] .fui-SplitButton__menuButton',
  // English label, v9 and v8
  '[aria-label="More send options"]',
];

/** OWA's Discard: Esc does the same, so our dialog must never let Esc through. */
export const DISCARD = [
  // v9 and v8 (language-neutral id)
  'button#discardCompose',
  // English tooltip "Discard (Esc)"
  'button[title^="Discard"]',
];

/** Recipient wells by English label (v9 contenteditable without role or with role textbox or
 * presentation; v8 with role=combobox, variant c). When no labelled well is found, the
 * contenteditables other than the body are To, Cc, Bcc in document order (WELL_ANY). */
export const WELL = {
  to: [`${EDITABLE}[aria-label="To"]`],
  cc: [`${EDITABLE}[aria-label="Cc"]`],
  bcc: [`${EDITABLE}[aria-label="Bcc"]`],
} as const;

/** Language-neutral fallback for wells: editables that are single-line (not the body). */
export const WELL_ANY = `${EDITABLE}:not([aria-multiline="true"])`;

/** A child of a well is a pill (not typed text) when it matches, or contains a button. */
export const PILL = [
  // v9 and v8: pills are the non-editable islands of the editable well (language-neutral)
  '[contenteditable="false"]',
  // v9 Fluent InteractionTag
  '.fui-InteractionTag',
  // v8 picker item. TODO [2027-01-01]: drop
  '[class*="wellItem"]',
];

/** Where a pill's visible name (or address) is written. */
export const PILL_TEXT = [
  // v9 and v8 generated class names (outlook-web.md: "textContainer-" / "individualText-")
  '[class*="textContainer-"]',
  '[class*="individualText-"]',
];

/** A pill's own remove button. Language-neutral fallback: the pill's last button (edit.ts). */
export const PILL_REMOVE = [
  // v9 InteractionTag's secondary action
  '.fui-InteractionTagSecondary',
  '[id^="fui-InteractionTagSecondary"]',
  // English labels, v9 and v8
  'button[aria-label^="Remove"]',
  'button[title^="Remove"]',
];

/** The button that shows the Bcc well; matched by its text (BCC_TOGGLE_TEXT) when unlabelled. */
export const BCC_TOGGLE = ['button[aria-label="Bcc"]', 'button[aria-label="Show Bcc"]'];
/** The text of the Bcc toggle: the same word in English and most languages OWA ships. */
export const BCC_TOGGLE_TEXT = /^bcc$/i;

/** The subject line. */
export const SUBJECT = [
  // v9: id MSG_<draftId>_SUBJECT (language-neutral)
  'input[id^="MSG_"][id$="_SUBJECT"]',
  // v9 English label
  'input[aria-label="Subject"]',
  // v8 English label (variant c). TODO [2027-01-01]: drop
  'input[aria-label="Add a subject"]',
  'input[placeholder="Add a subject"]',
];
/** Language-neutral last resort: the last plain text input of the compose form. */
export const SUBJECT_ANY = 'input[type="text"][autocomplete="off"]';

/** Attachment cards. */
export const ATTACHMENT = [
  // v9 (language-neutral test id)
  '[data-testid="AttachmentCard"]',
  // v8 list (variant c). TODO [2027-01-01]: drop
  '[role="listbox"][aria-label="Attachments"] > [role="option"]',
];

/** Where the quoted thread begins inside the body of a reply or forward (the marker and all that
 * follows is quoted). OWA writes `#appendonsend`, an `hr`, then `#divRplyFwdMsg` (the header). */
export const QUOTE_START = ['#appendonsend', '#divRplyFwdMsg'];

/** The sender's signature inside the new text: excluded from `Draft.body`. */
export const SIGNATURE = ['#Signature'];

/** Menu buttons; the one whose row shows an address (and holds no well) is the From row. */
export const FROM_MENU = 'button[aria-haspopup="menu"]';

/** `a, b, c` for matches()/closest()/querySelectorAll(). */
export const any = (list: readonly string[]): string => list.join(',');
