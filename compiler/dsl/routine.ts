import type { Routine, RoutineDataAccess, RoutineType, SourcePos, ViewSecurity } from '../ir/types.js';
import { DslError } from './errors.js';
import { site } from './site.js';
import { isSqlFragment, type SqlFragment } from './sql.js';

/** What CREATE PROCEDURE / FUNCTION takes besides the name and the body. */
export interface RoutineOptions {
  /** The parameters, as inside the parentheses: sql`IN p_id INT, OUT p_count INT`. */
  readonly params?: SqlFragment;
  /** [NOT] DETERMINISTIC (default: not). */
  readonly deterministic?: boolean;
  /** CONTAINS SQL (the default) | NO SQL | READS SQL DATA | MODIFIES SQL DATA */
  readonly dataAccess?: 'contains sql' | 'no sql' | 'reads sql data' | 'modifies sql data' | RoutineDataAccess;
  /** SQL SECURITY DEFINER (the default) | INVOKER */
  readonly security?: 'definer' | 'invoker' | ViewSecurity;
  readonly comment?: string;
  /** The sql_mode the body runs under (MariaDB: written with SET STATEMENT); default: the session's. */
  readonly sqlMode?: string;
}

/** A function's options: RETURNS is required. */
export interface FunctionOptions extends RoutineOptions {
  /** The RETURNS type, as written: sql`DECIMAL(10,2)`. */
  readonly returns: SqlFragment;
}

const ROUTINE = Symbol.for('schemac.routine');

/** A declared procedure or function (exported from a schema file like a table). */
export interface RoutineDef {
  readonly name: string;
}

const KEYS: ReadonlySet<string> = new Set(['params', 'returns', 'deterministic', 'dataAccess', 'security', 'comment', 'sqlMode']);

function make(type: RoutineType, name: string, options: Partial<FunctionOptions> | undefined, body: SqlFragment): RoutineDef {
  const what = type === 'PROCEDURE' ? 'procedure()' : 'storedFunction()';
  if (typeof name !== 'string' || name.length === 0) throw new DslError('E_DSL_ARGUMENT', `${what} takes the name first`);
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    throw new DslError('E_DSL_ARGUMENT', `the second argument of ${what} is an object of options`);
  }
  const o = options ?? {};
  for (const key of Object.keys(o)) {
    if (!KEYS.has(key) || (key === 'returns' && type === 'PROCEDURE')) {
      throw new DslError('E_DSL_ARGUMENT', `${what} has no option "${key}"`);
    }
  }
  if (!isSqlFragment(body)) throw new DslError('E_DSL_ARGUMENT', `${what} takes the body as sql\`...\` last`);
  if (o.params !== undefined && !isSqlFragment(o.params)) throw new DslError('E_DSL_ARGUMENT', `${what} { params } takes sql\`...\``);
  if (type === 'FUNCTION' && !isSqlFragment(o.returns)) throw new DslError('E_DSL_ARGUMENT', 'storedFunction() needs { returns: sql`TYPE` }');
  const access = o.dataAccess === undefined ? 'CONTAINS SQL' : String(o.dataAccess).toUpperCase().replace(/\s+/g, ' ');
  if (!['CONTAINS SQL', 'NO SQL', 'READS SQL DATA', 'MODIFIES SQL DATA'].includes(access)) {
    throw new DslError('E_DSL_ARGUMENT', `${what} { dataAccess } takes 'contains sql', 'no sql', 'reads sql data', 'modifies sql data'`);
  }
  const security = o.security === undefined ? 'DEFINER' : String(o.security).toUpperCase();
  if (security !== 'DEFINER' && security !== 'INVOKER') throw new DslError('E_DSL_ARGUMENT', `${what} { security } takes 'definer', 'invoker'`);
  if (o.deterministic !== undefined && typeof o.deterministic !== 'boolean') throw new DslError('E_DSL_ARGUMENT', `${what} { deterministic } takes true or false`);
  if (o.comment !== undefined && typeof o.comment !== 'string') throw new DslError('E_DSL_ARGUMENT', `${what} { comment } takes a string`);
  if (o.sqlMode !== undefined && typeof o.sqlMode !== 'string') throw new DslError('E_DSL_ARGUMENT', `${what} { sqlMode } takes a string`);
  const pos: SourcePos | undefined = site();
  const state: Routine = {
    kind: 'routine', type, name, params: o.params?.text.trim() ?? '', returns: type === 'FUNCTION' ? o.returns!.text.trim() : null,
    deterministic: o.deterministic ?? false, dataAccess: access as RoutineDataAccess, security: security as ViewSecurity,
    comment: o.comment ?? '', body: body.text.trim(), ...(o.sqlMode !== undefined ? { sqlMode: o.sqlMode } : {}), ...(pos ? { pos } : {}),
  };
  const def = Object.create(null);
  Object.defineProperty(def, ROUTINE, { value: state, enumerable: false });
  Object.defineProperty(def, 'name', { value: name, enumerable: true });
  return Object.freeze(def) as RoutineDef;
}

/**
 * Declares a stored procedure: `procedure('close_order', { params: sql\`IN p_id INT\` }, sql\`BEGIN ... END\`)`.
 * A change is DROP + CREATE (the down creates the old one); the DEFINER is not part of the schema.
 */
export function procedure(name: string, options: RoutineOptions, body: SqlFragment): RoutineDef;
export function procedure(name: string, body: SqlFragment): RoutineDef;
export function procedure(name: string, options: RoutineOptions | SqlFragment, body?: SqlFragment): RoutineDef {
  return isSqlFragment(options) && body === undefined ? make('PROCEDURE', name, {}, options) : make('PROCEDURE', name, options as RoutineOptions, body!);
}

/** Declares a stored function: `storedFunction('net', { params: sql\`x DECIMAL(10,2)\`, returns: sql\`DECIMAL(10,2)\`, deterministic: true }, sql\`RETURN x * 0.8\`)`. */
export function storedFunction(name: string, options: FunctionOptions, body: SqlFragment): RoutineDef {
  return make('FUNCTION', name, options, body);
}

/** The IR of a value returned by `procedure()` or `storedFunction()`, or undefined for anything else. */
export function routineState(value: unknown): Routine | undefined {
  return typeof value === 'object' && value !== null ? (value as any)[ROUTINE] : undefined;
}

export function isRoutineDef(value: unknown): boolean {
  return routineState(value) !== undefined;
}
