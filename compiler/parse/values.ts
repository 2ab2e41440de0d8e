import type { ModuleInfo } from './modules.js';

/**
 * The value of an expression that could not be evaluated. The problem has been reported where it
 * was found; whatever consumes this value fails silently, so one mistake gives one diagnostic.
 */
export const INVALID: unique symbol = Symbol('schemac.invalid');

/** Marks the failure of a schema function called by the DSL (`() => other.id`), already reported. */
export const ALREADY_REPORTED = 'schemac: this value could not be evaluated (reported above)';

/**
 * Thrown out of a schema's arrow function when its body could not be evaluated, so the DSL
 * (which called it) stops; the DSL's own diagnostic about it is dropped as a duplicate.
 */
export class AlreadyReportedError extends Error {
  constructor() {
    super(ALREADY_REPORTED);
    this.name = 'AlreadyReportedError';
  }
}

/** `import * as ns from '...'`: usable only as `ns.name`. */
export class NamespaceValue {
  constructor(readonly module: ModuleInfo | 'dsl') {}
}

/** The variables of an arrow function's call (its parameters), chained to the enclosing ones. */
export interface Env {
  readonly vars: ReadonlyMap<string, unknown>;
  readonly parent: Env | undefined;
}

/** Where an expression is evaluated: its module, and the parameters of enclosing arrow functions. */
export interface Scope {
  readonly module: ModuleInfo;
  readonly env: Env | undefined;
}
