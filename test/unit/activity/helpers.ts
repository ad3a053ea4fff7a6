// Shared by the activity tests: policies and local dates.
import { parsePolicy } from '../../../src/policy/index';
import type { Policy, PolicyDocument } from '../../../src/policy/schema';

/** A complete policy from a partial document (defaults fill the rest). */
export function policyWith(document: PolicyDocument = {}): Policy {
  const parsed = parsePolicy(document);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.policy;
}

/** Midday local time on a calendar day (midday: far from any midnight or clock change). */
export function localDay(year: number, month: number, day: number): Date {
  return new Date(year, month - 1, day, 12);
}

/** `date` moved by whole calendar days. */
export function daysAfter(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days, 12);
}
