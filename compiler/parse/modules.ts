import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SourcePos } from '../ir/types.js';
import { positionFinder } from '../position.js';
import { DSL_MODULE, dslExport, isDslTypeName } from './dsl.js';
import { bracketNestingPast, MAX_SOURCE_NESTING } from './nesting.js';
import type { Resolver } from './resolve.js';
import { ts, type TypeScript } from './typescript.js';

/** What a module specifier refers to once resolved. */
export type ModuleRef =
  | { readonly kind: 'file'; readonly file: string }
  | { readonly kind: 'dsl' }
  /** Could not be followed; already reported. */
  | { readonly kind: 'broken' };

/** A name declared at the top level of a module. */
export type LocalBinding =
  | { readonly kind: 'const'; readonly name: string; readonly decl: TypeScript.VariableDeclaration; readonly init: TypeScript.Expression }
  | { readonly kind: 'import'; readonly name: string; readonly from: ModuleRef; readonly imported: string; readonly node: TypeScript.Node }
  /** A name that cannot be evaluated; `reason` is reported where it is used (none: already reported). */
  | { readonly kind: 'refused'; readonly name: string; readonly code?: string; readonly reason?: string }
  | { readonly kind: 'type'; readonly name: string };

/** What an exported name stands for. `imported` is `*` for a namespace. */
export type ExportEntry =
  | { readonly kind: 'local'; readonly local: string; readonly node: TypeScript.Node }
  | { readonly kind: 'from'; readonly from: ModuleRef; readonly imported: string; readonly node: TypeScript.Node }
  | { readonly kind: 'default'; readonly node: TypeScript.ExportAssignment };

/** A parsed schema module and its top-level bindings. */
export interface ModuleInfo {
  /** Absolute real path. */
  readonly file: string;
  /** Relative to the root, with '/'. */
  readonly rel: string;
  readonly sf: TypeScript.SourceFile;
  /** Unreadable or with syntax errors (reported): its bindings evaluate to nothing, silently. */
  readonly broken: boolean;
  readonly locals: ReadonlyMap<string, LocalBinding>;
  readonly exports: ReadonlyMap<string, ExportEntry>;
  readonly stars: readonly ModuleRef[];
  /** Every top-level value declaration, in source order (all are evaluated, used or not). */
  readonly declarations: readonly (TypeScript.VariableDeclaration | TypeScript.ExportAssignment)[];
}

/** Reports a diagnostic at a node of a module. */
export type Reporter = (code: string, message: string, pos: SourcePos | undefined) => void;

/** The 1-based position of `node` in `module`. */
export function positionOf(module: { readonly rel: string; readonly sf: TypeScript.SourceFile }, node: TypeScript.Node): SourcePos {
  return positionAt(module, node.getStart(module.sf));
}

export function positionAt(module: { readonly rel: string; readonly sf: TypeScript.SourceFile }, offset: number): SourcePos {
  const { line, character } = module.sf.getLineAndCharacterOfPosition(offset);
  return { file: module.rel, line: line + 1, column: character + 1 };
}

const ALLOWED = 'a schema file may only contain imports, exports, `const` declarations and types';

/** What a schema may call (SPEC §2.4). */
export const CALLS_ALLOWED = 'a schema may only call schemac functions and the methods of the values they return';

/**
 * Loads schema modules on demand: reads and parses each file once (no type checking), reports
 * syntax errors and top-level statements that are not static, and indexes the module's bindings.
 */
export class ModuleLoader {
  private readonly modules = new Map<string, ModuleInfo>();

  /** Absolute paths of every file loaded so far (schema files and what they import). */
  loadedPaths(): string[] {
    return [...this.modules.keys()];
  }
  /** Modules in load order; grows while evaluation follows imports. */
  readonly loaded: ModuleInfo[] = [];

  constructor(
    private readonly resolver: Resolver,
    private readonly relative: (file: string) => string,
    private readonly report: Reporter,
  ) {}

  /** The module of an absolute (real) path, loaded on first use. */
  load(path: string): ModuleInfo {
    // TypeScript reports resolved paths with '/', even on Windows: one spelling per file.
    const file = resolve(path);
    let module = this.modules.get(file);
    if (!module) {
      module = this.read(file);
      this.modules.set(file, module);
      this.loaded.push(module);
    }
    return module;
  }

  private read(file: string): ModuleInfo {
    const rel = this.relative(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      this.report('E_FILE_READ', `cannot read ${rel}: ${(e as Error).message}`, { file: rel, line: 1, column: 1 });
      return brokenModule(file, rel);
    }
    const kind = scriptKind(file);
    const variant = kind === ts.ScriptKind.TSX || kind === ts.ScriptKind.JSX ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard;
    const deep = bracketNestingPast(text, MAX_SOURCE_NESTING, variant);
    if (deep >= 0) {
      this.report('E_TOO_DEEP', `brackets nest more than ${MAX_SOURCE_NESTING} levels deep here; schemac reads schema files nested up to ${MAX_SOURCE_NESTING} levels`,
        { file: rel, ...positionFinder(text)(deep) });
      return brokenModule(file, rel);
    }
    let sf: TypeScript.SourceFile;
    try {
      sf = ts.createSourceFile(file, text,
        { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, kind);
    } catch (e) {
      // The parser recurses on more than brackets (`a => b => ...`, `a ? b : c ? ...`, `!!!...`, `**`):
      // a chain of those thousands long exhausts its stack. Nothing else is caught here (by name:
      // the parser may run in another realm than this module, under a test runner).
      if ((e as Error)?.name !== 'RangeError' || !/call stack/i.test(String((e as Error).message))) throw e;
      this.report('E_TOO_DEEP', 'the file nests too deeply for the TypeScript parser (a chain of thousands of `=>`, `? :`, `**` or unary operators?)',
        { file: rel, line: 1, column: 1 });
      return brokenModule(file, rel);
    }
    const syntax = syntaxDiagnostics(sf);
    for (const d of syntax) {
      this.report('E_SYNTAX', `${ts.flattenDiagnosticMessageText(d.messageText, ' ')} (TS${d.code})`,
        positionAt({ rel, sf }, d.start ?? 0));
    }
    if (syntax.length > 0) return brokenModule(file, rel, sf);
    return new ModuleIndexer(file, rel, sf, this.resolver, this.report).index();
  }
}

/** A module that could not be read (reported): its bindings evaluate to nothing. */
function brokenModule(file: string, rel: string, sf = ts.createSourceFile(file, '', ts.ScriptTarget.Latest, false, ts.ScriptKind.TS)): ModuleInfo {
  return { file, rel, sf, broken: true, locals: new Map(), exports: new Map(), stars: [], declarations: [] };
}

function scriptKind(file: string): TypeScript.ScriptKind {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (file.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/**
 * The parser's own diagnostics. They live on the source file (`parseDiagnostics`, what
 * `Program.getSyntacticDiagnostics` returns for a TypeScript file); reading them there saves
 * building a Program per file. The Program is the fallback should the field ever move.
 */
function syntaxDiagnostics(sf: TypeScript.SourceFile): readonly TypeScript.Diagnostic[] {
  const own = (sf as unknown as { parseDiagnostics?: readonly TypeScript.Diagnostic[] }).parseDiagnostics;
  if (Array.isArray(own)) return own;
  const host: TypeScript.CompilerHost = {
    getSourceFile: (name) => (name === sf.fileName ? sf : undefined),
    getDefaultLibFileName: () => 'lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name) => name === sf.fileName,
    readFile: () => undefined,
  };
  const program = ts.createProgram({ rootNames: [sf.fileName], options: { noLib: true, noResolve: true, types: [] }, host });
  return program.getSyntacticDiagnostics(sf);
}

function hasModifier(node: TypeScript.Node, kind: TypeScript.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false);
}

/** Builds a module's binding tables from its top-level statements. */
class ModuleIndexer {
  private readonly locals = new Map<string, LocalBinding>();
  private readonly exports = new Map<string, ExportEntry>();
  private readonly stars: ModuleRef[] = [];
  private readonly declarations: (TypeScript.VariableDeclaration | TypeScript.ExportAssignment)[] = [];
  private readonly localExports: { readonly local: string; readonly node: TypeScript.Node }[] = [];

  constructor(
    private readonly file: string,
    readonly rel: string,
    readonly sf: TypeScript.SourceFile,
    private readonly resolver: Resolver,
    private readonly reportRaw: Reporter,
  ) {}

  index(): ModuleInfo {
    for (const statement of this.sf.statements) this.statement(statement);
    for (const { local, node } of this.localExports) {
      if (!this.locals.has(local)) {
        this.report('E_UNKNOWN_NAME', `cannot export \`${local}\`: it is not declared in this file`, node);
      }
    }
    return {
      file: this.file, rel: this.rel, sf: this.sf, broken: false, locals: this.locals, exports: this.exports,
      stars: this.stars, declarations: this.declarations,
    };
  }

  private report(code: string, message: string, node: TypeScript.Node): void {
    this.reportRaw(code, message, positionOf(this, node));
  }

  private statement(statement: TypeScript.Statement): void {
    const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
    const ambient = hasModifier(statement, ts.SyntaxKind.DeclareKeyword);
    switch (statement.kind) {
      case ts.SyntaxKind.ImportDeclaration:
        return this.importDeclaration(statement as TypeScript.ImportDeclaration);
      case ts.SyntaxKind.ExportDeclaration:
        return this.exportDeclaration(statement as TypeScript.ExportDeclaration);
      case ts.SyntaxKind.ExportAssignment: {
        const node = statement as TypeScript.ExportAssignment;
        if (node.isExportEquals) {
          return this.report('E_NOT_STATIC', `\`export =\` is not supported: ${ALLOWED}`, node);
        }
        this.exports.set('default', { kind: 'default', node });
        this.declarations.push(node);
        return;
      }
      case ts.SyntaxKind.VariableStatement:
        return this.variableStatement(statement as TypeScript.VariableStatement, exported, ambient);
      case ts.SyntaxKind.InterfaceDeclaration:
      case ts.SyntaxKind.TypeAliasDeclaration: {
        const name = (statement as TypeScript.InterfaceDeclaration | TypeScript.TypeAliasDeclaration).name.text;
        this.declare({ kind: 'type', name }, exported, isDefault, statement);
        return;
      }
      case ts.SyntaxKind.FunctionDeclaration: {
        // Declaring a function runs nothing; calling or passing it is refused where it happens.
        const fn = statement as TypeScript.FunctionDeclaration;
        const name = fn.name?.text ?? '\0default';
        const binding: LocalBinding = ambient || !fn.body
          ? { kind: 'type', name }
          : { kind: 'refused', name, code: 'E_NOT_STATIC',
            reason: `\`${fn.name?.text ?? 'default'}\` is a function of your own: ${CALLS_ALLOWED}` };
        this.declare(binding, exported, isDefault, statement);
        return;
      }
      case ts.SyntaxKind.ClassDeclaration: {
        const name = (statement as TypeScript.ClassDeclaration).name?.text ?? '\0default';
        if (!ambient) this.report('E_NOT_STATIC', `classes are not static: ${ALLOWED}`, statement);
        this.declare(ambient ? { kind: 'type', name } : { kind: 'refused', name }, exported, isDefault, statement);
        return;
      }
      case ts.SyntaxKind.EnumDeclaration: {
        const name = (statement as TypeScript.EnumDeclaration).name.text;
        if (!ambient) this.report('E_NOT_STATIC', `enums are not static: use string literals or a \`const\` object instead`, statement);
        this.declare(ambient ? { kind: 'type', name } : { kind: 'refused', name }, exported, false, statement);
        return;
      }
      case ts.SyntaxKind.ModuleDeclaration: {
        // `declare module` / `declare global` and type-only namespaces run nothing.
        const node = statement as TypeScript.ModuleDeclaration;
        const runs = !ambient && !isTypeOnlyNamespace(node);
        if (runs) this.report('E_NOT_STATIC', `namespaces are not static: ${ALLOWED}`, statement);
        if (ts.isIdentifier(node.name)) {
          this.declare(runs ? { kind: 'refused', name: node.name.text } : { kind: 'type', name: node.name.text }, exported, false, node);
        }
        return;
      }
      case ts.SyntaxKind.ImportEqualsDeclaration: {
        const node = statement as TypeScript.ImportEqualsDeclaration;
        if (node.isTypeOnly) return this.declare({ kind: 'type', name: node.name.text }, exported, false, node);
        this.report('E_NOT_STATIC', '`import x = ...` is not supported: use `import { x } from \'...\'`', node);
        this.declare({ kind: 'refused', name: node.name.text }, exported, false, node);
        return;
      }
      case ts.SyntaxKind.EmptyStatement:
        return;
      case ts.SyntaxKind.ExpressionStatement:
        // A directive prologue ('use strict') is harmless.
        if (ts.isStringLiteral((statement as TypeScript.ExpressionStatement).expression)) return;
        return this.report('E_NOT_STATIC', `top-level code is not static: ${ALLOWED}`, statement);
      case ts.SyntaxKind.ForStatement:
      case ts.SyntaxKind.ForInStatement:
      case ts.SyntaxKind.ForOfStatement:
      case ts.SyntaxKind.WhileStatement:
      case ts.SyntaxKind.DoStatement:
        return this.report('E_NOT_STATIC',
          'loops are not static: declare each table and column literally (share columns with a spread `const` group)', statement);
      default:
        return this.report('E_NOT_STATIC', `${statementName(statement)} is not static: ${ALLOWED}`, statement);
    }
  }

  /** Binds a local name; `export default function () {}` gets a name no identifier can spell. */
  private declare(binding: LocalBinding, exported: boolean, isDefault: boolean, node: TypeScript.Node): void {
    this.locals.set(binding.name, binding);
    if (exported) this.exports.set(isDefault ? 'default' : binding.name, { kind: 'local', local: binding.name, node });
  }

  private variableStatement(statement: TypeScript.VariableStatement, exported: boolean, ambient: boolean): void {
    const list = statement.declarationList;
    const isConst = (list.flags & ts.NodeFlags.BlockScoped) === ts.NodeFlags.Const;
    if (!isConst && !ambient) {
      const keyword = list.flags & ts.NodeFlags.Let ? 'let' : list.flags & ts.NodeFlags.BlockScoped ? 'using' : 'var';
      this.report('E_NOT_STATIC', `\`${keyword}\` declarations are not static: declare schema values with \`const\``, list);
    }
    for (const decl of list.declarations) {
      if (!ts.isIdentifier(decl.name)) {
        this.report('E_NOT_STATIC', 'destructuring is not static: bind each value with its own `const`', decl.name);
        for (const name of bindingNames(decl.name)) this.declare({ kind: 'refused', name }, exported, false, decl);
        continue;
      }
      const name = decl.name.text;
      if (ambient) {
        this.declare({ kind: 'refused', name, code: 'E_NOT_STATIC', reason: `\`${name}\` is declared without a value (\`declare\`)` },
          exported, false, decl);
      } else if (!isConst || !decl.initializer) {
        this.declare({ kind: 'refused', name }, exported, false, decl);
      } else {
        this.declare({ kind: 'const', name, decl, init: decl.initializer }, exported, false, decl);
        this.declarations.push(decl);
      }
    }
  }

  private moduleRef(specifier: TypeScript.Expression): ModuleRef {
    if (!ts.isStringLiteral(specifier)) return { kind: 'broken' };
    const name = specifier.text;
    if (name === DSL_MODULE) return { kind: 'dsl' };
    const resolved = this.resolver(name, this.file);
    switch (resolved.kind) {
      case 'file':
        return resolved;
      case 'unresolved':
        this.report('E_IMPORT_UNRESOLVED', `cannot find module '${name}' imported by ${this.rel}`, specifier);
        return { kind: 'broken' };
      case 'declaration':
        this.report('E_IMPORT_DECLARATION',
          `'${name}' resolves to a declaration file (${resolved.file}); schema packages must point package.json types/exports at their .ts sources`,
          specifier);
        return { kind: 'broken' };
      case 'unsupported':
        this.report('E_IMPORT_UNSUPPORTED', `'${name}' resolves to ${resolved.file}, which is not a TypeScript or JavaScript module`, specifier);
        return { kind: 'broken' };
    }
  }

  /** Names imported from 'schemac' must be DSL exports (types may be imported without `type`). */
  private checkDslName(from: ModuleRef, name: string, node: TypeScript.Node): boolean {
    if (from.kind !== 'dsl' || name === '*' || dslExport(name)) return true;
    if (isDslTypeName(name)) return false;
    this.report('E_DSL_UNKNOWN', `'schemac' has no export named \`${name}\``, node);
    return false;
  }

  private importDeclaration(node: TypeScript.ImportDeclaration): void {
    const clause = node.importClause;
    if (!clause) return; // `import './x'`: nothing is bound; schema files are never executed.
    const typeOnly = clause.isTypeOnly;
    const names: { readonly name: string; readonly imported: string; readonly node: TypeScript.Node; readonly typeOnly: boolean }[] = [];
    if (clause.name) names.push({ name: clause.name.text, imported: 'default', node: clause.name, typeOnly });
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) {
      names.push({ name: bindings.name.text, imported: '*', node: bindings.name, typeOnly });
    } else if (bindings) {
      for (const element of bindings.elements) {
        names.push({ name: element.name.text, imported: (element.propertyName ?? element.name).text, node: element,
          typeOnly: typeOnly || element.isTypeOnly });
      }
    }
    const needed = names.some((n) => !n.typeOnly);
    const from: ModuleRef = needed ? this.moduleRef(node.moduleSpecifier) : { kind: 'broken' };
    for (const n of names) {
      if (n.typeOnly || !this.checkDslName(from, n.imported, n.node)) {
        this.locals.set(n.name, n.typeOnly || isDslTypeName(n.imported) ? { kind: 'type', name: n.name } : { kind: 'refused', name: n.name });
      } else {
        this.locals.set(n.name, { kind: 'import', name: n.name, from, imported: n.imported, node: n.node });
      }
    }
  }

  private exportDeclaration(node: TypeScript.ExportDeclaration): void {
    if (node.isTypeOnly) return;
    const clause = node.exportClause;
    if (!node.moduleSpecifier) {
      if (!clause || !ts.isNamedExports(clause)) return;
      for (const element of clause.elements) {
        if (element.isTypeOnly) continue;
        const local = (element.propertyName ?? element.name).text;
        this.exports.set(element.name.text, { kind: 'local', local, node: element });
        this.localExports.push({ local, node: element });
      }
      return;
    }
    if (clause && ts.isNamedExports(clause) && clause.elements.every((e) => e.isTypeOnly)) return;
    const from = this.moduleRef(node.moduleSpecifier);
    if (!clause) {
      this.stars.push(from);
    } else if (ts.isNamespaceExport(clause)) {
      this.exports.set(clause.name.text, { kind: 'from', from, imported: '*', node: clause });
    } else {
      for (const element of clause.elements) {
        if (element.isTypeOnly) continue;
        const imported = (element.propertyName ?? element.name).text;
        if (this.checkDslName(from, imported, element)) {
          this.exports.set(element.name.text, { kind: 'from', from, imported, node: element });
        }
      }
    }
  }
}

function isTypeOnlyNamespace(node: TypeScript.ModuleDeclaration): boolean {
  const body = node.body;
  if (!body) return true;
  if (ts.isModuleDeclaration(body)) return isTypeOnlyNamespace(body);
  if (!ts.isModuleBlock(body)) return true;
  return body.statements.every((s) => ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)
    || (ts.isModuleDeclaration(s) && isTypeOnlyNamespace(s)));
}

function bindingNames(name: TypeScript.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  const out: string[] = [];
  for (const element of name.elements) {
    if (!ts.isOmittedExpression(element)) out.push(...bindingNames(element.name));
  }
  return out;
}

function statementName(statement: TypeScript.Statement): string {
  switch (statement.kind) {
    case ts.SyntaxKind.IfStatement: return 'an `if` statement';
    case ts.SyntaxKind.SwitchStatement: return 'a `switch` statement';
    case ts.SyntaxKind.TryStatement: return 'a `try` statement';
    case ts.SyntaxKind.ThrowStatement: return 'a `throw` statement';
    case ts.SyntaxKind.Block: return 'a block';
    case ts.SyntaxKind.LabeledStatement: return 'a labeled statement';
    default: return 'this statement';
  }
}
