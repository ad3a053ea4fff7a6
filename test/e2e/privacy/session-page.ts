// The drafts of the privacy session, written with words no real email has, so that finding any of
// them in storage or a log can only mean Safe Send kept something it must not.
//
// The page is the demo fixture (test/fixtures/owa/demo.html, same owa.js) with its sample drafts
// replaced by these: owa.js loads `?sample=N` into the compose form the way OWA renders a draft
// (pills, subject, body, attachment cards), so the extension reads them as it would in Outlook.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../harness/build';
import type { RequestHandler } from '../harness/server';

/** Served at https://outlook.office.com{SESSION_PATH}. Beside owa.js, so its relative URLs work. */
export const SESSION_PATH = '/mail/privacy-session.html';

/** Subject, body and attachment-name words of the drafts (and the text typed into the first). */
export const DRAFT_WORDS = {
  subjects: ['Zebrafinch', 'Quillfeather', 'Quokka'],
  bodies: ['tangerine-osprey', 'Marzipan-heron', 'Kumquat-lighthouse'],
  attachments: ['Pelican-careplan-Q7', 'Narwhal-wing-rota'],
};

/** Typed into the first draft's body with the keyboard, after it loads. */
export const TYPED_TEXT = ' Kumquat-lighthouse note for the ward.';

export const DRAFTS = [
  {
    // Warns: nhs.nte is a near miss of nhs.net (mistyped-domain, one-click fix) and not a secure
    // domain (unsecured-recipient, which the fix also settles).
    to: ['ward12.discharge@nhs.nte'],
    subject: 'Zebrafinch review for Mrs Quillfeather',
    body: ['Hello Ward 12,', '', 'The tangerine-osprey plan for Mrs Quillfeather is ready.', '', 'Thanks,'],
    attachments: [{ name: 'Pelican-careplan-Q7.pdf', size: '96 KB' }],
  },
  {
    // Internal only: sends with no dialog.
    to: ['rota.team@nhs.net'],
    subject: 'Quokka rota',
    body: ['Hi,', '', 'Marzipan-heron shifts are in the attached rota.', '', 'Thanks,'],
    attachments: [{ name: 'Narwhal-wing-rota.xlsx', size: '24 KB' }],
  },
];

/** The addresses the two sends go to once the fix is applied: what the sent-to history may hold. */
export const SENT_TO = ['ward12.discharge@nhs.net', 'rota.team@nhs.net'];

export function sessionPageHandler(): RequestHandler {
  const demo = readFileSync(join(REPO_ROOT, 'test/fixtures/owa/demo.html'), 'utf8');
  const samples = /(<script type="application\/json" id="owa-samples">)[\s\S]*?(<\/script>)/;
  if (!samples.test(demo)) throw new Error('test/fixtures/owa/demo.html has no <script id="owa-samples"> to replace');
  const html = demo.replace(samples, (_all, open: string, close: string) => `${open}\n${JSON.stringify(DRAFTS, null, 2)}\n${close}`);
  return (request) =>
    request.path.split('?')[0] === SESSION_PATH
      ? { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html }
      : undefined;
}
