import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from './tester';

// Sent-to history: colleagues at nhs.net, a council, a GP practice and a relative's gmail.
const history = [
  'jane.smith@nhs.net',
  'john.smith1@nhs.net',
  'jo@nhs.net',
  'anna.k@nhs.net',
  'referrals@leeds.gov.uk',
  'admin@parkviewsurgery.nhs.uk',
  'p.patel@a.leedsth.nhs.uk',
  'margaret.jones@gmail.com',
  'Amir.Khan@NHS.net', // history may keep the case it was typed in
];
const context = { knownAddresses: history };

const fixes = (typed: string, ...known: string[]) => {
  const recipient = { field: 'to' as const, address: typed };
  return [
    ...known.map((to) => ({ kind: 'replace-address' as const, recipient, to })),
    { kind: 'remove-recipient' as const, recipient },
  ];
};

ruleTester('lookalike-address', {
  valid: [
    // Known addresses are never reported, whatever their case
    { name: 'an address emailed before', draft: { to: ['jane.smith@nhs.net'] }, context },
    { name: 'a known address in other capitals', draft: { to: ['JANE.SMITH@NHS.NET', 'amir.khan@nhs.net'] }, context },
    { name: 'no history at all', draft: { to: ['jane.smtih@nhs.net'] } },
    { name: 'an empty history', draft: { to: ['jane.smtih@nhs.net'] }, context: { knownAddresses: [] } },
    { name: 'a recipient with no address', draft: { to: [{ name: 'Jane Smith' }] }, context },
    // New addresses unlike anything known
    { name: 'a new colleague with a different name', draft: { to: ['peter.brown@nhs.net'] }, context },
    // Short local parts are not distinctive: jo and jd are different people
    { name: 'a short local part one letter from a known one', draft: { to: ['jd@nhs.net'] }, context },
    { name: 'a two-letter local part at another domain', draft: { to: ['jo@gmail.com'] }, context },
    // Two edits is a different name, not a slip
    { name: 'two edits away', draft: { to: ['jane.smyht@nhs.net'] }, context },
    // Shared mailbox names: every organisation has one
    { name: 'referrals@ at another organisation', draft: { to: ['referrals@bradford.gov.uk'] }, context },
    { name: 'admin@ at another practice', draft: { to: ['admin@oakwoodsurgery.nhs.uk'] }, context },
    // The same organisation under another subdomain is not "another domain"
    { name: 'the same name at the trust’s main domain', draft: { to: ['p.patel@leedsth.nhs.uk'] }, context },
    // A near miss at a different domain is neither kind
    { name: 'a near-miss local part at another domain', draft: { to: ['jane.smtih@gmail.com'] }, context },
  ],
  invalid: [
    // (b) near misses at the same domain
    {
      name: 'two letters swapped',
      draft: { to: ['jane.smtih@nhs.net'] },
      context,
      findings: [
        {
          messageId: 'nearMiss',
          recipients: ['jane.smtih@nhs.net'],
          message: ['jane.smtih@nhs.net is very like jane.smith@nhs.net', 'change it to jane.smith@nhs.net'],
          fixes: fixes('jane.smtih@nhs.net', 'jane.smith@nhs.net'),
          marks: ['ti'],
        },
      ],
    },
    { name: 'a missing letter', draft: { to: ['jane.smih@nhs.net'] }, context, findings: [{ messageId: 'nearMiss', marks: ['i'] }] },
    { name: 'an extra letter', draft: { to: ['jane.smitth@nhs.net'] }, context, findings: [{ messageId: 'nearMiss', marks: ['t'] }] },
    {
      name: 'the wrong namesake (NHSmail numbers people with the same name)',
      draft: { to: ['john.smith2@nhs.net'] },
      context,
      findings: [{ message: ['john.smith1@nhs.net'], fixes: fixes('john.smith2@nhs.net', 'john.smith1@nhs.net'), marks: ['2'] }],
    },
    {
      name: 'compared case-insensitively, shown as typed',
      draft: { to: ['Jane.Smtih@NHS.net'] },
      context,
      findings: [{ message: ['Jane.Smtih@NHS.net'], fixes: fixes('Jane.Smtih@NHS.net', 'jane.smith@nhs.net'), marks: ['ti'] }],
    },
    {
      name: 'a near miss of a history entry stored in capitals',
      draft: { to: ['amir.kahn@nhs.net'] },
      context,
      findings: [{ fixes: fixes('amir.kahn@nhs.net', 'amir.khan@nhs.net') }],
    },
    {
      name: 'every close known address is offered',
      draft: { to: ['sam.lee2@nhs.net'] },
      context: { knownAddresses: ['sam.lee1@nhs.net', 'sam.lee3@nhs.net', 'sam.lee@nhs.net'] },
      findings: [
        { fixes: fixes('sam.lee2@nhs.net', 'sam.lee1@nhs.net', 'sam.lee3@nhs.net', 'sam.lee@nhs.net'), marks: ['2'] },
      ],
    },
    // (a) a known local part at another organisation
    {
      name: 'a colleague’s name at gmail.com',
      draft: { to: ['jane.smith@gmail.com'] },
      context,
      findings: [
        {
          messageId: 'otherDomain',
          message: ['You have not emailed jane.smith@gmail.com before', 'you have emailed jane.smith@nhs.net'],
          fixes: fixes('jane.smith@gmail.com', 'jane.smith@nhs.net'),
          marks: ['gmail.com'],
        },
      ],
    },
    {
      name: 'a relative’s gmail name at nhs.net',
      draft: { cc: ['margaret.jones@nhs.net'] },
      context,
      findings: [{ recipients: ['margaret.jones@nhs.net'], message: ['margaret.jones@gmail.com'], marks: ['nhs.net'] }],
    },
    {
      name: 'a known name at a mistyped domain',
      draft: { to: ['jane.smith@nhs.nte'] },
      context,
      findings: [{ messageId: 'otherDomain', fixes: fixes('jane.smith@nhs.nte', 'jane.smith@nhs.net'), marks: ['nhs.nte'] }],
    },
    // Many recipients: each reported on its own, known ones skipped
    {
      name: 'only the unknown look-alikes among several recipients',
      draft: { to: ['jane.smith@nhs.net', 'jane.smtih@nhs.net'], bcc: ['john.smith1@gmail.com', 'peter.brown@nhs.net'] },
      context,
      findings: [{ recipients: ['jane.smtih@nhs.net'] }, { recipients: ['john.smith1@gmail.com'] }],
    },
    {
      name: 'the policy’s severity',
      draft: { to: ['jane.smtih@nhs.net'] },
      context,
      policy: { rules: { 'lookalike-address': { severity: 'notice' } } },
      findings: [{ severity: 'notice' }],
    },
  ],
});

// The index is kept per history array (rebuilding it for 20,000 addresses on every check would
// cost milliseconds): it must not go stale when the caller adds to the same array.
describe('lookalike-address history index', () => {
  it('knows an address pushed onto the same history array since the last check', () => {
    const knownAddresses = ['jane.smith@nhs.net'];
    const draft = { to: ['jane.smith@gmail.com'] };
    expect(runRule('lookalike-address', { name: 'before', draft, context: { knownAddresses } })).toHaveLength(1);
    knownAddresses.push('jane.smith@gmail.com');
    expect(runRule('lookalike-address', { name: 'after', draft, context: { knownAddresses } })).toEqual([]);
  });
});
