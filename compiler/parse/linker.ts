import { dslExport, dslExportNames } from './dsl.js';
import {
  positionOf, type ExportEntry, type LocalBinding, type ModuleInfo, type ModuleLoader, type ModuleRef, type Reporter,
} from './modules.js';
import type { TypeScript } from './typescript.js';

/** What an exported or imported name stands for, once re-exports are followed. */
export type Target =
  | { readonly kind: 'binding'; readonly module: ModuleInfo; readonly binding: LocalBinding }
  | { readonly kind: 'default'; readonly module: ModuleInfo; readonly node: TypeScript.ExportAssignment }
  | { readonly kind: 'dsl'; readonly name: string }
  | { readonly kind: 'namespace'; readonly module: ModuleInfo | 'dsl' }
  /** Could not be followed; already reported. */
  | { readonly kind: 'broken' };

const BROKEN: Target = { kind: 'broken' };

/**
 * Links names across modules: follows imports, `export { a as b } from` and `export *` to the
 * declaration (or DSL function, or namespace) a name stands for. Loads modules as it goes.
 */
export class Linker {
  private readonly imports = new Map<LocalBinding | ExportEntry, Target>();

  constructor(private readonly loader: ModuleLoader, private readonly report: Reporter) {}

  /** The names a module exports, `export *` included (ambiguous star names excluded, as in ES modules). */
  exportNames(module: ModuleInfo): string[] {
    return [...this.collectExportNames(module, new Set())];
  }

  private moduleOf(ref: ModuleRef): ModuleInfo | 'dsl' | undefined {
    switch (ref.kind) {
      case 'dsl': return 'dsl';
      case 'file': return this.loader.load(ref.file);
      case 'broken': return undefined;
    }
  }

  private collectExportNames(module: ModuleInfo | 'dsl', seen: Set<ModuleInfo | 'dsl'>): Set<string> {
    if (module === 'dsl') return new Set(dslExportNames());
    const names = new Set<string>();
    if (seen.has(module) || module.broken) return names;
    seen.add(module);
    for (const name of module.exports.keys()) names.add(name);
    // A name several `export *` give different meanings to is not exported at all.
    const fromStars = new Map<string, Target | null>();
    for (const ref of module.stars) {
      const star = this.moduleOf(ref);
      if (!star) continue;
      for (const name of this.collectExportNames(star, seen)) {
        if (name === 'default' || names.has(name)) continue;
        const target = this.resolveExport(star, name) ?? null;
        const previous = fromStars.get(name);
        if (previous === undefined) fromStars.set(name, target);
        else if (previous !== null && target && !sameTarget(previous, target)) fromStars.set(name, null);
      }
    }
    for (const [name, target] of fromStars) if (target) names.add(name);
    return names;
  }

  /**
   * Follows an export to what it stands for; undefined when the module has no such export (or
   * only an ambiguous one from several `export *`).
   */
  resolveExport(module: ModuleInfo | 'dsl', name: string, seen = new Set<string>()): Target | undefined {
    if (module === 'dsl') return dslExport(name) ? { kind: 'dsl', name } : undefined;
    if (module.broken) return BROKEN;
    const key = `${module.file}\0${name}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const entry = module.exports.get(name);
    if (entry) {
      switch (entry.kind) {
        case 'default':
          return { kind: 'default', module, node: entry.node };
        case 'local': {
          const binding = module.locals.get(entry.local);
          if (!binding) return BROKEN; // reported when the module was loaded
          return binding.kind === 'import' ? this.resolveImport(module, binding) : { kind: 'binding', module, binding };
        }
        case 'from':
          return this.resolveImport(module, entry);
      }
    }
    if (name === 'default') return undefined;
    let found: Target | undefined;
    for (const ref of module.stars) {
      const star = this.moduleOf(ref);
      if (!star) continue;
      const target = this.resolveExport(star, name, seen);
      if (!target) continue;
      if (found && !sameTarget(found, target)) return undefined;
      found = target;
    }
    return found;
  }

  /** Follows `import { x } from` / `export { x } from`, reporting a missing export once, at the import. */
  resolveImport(module: ModuleInfo, link: LocalBinding & { kind: 'import' } | ExportEntry & { kind: 'from' }): Target {
    const cached = this.imports.get(link);
    if (cached) return cached;
    let target: Target = BROKEN;
    const from = this.moduleOf(link.from);
    if (from && link.imported === '*') {
      target = { kind: 'namespace', module: from };
    } else if (from) {
      const found = this.resolveExport(from, link.imported, new Set());
      if (found) {
        target = found;
      } else if (from === 'dsl') {
        this.report('E_DSL_UNKNOWN', `'schemac' has no export named \`${link.imported}\``, positionOf(module, link.node));
      } else {
        this.report('E_IMPORT_MISSING', `${from.rel} has no export named \`${link.imported}\``, positionOf(module, link.node));
      }
    }
    this.imports.set(link, target);
    return target;
  }
}

function sameTarget(a: Target, b: Target): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'binding': return a.binding === (b as typeof a).binding;
    case 'default': return a.node === (b as typeof a).node;
    case 'dsl': return a.name === (b as typeof a).name;
    case 'namespace': return a.module === (b as typeof a).module;
    case 'broken': return true;
  }
}
