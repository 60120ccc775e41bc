/**
 * The shape of a JSON document before it is trusted: how deep it nests, how many entries a container
 * holds, and which object keys appear twice (JSON.parse silently keeps the last). Both checks are one
 * iterative pass, so a package nested 10 000 levels deep is refused without any recursion.
 */

export interface ShapeLimits {
  maxDepth: number;
  maxEntries: number;
}

export type ShapeProblem = { kind: 'too_deep'; path: string } | { kind: 'too_many_entries'; path: string };

export interface ShapeReport {
  problem?: ShapeProblem;
  /** Paths (dot-separated, array indices as numbers) of keys that appear more than once in their object. */
  duplicateKeys: string[];
}

interface Frame {
  kind: 'object' | 'array';
  /** The path segment of this container inside its parent. */
  segment: string;
  keys?: Set<string>;
  expectingKey: boolean;
  currentKey?: string;
  index: number;
}

const pathOf = (stack: readonly Frame[], last?: string): string => {
  const segments = stack.slice(1).map((frame) => frame.segment);
  if (last !== undefined) segments.push(last);
  const shown = segments.length > 8 ? [...segments.slice(0, 8), '…'] : segments;
  return shown.join('.') || 'package';
};

/** Scans JSON text (assumed to be what JSON.parse will read) in one linear pass. */
export function scanJsonText(text: string, limits: ShapeLimits): ShapeReport {
  const stack: Frame[] = [];
  const duplicateKeys: string[] = [];
  const segmentForChild = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    return top.kind === 'array' ? String(top.index) : (top.currentKey ?? '?');
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let end = i + 1;
      while (end < text.length) {
        const d = text.charCodeAt(end);
        if (d === 0x5c /* \ */) end += 2;
        else if (d === 0x22) break;
        else end++;
      }
      const top = stack[stack.length - 1];
      if (top?.kind === 'object' && top.expectingKey) {
        const key = text.slice(i + 1, end);
        if (top.keys!.has(key)) duplicateKeys.push(pathOf(stack, key));
        top.keys!.add(key);
        top.currentKey = key;
        top.expectingKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const segment = segmentForChild();
      stack.push({
        kind: c === 0x7b ? 'object' : 'array',
        segment,
        keys: c === 0x7b ? new Set() : undefined,
        expectingKey: c === 0x7b,
        index: 0,
      });
      if (stack.length > limits.maxDepth)
        return { problem: { kind: 'too_deep', path: pathOf(stack.slice(0, -1), segment) }, duplicateKeys };
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (!top) continue;
      top.index++;
      if (top.kind === 'object') top.expectingKey = true;
      if (top.index >= limits.maxEntries) return { problem: { kind: 'too_many_entries', path: pathOf(stack) }, duplicateKeys };
    }
  }
  return { duplicateKeys };
}

/** The same limits for a value that arrived already parsed (task attributes), walked without recursion. */
export function checkValueShape(value: unknown, limits: ShapeLimits): ShapeProblem | undefined {
  const pending: Array<{ value: unknown; depth: number; path: string[] }> = [{ value, depth: 0, path: [] }];
  while (pending.length) {
    const { value: node, depth, path } = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const where = (extra?: string) => {
      const segments = extra === undefined ? path : [...path, extra];
      return (segments.length > 8 ? [...segments.slice(0, 8), '…'] : segments).join('.') || 'package';
    };
    if (depth + 1 > limits.maxDepth) return { kind: 'too_deep', path: where() };
    const entries = Array.isArray(node) ? node.map((child, index) => [String(index), child] as const) : Object.entries(node);
    if (entries.length > limits.maxEntries) return { kind: 'too_many_entries', path: where() };
    // Paths are only built for the first few levels, so a deep chain costs no more than its length.
    for (const [key, child] of entries) pending.push({ value: child, depth: depth + 1, path: path.length < 9 ? [...path, key] : path });
  }
  return undefined;
}
