/**
 * The domain pack the desk is using, and the one rule about switching: a pack that does not load
 * whole is refused with its problems and the desk keeps the last good pack (at start: the embedded
 * demo pack). Every call reads the pack once, when it rings, so a switch never changes a call midway.
 */
import type { PackSummary } from '../../../shared/domainPack';
import type { KnowledgeBase } from '../assist/knowledgeBase';
import {
  buildKnowledgeBase,
  formatProblem,
  knowledgeBaseOf,
  loadDomainPack,
  packSummary,
  type DomainPack,
  type PackProblem,
} from './domainPackLoader';

export interface LoadedPack {
  pack: DomainPack;
  knowledgeBase: KnowledgeBase;
  summary: PackSummary;
}

export type PackSwitch = { ok: true; loaded: LoadedPack } | { ok: false; problems: PackProblem[]; kept: LoadedPack };

function loadedNow(pack: DomainPack, origin: PackSummary['origin'], problem?: string): LoadedPack {
  return { pack, knowledgeBase: knowledgeBaseOf(pack), summary: packSummary(pack, origin, problem) };
}

/** Indexed in slices: the desk keeps answering while a large pack's articles are indexed. */
async function loaded(pack: DomainPack, origin: PackSummary['origin'], problem?: string): Promise<LoadedPack> {
  return { pack, knowledgeBase: await buildKnowledgeBase(pack), summary: packSummary(pack, origin, problem) };
}

export function describeProblems(dir: string, problems: readonly PackProblem[]): string {
  const shown = problems.slice(0, 3).map(formatProblem).join('; ');
  return `The domain pack in ${dir} was refused (${problems.length} problem${problems.length === 1 ? '' : 's'}: ${shown}${problems.length > 3 ? '; …' : ''}).`;
}

export class PackInUse {
  private constructor(
    private loadedPack: LoadedPack,
    /** Where the embedded demo pack is, for a setting that names no pack. */
    private readonly demoDir?: string,
  ) {}

  /**
   * The configured pack when it loads whole, otherwise the demo pack with the reason. A damaged demo
   * pack is a broken install: that throws.
   */
  static async open(options: { configuredDir?: string; demoDir: string }, problems: string[] = []): Promise<PackInUse> {
    if (options.configuredDir) {
      const result = await loadDomainPack(options.configuredDir);
      if (result.ok) return new PackInUse(await loaded(result.pack, 'configured'), options.demoDir);
      const reason = describeProblems(options.configuredDir, result.problems);
      problems.push(`${reason} Using the demo pack.`);
      const demo = await PackInUse.demo(options.demoDir);
      return new PackInUse(await loaded(demo, 'fallback', reason), options.demoDir);
    }
    return new PackInUse(await loaded(await PackInUse.demo(options.demoDir), 'demo'), options.demoDir);
  }

  private static async demo(dir: string): Promise<DomainPack> {
    const result = await loadDomainPack(dir);
    if (!result.ok) throw new Error(describeProblems(dir, result.problems));
    return result.pack;
  }

  get current(): LoadedPack {
    return this.loadedPack;
  }

  /** Switches to the pack in dir, or keeps the current one and says why not. */
  async use(dir: string, origin: PackSummary['origin'] = 'configured'): Promise<PackSwitch> {
    const result = await loadDomainPack(dir);
    if (!result.ok) return { ok: false, problems: result.problems, kept: this.loadedPack };
    this.loadedPack = await loaded(result.pack, origin);
    return { ok: true, loaded: this.loadedPack };
  }

  /** What the `domainPack` setting names: a folder, or (empty) the demo pack. */
  async useSetting(dir: string): Promise<PackSwitch> {
    if (dir) return this.use(dir, 'configured');
    if (!this.demoDir)
      return { ok: false, problems: [{ file: '', message: 'this desk has no demo pack to go back to' }], kept: this.loadedPack };
    return this.use(this.demoDir, 'demo');
  }

  /** A pack built in memory (replays and tests). */
  static of(pack: DomainPack, origin: PackSummary['origin'] = 'configured', demoDir?: string): PackInUse {
    return new PackInUse(loadedNow(pack, origin), demoDir);
  }
}
