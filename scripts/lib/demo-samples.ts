// The demo's sample drafts (test/fixtures/owa/demo.html) and what each one is there to show.
//
// The drafts themselves live in the fixture (`<script id="owa-samples">`), where owa.js loads
// them into the compose form; this file adds the intent: which ones Safe Send should stop, and
// the rule whose warning the sample is meant to show. A sample added to the fixture without an
// intent here is an error, so the demo never quietly skips one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../test/e2e/harness';

export const DEMO_PAGE = 'https://outlook.office.com/mail/demo.html';

export type Outcome = 'caught' | 'let through';

export interface SampleIntent {
  /** The sample's title in demo.html (its button and its JSON entry). */
  title: string;
  expected: Outcome;
  /** For a caught sample: the rule whose warning the sample is there to show. */
  rule?: string;
  /** One line for the terminal guide: what to look for when you press Send. */
  shows: string;
}

const INTENTS: readonly SampleIntent[] = [
  {
    title: 'Wrong domain',
    expected: 'caught',
    rule: 'mistyped-domain',
    shows: 'ward12.discharge@nhs.nte: spots the typo and offers to change it to nhs.net',
  },
  {
    title: 'Families in Cc',
    expected: 'caught',
    rule: 'visible-recipients',
    shows: 'three family members in Cc would see each other’s addresses: offers to move them to Bcc',
  },
  {
    title: 'GP practice, no [secure]',
    expected: 'caught',
    rule: 'unsecured-recipient',
    shows: 'a GP practice outside NHSmail and no [secure] in the subject: offers to add it',
  },
  {
    title: 'NHS number in the subject',
    expected: 'caught',
    rule: 'patient-identifier',
    shows: 'an NHS number in the subject line: points at it so you can take it out',
  },
  {
    title: 'Forgot the attachment',
    expected: 'caught',
    rule: 'missing-attachment',
    shows: '“Please find attached” with nothing attached',
  },
  {
    title: 'All fine',
    expected: 'let through',
    shows: 'internal only (nhs.net, with its attachment): sends at once, no warning',
  },
];

export interface DemoSample extends SampleIntent {
  /** Position in demo.html; `?sample=<index>` opens it, `[data-sample=<index>]` is its button. */
  index: number;
}

/** The fixture's samples in order, each with its intent; throws if the two lists disagree. */
export function loadDemoSamples(fixture = join(REPO_ROOT, 'test/fixtures/owa/demo.html')): DemoSample[] {
  const html = readFileSync(fixture, 'utf8');
  const json = /<script type="application\/json" id="owa-samples">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (json === undefined) throw new Error(`${fixture} has no <script id="owa-samples">`);
  const titles = (JSON.parse(json) as { title: string }[]).map((sample) => sample.title);
  const known = new Set(INTENTS.map((intent) => intent.title));
  const unknown = titles.filter((title) => !known.has(title));
  const gone = INTENTS.filter((intent) => !titles.includes(intent.title)).map((intent) => intent.title);
  if (unknown.length > 0 || gone.length > 0)
    throw new Error(
      `demo.html's samples and scripts/lib/demo-samples.ts disagree.` +
        (unknown.length ? ` No intent for: ${unknown.join(', ')}.` : '') +
        (gone.length ? ` Not in demo.html: ${gone.join(', ')}.` : ''),
    );
  return titles.map((title, index) => ({ ...INTENTS.find((intent) => intent.title === title)!, index }));
}
