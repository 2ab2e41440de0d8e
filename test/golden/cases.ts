import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, SchemacError } from '../../compiler/diagnostics.js';
import { checkRisks, planBuild, type BuildResult } from '../../compiler/emit/build.js';
import { EMPTY_SCHEMA } from '../../compiler/ir/snapshot.js';
import { configProfile, type ServerProfile } from '../../compiler/dialect/mysql/server.js';
import type { SchemaIR } from '../../compiler/ir/types.js';
import { compileFolder, ROOT } from '../helpers/compile.js';

/** Golden case folders: `before/` (optional), `after/`, `expected/{up,down}.sql` or `expected/diagnostics.txt`. */
export const CASES_DIR = join(ROOT, 'test', 'cases');
export const UPDATE = process.env.SCHEMAC_UPDATE_GOLDEN === '1';

export interface CaseOptions {
  readonly allowDataLoss?: boolean;
  /** Queries run on the server after the first up, with the rows they must return. */
  readonly afterUp?: ReadonlyArray<{ readonly sql: string; readonly rows: readonly unknown[] }>;
  readonly message?: string;
  readonly description?: string;
  /** The config's dialect the case is compiled for (default: mysql, as a config without one). */
  readonly dialect?: 'mysql' | 'mariadb';
}

export interface LoadedCase {
  readonly name: string;
  readonly dir: string;
  readonly options: CaseOptions;
  readonly before: SchemaIR;
  readonly after: SchemaIR | null;
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

export function loadCase(name: string): LoadedCase {
  const dir = join(CASES_DIR, name);
  const options: CaseOptions = existsSync(join(dir, 'case.json')) ? JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) : {};
  const fail = (text: string): LoadedCase => ({ name, dir, options, before: EMPTY_SCHEMA, after: null, result: null, diagnostics: text });
  let before = EMPTY_SCHEMA;
  const server = options.dialect ? configProfile(options.dialect) : undefined;
  if (existsSync(join(dir, 'before'))) {
    const b = compileFolder(dir, join(dir, 'before'), server);
    if (b.diagnostics.length) return fail(b.diagnostics.map(formatDiagnostic).join('\n') + '\n');
    before = b.ir;
  }
  const a = compileFolder(dir, join(dir, 'after'), server);
  if (a.diagnostics.length) return fail(a.diagnostics.map(formatDiagnostic).join('\n') + '\n');
  let result: BuildResult;
  try {
    result = planBuild('test', { snapshot: before, migrations: [], files: new Map() }, a,
      { ...(options.message ? { message: options.message } : {}), ...(server ? { server } : {}) });
  } catch (e) {
    if (!(e instanceof SchemacError)) throw e;
    return { ...fail(e.diagnostics.map(formatDiagnostic).join('\n') + '\n'), before, after: a.ir };
  }
  try {
    checkRisks('test', result.risks, options.allowDataLoss === true);
  } catch (e) {
    if (!(e instanceof SchemacError)) throw e;
    return { ...fail(e.diagnostics.map(formatDiagnostic).join('\n') + '\n'), before, after: a.ir, result };
  }
  return { name, dir, options, before, after: a.ir, result, diagnostics: null };
}

/** Compares `actual` with the golden file, or rewrites the file when SCHEMAC_UPDATE_GOLDEN=1. */
export function golden(file: string, actual: string): string {
  if (UPDATE) {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, actual);
  }
  return existsSync(file) ? readFileSync(file, 'utf8') : `(missing golden file ${file}; run with SCHEMAC_UPDATE_GOLDEN=1)`;
}
