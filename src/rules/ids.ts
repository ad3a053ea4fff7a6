// Rule ids are part of the public contract (product.md, "Rule catalogue"); sorted.
export const RULE_IDS = [
  'blocked-recipient',
  'external-recipients',
  'large-audience',
  'lookalike-address',
  'missing-attachment',
  'mistyped-domain',
  'patient-identifier',
  'unsecured-recipient',
  'unverified-recipient',
  'visible-recipients',
] as const;
