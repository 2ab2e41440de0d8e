import type { SourcePos, View, ViewAlgorithm, ViewSecurity } from '../ir/types.js';
import { DslError } from './errors.js';
import { site } from './site.js';
import { isSqlFragment, type SqlFragment } from './sql.js';

/** The options of `view()`: what CREATE VIEW takes besides the name and the SELECT. */
export interface ViewOptions {
  /** ALGORITHM=UNDEFINED (the default) | MERGE | TEMPTABLE */
  readonly algorithm?: 'undefined' | 'merge' | 'temptable' | ViewAlgorithm;
  /** SQL SECURITY DEFINER (the default) | INVOKER */
  readonly security?: 'definer' | 'invoker' | ViewSecurity;
  /** WITH [CASCADED | LOCAL] CHECK OPTION: `true` is CASCADED (the server's meaning of a bare WITH CHECK OPTION). */
  readonly checkOption?: boolean | 'cascaded' | 'local' | 'CASCADED' | 'LOCAL';
}

const VIEW = Symbol.for('schemac.view');

/** A declared view (what `view()` returns; exported from a schema file like a table). */
export interface ViewDef {
  readonly name: string;
}

const OPTION_KEYS: ReadonlySet<string> = new Set(['algorithm', 'security', 'checkOption']);

function pick<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  const upper = typeof value === 'string' ? value.toUpperCase() : value;
  if (!allowed.includes(upper as T)) throw new DslError('E_DSL_ARGUMENT', `view() option ${what} takes ${allowed.map((a) => `'${a.toLowerCase()}'`).join(', ')}`);
  return upper as T;
}

/**
 * Declares a view: `view('active_user', sql\`SELECT id, name FROM user WHERE active\`)`. It is
 * created after the tables and views it reads and dropped before them. The DEFINER is not part
 * of the schema (the view belongs to whoever applies the migration).
 */
export function view(name: string, select: SqlFragment, options?: ViewOptions): ViewDef {
  if (typeof name !== 'string' || name.length === 0) throw new DslError('E_DSL_ARGUMENT', 'view() takes the view name first');
  if (!isSqlFragment(select)) throw new DslError('E_DSL_ARGUMENT', 'view() takes sql`SELECT ...` second');
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    throw new DslError('E_DSL_ARGUMENT', 'the third argument of view() is { algorithm?, security?, checkOption? }');
  }
  for (const key of Object.keys(options ?? {})) {
    if (!OPTION_KEYS.has(key)) throw new DslError('E_DSL_ARGUMENT', `view() has no option "${key}": it takes algorithm, security, checkOption`);
  }
  const o = options ?? {};
  const check = o.checkOption;
  const state: View = {
    kind: 'view', name, select: select.text.trim(),
    algorithm: o.algorithm === undefined ? 'UNDEFINED' : pick(o.algorithm, ['UNDEFINED', 'MERGE', 'TEMPTABLE'], 'algorithm'),
    security: o.security === undefined ? 'DEFINER' : pick(o.security, ['DEFINER', 'INVOKER'], 'security'),
    checkOption: check === undefined || check === false ? 'NONE' : check === true ? 'CASCADED' : pick(check, ['CASCADED', 'LOCAL'], 'checkOption'),
    ...withPos(site()),
  };
  const def = Object.create(null);
  Object.defineProperty(def, VIEW, { value: state, enumerable: false });
  Object.defineProperty(def, 'name', { value: name, enumerable: true });
  return Object.freeze(def) as ViewDef;
}

function withPos(pos: SourcePos | undefined): { pos?: SourcePos } {
  return pos ? { pos } : {};
}

/** The IR of a value returned by `view()`, or undefined for anything else. */
export function viewState(value: unknown): View | undefined {
  return typeof value === 'object' && value !== null ? (value as any)[VIEW] : undefined;
}

export function isViewDef(value: unknown): boolean {
  return viewState(value) !== undefined;
}
