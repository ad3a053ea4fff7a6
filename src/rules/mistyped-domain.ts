// A recipient's domain that is a near miss of one the user surely meant: nhs.net, a domain the
// policy names, or a common UK consumer mail domain. `nhs.nte`, `gmial.com`, `nhs.nеt` (Cyrillic
// е) all deliver to someone else — or to nobody, after the message has left NHSmail.
//
// Precision matters more than recall here (care staff stop reading warnings that are often
// wrong), so:
// - a domain the policy names (exactly or by `*.suffix`), nhs.net and the consumer list are
//   never typos, and neither is a subdomain of one of them;
// - the distance allowed grows with the intended domain's length (0 up to 5 characters, 1 up to
//   11, then 2), so `nhs.uk`, `nhs.scot`, `hscni.net` and `wales.nhs.uk` — real NHS domains, 3 or
//   more edits from nhs.net — are never reported;
// - short consumer names (aol, sky, me) are only matched when the name itself is right
//   (`aol.cmo`), because a changed three-letter name is usually another real company (aon.com);
//   nhs.net is the exception: in NHS mail a near miss of it is far likelier a slip than a
//   correspondent at mhs.net;
// - the same name under another country's second-level suffix (hotmail.co.jp for hotmail.co.uk)
//   is a different real domain, not a typo;
// - look-alike letters are compared by their Latin skeleton (./lib/confusables), at any length.
// A typo in the last labels is reported with the rest kept (`mail.nhs.nte` → `mail.nhs.net`):
// whoever owns nhs.nte receives the mail whatever comes before it. And nhs.net with a suffix
// added (`nhs.net.uk`) is reported too, though it is 3 edits away.
import { defineRule } from './types';
import type { Recipient, Report } from './types';
import type { Policy } from '../policy/schema';
import { domainOf, policyDomains } from './lib/domains';
import { CONSUMER_DOMAINS, isConsumerDomain } from './lib/consumer-domains';
import { skeleton, toUnicodeDomain } from './lib/confusables';
import { boundedDistance, differingRanges } from './lib/distance';
import { isPublicSuffix, publicSuffix } from './lib/organisation';

const NHSMAIL = 'nhs.net';

/** Where an intended domain comes from; lower wins a tie. */
const Source = { NhsMail: 0, Policy: 1, Consumer: 2 } as const;
type Source = (typeof Source)[keyof typeof Source];

interface Target {
  domain: string;
  skeleton: string;
  labels: number;
  source: Source;
  maxDistance: number;
  /**
   * The label before the public suffix when it is 3 letters or fewer (`aol` in aol.com);
   * undefined for longer names, for nhs.net and for a target that is all suffix (`nhs.uk`).
   */
  shortName: string | undefined;
  suffix: string;
}

interface TargetIndex {
  /** label count → length → targets, by the domain as written and by its skeleton. */
  byRawShape: Map<number, Map<number, Target[]>>;
  bySkeletonShape: Map<number, Map<number, Target[]>>;
  /** The same, only the few targets whose skeleton differs from the domain (btinternet.com). */
  foldedShape: Map<number, Map<number, Target[]>>;
  exact: Set<string>;
  /** Answers so far (a pure function of the domain and the policy), so a domain is worked out once. */
  answers: Map<string, Match | undefined>;
}

/** Answers kept per policy; past this the cache starts again (a long session meets many domains). */
const MAX_CACHED_ANSWERS = 10_000;

/** How far a typed domain may be from the intended one: scaled to the intended one's length. */
function maxDistanceFor(domain: string): number {
  if (domain.length <= 5) return 0;
  if (domain.length <= 11) return 1;
  return 2;
}

const MAX_DISTANCE = 2;

function labelCount(domain: string): number {
  let count = 1;
  for (let i = 0; i < domain.length; i++) if (domain.charCodeAt(i) === 46) count++;
  return count;
}

/** `aol` for aol.com, `hotmail` for hotmail.co.uk. */
function nameLabel(domain: string, suffix: string): string {
  const rest = domain.slice(0, Math.max(0, domain.length - suffix.length - 1));
  return rest.slice(rest.lastIndexOf('.') + 1);
}

// Built once per policy object: a DCB1596 list can name thousands of domains.
const indexes = new WeakMap<Policy, TargetIndex>();

function targetIndex(policy: Policy): TargetIndex {
  const cached = indexes.get(policy);
  if (cached) return cached;
  const byRawShape = new Map<number, Map<number, Target[]>>();
  const bySkeletonShape = new Map<number, Map<number, Target[]>>();
  const foldedShape = new Map<number, Map<number, Target[]>>();
  const exact = new Set<string>();
  const file = (shapes: Map<number, Map<number, Target[]>>, target: Target, length: number) => {
    let byLength = shapes.get(target.labels);
    if (!byLength) shapes.set(target.labels, (byLength = new Map()));
    const bucket = byLength.get(length);
    if (bucket) bucket.push(target);
    else byLength.set(length, [target]);
  };
  const add = (domain: string, source: Source) => {
    if (!domain || exact.has(domain)) return;
    exact.add(domain);
    const suffix = publicSuffix(domain);
    const name = nameLabel(domain, suffix);
    const target: Target = {
      domain,
      skeleton: skeleton(toUnicodeDomain(domain)),
      labels: labelCount(domain),
      source,
      maxDistance: maxDistanceFor(domain),
      shortName: source !== Source.NhsMail && name.length > 0 && name.length <= 3 ? name : undefined,
      suffix,
    };
    file(byRawShape, target, domain.length);
    file(bySkeletonShape, target, target.skeleton.length);
    if (target.skeleton !== domain) file(foldedShape, target, target.skeleton.length);
  };
  add(NHSMAIL, Source.NhsMail);
  for (const domain of policyDomains(policy).knownDomains) add(domain, Source.Policy);
  for (const domain of CONSUMER_DOMAINS) add(domain, Source.Consumer);
  const index = { byRawShape, bySkeletonShape, foldedShape, exact, answers: new Map() };
  indexes.set(policy, index);
  return index;
}

interface Match {
  /** The whole corrected domain (`mail.nhs.net` for `mail.nhs.nte`). */
  corrected: string;
  distance: number;
  source: Source;
  /** The typed domain uses non-ASCII look-alike letters. */
  lookalike: boolean;
}

function isKnown(domain: string, policy: Policy): boolean {
  if (domain === NHSMAIL || isConsumerDomain(domain)) return true;
  const lists = policyDomains(policy);
  return (
    lists.knownDomains.has(domain) ||
    lists.organisation.hasDomain(domain) ||
    lists.secure.hasDomain(domain) ||
    lists.trusted.hasDomain(domain) ||
    lists.blocked.hasDomain(domain)
  );
}

/**
 * Every target within its allowed distance of `text`, with that distance. `labels` undefined:
 * targets of any label count (the whole domain: `nhsnet` is one edit from nhs.net).
 */
function scan(
  shapes: Map<number, Map<number, Target[]>>,
  labels: number | undefined,
  text: string,
  form: (target: Target) => string,
  consider: (target: Target, distance: number) => void,
): void {
  const groups = labels === undefined ? shapes.values() : [shapes.get(labels)].values();
  for (const byLength of groups) {
    if (!byLength) continue;
    for (let len = text.length - MAX_DISTANCE; len <= text.length + MAX_DISTANCE; len++) {
      const bucket = byLength.get(len);
      if (!bucket) continue;
      for (const target of bucket) {
        // Length alone rules most targets out before any distance is computed.
        if (Math.abs(len - text.length) > target.maxDistance) continue;
        const distance = boundedDistance(text, form(target), target.maxDistance);
        if (distance <= target.maxDistance) consider(target, distance);
      }
    }
  }
}

/** The best near miss for a normalised domain, or undefined when it looks like nothing known. */
function findIntended(domain: string, policy: Policy): Match | undefined {
  if (isKnown(domain, policy)) return undefined;
  const index = targetIndex(policy);
  const lookalike = domain.includes('xn--');
  const labels = domain.split('.');
  let best: Match | undefined;

  // nhs.net with a suffix added (`nhs.net.uk`, mixing up nhs.net and nhs.uk) is somebody
  // else's domain, however far it is by edit distance. Only nhs.net: yahoo.com.au is Yahoo's
  // own, and mind.org.uk is a different charity from a policy's mind.org.
  if (domain.startsWith(`${NHSMAIL}.`)) return { corrected: NHSMAIL, distance: 1, source: Source.NhsMail, lookalike };

  // Views: the whole domain, then each shorter tail of two or more labels that some target
  // has as many labels as (`nhs.nte` in `mail.nhs.nte`).
  for (let cut = 0; cut <= labels.length - 2 || cut === 0; cut++) {
    const view = cut === 0 ? domain : labels.slice(cut).join('.');
    const prefix = cut === 0 ? '' : `${labels.slice(0, cut).join('.')}.`;
    const viewLabels = labels.length - cut;
    // A subdomain of a known domain is that organisation's own business, not a typo.
    if (cut > 0 && index.exact.has(view)) return undefined;
    // `nhs.uk` in `leedsth.nhs.uk` names no one; only the whole domain could be mistyped.
    if (cut > 0 && isPublicSuffix(view)) continue;
    const viewSkeleton = skeleton(toUnicodeDomain(view));
    const viewSuffix = publicSuffix(view);
    const viewName = nameLabel(view, viewSuffix);
    const consider = (target: Target, distance: number) => {
      if (distance > 0) {
        // aon.com is not a typo of aol.com (see the header).
        if (target.shortName !== undefined && viewName !== target.shortName) return;
        // hotmail.co.jp is not a typo of hotmail.co.uk.
        if (
          viewName === nameLabel(target.domain, target.suffix) &&
          viewSuffix !== target.suffix &&
          viewSuffix.includes('.') &&
          target.suffix.includes('.')
        )
          return;
      }
      if (!best || distance < best.distance || (distance === best.distance && target.source < best.source))
        best = { corrected: prefix + target.domain, distance, source: target.source, lookalike };
    };
    // Compared as written (`btintrenet.com` is one swap from btinternet.com) and by skeleton
    // (`hotrnail.com`, `nhs.nеt`); the smaller distance counts.
    scan(index.byRawShape, cut === 0 ? undefined : viewLabels, view, (t) => t.domain, consider);
    // When the view looks as it is written, only targets that do not (btinternet.com) can match
    // by skeleton what they did not match as written.
    const skeletonShapes = viewSkeleton === view ? index.foldedShape : index.bySkeletonShape;
    scan(skeletonShapes, cut === 0 ? undefined : viewLabels, viewSkeleton, (t) => t.skeleton, consider);
  }
  return best;
}

export default defineRule({
  meta: {
    id: 'mistyped-domain',
    description: 'A recipient’s domain is a near miss of nhs.net, a policy domain or a common email provider.',
    defaultSeverity: 'warn',
    messages: {
      mistyped:
        'Check {{address}}: “{{domain}}” looks like a mistake for “{{suggestion}}”. Change it to {{corrected}} if that is who you meant, or remove it.',
      lookalike:
        'Check {{address}}: it is not {{suggestion}} but a look-alike written with letters from another alphabet. Change it to {{corrected}} if that is who you meant, or remove it.',
    },
  },
  check(draft, _settings, { policy }) {
    const reports: Report[] = [];
    // One answer per domain per policy: a draft to 500 people has a few dozen domains, and the
    // next check of the same draft has the same ones.
    const { answers } = targetIndex(policy);
    for (const recipient of draft.recipients) {
      const domain = domainOf(recipient.address);
      if (!domain || !recipient.address) continue;
      let match = answers.get(domain);
      if (match === undefined && !answers.has(domain)) {
        match = findIntended(domain, policy);
        if (answers.size >= MAX_CACHED_ANSWERS) answers.clear();
        answers.set(domain, match);
      }
      if (match) reports.push(report(recipient, recipient.address, domain, match));
    }
    return reports;
  },
});

function report(recipient: Recipient, address: string, domain: string, match: Match): Report {
  const local = address.slice(0, address.lastIndexOf('@')).trim();
  const shown = toUnicodeDomain(domain);
  const text = `${local}@${shown}`;
  const offset = local.length + 1;
  const marks = differingRanges(shown, match.corrected).map(
    ([start, end]): [number, number] => [start + offset, end + offset],
  );
  const corrected = `${local}@${match.corrected}`;
  return {
    messageId: match.lookalike ? 'lookalike' : 'mistyped',
    data: { address, domain: shown, suggestion: match.corrected, corrected },
    recipients: [recipient],
    fixes: [
      { kind: 'replace-domain', recipient, to: match.corrected },
      { kind: 'remove-recipient', recipient },
    ],
    evidence: [{ source: 'address', text, marks, suggestion: match.corrected, recipient }],
  };
}
