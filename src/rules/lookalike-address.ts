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
// again reuses it; a caller that copies it each time pays the build each time): a hash table
// from local part to addresses for (a), and, per domain and built only when a recipient at that
// domain needs it, a one-deletion neighbourhood for (b) (SymSpell's idea: two strings one edit
// apart — insert, delete, substitute or swap — share a string made by deleting at most one
// character from each).
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

/**
 * The history, indexed with as few objects as possible: 20,000 addresses must index in a few
 * milliseconds and leave little for the garbage collector (a first version keeping every
 * deletion string in a Map was about twenty times slower to build, `npm run bench`'s "new
 * history array" row). Addresses get ids in history order; the rest is typed arrays.
 */
interface KnownIndex {
  /** The history's length when indexed: a history that grew in place is indexed again. */
  length: number;
  /** normalised address → id. */
  ids: Map<string, number>;
  addresses: string[];
  /** id → position of the `@` (= the local part's length). */
  at: Int32Array;
  /** Local part → ids with it, as a hash table chained through `nextSameLocal`. */
  localHead: Int32Array;
  nextSameLocal: Int32Array;
  /** domain → its first id, ids chained through `nextSameDomain`. */
  domainHead: Map<string, number>;
  nextSameDomain: Int32Array;
  /** domain → its one-deletion neighbourhood; built on first use. */
  neighbourhoods: Map<string, Neighbourhood | undefined>;
}

/**
 * A hash table from a hash of every string made by deleting at most one character of a known
 * local part at one domain to the ids with that local part (about 200,000 entries for 15,000
 * nhs.net addresses). Hashes, not strings; a colliding hash only adds a candidate, which the
 * exact distance check then drops.
 */
interface Neighbourhood {
  /** bucket → first entry (−1: empty). */
  head: Int32Array;
  /** entry → next entry in its bucket. */
  next: Int32Array;
  hash: Uint32Array;
  /** entry → address id. */
  owner: Int32Array;
}

const indexes = new WeakMap<readonly string[], KnownIndex>();

/** Already normalised (how a history is normally kept): no need to build a new string. */
const PLAIN_ADDRESS = /^[a-z0-9._%+'-]+@[a-z0-9.-]*[a-z0-9-]$/;

function tableSize(entries: number): number {
  let size = 16;
  while (size < entries * 2) size *= 2;
  return size;
}

/** FNV-1a of `text[0, end)`, finalised so the low bits make a good bucket index. */
function hashRange(text: string, end: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

function knownIndex(history: readonly string[]): KnownIndex {
  const cached = indexes.get(history);
  if (cached && cached.length === history.length) return cached;
  const ids = new Map<string, number>();
  const addresses: string[] = [];
  for (const raw of history) {
    const address = PLAIN_ADDRESS.test(raw) ? raw : normaliseAddress(raw);
    const at = address.lastIndexOf('@');
    if (at <= 0 || at === address.length - 1 || ids.has(address)) continue;
    ids.set(address, addresses.length);
    addresses.push(address);
  }
  const count = addresses.length;
  const at = new Int32Array(count);
  const localHead = new Int32Array(tableSize(count)).fill(-1);
  const nextSameLocal = new Int32Array(count);
  const domainHead = new Map<string, number>();
  const nextSameDomain = new Int32Array(count);
  const mask = localHead.length - 1;
  // Backwards, so that each chain (built by prepending) runs in history order.
  for (let id = count - 1; id >= 0; id--) {
    const address = addresses[id]!;
    const end = address.lastIndexOf('@');
    at[id] = end;
    const bucket = hashRange(address, end) & mask;
    nextSameLocal[id] = localHead[bucket]!;
    localHead[bucket] = id;
    const domain = address.slice(end + 1);
    nextSameDomain[id] = domainHead.get(domain) ?? -1;
    domainHead.set(domain, id);
  }
  const index = { length: history.length, ids, addresses, at, localHead, nextSameLocal, domainHead, nextSameDomain, neighbourhoods: new Map() };
  indexes.set(history, index);
  return index;
}

// Polynomial hashing mod 2^32, so that the hash of `text` with character i deleted comes from
// prefix and suffix hashes in O(1): prefix(i) · B^(n−1−i) + suffix(i+1).
const B = 0x01000193;
let powers = new Uint32Array(0);
let prefix = new Uint32Array(0);
let suffix = new Uint32Array(0);

/** Prepare deletion hashes of `text[0, n)`. */
function prepareHashes(text: string, n: number): void {
  if (powers.length <= n + 1) {
    const size = Math.max(64, (n + 2) * 2);
    powers = new Uint32Array(size);
    prefix = new Uint32Array(size);
    suffix = new Uint32Array(size);
    powers[0] = 1;
    for (let i = 1; i < size; i++) powers[i] = Math.imul(powers[i - 1]!, B);
  }
  prefix[0] = 0;
  for (let i = 0; i < n; i++) prefix[i + 1] = (Math.imul(prefix[i]!, B) + text.charCodeAt(i)) >>> 0;
  suffix[n] = 0;
  for (let i = n - 1; i >= 0; i--) suffix[i] = (Math.imul(text.charCodeAt(i), powers[n - 1 - i]!) + suffix[i + 1]!) >>> 0;
}

/** After prepareHashes(text, n): the hash of text[0, n) without character `i` (−1: none deleted). */
function deletionHash(n: number, i: number): number {
  const h = i < 0 ? prefix[n]! : (Math.imul(prefix[i]!, powers[n - 1 - i]!) + suffix[i + 1]!) >>> 0;
  // Mix in the length and spread the bits (murmur3's finaliser) for the bucket index.
  let x = (h ^ Math.imul(i < 0 ? n : n - 1, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Deleting either letter of a double (`ll`) gives the same string: skip the second. */
function isRepeat(text: string, i: number): boolean {
  return i > 0 && text.charCodeAt(i) === text.charCodeAt(i - 1);
}

function neighbourhood(index: KnownIndex, domain: string): Neighbourhood | undefined {
  if (index.neighbourhoods.has(domain)) return index.neighbourhoods.get(domain);
  const first = index.domainHead.get(domain) ?? -1;
  let entries = 0;
  for (let id = first; id >= 0; id = index.nextSameDomain[id]!)
    if (index.at[id]! >= MIN_NEAR_MISS_LENGTH) entries += index.at[id]! + 1;
  let table: Neighbourhood | undefined;
  if (entries > 0) {
    const head = new Int32Array(tableSize(entries)).fill(-1);
    const next = new Int32Array(entries);
    const hash = new Uint32Array(entries);
    const owner = new Int32Array(entries);
    const mask = head.length - 1;
    let entry = 0;
    for (let id = first; id >= 0; id = index.nextSameDomain[id]!) {
      const n = index.at[id]!;
      if (n < MIN_NEAR_MISS_LENGTH) continue;
      const address = index.addresses[id]!;
      prepareHashes(address, n);
      for (let i = -1; i < n; i++) {
        if (isRepeat(address, i)) continue;
        const h = deletionHash(n, i);
        hash[entry] = h;
        owner[entry] = id;
        next[entry] = head[h & mask]!;
        head[h & mask] = entry;
        entry++;
      }
    }
    table = { head, next, hash, owner };
  }
  index.neighbourhoods.set(domain, table);
  return table;
}

/** Known addresses at `domain` whose local part is one edit from `local`, in history order. */
function nearMisses(index: KnownIndex, local: string, domain: string): string[] {
  if (local.length < MIN_NEAR_MISS_LENGTH) return [];
  const table = neighbourhood(index, domain);
  if (!table) return [];
  const found: number[] = [];
  const mask = table.head.length - 1;
  prepareHashes(local, local.length);
  for (let i = -1; i < local.length; i++) {
    if (isRepeat(local, i)) continue;
    const h = deletionHash(local.length, i);
    for (let entry = table.head[h & mask]!; entry >= 0; entry = table.next[entry]!) {
      if (table.hash[entry] !== h) continue;
      const id = table.owner[entry]!;
      if (found.includes(id)) continue;
      const candidate = index.addresses[id]!.slice(0, index.at[id]);
      if (candidate !== local && boundedDistance(local, candidate, 1) <= 1) found.push(id);
    }
  }
  return found.sort((a, b) => a - b).map((id) => index.addresses[id]!);
}

/** Known addresses with this local part at another organisation, in history order. */
function sameNameElsewhere(index: KnownIndex, local: string, domain: string): string[] {
  if (local.length < MIN_OTHER_DOMAIN_LENGTH || SHARED_MAILBOX_NAMES.has(local)) return [];
  const organisation = registrableDomain(domain) ?? domain;
  const found: string[] = [];
  const bucket = hashRange(local, local.length) & (index.localHead.length - 1);
  for (let id = index.localHead[bucket]!; id >= 0; id = index.nextSameLocal[id]!) {
    const address = index.addresses[id]!;
    if (index.at[id] !== local.length || !address.startsWith(local)) continue;
    const knownDomain = address.slice(local.length + 1);
    if ((registrableDomain(knownDomain) ?? knownDomain) !== organisation) found.push(address);
  }
  return found;
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
      if (at <= 0 || at === address.length - 1 || index.ids.has(address)) continue;
      const local = address.slice(0, at);
      const domain = address.slice(at + 1);
      const near = nearMisses(index, local, domain);
      if (near.length > 0) {
        reports.push(
          report(recipient, 'nearMiss', near, (text) => {
            const offset = text.lastIndexOf('@') - local.length;
            const intended = near[0]!.slice(0, near[0]!.lastIndexOf('@'));
            return differingRanges(local, intended).map(([s, e]): [number, number] => [s + offset, e + offset]);
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
