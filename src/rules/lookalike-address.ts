// A new address that looks like one the user has emailed before: the autocomplete slip and the
// "right name, wrong domain" slip. Two kinds, both against `context.knownAddresses`:
//   (a) a known local part at another organisation: jane.smith@nhs.net known, jane.smith@gmail.com
//       typed (a colleague's personal address, or a namesake's);
//   (b) a near miss at the same domain: jane.smtih@nhs.net, or john.smith2@nhs.net when
//       john.smith1@nhs.net is the one emailed before (NHSmail adds digits to tell namesakes apart).
// An address the user has emailed before is never reported.
//
// Precision: (b) needs both local parts to be at least 5 characters and one edit apart (a
// swap of two neighbouring letters is one edit) — `jo` and `jd`, `anna` and `anne` are usually
// different people. (a) ignores shared mailbox names (info@, admin@, referrals@…): every
// organisation has one and they are not the same mailbox; and it ignores another domain of the
// same organisation (a.leedsth.nhs.uk and leedsth.nhs.uk).
//
// Speed: a heavy draft has 500 recipients against 20,000 known addresses. The addresses are
// indexed once per array (a WeakMap keyed by the array, so a caller that passes the same array
// again reuses it): a map from local part to addresses for (a), and, per domain and built only
// when a recipient at that domain needs it, a one-deletion neighbourhood (SymSpell's idea: two
// strings one edit apart share a string made by deleting at most one character from each) for (b).
import { defineRule } from './types';
import type { Fix, Recipient, Report } from './types';
import { normaliseAddress } from './lib/domains';
import { boundedDistance, differingRanges } from './lib/distance';
import { registrableDomain } from './lib/organisation';

/** Shortest local part compared for near misses (b) and for another domain (a). */
const MIN_NEAR_MISS_LENGTH = 5;
const MIN_OTHER_DOMAIN_LENGTH = 4;
/** At most this many known addresses offered as replacements. */
const MAX_SUGGESTIONS = 3;

/** Shared mailbox names: the same name at two organisations is two different mailboxes. */
const SHARED_MAILBOX_NAMES = new Set([
  'accounts', 'admin', 'administration', 'administrator', 'admissions', 'appointments', 'bookings',
  'care', 'careers', 'clinic', 'complaints', 'contact', 'contactus', 'dataprotection', 'do-not-reply',
  'donotreply', 'dpo', 'email', 'enquiries', 'enquiry', 'events', 'feedback', 'finance', 'foi',
  'general', 'hello', 'help', 'helpdesk', 'hr', 'info', 'information', 'invoices', 'jobs', 'mail',
  'manager', 'marketing', 'news', 'newsletter', 'no-reply', 'noreply', 'nurses', 'office', 'pals',
  'payroll', 'pharmacy', 'post', 'postmaster', 'practice', 'press', 'privacy', 'reception',
  'recruitment', 'referrals', 'safeguarding', 'sales', 'secretary', 'security', 'service',
  'services', 'support', 'surgery', 'team', 'training', 'webmaster', 'workforce',
]);

interface KnownIndex {
  known: Set<string>;
  /** local part → known addresses with it, in history order. */
  byLocal: Map<string, string[]>;
  /** domain → local parts known at it. */
  localsByDomain: Map<string, string[]>;
  /** domain → (local part or a one-deletion of it → local parts); built on first use. */
  neighbourhoods: Map<string, Map<string, string[]>>;
}

const indexes = new WeakMap<readonly string[], KnownIndex>();

function knownIndex(addresses: readonly string[]): KnownIndex {
  const cached = indexes.get(addresses);
  if (cached) return cached;
  const known = new Set<string>();
  const byLocal = new Map<string, string[]>();
  const localsByDomain = new Map<string, string[]>();
  for (const raw of addresses) {
    const address = normaliseAddress(raw);
    const at = address.lastIndexOf('@');
    if (at <= 0 || known.has(address)) continue;
    known.add(address);
    const local = address.slice(0, at);
    const domain = address.slice(at + 1);
    const sameLocal = byLocal.get(local);
    if (sameLocal) sameLocal.push(address);
    else byLocal.set(local, [address]);
    const locals = localsByDomain.get(domain);
    if (locals) locals.push(local);
    else localsByDomain.set(domain, [local]);
  }
  const index = { known, byLocal, localsByDomain, neighbourhoods: new Map() };
  indexes.set(addresses, index);
  return index;
}

function addTo(map: Map<string, string[]>, key: string, local: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [local]);
  else if (list[list.length - 1] !== local) list.push(local);
}

function neighbourhood(index: KnownIndex, domain: string): Map<string, string[]> | undefined {
  let map = index.neighbourhoods.get(domain);
  if (map) return map;
  const locals = index.localsByDomain.get(domain);
  if (!locals) return undefined;
  map = new Map();
  for (const local of locals) {
    if (local.length < MIN_NEAR_MISS_LENGTH) continue;
    addTo(map, local, local);
    for (let i = 0; i < local.length; i++) addTo(map, local.slice(0, i) + local.slice(i + 1), local);
  }
  index.neighbourhoods.set(domain, map);
  return map;
}

/** Known local parts at `domain` one edit from `local` (not `local` itself). */
function nearMisses(index: KnownIndex, local: string, domain: string): string[] {
  if (local.length < MIN_NEAR_MISS_LENGTH) return [];
  const map = neighbourhood(index, domain);
  if (!map) return [];
  const found: string[] = [];
  const consider = (key: string) => {
    for (const candidate of map.get(key) ?? []) {
      if (candidate === local || found.includes(candidate)) continue;
      if (boundedDistance(local, candidate, 1) <= 1) found.push(candidate);
    }
  };
  consider(local);
  for (let i = 0; i < local.length; i++) consider(local.slice(0, i) + local.slice(i + 1));
  return found;
}

/** Known addresses with this local part at another organisation. */
function sameNameElsewhere(index: KnownIndex, local: string, domain: string): string[] {
  if (local.length < MIN_OTHER_DOMAIN_LENGTH || SHARED_MAILBOX_NAMES.has(local)) return [];
  const others = index.byLocal.get(local);
  if (!others) return [];
  const organisation = registrableDomain(domain) ?? domain;
  return others.filter((known) => {
    const knownDomain = known.slice(known.lastIndexOf('@') + 1);
    return (registrableDomain(knownDomain) ?? knownDomain) !== organisation;
  });
}

export default defineRule({
  meta: {
    id: 'lookalike-address',
    description: 'A new address looks like one emailed before: the same name at another domain, or one letter different.',
    defaultSeverity: 'warn',
    messages: {
      otherDomain:
        'You have not emailed {{address}} before, but you have emailed {{known}}. Check which one you mean: change it to {{known}}, or remove it.',
      nearMiss:
        '{{address}} is very like {{known}}, which you have emailed before, but not the same. Check it is the right person: change it to {{known}}, or remove it.',
    },
  },
  check(draft, _settings, { context }) {
    const history = context.knownAddresses;
    if (!history || history.length === 0) return [];
    const index = knownIndex(history);
    const reports: Report[] = [];
    for (const recipient of draft.recipients) {
      if (!recipient.address) continue;
      const address = normaliseAddress(recipient.address);
      const at = address.lastIndexOf('@');
      if (at <= 0 || at === address.length - 1 || index.known.has(address)) continue;
      const local = address.slice(0, at);
      const domain = address.slice(at + 1);
      const near = nearMisses(index, local, domain);
      if (near.length > 0) {
        reports.push(
          report(recipient, 'nearMiss', near.map((l) => `${l}@${domain}`), (text) => {
            const offset = text.lastIndexOf('@') - local.length;
            return differingRanges(local, near[0]!).map(([s, e]): [number, number] => [s + offset, e + offset]);
          }),
        );
        continue;
      }
      const elsewhere = sameNameElsewhere(index, local, domain);
      if (elsewhere.length > 0) {
        // The whole domain is what differs.
        reports.push(report(recipient, 'otherDomain', elsewhere, (text) => [[text.lastIndexOf('@') + 1, text.length]]));
      }
    }
    return reports;
  },
});

function report(
  recipient: Recipient,
  messageId: 'nearMiss' | 'otherDomain',
  suggestions: string[],
  marksIn: (text: string) => Array<[number, number]>,
): Report {
  const typed = recipient.address!.trim();
  // Highlights index into the text shown; lower-casing keeps ASCII lengths, not every letter's.
  const text = typed.toLowerCase().length === typed.length ? typed : normaliseAddress(typed);
  const offered = suggestions.slice(0, MAX_SUGGESTIONS);
  const fixes: Fix[] = offered.map((to) => ({ kind: 'replace-address', recipient, to }));
  fixes.push({ kind: 'remove-recipient', recipient });
  return {
    messageId,
    data: { address: typed, known: offered[0]! },
    recipients: [recipient],
    fixes,
    evidence: [{ source: 'address', text, marks: marksIn(text), suggestion: offered[0]!, recipient }],
  };
}
