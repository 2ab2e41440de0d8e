/**
 * The reference the static parser is tested against: really runs schema files (transpiled with
 * `ts.transpileModule` into .tmp/, imports rewritten to the transpiled files and to the compiled
 * DSL) and builds the IR of their exported tables with the same dedupe and order rules as
 * `parseSchemaFiles`: a table reached through several exports counts once; tables are ordered by
 * the file (relative path) and position of the top-level declaration that binds them.
 */
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ts } from 'ts-morph';
import type { Diagnostic } from '../../compiler/diagnostics.js';
import { isTableDef as isTable, tablesToIR } from '../../compiler/dsl/table.js';
import { isViewDef, viewState } from '../../compiler/dsl/view.js';
import { isTriggerDef, triggerState } from '../../compiler/dsl/trigger.js';
import { isRoutineDef, routineState } from '../../compiler/dsl/routine.js';
import { eventState, isEventDef } from '../../compiler/dsl/event.js';
import type { SchemaIR } from '../../compiler/ir/types.js';
import type { BuildHints, DeclaredSchema } from '../../compiler/ir/hints.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root (this file runs from dist/test/helpers/). */
export const REPO_ROOT = resolve(here, '../../..');
const DSL_ENTRY = pathToFileURL(join(REPO_ROOT, 'dist/compiler/dsl/index.js')).href;
let runs = 0;

export interface EvaluateOptions {
  /** A tsconfig whose `paths` the schema files use. */
  readonly tsconfig?: string;
}

/** Where a top-level declaration binds an export: to order tables like the parser. */
interface Declared {
  readonly exportName: string;
  readonly rel: string;
  readonly offset: number;
}

/** Tables and views: the exported objects of a schema, ordered alike. */
const isTableDef = (value: unknown): boolean => isTable(value) || isViewDef(value) || isTriggerDef(value) || isRoutineDef(value) || isEventDef(value);

/** Evaluates the schema files for real and returns the IR of their exported tables and views. */
export async function evaluateSchemaFiles(rootDir: string, files: readonly string[], options: EvaluateOptions = {}): Promise<DeclaredSchema> {
  const { ir, hints } = await evaluateSchemaFilesWithDiagnostics(rootDir, files, options);
  return { ir, hints };
}

/** Like {@link evaluateSchemaFiles}, with the diagnostics `tablesToIR` reported. */
export async function evaluateSchemaFilesWithDiagnostics(rootDir: string, files: readonly string[],
  options: EvaluateOptions = {}): Promise<{ ir: SchemaIR; hints: BuildHints; diagnostics: Diagnostic[] }> {
  const root = realpathSync(rootDir);
  const rel = (file: string) => relative(root, file).split(sep).join('/');
  const outDir = join(REPO_ROOT, '.tmp', 'evaluate', `${process.pid}-${++runs}-${Date.now()}`);
  const compilerOptions = readOptions(options.tsconfig);
  const host: ts.ModuleResolutionHost = {
    fileExists: ts.sys.fileExists, readFile: ts.sys.readFile, directoryExists: ts.sys.directoryExists,
    realpath: ts.sys.realpath, getCurrentDirectory: () => root,
  };
  const outputOf = (file: string) => join(outDir, rel(file).replace(/\.(c|m)?tsx?$/, (_m, k: string | undefined) => `.${k ?? ''}js`));

  const entries = [...new Set(files.map((f) => realpathSync(f)))].sort((a, b) => compare(rel(a), rel(b)));
  const queue = [...entries];
  const seen = new Set<string>(queue);
  const declared = new Map<string, Declared[]>();
  while (queue.length) {
    const file = queue.shift()!;
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    declared.set(file, declarations(sf, rel(file)));
    const edits: { start: number; end: number; text: string }[] = [];
    for (const specifier of moduleSpecifiers(sf)) {
      let target: string | undefined;
      if (specifier.text === 'schemac') {
        target = DSL_ENTRY;
      } else {
        const resolved = ts.resolveModuleName(specifier.text, file, compilerOptions, host).resolvedModule?.resolvedFileName;
        if (resolved) {
          if (!seen.has(resolved)) {
            seen.add(resolved);
            queue.push(resolved);
          }
          const path = relative(dirname(outputOf(file)), outputOf(resolved)).split(sep).join('/');
          target = path.startsWith('.') ? path : `./${path}`;
        }
      }
      if (target) edits.push({ start: specifier.getStart(sf), end: specifier.end, text: JSON.stringify(target) });
    }
    let source = text;
    for (const edit of edits.sort((a, b) => b.start - a.start)) {
      source = source.slice(0, edit.start) + edit.text + source.slice(edit.end);
    }
    const js = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    }).outputText;
    mkdirSync(dirname(outputOf(file)), { recursive: true });
    writeFileSync(outputOf(file), js);
  }

  try {
    const namespaces = new Map<string, Record<string, unknown>>();
    for (const file of seen) {
      namespaces.set(file, await import(pathToFileURL(outputOf(file)).href) as Record<string, unknown>);
    }
    const origins = new Map<unknown, { rel: string; offset: number }>();
    for (const [file, list] of declared) {
      const ns = namespaces.get(file)!;
      for (const d of list) {
        const value = ns[d.exportName];
        if (!isTableDef(value)) continue;
        const previous = origins.get(value);
        if (!previous || compare(d.rel, previous.rel) < 0 || (d.rel === previous.rel && d.offset < previous.offset)) {
          origins.set(value, { rel: d.rel, offset: d.offset });
        }
      }
    }
    const tables: unknown[] = [];
    for (const file of entries) {
      for (const value of Object.values(namespaces.get(file)!)) {
        if (isTableDef(value) && !tables.includes(value)) tables.push(value);
      }
    }
    const last = { rel: '\uffff', offset: 0 };
    tables.sort((a, b) => {
      const x = origins.get(a) ?? last;
      const y = origins.get(b) ?? last;
      return compare(x.rel, y.rel) || x.offset - y.offset;
    });
    const diagnostics: Diagnostic[] = [];
    const { ir, hints } = tablesToIR(tables.filter(isTable), diagnostics);
    const views = tables.flatMap((t) => viewState(t) ?? []);
    const triggers = tables.flatMap((t) => triggerState(t) ?? []);
    const routines = tables.flatMap((t) => routineState(t) ?? []);
    const events = tables.flatMap((t) => eventState(t) ?? []);
    return { ir: { ...ir, ...(views.length ? { views } : {}), ...(triggers.length ? { triggers } : {}), ...(routines.length ? { routines } : {}),
      ...(events.length ? { events } : {}) },
      hints, diagnostics };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function readOptions(tsconfig: string | undefined): ts.CompilerOptions {
  const defaults = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, allowJs: true };
  if (!tsconfig) return defaults;
  const host: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: true, readDirectory: () => [], fileExists: ts.sys.fileExists, readFile: ts.sys.readFile,
  };
  const config = ts.readConfigFile(tsconfig, ts.sys.readFile).config as unknown;
  return { ...defaults, ...ts.parseJsonConfigFileContent(config, host, dirname(tsconfig)).options };
}

/** The module specifiers of a file's import and export declarations. */
function moduleSpecifiers(sf: ts.SourceFile): ts.StringLiteral[] {
  const out: ts.StringLiteral[] = [];
  for (const statement of sf.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement))
      && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      out.push(statement.moduleSpecifier);
    }
  }
  return out;
}

/**
 * Top-level `const` declarations and `export default`, by the name they are exported under. A
 * declaration that only names another (`export default account`) takes that one's position, as
 * the parser orders a table by the first declaration that holds it.
 */
function declarations(sf: ts.SourceFile, rel: string): Declared[] {
  const locals = new Map<string, number>();
  const out: Declared[] = [];
  const offsetOf = (node: ts.Node, value: ts.Expression | undefined) => {
    const own = node.getStart(sf);
    const named = value && ts.isIdentifier(value) ? locals.get(value.text) : undefined;
    return named === undefined ? own : Math.min(own, named);
  };
  for (const statement of sf.statements) {
    if (ts.isVariableStatement(statement)) {
      const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
      for (const decl of statement.declarationList.declarations) {
        if (!ts.isIdentifier(decl.name)) continue;
        const offset = offsetOf(decl, decl.initializer);
        locals.set(decl.name.text, offset);
        if (exported) out.push({ exportName: decl.name.text, rel, offset });
      }
    } else if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
      out.push({ exportName: 'default', rel, offset: offsetOf(statement, statement.expression) });
    }
  }
  for (const statement of sf.statements) {
    if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause
      && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) {
        const offset = locals.get((element.propertyName ?? element.name).text);
        if (offset !== undefined) out.push({ exportName: element.name.text, rel, offset });
      }
    }
  }
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
