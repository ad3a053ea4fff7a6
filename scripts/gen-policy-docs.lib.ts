// The text of docs/policy.md, made from the code that decides what a policy means, so the
// reference cannot drift from it:
//   types and limits  the zod schema (src/policy/schema.ts, through z.toJSONSchema);
//   defaults          `defaultPolicy` (the schema's own defaults, src/policy/index.ts);
//   what each does    the settings page's words (the `options` messages of the default locale,
//                     assets/locales/en_GB.yml) and each rule's `meta.description` (src/rules/)
//                     — written once, shown in both places;
//   examples          run through parsePolicy and compileDomainList, so what the page says a
//                     domain entry becomes, or what error a mistake gives, is what the code does.
// A field in the schema that has no words here stops the generator (and the docs test) with its
// path, so a new setting cannot go undocumented.
//
// scripts/gen-policy-docs.ts writes it (`npm run docs`); test/unit/build/policy-docs.test.ts
// fails when the committed file differs from this output.
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { defaultPolicy, parsePolicy, Policy, type PolicyDocument } from '../src/policy/index';
import { MAX_LIST_ENTRIES } from '../src/policy/schema';
import { RULE_IDS } from '../src/rules/ids';
import { compileDomainList } from '../src/rules/lib/domains';
import { RULES } from '../src/rules/registry';
import { getMessageFrom, readLocale, translatorFrom } from './lib/locales';

type JsonSchema = {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
};

/** The lists that hold domain entries; the last one may also hold whole addresses. */
const DOMAIN_LISTS = ['organisationDomains', 'secureDomains', 'trustedDomains', 'blockedDomains'] as const;

// ---- What each setting does: the settings page's words, found by path ----

/** The settings page's words in English (the docs are in English): `page('secureTag.label')`. */
const english = translatorFrom(getMessageFrom(readLocale()));
const page = (key: string) => english(`options.${key}`);
const ruleName = (id: string) => page(`ruleNames.${id.replaceAll('-', '_')}`);

const sentences = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(' ');
const onPage = (where: string) => `Settings page: “${where}”.`;

/**
 * Every setting outside `rules`, and what the settings page says about it. The label of a
 * control says what it does; hints that only restate the type or default ("A whole number from
 * 1 to 29. The default is 21.") are left out, because the table has columns for those.
 */
const SETTINGS: Record<string, string> = {
  version: 'The policy’s format. Always 1: a policy written for a later Safe Send with a higher number is refused, not half read.',
  organisationDomains: sentences(page('sections.organisation.intro'), page('lists.organisationDomains.hint'), onPage(page('sections.organisation.heading'))),
  secureDomains: sentences(page('sections.secure.intro'), page('lists.secureDomains.hint'), onPage(page('sections.secure.heading'))),
  trustedDomains: sentences(page('sections.trusted.intro'), page('lists.trustedDomains.hint'), onPage(page('sections.trusted.heading'))),
  blockedDomains: sentences(page('sections.blocked.intro'), page('lists.blockedDomains.hint'), onPage(page('sections.blocked.heading'))),
  secureTag: sentences(page('secureTag.hint'), onPage(page('secureTag.label'))),
  'history.enabled': sentences(page('sections.history.intro'), page('historySettings.enabled.hint'), onPage(page('historySettings.enabled.label'))),
  'history.retentionDays': onPage(page('historySettings.retention.label')),
  'inactivityReminder.enabled': sentences(page('sections.reminder.intro'), onPage(page('reminderSettings.enabled.label'))),
  'inactivityReminder.afterDays': onPage(page('reminderSettings.afterDays.label')),
};

const SEVERITY_LEVELS = (['off', 'notice', 'warn', 'block'] as const).map((level) => [page(`severity.${level}`), page(`sections.rules.levelMeaning.${level}`)] as const);

/** A rule's own settings besides `severity`, keyed `rule.setting`. */
const RULE_SETTINGS: Record<string, string> = {
  'external-recipients.confirmEach': sentences(page('ruleSettings.confirmEach.label') + '.', page('ruleSettings.confirmEach.hint')),
  'large-audience.threshold': `${page('ruleSettings.largeThreshold.label')}.`,
  'missing-attachment.phrases': sentences(`${page('ruleSettings.phrases.label')}.`, page('ruleSettings.phrases.hint')),
  'unsecured-recipient.when': `${page('ruleSettings.when.legend')}: \`"always"\`: ${page('ruleSettings.when.always')}; \`"sensitive"\`: ${page('ruleSettings.when.sensitive')}.`,
  'unsecured-recipient.keywords': sentences(`${page('ruleSettings.keywords.label')}.`, page('ruleSettings.keywords.hint')),
  'visible-recipients.threshold': `${page('ruleSettings.visibleThreshold.label')}.`,
};

function wordsFor(table: Record<string, string>, key: string, path: string): string {
  const text = table[key];
  // Empty text would mean the settings page's words moved (to locale files, say): say where to look.
  if (!text?.trim())
    throw new Error(
      `docs: nothing says what \`${path}\` does. Add it to scripts/gen-policy-docs.lib.ts (from the settings page's words in assets/locales/en_GB.yml).`,
    );
  return text;
}

// ---- Types, in words ----

const n = (value: number) => value.toLocaleString('en-GB');
const code = (value: unknown) => `\`${JSON.stringify(value)}\``;
const orList = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);

function typeInWords(node: JsonSchema, path: string): string {
  const key = path.split('.').at(-1)!;
  if (node.const !== undefined) return `the number ${code(node.const)}`;
  if (node.enum) return orList(node.enum.map(code));
  switch (node.type) {
    case 'boolean':
      return '`true` or `false`';
    case 'integer':
      return `whole number from ${n(node.minimum!)} to ${n(node.maximum!)}`;
    case 'string':
      return `text, ${n(node.minLength!)} to ${n(node.maxLength!)} characters`;
    case 'array': {
      const most = node.maxItems === undefined ? '' : `, at most ${n(node.maxItems)}`;
      if ((DOMAIN_LISTS as readonly string[]).includes(key))
        return key === 'blockedDomains' ? `list of domains and addresses${most}` : `list of domains${most}`;
      const item = node.items!;
      return `list of words or phrases (each ${n(item.minLength!)} to ${n(item.maxLength!)} characters)${most}`;
    }
  }
  throw new Error(`docs: no words for the type of \`${path}\` (${JSON.stringify(node)}); add a case to typeInWords.`);
}

// ---- Markdown helpers ----

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (...cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: string[], rows: string[][]) => [row(...head), row(...head.map(() => '---')), ...rows.map((r) => row(...r))].join('\n');
const json = (value: unknown) => ['```json', JSON.stringify(value, null, 2), '```'].join('\n');

function valueAt(object: unknown, path: string[]): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], object);
}

/** The policy's JSON schema as a manager writes it (input side: every key optional). */
function policySchema(): JsonSchema {
  return z.toJSONSchema(Policy, { io: 'input', unrepresentable: 'throw' }) as JsonSchema;
}

/** `[path, schema node]` for every setting that holds a value (objects are opened up). */
function leafSettings(node: JsonSchema, prefix: string[] = []): Array<[string[], JsonSchema]> {
  const out: Array<[string[], JsonSchema]> = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = [...prefix, key];
    if (child.type === 'object') out.push(...leafSettings(child, path));
    else out.push([path, child]);
  }
  return out;
}

// ---- The sections ----

function settingsSection(schema: JsonSchema): string {
  const rows = leafSettings(schema)
    .filter(([path]) => path[0] !== 'rules')
    .map(([path, node]) => {
      const dotted = path.join('.');
      return [`\`${dotted}\``, typeInWords(node, dotted), code(valueAt(defaultPolicy, path)), wordsFor(SETTINGS, dotted, dotted)];
    });
  return [
    '## Settings',
    '',
    table(['Key', 'Type', 'Default', 'What it does'], rows),
    '',
    '`rules` holds the settings of each check: see [Checks](#checks).',
  ].join('\n');
}

function domainSection(): string {
  // What a typed entry becomes, or why it is refused, as parsePolicy says it.
  const entries: Array<[string, (typeof DOMAIN_LISTS)[number]]> = [
    ['NHS.net', 'secureDomains'],
    ['@nhs.net', 'organisationDomains'],
    ['*.Example-Trust.nhs.uk', 'secureDomains'],
    ['bücher.example', 'trustedDomains'],
    ['old.manager@example.org', 'blockedDomains'],
    ['old.manager@example.org', 'trustedDomains'],
    ['https://www.leeds.gov.uk/contact', 'secureDomains'],
    ['.example.org', 'secureDomains'],
    ['*.co.uk', 'trustedDomains'],
    ['council', 'trustedDomains'],
  ];
  const typed = entries.map(([entry, list]) => {
    const parsed = parsePolicy({ [list]: [entry] } satisfies PolicyDocument);
    const result = parsed.ok ? `kept as ${code(parsed.policy[list][0])}` : `refused: ${parsed.errors.join('; ')}`;
    return [code(entry), `\`${list}\``, result];
  });

  // Which addresses an entry covers, as the checks decide it.
  const matches: Array<[string, string]> = [
    ['nhs.net', 'jane.smith@nhs.net'],
    ['nhs.net', 'JANE.SMITH@NHS.NET'],
    ['nhs.net', 'jane.smith@ward.nhs.net'],
    ['*.example-trust.nhs.uk', 'a.khan@mail.example-trust.nhs.uk'],
    ['*.example-trust.nhs.uk', 'a.khan@example-trust.nhs.uk'],
    ['old.manager@example.org', 'old.manager@example.org'],
    ['old.manager@example.org', 'new.manager@example.org'],
  ];
  const covered = matches.map(([entry, address]) => [
    code(entry),
    `\`${address}\``,
    compileDomainList([entry]).has(address) ? 'yes' : 'no',
  ]);

  return [
    '## Domain entries',
    '',
    'The four lists (`organisationDomains`, `secureDomains`, `trustedDomains`, `blockedDomains`) take',
    'the same kind of entry:',
    '',
    '- **an exact domain**, such as `"leeds.gov.uk"`: addresses at that domain, and not at its subdomains;',
    '- **`*.` and a domain**, such as `"*.example-trust.nhs.uk"`: addresses at any subdomain of it, not at',
    '  the domain itself (list both if you mean both);',
    '- **a whole email address**, in `blockedDomains` only, such as `"old.manager@example.org"`: that one',
    '  address.',
    '',
    'Entries are compared without regard to capitals and without a final dot, and domains with',
    'accented or non-Latin letters in their ASCII (punycode) form, which is how they are kept.',
    'An entry listed twice is kept once. `*` on its own, `*` anywhere but the start, and `*.` before a',
    'suffix anyone can register under (such as `*.co.uk`) are refused, because they would cover',
    `thousands of unrelated organisations. Each list holds at most ${n(MAX_LIST_ENTRIES)} entries.`,
    '',
    'What typed entries become:',
    '',
    table(['Entry', 'In', 'Result'], typed),
    '',
    'Which addresses an entry covers:',
    '',
    table(['Entry', 'Address', 'Covered'], covered),
    '',
    'An organisation domain counts as secure too: email to it never needs the secure tag.',
  ].join('\n');
}

function rulesSection(schema: JsonSchema): string {
  const rules = schema.properties!.rules!.properties!;
  const parts = [
    '## Checks',
    '',
    'Each check (rule) has a `severity` and, for some, settings of its own, under',
    '`rules.<rule id>`. For example `{"rules": {"large-audience": {"threshold": 30}}}` changes one',
    'setting of one check and leaves everything else at its default. The severities:',
    '',
    table(
      ['Severity', 'What happens'],
      (['off', 'notice', 'warn', 'block'] as const).map((level, i) => [code(level), `${SEVERITY_LEVELS[i]![0]}: ${SEVERITY_LEVELS[i]![1]}`]),
    ),
    '',
    table(
      ['Rule id', 'Settings page', 'Default severity'],
      RULE_IDS.map((id) => [`[\`${id}\`](#${id})`, ruleName(id), code(RULES[id].meta.defaultSeverity)]),
    ),
  ];
  for (const id of RULE_IDS) {
    const ruleSchema = rules[id];
    if (!ruleSchema?.properties) throw new Error(`docs: the schema has no settings object for the rule ${id}`);
    const rows = Object.entries(ruleSchema.properties).map(([key, node]) => {
      const path = `rules.${id}.${key}`;
      const words = key === 'severity' ? `What happens when the check finds something (see the severities above).` : wordsFor(RULE_SETTINGS, `${id}.${key}`, path);
      return [`\`${key}\``, typeInWords(node, path), code(defaultPolicy.rules[id][key as keyof (typeof defaultPolicy.rules)[typeof id]]), words];
    });
    parts.push('', `### ${id}`, '', `**${ruleName(id)}.** ${RULES[id].meta.description}`, '', table(['Setting', 'Type', 'Default', 'What it does'], rows));
  }
  return parts.join('\n');
}

/** A care provider's policy, as a worked example; checked by parsePolicy here and in the docs test. */
export const EXAMPLE_POLICY = {
  version: 1,
  organisationDomains: ['nhs.net', 'oakwoodcare.org.uk'],
  secureDomains: ['nhs.net', 'leeds.gov.uk', '*.accredited-partner.org.uk'],
  trustedDomains: ['oakfieldsurgery.co.uk'],
  blockedDomains: ['gmail.com', 'old.manager@example.org'],
  secureTag: '[secure]',
  rules: {
    'external-recipients': { severity: 'warn', confirmEach: true },
    'large-audience': { severity: 'block', threshold: 20 },
    'missing-attachment': { phrases: ['please find enclosed'] },
    'patient-identifier': { severity: 'block' },
  },
  history: { retentionDays: 180 },
  inactivityReminder: { afterDays: 20 },
} satisfies PolicyDocument;

/** Mistakes a manager might make, to show what Safe Send says about each. */
const MISTAKES = {
  secureDomains: ['https://www.leeds.gov.uk/contact'],
  rules: { 'large-audiance': { threshold: 30 }, 'visible-recipients': { threshold: 'lots' } },
  secureTag: '',
  inactivityReminder: { afterDays: 45 },
};

function exampleSection(): string {
  const parsed = parsePolicy(EXAMPLE_POLICY);
  if (!parsed.ok) throw new Error(`docs: the example policy is not valid: ${parsed.errors.join('; ')}`);
  const mistakes = parsePolicy(MISTAKES);
  if (mistakes.ok) throw new Error('docs: the example of mistakes passed the schema');
  return [
    '## Example',
    '',
    'A care provider with its own domain beside nhs.net, the council and an accredited partner as',
    'secure destinations, its GP practice as a trusted partner, and personal webmail blocked:',
    '',
    json(EXAMPLE_POLICY),
    '',
    '`version` and every setting left out take their defaults. With every default filled in, the',
    'policy that applies when nothing is set at all is:',
    '',
    json(defaultPolicy),
    '',
    '## Mistakes',
    '',
    'A policy file imported on the settings page is refused as a whole when anything in it is wrong,',
    'and the page lists every problem with its place. For example, this document:',
    '',
    json(MISTAKES),
    '',
    'gives:',
    '',
    ...mistakes.errors.map((error) => `- ${error}`),
    '',
    'A policy that is already in force (saved on this computer, or set by the organisation) is never',
    'thrown away for a mistake: each wrong setting takes its default, the rest applies, and the',
    'settings page shows the problems. A mistake never switches the checks off.',
  ].join('\n');
}

/** The gecko id the Firefox build is made with (wxt.config.ts), for the policies.json path. */
function geckoId(): string {
  const config = readFileSync(new URL('../wxt.config.ts', import.meta.url), 'utf8');
  const id = /gecko:\s*{[^}]*?\bid:\s*'([^']+)'/.exec(config)?.[1];
  if (!id) throw new Error('docs: could not find browser_specific_settings.gecko.id in wxt.config.ts');
  return id;
}

function managedSection(schema: JsonSchema): string {
  // How each top-level key is written in the Windows registry (Chromium's registry_dict.cc turns a
  // REG_SZ holding JSON into a list or object when the schema says the setting is one), with the
  // example policy's own value.
  const registryValue = (key: string, node: JsonSchema) => {
    const example = (EXAMPLE_POLICY as Record<string, unknown>)[key];
    if (node.type === 'integer' || node.type === 'number' || node.const !== undefined) return ['`REG_DWORD`', `\`${example}\``];
    if (node.type === 'string') return ['`REG_SZ`, the text', `\`${example}\``];
    return ['`REG_SZ`, the JSON', `\`${JSON.stringify(example)}\``];
  };
  const rows = Object.entries(schema.properties!).map(([key, node]) => {
    if (!(key in EXAMPLE_POLICY)) throw new Error(`docs: the example policy has no \`${key}\` to show in the registry table`);
    return [`\`${key}\``, ...registryValue(key, node)];
  });
  return [
    '## Set by the organisation (managed policy)',
    '',
    'An organisation can set the policy for every browser through enterprise policy; staff then',
    'cannot change it, and the settings page shows it read-only. The managed policy is the same',
    'document: each top-level key above is one policy value.',
    '',
    "- **Chrome and Edge**: under `3rdparty` → `extensions` → the extension's id → `policy`; on Windows",
    '  the registry key `HKLM\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\<extension-id>\\policy`',
    '  (for Edge, `Microsoft\\Edge` in place of `Google\\Chrome`), written by Group Policy, Intune or a script.',
    '  The browser checks the values against `managed_schema.json` in the extension, which declares',
    '  only their types, so a wrong value inside a setting reaches Safe Send, which names it on the',
    '  settings page and uses the default for it.',
    `- **Firefox**: \`policies.json\`, under \`3rdparty\` → \`Extensions\` → \`${geckoId()}\`.`,
    '',
    'On Windows each top-level key is one registry value of the same name (values from the example above):',
    '',
    table(['Key', 'Registry value', 'Example'], rows),
    '',
    'The managed policy wins outright over anything saved on the computer: a setting it leaves out',
    'takes the default, not the local value, so staff cannot weaken it. Step-by-step instructions,',
    'with .reg files, PowerShell, Intune and Firefox examples: [Deploying Safe Send](deployment.md).',
  ].join('\n');
}

/** The whole of docs/policy.md. */
export function renderPolicyDocs(): string {
  const schema = policySchema();
  return [
    '# Safe Send policy reference',
    '',
    '<!-- Generated by `npm run docs` (scripts/gen-policy-docs.ts) from the policy schema, the rules',
    '     and the settings page\'s words. Do not edit by hand: change those, then run `npm run docs`. -->',
    '',
    'The policy decides what Safe Send checks before an email leaves NHSmail and what happens when a',
    'check finds something. It is one JSON document. A manager sets it on the Safe Send settings page,',
    'which can export it as `safe-send-policy.json` and import it on other computers; an organisation',
    'can set it for every browser through enterprise policy ([below](#set-by-the-organisation-managed-policy)).',
    '',
    '- Every key is optional. A key left out takes its default, so write only what you want to change.',
    '- A key Safe Send does not know is a mistake, named with its place and the nearest known key.',
    '',
    '- [Settings](#settings)',
    '- [Domain entries](#domain-entries)',
    '- [Checks](#checks)',
    '- [Example](#example)',
    '- [Mistakes](#mistakes)',
    '- [Set by the organisation (managed policy)](#set-by-the-organisation-managed-policy)',
    '',
    settingsSection(schema),
    '',
    domainSection(),
    '',
    rulesSection(schema),
    '',
    exampleSection(),
    '',
    managedSection(schema),
    '',
  ].join('\n');
}
