import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as dsl from '../dsl/index.js';
import { ColumnBuilder } from '../dsl/index.js';
import { isTableDef } from '../dsl/table.js';
import { ts } from './typescript.js';

/** The module specifier schema files import the DSL from. */
export const DSL_MODULE = 'schemac';

const exportsByName: ReadonlyMap<string, unknown> = new Map(Object.entries(dsl));
const dslFunctions: ReadonlySet<unknown> = new Set(
  [...exportsByName.values()].filter((v) => typeof v === 'function' && !isClass(v)),
);

function isClass(fn: Function): boolean {
  return Function.prototype.toString.call(fn).startsWith('class');
}

/** The run-time value of a DSL export, or undefined when the DSL exports no such value. */
export function dslExport(name: string): { readonly value: unknown } | undefined {
  return exportsByName.has(name) ? { value: exportsByName.get(name) } : undefined;
}

/** The names of the DSL's run-time exports (what `export * from 'schemac'` re-exports). */
export function dslExportNames(): readonly string[] {
  return [...exportsByName.keys()];
}

/** True for the DSL's functions (`table`, `varchar`, `sql`, ...): the only functions a schema may call. */
export function isDslFunction(value: unknown): value is (...args: unknown[]) => unknown {
  return dslFunctions.has(value);
}

let typeNames: ReadonlySet<string> | undefined;

/**
 * True when `name` is one of the DSL's type-only exports (`TableDef`, `ColumnRef`, ...), which a
 * schema may import without `type` and use in annotations. Read from the DSL's declaration file
 * beside the compiled module, only when an import names something that is not a run-time export.
 */
export function isDslTypeName(name: string): boolean {
  if (typeNames === undefined) {
    const names = new Set<string>();
    try {
      const file = fileURLToPath(new URL('../dsl/index.d.ts', import.meta.url));
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
      for (const statement of sf.statements) {
        if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
          for (const element of statement.exportClause.elements) names.add(element.name.text);
        } else if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement))
          && statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
          names.add(statement.name.text);
        }
      }
    } catch {
      // No declaration file (running from sources): every unknown name is reported.
    }
    typeNames = names;
  }
  return typeNames.has(name) && !exportsByName.has(name);
}

/**
 * Methods of DSL values that are not part of the schema language (TypeScript `private` and
 * `protected` members are ordinary properties at run time).
 */
const INTERNAL_METHODS = new Set(['constructor', 'with', 'rename']);

/**
 * The method `name` of a value the DSL built (a column builder, a table, an index item), or
 * undefined when `receiver` is not a DSL value or has no such public method. Plain objects,
 * arrays, functions and primitives have no callable methods in a schema file.
 */
export function dslMethod(receiver: unknown, name: string): ((...args: unknown[]) => unknown) | undefined {
  if (typeof receiver !== 'object' || receiver === null || Array.isArray(receiver)) return undefined;
  if (INTERNAL_METHODS.has(name) || name.startsWith('_') || Object.hasOwn(receiver, name)) return undefined;
  let proto: unknown = Object.getPrototypeOf(receiver);
  if (proto === Object.prototype || proto === null) return undefined;
  while (proto !== null && proto !== Object.prototype) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor) return typeof descriptor.value === 'function' ? descriptor.value as (...args: unknown[]) => unknown : undefined;
    proto = Object.getPrototypeOf(proto);
  }
  return undefined;
}

/** A short name for a DSL value, for messages ("column", "table", "index item"). */
export function describeDslValue(value: unknown): string {
  if (value instanceof ColumnBuilder) return 'a column';
  if (isTableDef(value)) return 'a table';
  if (typeof value === 'object' && value !== null) {
    const kind = (value as { kind?: unknown }).kind;
    if (kind === 'indexItem') return 'an index';
    if (kind === 'foreignKeyItem') return 'a foreign key';
    if (kind === 'checkItem') return 'a check';
    if (kind === 'primaryKeyItem') return 'a primary key';
    if (kind === 'partitioningItem') return 'a partitioning';
    if (kind === 'partitionItem') return 'a partition';
    if (kind === 'columnRef') return 'a column reference';
    if (kind === 'keyPart') return 'a key part';
    if (kind === 'sql') return 'an sql fragment';
  }
  return 'this value';
}
