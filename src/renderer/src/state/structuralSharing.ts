/**
 * callChanged brings a whole new CallView, parsed from JSON, on every turn. Keeping the previous object
 * for every part that did not change lets memoised views (the package, each assist section) skip their
 * render: a new suggestion re-renders the suggestions, not the guideline steps or the package.
 */

/** Returns `next`, with every part deep-equal to the same part of `prev` replaced by prev's object. */
export function replaceEqualDeep<T>(prev: unknown, next: T): T {
  if (prev === next) return next;
  if (Array.isArray(prev) && Array.isArray(next)) {
    let same = prev.length === next.length;
    const merged = next.map((item, i) => {
      const shared = replaceEqualDeep(prev[i], item);
      if (shared !== prev[i]) same = false;
      return shared;
    });
    return (same ? prev : merged) as T;
  }
  if (isPlainObject(prev) && isPlainObject(next)) {
    const prevKeys = Object.keys(prev);
    const nextKeys = Object.keys(next);
    let same = prevKeys.length === nextKeys.length;
    const merged: Record<string, unknown> = {};
    for (const key of nextKeys) {
      const shared = replaceEqualDeep(prev[key], next[key]);
      merged[key] = shared;
      if (shared !== prev[key] || !(key in prev)) same = false;
    }
    return (same ? prev : merged) as T;
  }
  return next;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
