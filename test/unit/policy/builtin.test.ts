import { describe, expect, it } from 'vitest';
import { BUILTIN_POLICY } from '../../../src/policy/builtin';
import { defaultPolicy, parsePolicy } from '../../../src/policy/index';

describe('BUILTIN_POLICY (the content script’s copy of the defaults)', () => {
  it('is exactly the schema’s default policy', () => {
    expect(BUILTIN_POLICY).toEqual(defaultPolicy);
  });
  it('passes the schema unchanged', () => {
    expect(parsePolicy(BUILTIN_POLICY)).toEqual({ ok: true, policy: defaultPolicy });
  });
});
