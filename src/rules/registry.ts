// Every rule, sorted by id. The meta-test checks this list against the files in src/rules/,
// the policy schema, the tests and the README.
import blockedRecipient from './blocked-recipient';
import externalRecipients from './external-recipients';
import largeAudience from './large-audience';
import lookalikeAddress from './lookalike-address';
import missingAttachment from './missing-attachment';
import mistypedDomain from './mistyped-domain';
import patientIdentifier from './patient-identifier';
import unsecuredRecipient from './unsecured-recipient';
import unverifiedRecipient from './unverified-recipient';
import visibleRecipients from './visible-recipients';
import type { Rule, RuleId, SeveritySetting } from './types';

export const RULES = {
  'blocked-recipient': blockedRecipient,
  'external-recipients': externalRecipients,
  'large-audience': largeAudience,
  'lookalike-address': lookalikeAddress,
  'missing-attachment': missingAttachment,
  'mistyped-domain': mistypedDomain,
  'patient-identifier': patientIdentifier,
  'unsecured-recipient': unsecuredRecipient,
  'unverified-recipient': unverifiedRecipient,
  'visible-recipients': visibleRecipients,
} satisfies { [Id in RuleId]: Rule<Id> };

export const DEFAULT_SEVERITY = Object.fromEntries(
  Object.values(RULES).map((rule) => [rule.meta.id, rule.meta.defaultSeverity]),
) as Record<RuleId, SeveritySetting>;
