// One benchmark scenario per process (scripts/bench.mjs starts a fresh Node for each, so the
// first call is truly cold: nothing compiled, no index built). Prints one JSON line.
//   scenario typical: 5 recipients, 2 KB body, 1,000 known addresses
//   scenario heavy:   500 recipients, 100 KB body, 10 attachments, 20,000 known addresses
//   scenario distance: our bounded edit distance against the damerau-levenshtein package
import { performance } from 'node:perf_hooks';
import damerauLevenshtein from 'damerau-levenshtein';
import { checkDraft, RULE_IDS } from '../../src/rules/index';
import { defaultPolicy, parsePolicy } from '../../src/policy/index';
import type { Policy } from '../../src/policy/schema';
import type { CheckContext, Draft } from '../../src/rules/types';
import { boundedDistance } from '../../src/rules/lib/distance';
import { CONSUMER_DOMAINS } from '../../src/rules/lib/consumer-domains';
import { accreditedDomains, heavyDraft, knownAddresses, seeded, typicalDraft } from './data';

interface Timing {
  label: string;
  first: number;
  median: number;
  p95: number;
  iterations: number;
  /** Findings of the checked draft; −1 where nothing is checked. */
  findings: number;
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

function time(label: string, call: () => number, iterations: number, warmup: number): Timing {
  let start = performance.now();
  const findings = call();
  const first = performance.now() - start;
  for (let i = 0; i < warmup; i++) call();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    start = performance.now();
    call();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { label, first, median: quantile(samples, 0.5), p95: quantile(samples, 0.95), iterations, findings };
}

/** The default policy with only `id` switched on (at its default severity, or warn). */
function onlyRule(id: (typeof RULE_IDS)[number]): Policy {
  const rules = Object.fromEntries(RULE_IDS.map((r) => [r, { severity: r === id ? 'warn' : 'off' }]));
  const parsed = parsePolicy({ rules });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.policy;
}

function scenario(name: 'typical' | 'heavy'): Timing[] {
  const heavy = name === 'heavy';
  const known = knownAddresses(heavy ? 20_000 : 1_000);
  const draft: Draft = heavy ? heavyDraft(known) : typicalDraft(known);
  const context: CheckContext = { knownAddresses: known };
  const iterations = heavy ? 300 : 5_000;
  const warmup = heavy ? 30 : 500;
  const results = [
    time('all rules (default policy)', () => checkDraft(draft, defaultPolicy, context).length, iterations, warmup),
  ];
  // Index rebuilt every call: what a caller pays if it passes a new history array each time.
  results.push(
    time(
      'all rules, new history array each call',
      () => checkDraft(draft, defaultPolicy, { knownAddresses: known.slice() }).length,
      heavy ? 30 : 500,
      heavy ? 3 : 50,
    ),
  );
  // A policy carrying NHS England's accredited list (thousands of secure domains): the first
  // call builds mistyped-domain's index for it.
  const parsed = parsePolicy({ secureDomains: ['nhs.net', ...accreditedDomains(5_000)] });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const accredited = parsed.policy;
  results.push(time('all rules, 5,000 secure domains', () => checkDraft(draft, accredited, context).length, iterations, warmup));
  for (const id of RULE_IDS) {
    const policy = onlyRule(id);
    results.push(time(`  ${id}`, () => checkDraft(draft, policy, context).length, iterations, warmup));
  }
  return results;
}

function distanceScenario(): Timing[] {
  // Pairs like mistyped-domain's: a recipient domain against known domains of similar length.
  const random = seeded(9);
  const domains = [...CONSUMER_DOMAINS, 'nhs.net', 'leedsth.nhs.uk', 'nhs.nte', 'gmial.com', 'leeds.gov.uk'];
  const pairs = Array.from({ length: 10_000 }, () => [
    domains[Math.floor(random() * domains.length)]!,
    domains[Math.floor(random() * domains.length)]!,
  ]);
  let sink = 0;
  return [
    time('boundedDistance(a, b, 2), 10,000 pairs', () => {
      for (const [a, b] of pairs) sink += boundedDistance(a!, b!, 2);
      return sink < 0 ? 0 : -1; // reads the sink so the work cannot be optimised away
    }, 200, 20),
    time('damerau-levenshtein package, 10,000 pairs', () => {
      for (const [a, b] of pairs) sink += damerauLevenshtein(a!, b!).steps;
      return sink < 0 ? 0 : -1; // reads the sink so the work cannot be optimised away
    }, 200, 20),
  ];
}

const which = process.argv[2];
const out = which === 'distance' ? distanceScenario() : scenario(which === 'heavy' ? 'heavy' : 'typical');
process.stdout.write(`${JSON.stringify(out)}\n`);
