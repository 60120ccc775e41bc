/** The layering rule, checked on the source text too (catches require() and dynamic imports the lint rule may miss). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

const ELECTRON_IMPORT = /(from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\))/;

describe('layering', () => {
  it('only src/main/electron and src/preload import electron', () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => !/src\/(main\/electron|preload)\//.test(file))
      .filter((file) => ELECTRON_IMPORT.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(SRC, file));
    expect(offenders).toEqual([]);
  });

  it('src/shared uses no Node built-ins', () => {
    const offenders = sourceFiles(path.join(SRC, 'shared')).filter((file) => /from\s+['"]node:/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
