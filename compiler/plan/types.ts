import type { Ddl, Statement } from '../dialect/mysql/ddl.js';
import { costText, type Cost } from '../dialect/mysql/cost.js';
import type { Change } from '../diff/changes.js';
import type { RiskCode } from './risks.js';

export type { Statement } from '../dialect/mysql/ddl.js';
export type { RiskCode } from './risks.js';

/**
 * The alias of a check's first column. A check is a SELECT whose first column is a string literal
 * named so (`SELECT 'why' AS \`schemac_check\`, ...`): the rows it returns are the rows a step
 * cannot handle, and the runtime refuses to run a migration while any check returns a row.
 */
export const CHECK_COLUMN = 'schemac_check';

export type RiskLevel = 'destructive' | 'blocked' | 'warning';

/** Something a reviewer must know before applying a step. */
export interface Risk {
  readonly level: RiskLevel;
  readonly code: RiskCode;
  readonly table: string;
  /** The column the risk is about, when it is about one (what `--allow-data-loss=table.column` names). */
  readonly column?: string;
  readonly message: string;
  readonly hint?: string;
}

/** One change turned into SQL: its forward statements and their exact reverse, written together. */
export interface Step {
  /** Where the step runs in the up script (lower first). */
  readonly phase: number;
  readonly table: string;
  /** One line for the plan summary, as `add column task.title`. */
  readonly summary: string;
  readonly up: readonly Statement[];
  /** Statements that undo `up`, in the order they run. */
  readonly down: readonly Statement[];
  readonly risks: readonly Risk[];
  /** The up as the dialect's typed statements (`up` is their text); `down` is their inverse. */
  readonly ddl: readonly Ddl[];
  /** The changes the step carries out (a backfilled column's change is the source of its fill and of the table's ALTER). */
  readonly source: readonly Change[];
  /**
   * True when the down gives back what the up took, data included; false when it restores the
   * shape only (a dropped table or column comes back empty, a narrowed column may not fit its
   * values): the step has a destructive or lossy risk.
   */
  readonly reversible: boolean;
  /** What each up statement, and each down statement, costs the server the plan was made for (cost.ts). */
  readonly costs: readonly Cost[];
  readonly downCosts: readonly Cost[];
}

/** The ordered steps of a migration. The down script is the steps' `down`, last step first. */
export interface Plan {
  readonly steps: readonly Step[];
  /** A short summary of every change (`add tier and rename name`): names the migration. */
  readonly title: string;
}

/**
 * The up script: each step's statements, the first one marked `step N: summary`. The markers
 * let a reviewer see what each statement is for, and let the runtime revert a partly applied
 * migration step by step.
 */
export function upStatements(plan: Plan): Statement[] {
  return plan.steps.flatMap((s, i) => s.up.map((st, j) => withNote(j === 0 ? { ...st, comment: `step ${i + 1}: ${s.summary}` } : st, s.costs[j])));
}

/** A statement with its cost as a comment line, for the ALTERs and UPDATEs whose cost says something. */
function withNote(st: Statement, cost: Cost | undefined): Statement {
  return cost && (cost.kind === 'alter' || cost.kind === 'rows') ? { ...st, note: `cost: ${costText(cost)}` } : st;
}

/** The down script: the steps' reverses, last step first, each marked `undo step N: summary`. */
export function downStatements(plan: Plan): Statement[] {
  return plan.steps.map((s, i) => ({ s, i })).reverse()
    .flatMap(({ s, i }) => s.down.map((st, j) => withNote(j === 0 ? { ...st, comment: `undo step ${i + 1}: ${s.summary}` } : st, s.downCosts[j])));
}

export function planRisks(plan: Plan): Risk[] {
  return plan.steps.flatMap((s) => s.risks);
}
