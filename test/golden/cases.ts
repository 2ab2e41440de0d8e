import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, SchemacError } from '../../compiler/diagnostics.js';
import { checkRisks, planBuild, type BuildResult } from '../../compiler/emit/build.js';
import { EMPTY_SCHEMA } from '../../compiler/ir/snapshot.js';
import { NO_HINTS, type BuildHints } from '../../compiler/ir/hints.js';
import type { SchemaIR } from '../../compiler/ir/types.js';
import { compileFolder, ROOT } from '../helpers/compile.js';
import { configProfile, type Flavor, type ServerProfile } from '../../compiler/dialect/mysql/server.js';

/** The profile a case is compiled for: its `dialect`'s config profile. */
export function caseProfile(options: CaseOptions): ServerProfile {
  return configProfile(options.dialect ?? 'mysql');
}

/** Golden case folders: `before/` (optional), `after/`, `expected/{up,down}.sql` or `expected/diagnostics.txt`. */
export const CASES_DIR = join(ROOT, 'test', 'cases');
export const UPDATE = process.env.SCHEMAC_UPDATE_GOLDEN === '1';

export interface CaseOptions {
  readonly allowDataLoss?: boolean;
  /** Queries run on the server after the first up, with the rows they must return. */
  readonly afterUp?: ReadonlyArray<{ readonly sql: string; readonly rows: readonly unknown[] }>;
  readonly message?: string;
  readonly description?: string;
  /** The config's dialect the case is compiled for (default mysql, as a config without one). */
  readonly dialect?: Flavor;
}

export interface LoadedCase {
  readonly name: string;
  readonly dir: string;
  readonly options: CaseOptions;
  readonly before: SchemaIR;
  readonly after: SchemaIR | null;
  /** The after schema's build hints (renames, backfills). */
  readonly hints: BuildHints;
  readonly result: BuildResult | null;
  /** The diagnostics text when compiling or planning the case fails, else null. */
  readonly diagnostics: string | null;
}

/** The server profile a case is compiled for: its case.json `dialect`, or undefined (the default). */
export function caseServer(name: string): ServerProfile | undefined {
  const file = join(CASES_DIR, name, 'case.json');
  const dialect = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CaseOptions).dialect : undefined;
  return dialect ? configProfile(dialect) : undefined;
}

export function caseNames(): string[] {
  return readdirSync(CASES_DIR).filter((n) => existsSync(join(CASES_DIR, n, 'after'))).sort();
}

/** A case's case.json ({} without one). */
export function caseOptions(name: string): CaseOptions {
  const file = join(CASES_DIR, name, 'case.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

export function loadCase(name: string): LoadedCase {
  const dir = join(CASES_DIR, name);
  const options = caseOptions(name);
  const fail = (text: string): LoadedCase => ({ name, dir, options, before: EMPTY_SCHEMA, after: null, hints: NO_HINTS, result: null, diagnostics: text });
  let before = EMPTY_SCHEMA;
  if (existsSync(join(dir, 'before'))) {
    const b = compileFolder(dir, join(dir, 'before'), caseProfile(options));
    if (b.diagnostics.length) return fail(b.diagnostics.map(formatDiagnostic).join('\n') + '\n');
    before = b.ir;
  }
  const a = compileFolder(dir, join(dir, 'after'), caseProfile(options));
  if (a.diagnostics.length) return fail(a.diagnostics.map(formatDiagnostic).join('\n') + '\n');
  let result: BuildResult;
  try {
    result = planBuild('test', { snapshot: before, migrations: [], files: new Map() }, a,
      { ...(options.message ? { message: options.message } : {}), ...(options.dialect ? { server: caseProfile(options) } : {}) });
  } catch (e) {
    if (!(e instanceof SchemacError)) throw e;
    return { ...fail(e.diagnostics.map(formatDiagnostic).join('\n') + '\n'), before, after: a.ir, hints: a.hints };
  }
  try {
    checkRisks('test', result.risks, options.allowDataLoss === true);
  } catch (e) {
    if (!(e instanceof SchemacError)) throw e;
    return { ...fail(e.diagnostics.map(formatDiagnostic).join('\n') + '\n'), before, after: a.ir, hints: a.hints, result };
  }
  return { name, dir, options, before, after: a.ir, hints: a.hints, result, diagnostics: null };
}

/** Compares `actual` with the golden file, or rewrites the file when SCHEMAC_UPDATE_GOLDEN=1. */
export function golden(file: string, actual: string): string {
  if (UPDATE) {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, actual);
  }
  return existsSync(file) ? readFileSync(file, 'utf8') : `(missing golden file ${file}; run with SCHEMAC_UPDATE_GOLDEN=1)`;
}
