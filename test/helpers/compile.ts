import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SchemacError, sortDiagnostics, type Diagnostic } from '../../compiler/diagnostics.js';
import type { BuildHints } from '../../compiler/ir/hints.js';
import { normalizeDeclared } from '../../compiler/ir/normalize.js';
import type { SchemaIR } from '../../compiler/ir/types.js';
import { DEFAULT_NAMING } from '../../compiler/ir/types.js';
import { validationAfterParse } from '../../compiler/emit/project.js';
import { parseSchemaFiles } from '../../compiler/parse/index.js';
import type { ServerProfile } from '../../compiler/dialect/mysql/server.js';

/** The repository root (tests run from dist/test/...). */
export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** Every .ts file under a folder, sorted. */
export function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Compiles a folder of schema files as `build` does: parse, normalise, validate. */
export function compileFolder(rootDir: string, dir: string, server?: ServerProfile): { ir: SchemaIR; hints: BuildHints; diagnostics: Diagnostic[] } {
  const parsed = parseSchemaFiles({ rootDir, files: tsFiles(dir) });
  const schema = normalizeDeclared(parsed, DEFAULT_NAMING);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics, ...validationAfterParse(schema, parsed.diagnostics, server)];
  return { ...schema, diagnostics: sortDiagnostics(diagnostics) };
}

/** Like compileFolder, but throws the diagnostics. */
export function compileOrThrow(rootDir: string, dir: string): SchemaIR {
  const { ir, diagnostics } = compileFolder(rootDir, dir);
  if (diagnostics.length) throw new SchemacError(diagnostics);
  return ir;
}
