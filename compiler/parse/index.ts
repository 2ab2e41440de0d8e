/**
 * Static evaluation of schema files (SPEC §2.4): the files are parsed with the TypeScript parser
 * (never type-checked, never executed) and interpreted over a restricted subset of the language,
 * calling the real DSL functions, so the IR equals what running the files would build.
 *
 * Diagnostic codes: E_SYNTAX (parser errors), E_NOT_STATIC (outside the subset), E_UNKNOWN_NAME,
 * E_CYCLE (a `const` defined through itself), E_IMPORT_UNRESOLVED / E_IMPORT_MISSING /
 * E_IMPORT_DECLARATION / E_IMPORT_UNSUPPORTED (module resolution), E_DSL_UNKNOWN (no such export
 * of 'schemac'), E_DSL_METHOD, E_NO_SUCH_COLUMN, E_NO_SUCH_PROPERTY, E_FILE_READ, E_TSCONFIG,
 * E_DSL_CALL (a DSL function failed unexpectedly), E_INTERNAL (a bug); plus the DSL's own codes
 * (`DslError.code`, E_DSL_*) and those of `tablesToIR`.
 */
import { relative as relativePath, resolve, sep } from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { isTableDef, tablesToIR } from '../dsl/table.js';
import { isViewDef, viewState } from '../dsl/view.js';
import { isTriggerDef, triggerState } from '../dsl/trigger.js';
import { isRoutineDef, routineState } from '../dsl/routine.js';
import { eventState, isEventDef } from '../dsl/event.js';
import { NO_HINTS, type BuildHints } from '../ir/hints.js';
import type { SchemaIR } from '../ir/types.js';
import { compareOrigins, Evaluator, type Origin } from './evaluate.js';
import { Linker } from './linker.js';
import { ModuleLoader, type Reporter } from './modules.js';
import { createResolver, readCompilerOptions } from './resolve.js';
import { ts } from './typescript.js';
import { ALREADY_REPORTED } from './values.js';

export interface ParseOptions {
  /** Project root; positions are reported relative to it, with '/'. */
  readonly rootDir: string;
  /** Absolute paths of the schema files (already globbed). */
  readonly files: readonly string[];
  /** Optional absolute path of a tsconfig.json (for `paths`, `baseUrl`, `moduleResolution`). */
  readonly tsconfig?: string;
}

export interface ParseResult {
  /** Every table exported by the files (un-normalised: auto-names are empty), ordered by declaration. */
  readonly ir: SchemaIR;
  /** The build hints the tables declare (`.renamedFrom()`, `.backfill()`). */
  readonly hints: BuildHints;
  /** Every problem found, sorted by position; empty when the schema is static and well-formed. */
  readonly diagnostics: readonly Diagnostic[];
  /** Absolute paths of every file read: the given files and the modules they import (for caching). */
  readonly files: readonly string[];
}

/**
 * Reads the schema files statically and builds their IR. Never throws on bad input: syntax
 * errors, code that is not static, unresolved imports, `const` cycles and DSL misuse all become
 * diagnostics (all of them, not only the first).
 *
 * Tables are the exported bindings of the given files (re-exports included) whose value is a
 * table; a table reached through several exports counts once; they are ordered by the file and
 * position of their declaration.
 */
export function parseSchemaFiles(options: ParseOptions): ParseResult {
  const diagnostics: Diagnostic[] = [];
  try {
    return parse(options, diagnostics);
  } catch (e) {
    // Only a bug gets here; report it with everything found so far rather than crash the build.
    diagnostics.push({ code: 'E_INTERNAL', message: `the schema parser failed: ${(e as Error)?.message ?? String(e)}` });
    return { ir: { kind: 'schema', tables: [] }, hints: NO_HINTS, diagnostics: unique(sortDiagnostics(diagnostics)), files: [] };
  }
}

function parse(options: ParseOptions, diagnostics: Diagnostic[]): ParseResult {
  const report: Reporter = (code, message, pos) => {
    diagnostics.push(pos ? { code, message, pos } : { code, message });
  };
  const root = realPath(resolve(options.rootDir));
  const relative = (file: string): string => relativePath(root, file).split(sep).join('/');

  const compilerOptions = readCompilerOptions(options.tsconfig, (d) => diagnostics.push(d), relative);
  const loader = new ModuleLoader(createResolver(compilerOptions, root), relative, report);
  const linker = new Linker(loader, report);
  const evaluator = new Evaluator(loader, linker, report);

  const files = [...new Set(options.files.map((f) => realPath(resolve(f))))]
    .sort((a, b) => compareStrings(relative(a), relative(b)));
  const tables = new Set<object>();
  for (const file of files) {
    const module = loader.load(file);
    for (const name of linker.exportNames(module)) {
      const value = evaluator.evaluateExport(module, name);
      if (isTableDef(value) || isViewDef(value) || isTriggerDef(value) || isRoutineDef(value) || isEventDef(value)) tables.add(value as object);
    }
  }
  evaluator.evaluateAllDeclarations();
  // A table declared in a schema file but not exported is not part of the database: almost
  // always a forgotten `export`, so it is reported rather than silently left out.
  for (const file of files) {
    for (const t of evaluator.declaredTables(loader.load(file))) {
      if (!tables.has(t.value)) {
        const what = isViewDef(t.value) ? 'view' : isTriggerDef(t.value) ? 'trigger' : isRoutineDef(t.value) ? 'routine' : isEventDef(t.value) ? 'event' : 'table';
        report('E_TABLE_NOT_EXPORTED', `${what} \`${t.name}\` is declared but not exported: only exported ${what}s are part of the database (export it, or remove it)`, t.pos);
      }
    }
  }

  const last: Origin = { rel: '\uffff', offset: 0 };
  const defs = [...tables].sort((a, b) => compareOrigins(evaluator.originOf(a) ?? last, evaluator.originOf(b) ?? last));
  const irDiagnostics: Diagnostic[] = [];
  const declared = tablesToIR(defs.filter(isTableDef), irDiagnostics);
  const views = defs.flatMap((d) => viewState(d) ?? []);
  const triggers = defs.flatMap((d) => triggerState(d) ?? []);
  const routines = defs.flatMap((d) => routineState(d) ?? []);
  const events = defs.flatMap((d) => eventState(d) ?? []);
  const ir = { ...declared.ir, ...(views.length ? { views } : {}), ...(triggers.length ? { triggers } : {}), ...(routines.length ? { routines } : {}),
    ...(events.length ? { events } : {}) };
  const hints = declared.hints;
  // The DSL reports a schema arrow function that failed (`() => broken.id`); it was reported where it failed.
  diagnostics.push(...irDiagnostics.filter((d) => !d.message.includes(ALREADY_REPORTED)));
  return { ir, hints, diagnostics: unique(sortDiagnostics(diagnostics)), files: loader.loadedPaths().sort() };
}

function realPath(file: string): string {
  try {
    return ts.sys.realpath ? ts.sys.realpath(file) : file;
  } catch {
    return file;
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Drops repeated diagnostics (a schema arrow function may be called more than once). */
function unique(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}\0${d.pos?.file}\0${d.pos?.line}\0${d.pos?.column}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
