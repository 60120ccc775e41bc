import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The store is module state: a fresh copy per test.
async function freshStore() {
  vi.resetModules();
  return import('../../../src/renderer/src/state/noticeStore');
}

describe('notices expire', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each([
    ['info', 6_000],
    ['warning', 15_000],
    ['error', 45_000],
  ] as const)('a %s notice goes away by itself after %i ms', async (level, ms) => {
    const store = await freshStore();
    store.pushNotice(level, 'Saving the notes failed: disk full');
    expect(store.noticesNow()).toHaveLength(1);
    vi.advanceTimersByTime(ms - 1);
    expect(store.noticesNow()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(store.noticesNow()).toHaveLength(0);
  });

  it('a repeated notice counts up and its time starts again', async () => {
    const store = await freshStore();
    store.pushNotice('info', 'Copied');
    vi.advanceTimersByTime(5_000);
    store.pushNotice('info', 'Copied');
    expect(store.noticesNow()).toEqual([expect.objectContaining({ message: 'Copied', count: 2 })]);
    vi.advanceTimersByTime(5_000);
    expect(store.noticesNow()).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(store.noticesNow()).toHaveLength(0);
  });
});
