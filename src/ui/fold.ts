// One mistake, one warning. A mistyped or look-alike address (or a blocked one) makes other
// checks speak about the same recipient: `ward12@nhs.nte` is also "not secure" (nhs.nte is not
// nhs.net) and "outside your organisation". Those are consequences of the one mistake, and its
// fix — the right address, or removing it — answers them too. So the warning leaves out a
// finding when every recipient it names is already the subject of an address-mistake finding
// at least as serious. The demo's "Wrong domain" draft showed three findings about one address
// before this; it shows one.
//
// Never folded: findings about anything but recipients (an NHS number, a missing attachment),
// findings naming any other recipient, a follow-on more serious than the mistake it follows, and
// `confirmEach` findings (an organisation that asks for each external address to be ticked
// gets its ticks). checkDraft itself still reports everything: the options page's "Try a draft"
// shows it all.
import type { Finding, Recipient, Severity } from '../rules/types';

/** Findings that say an address itself is wrong or not allowed. */
const ADDRESS_MISTAKES = new Set(['mistyped-domain', 'lookalike-address', 'blocked-recipient']);
/** Findings that follow from an address being wrong: where it is, not whether it is right. */
const FOLLOW_ONS = new Set(['unsecured-recipient', 'external-recipients', 'visible-recipients']);
const RANK: Record<Severity, number> = { notice: 0, warn: 1, block: 2 };

const keyOf = (r: Recipient) => `${r.field}:${(r.address ?? r.name ?? '').toLowerCase()}`;

export function foldFollowOns(findings: readonly Finding[]): Finding[] {
  /** For each recipient named by an address mistake, the most serious such finding's rank. */
  const mistaken = new Map<string, number>();
  for (const f of findings) {
    if (!ADDRESS_MISTAKES.has(f.ruleId)) continue;
    for (const r of f.recipients ?? []) mistaken.set(keyOf(r), Math.max(mistaken.get(keyOf(r)) ?? -1, RANK[f.severity]));
  }
  if (mistaken.size === 0) return [...findings];
  return findings.filter((f) => {
    if (!FOLLOW_ONS.has(f.ruleId) || f.confirmEach || !f.recipients?.length) return true;
    const covered = f.recipients.every((r) => (mistaken.get(keyOf(r)) ?? -1) >= RANK[f.severity]);
    return !covered;
  });
}
