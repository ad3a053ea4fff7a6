// The policy's public entry points (product.md, "Public contracts"):
//   defaultPolicy, parsePolicy(input) → {ok: true, policy} | {ok: false, errors}
// and, additively: parsePolicyText (file imports), repairPolicy (stored and managed policies:
// a bad field falls back to its default, the rest is kept) and policyToDocument (what to save or
// export: only what differs from the defaults).
//
// Every error is "path: what is allowed", e.g.
//   rules.large-audience.threshold: must be a whole number from 2 to 1000
// and is written for a care manager, not a programmer.
import * as z from 'zod/mini';
import levenshtein from 'damerau-levenshtein';
import { Policy, quote } from './schema';
import { findJsonSyntaxProblem } from './json-syntax';

export { Policy, type PolicyDocument } from './schema';

/**
 * At most this many problems are listed; the rest are counted in one last line. Issue 4 asks for
 * every error of a bad file: real mistakes (a few typos, a DCB1596 list with some bad rows) are
 * all listed; only a file that is wrong throughout (thousands of errors) is summarised.
 */
export const MAX_ERRORS = 1000;
/**
 * Largest policy file `parsePolicyText` reads. 50,000 secure domains (MAX_LIST_ENTRIES) take
 * about 1.5 MB pretty-printed, so 4 MB leaves room; anything bigger is the wrong file.
 */
export const MAX_POLICY_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Names that mean something to JavaScript objects. JSON.parse makes them ordinary keys, and zod
 * rejects them as unknown (so nothing is ever assigned through them); the message says why.
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** `rules.large-audience.threshold`, `secureDomains[2]`, `["odd key"]`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z0-9_$-]{1,60}$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${quote(String(key), 40)}]`;
  }
  return out;
}

type AnySchema = z.core.$ZodType;

/** The known keys of the object schema at `path` in Policy (through defaults), if it is one. */
function knownKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: AnySchema | undefined = Policy;
  for (let depth = 0; schema && depth <= path.length; ) {
    const def = schema._zod.def as z.core.$ZodTypeDef & {
      innerType?: AnySchema;
      shape?: Record<string, AnySchema>;
    };
    if (def.innerType) {
      schema = def.innerType;
      continue;
    }
    if (depth === path.length) return def.shape ? Object.keys(def.shape) : [];
    const key = path[depth];
    schema = typeof key === 'string' && def.shape && Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
    depth++;
  }
  return [];
}

/**
 * The known name `key` was probably meant to be: same letters ignoring case and separators
 * (`LargeAudience`, `large_audience`), or at most a few typing slips away (`large-audiance`,
 * `organizationDomains`). Long keys are not compared: a 1 MB key must not cost a 1 MB² matrix.
 */
function closest(key: string, candidates: readonly string[]): string | undefined {
  if (key.length > 60) return undefined;
  const simplify = (s: string) => s.toLowerCase().replace(/[-_\s.]/g, '');
  const typed = simplify(key);
  const allowed = Math.max(1, Math.min(3, Math.floor(typed.length / 4)));
  let best: string | undefined;
  let bestSteps = allowed + 1;
  for (const candidate of candidates) {
    const known = simplify(candidate);
    const steps = typed === known ? 0 : levenshtein(typed, known).steps;
    if (steps < bestSteps) {
      best = candidate;
      bestSteps = steps;
    }
  }
  return best;
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function unknownKeyMessage(parent: readonly PropertyKey[], key: string): string {
  const at = formatPath([...parent, key]);
  if (RESERVED_KEYS.has(key)) return `${at}: is a reserved name and cannot be used in a policy; remove it`;
  const known = knownKeysAt(parent);
  const suggestion = closest(key, known);
  if (parent.length === 1 && parent[0] === 'rules') {
    return suggestion
      ? `${at}: is not a rule Safe Send knows; did you mean ${suggestion}?`
      : `${at}: is not a rule Safe Send knows; the rules are ${listInWords(known)}`;
  }
  if (parent.length === 2 && parent[0] === 'rules') {
    return suggestion
      ? `${at}: is not a setting of this rule; did you mean ${suggestion}?`
      : `${at}: is not a setting of this rule; its settings are ${listInWords(known)}`;
  }
  return suggestion
    ? `${at}: is not a setting Safe Send knows; did you mean ${suggestion}?`
    : `${at}: is not a setting Safe Send knows; check the spelling or remove it`;
}

/** Plain-English messages for zod's issues, at most MAX_ERRORS of them plus a count. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  const errors: string[] = [];
  let more = 0;
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        if (errors.length < MAX_ERRORS) errors.push(unknownKeyMessage(issue.path, key));
        else more++;
      }
      continue;
    }
    if (errors.length >= MAX_ERRORS) {
      more++;
      continue;
    }
    const at = formatPath(issue.path);
    errors.push(at ? `${at}: ${issue.message}` : `The policy ${issue.message}`);
  }
  if (more > 0) errors.push(`…and ${more.toLocaleString('en-GB')} more ${more === 1 ? 'problem' : 'problems'} like these`);
  return errors;
}

export type ParseResult = { ok: true; policy: Policy } | { ok: false; errors: string[] };

/** Validates a policy document (parsed JSON, managed storage) and fills in the defaults. */
export function parsePolicy(input: unknown): ParseResult {
  const result = Policy.safeParse(input);
  if (result.success) return { ok: true, policy: result.data };
  return { ok: false, errors: describeIssues(result.error.issues) };
}

export const defaultPolicy: Policy = (() => {
  const parsed = Policy.safeParse({});
  if (!parsed.success) throw new Error('The default policy does not pass its own schema');
  return parsed.data;
})();

/** UTF-8 size of `text` in bytes, without copying it. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** `512 KB`, `4.2 MB` (1 MB = 1,048,576 bytes, as Windows Explorer shows sizes). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/**
 * A policy file's text (an import on the options page): refuses one over MAX_POLICY_FILE_BYTES,
 * says where JSON syntax goes wrong (line and column), then validates it as `parsePolicy` does.
 */
export function parsePolicyText(text: string): ParseResult {
  const bytes = utf8Bytes(text);
  if (bytes > MAX_POLICY_FILE_BYTES) {
    return {
      ok: false,
      errors: [
        `This file is ${formatFileSize(bytes)}; a policy file can be at most ${formatFileSize(MAX_POLICY_FILE_BYTES)}. Check you chose the policy file exported from Safe Send.`,
      ],
    };
  }
  // Windows Notepad saves UTF-8 with a byte order mark, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, errors: ['This file is empty. Choose the policy file exported from Safe Send.'] };
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (error) {
    const where = findJsonSyntaxProblem(body);
    return {
      ok: false,
      errors: [
        where
          ? `This file is not valid JSON. Line ${where.line}, column ${where.column}: ${where.problem}.`
          : `This file is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
      ],
    };
  }
  return parsePolicy(document);
}

// ---- Repair: for policies read back from storage, where rejecting would leave nothing ----

interface Removal {
  whole: boolean;
  children: Map<PropertyKey, Removal>;
}

/** Every path zod complains about: the offending value, or each unknown key. */
function issuePaths(issues: readonly z.core.$ZodIssue[]): PropertyKey[][] {
  const paths: PropertyKey[][] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) paths.push([...issue.path, key]);
    else paths.push([...issue.path]);
  }
  return paths;
}

/**
 * A copy of `value` without the values at `paths` (array entries are dropped, object keys
 * deleted, so their defaults apply). Only the containers on a path are copied; keys are defined,
 * never assigned, so a "__proto__" key stays an ordinary key and cannot reach any prototype.
 */
function withoutPaths(value: unknown, paths: readonly PropertyKey[][]): unknown {
  const root: Removal = { whole: false, children: new Map() };
  for (const path of paths) {
    let node = root;
    for (const key of path) {
      if (node.whole) break;
      let child = node.children.get(key);
      if (!child) node.children.set(key, (child = { whole: false, children: new Map() }));
      node = child;
    }
    node.whole = true;
  }
  const apply = (current: unknown, node: Removal): unknown => {
    if (Array.isArray(current)) {
      const out: unknown[] = [];
      current.forEach((item, index) => {
        const child = node.children.get(index);
        if (child?.whole) return;
        out.push(child ? apply(item, child) : item);
      });
      return out;
    }
    if (current !== null && typeof current === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(current)) {
        const child = node.children.get(key);
        if (child?.whole) continue;
        const item = (current as Record<string, unknown>)[key];
        Object.defineProperty(out, key, {
          value: child ? apply(item, child) : item,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return current;
  };
  return root.whole ? {} : apply(value, root);
}

export interface RepairResult {
  policy: Policy;
  /** What was wrong, as parsePolicy words it; empty when the document was valid. */
  errors: string[];
}

/**
 * A policy from a document that may be partly wrong: each bad value falls back to its default
 * (a bad list entry is dropped, an unknown key ignored) and the rest of the manager's settings
 * are kept (Dark Reader's "repair, don't reject"). Why not fall back to the whole default
 * policy: one mistyped threshold would also empty the block list and undo every severity the
 * manager raised. What a bad value falls back to is never weaker than the default policy.
 */
export function repairPolicy(input: unknown): RepairResult {
  const first = Policy.safeParse(input);
  if (first.success) return { policy: first.data, errors: [] };
  const errors = describeIssues(first.error.issues);
  let document = input;
  let issues = first.error.issues;
  // Dropping values can only let defaults in, so one pass normally settles it; the bound is a
  // guard against a schema change that would make repair loop.
  for (let pass = 0; pass < 3; pass++) {
    document = withoutPaths(document, issuePaths(issues));
    const again = Policy.safeParse(document);
    if (again.success) return { policy: again.data, errors };
    issues = again.error.issues;
  }
  return { policy: defaultPolicy, errors };
}

// ---- What to save or export ----

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The parts of `value` that differ from `fallback`, or undefined when none do. */
function difference(value: unknown, fallback: unknown): unknown {
  if (isPlainObject(value) && isPlainObject(fallback)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const changed = difference(value[key], fallback[key]);
      if (changed !== undefined) out[key] = changed;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return sameJson(value, fallback) ? undefined : value;
}

/**
 * The smallest document that parses back to `policy`: its version and what differs from the
 * defaults. Saving or exporting this (not the filled-in policy) lets a later Safe Send's better
 * defaults reach settings the manager never changed.
 */
export function policyToDocument(policy: Policy): z.input<typeof Policy> {
  const changed = difference(policy, defaultPolicy);
  return { version: policy.version, ...(isPlainObject(changed) ? changed : {}) } as z.input<typeof Policy>;
}
