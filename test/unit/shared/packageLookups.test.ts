import { describe, expect, it } from 'vitest';
import { packageAttemptFor } from '../../../src/shared/packageLookups';

const attempts = [
  { tool: 'verify_identity', input: { account_id: 'HP5VQ9JC3M', order_id: '2954017738' }, ok: true, result: 'verified' },
  { tool: 'lookup_order', input: { order_id: '2954017738' }, ok: true, result: '1 item, calvin klein jacket, paid 149 USD' },
];

describe("the desk's lookup beside the AI's own in the package", () => {
  it('pairs a lookup with the AI attempt of the same tool on the same value', () => {
    expect(packageAttemptFor({ tool: 'lookup_order', input: { order_id: '2954017738' } }, attempts)?.result).toMatch(/calvin klein jacket/);
  });

  it('does not pair another tool or another value', () => {
    expect(packageAttemptFor({ tool: 'lookup_account', input: { account_id: 'HP5VQ9JC3M' } }, attempts)).toBeUndefined();
    expect(packageAttemptFor({ tool: 'lookup_order', input: { order_id: '1111111111' } }, attempts)).toBeUndefined();
  });
});
