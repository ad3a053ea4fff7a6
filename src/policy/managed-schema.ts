// The Chrome/Edge `storage.managed_schema` (assets/public/managed_schema.json), derived from the
// zod schema so the two cannot drift: test/unit/policy/managed-schema.test.ts regenerates it
// (`npx vitest run --project unit test/unit/policy/managed-schema.test.ts -u`) and fails when
// the file is stale. Not imported by the extension at run time.
//
// Chrome's dialect (components/policy/core/common/schema.cc, developer.chrome.com "Manifest for
// storage areas"): draft-03-like JSON Schema; the top level is an object without
// additionalProperties; each node has exactly one `type` (or a `$ref`); and each type accepts
// only a few attributes — an unknown attribute ("default", "maxItems", "minLength",
// "additionalProperties": false, "$schema") makes Chrome refuse to load the extension.
//
// Types only, on purpose: no enum, minimum or maximum. Chrome drops a whole top-level policy when
// any value inside it breaks the schema (tried in Chromium: one threshold of 1 under "minimum": 2
// dropped every rule setting, raised severities included, with no sign in storage.managed).
// Declaring only types lets a wrong value reach our zod schema, which names it on the options
// page and replaces just that value with its default (repairPolicy). Unknown keys inside an object
// are still stripped by Chrome (shown on chrome://policy); Chrome's schemas have no "any" type.
import * as z from 'zod/mini';
import { RULES } from '../rules/registry';
import { Policy } from './schema';

/** Attributes Chrome accepts, per type (schema.cc, kAttributesAndTypesFor*). */
export const CHROME_SCHEMA_ATTRIBUTES: Record<string, readonly string[]> = {
  array: ['description', 'id', 'items', 'sensitiveValue', 'title', 'type'],
  boolean: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  integer: ['description', 'enum', 'id', 'maximum', 'minimum', 'sensitiveValue', 'title', 'type'],
  number: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  object: ['additionalProperties', 'description', 'id', 'patternProperties', 'properties', 'required', 'sensitiveValue', 'title', 'type'],
  string: ['description', 'enum', 'id', 'pattern', 'sensitiveValue', 'title', 'type'],
};

/** Shown to the admin by policy editors (Google Admin console, chrome://policy). */
const DESCRIPTIONS: Record<string, string> = {
  version: 'Policy format version. Always 1.',
  organisationDomains:
    'Your organisation\'s own email domains: mail to them is internal. An exact domain, or "*.example.org" for its subdomains.',
  secureDomains:
    'Domains that are safe without the secure tag: nhs.net and organisations accredited to the Secure Email Standard (DCB1596).',
  trustedDomains:
    'External partners you email routinely: not reported as external, but still need the secure tag unless also secure.',
  blockedDomains: 'Domains or full email addresses that must never receive mail from this browser.',
  secureTag: 'The subject tag that makes NHSmail encrypt a message, such as "[secure]".',
  rules: 'Settings per check. Each has "severity": off, notice, warn (confirm to send) or block (cannot send).',
  history: 'The list of addresses sent to before, kept only on this computer, used to spot lookalike addresses.',
  inactivityReminder: 'Reminds staff to sign in before NHSmail deactivates an unused account (after 30 days).',
  severity: 'off, notice, warn (confirm to send) or block (cannot send).',
  threshold:
    'The number the check counts up to: people in To and Cc for large-audience; outside recipients at different organisations for visible-recipients.',
  confirmEach: 'Each external recipient must be ticked before "Send anyway" works.',
  phrases: 'Extra words or phrases that mean something is attached.',
  when: '"always", or "sensitive": only when an NHS number or one of the keywords is found.',
  keywords: 'Words that make a message sensitive (with "when": "sensitive").',
  enabled: 'true or false.',
  retentionDays: 'How many days an address is remembered.',
  afterDays: 'Days without signing in before the reminder shows (NHSmail deactivates after 30).',
};

type JsonSchema = Record<string, unknown>;

/** Keeps the types (and descriptions) only; see above for why. */
function toChrome(node: JsonSchema, name: string | undefined, path: string): JsonSchema {
  let type = node.type;
  // `version` is the literal 1, which zod describes as a number with "const".
  if ('const' in node && type === 'number' && Number.isInteger(node.const)) type = 'integer';
  if (typeof type !== 'string' || !(type in CHROME_SCHEMA_ATTRIBUTES))
    throw new Error(`${path || 'policy'}: Chrome's managed schema needs exactly one simple type, not ${JSON.stringify(node)}`);
  const out: JsonSchema = { type };
  const description = name && (DESCRIPTIONS[name] ?? (name in RULES ? RULES[name as keyof typeof RULES].meta.description : undefined));
  if (description) out.description = description;
  if (type === 'array') out.items = toChrome(node.items as JsonSchema, undefined, `${path}[]`);
  if (type === 'object') {
    const properties: Record<string, JsonSchema> = {};
    for (const [key, value] of Object.entries((node.properties ?? {}) as Record<string, JsonSchema>))
      properties[key] = toChrome(value, key, path ? `${path}.${key}` : key);
    out.properties = properties;
  }
  return out;
}

/** The managed schema for Chrome and Edge, from the policy's zod schema. */
export function chromeManagedSchema(): JsonSchema {
  const standard = z.toJSONSchema(Policy, { io: 'input', unrepresentable: 'throw' }) as JsonSchema;
  return toChrome(standard, undefined, '');
}
