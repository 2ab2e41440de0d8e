/** Shared helpers for the parser tests: fixture paths, position stripping, diagnostics as text. */
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../../compiler/diagnostics.js';
import { REPO_ROOT } from '../helpers/evaluate.js';

/** test/fixtures/parse in the source tree (fixtures are data, not compiled). */
export const FIXTURES = join(REPO_ROOT, 'test/fixtures/parse');

/** The .ts files directly in `dir` (or below it when `deep`), sorted, as absolute paths. */
export function schemaFiles(dir: string, deep = false): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (deep && entry !== 'node_modules') out.push(...schemaFiles(path, true));
    } else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) {
      out.push(path);
    }
  }
  return out;
}

/** A deep copy without `pos` fields (the evaluated IR has no positions). */
export function withoutPositions<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'pos' ? undefined : v))) as T;
}

/** Diagnostics as the golden text: one formatted diagnostic per line. */
export function diagnosticsText(list: readonly Diagnostic[]): string {
  return list.map(formatDiagnostic).join('\n') + (list.length ? '\n' : '');
}

/**
 * Copies a fixture folder to .tmp/ and links `node_modules/<name>` to workspace packages, as
 * `npm install` would (nothing under node_modules is committed).
 */
export function copyWorkspace(fixture: string, links: Readonly<Record<string, string>>): string {
  const dir = join(REPO_ROOT, '.tmp', `workspace-${process.pid}-${Date.now()}`, fixture.split('/').pop()!);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  cpSync(fixture, dir, { recursive: true });
  for (const [name, target] of Object.entries(links)) {
    const link = join(dir, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(relative(dirname(link), resolve(dir, target)), link, 'dir');
  }
  return dir;
}
