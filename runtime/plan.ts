import { SchemacError, type Diagnostic } from '../compiler/diagnostics.js';
import { isCheck } from './checks.js';
import { classifyStatement } from './classify.js';
import { VERSION_TABLE } from '../compiler/config.js';
import { brokenLink, statementChain, type HistoryRow } from './history.js';
import { statementsOf, type Migration, type MigrationSet, type MigrationText } from './migrations.js';
import { firstLine, type Statement } from './statements.js';

/*
 * What `up` and `down` will run, decided from the migration files and the history rows alone
 * (no database): the pure core of the migrator, unit-tested with literal rows.
 */

/** A migration `up` runs, from statement `from` (1-based) to the end of its up file. */
export interface UpItem {
  readonly migration: Migration;
  readonly file: MigrationText;
  readonly statements: readonly Statement[];
  readonly from: number;
  /** The history row when the migration is partial (resumed), else null. */
  readonly row: HistoryRow | null;
  /** True when a partial migration's file was edited (and re-summed): its row takes the new checksum. */
  readonly edited: boolean;
  /**
   * For a migration whose revert stopped part-way: the up statements the database still has
   * (1..n), which its row records before the run resumes after them. Null otherwise.
   */
  readonly unreverted: number | null;
}

export interface UpPlan {
  readonly items: readonly UpItem[];
  /** Things to say on stderr that do not stop the run (edited applied migrations). */
  readonly warnings: readonly string[];
}

export interface UpPlanOptions {
  readonly to?: number;
  readonly allowOutOfOrder?: boolean;
}

const v4 = (n: number) => String(n).padStart(4, '0');

/** The migration of a version, if its files exist. */
function byVersion(set: MigrationSet, version: number): Migration | undefined {
  return set.migrations.find((m) => m.version === version);
}

/**
 * The migrations `up` applies, in order: the partial one first (resumed after its last recorded
 * statement), then every pending one, up to `to`. Refuses (throws every problem at once) when the
 * history and the files disagree in a way a human must decide.
 */
export function planUp(set: MigrationSet, rows: readonly HistoryRow[], options: UpPlanOptions = {}): UpPlan {
  const problems: Diagnostic[] = [];
  const warnings: string[] = [];
  const items: UpItem[] = [];
  const db = set.database;
  const rowOf = new Map(rows.map((r) => [r.version, r]));
  if (options.to !== undefined) checkVersion(set, rows, options.to, 'up --to', false);

  for (const row of rows) {
    const m = byVersion(set, row.version);
    if (row.reverted > 0 || row.downChecksum !== null) {
      // A revert that stopped between steps left the database as a partial up would: up resumes it.
      const back = m ? stillApplied(set, row, m) : 'its files are gone';
      if (typeof back === 'string') {
        problems.push({ code: 'E_REVERTING', message: `database ${db}: ${row.name} is partly reverted (a \`schemac down\` stopped after ${row.reverted} statement(s) of its down file), and \`up\` cannot take it back: ${back}`,
          hint: 'run `schemac down` again to finish reverting it (fix what made it fail first); `up` runs again once it is reverted' });
        continue;
      }
      if (options.to === undefined || row.version <= options.to) {
        const statements = statementsOf(m!.up!);
        items.push({ migration: m!, file: m!.up!, statements, from: back + 1, row, edited: false, unreverted: back });
      }
      continue;
    }
    if (!m?.up) {
      problems.push({ code: 'E_MISSING_FILE', message: `database ${db}: ${row.name} is recorded as ${row.state === 'applied' ? 'applied' : `partly applied (${row.statementsApplied} of ${row.statementsTotal} statements)`}, but ${set.dir}/migrations/${row.name}.up.sql is gone`,
        hint: 'restore the file from git (`schemac status` lists every migration). If it was dropped on purpose, revert it with `schemac down` before deleting its files' });
      continue;
    }
    const statements = statementsOf(m.up);
    if (row.state === 'applied' && row.running === null) {
      if (row.checksum !== m.up.hash) {
        warnings.push(`${db}: ${m.up.file} was edited after it was applied here (recorded ${row.checksum}, file ${m.up.hash}); `
          + 'the edit was re-summed, so it is accepted, but it does not run on this database (`schemac status` shows it as edited)');
      }
      continue;
    }
    // Partial (or interrupted): resume after the last recorded statement.
    let edited = false;
    if (row.checksum !== m.up.hash) {
      const chain = statementChain(statements.map((s) => s.sql));
      if (row.statementsApplied > statements.length || chain[row.statementsApplied] !== row.appliedHash) {
        problems.push({ code: 'E_PARTIAL_EDITED', message: `database ${db}: ${row.name} stopped after statement ${row.statementsApplied} of ${row.statementsTotal}, and ${m.up.file} has changed since in those statements`,
          pos: { file: m.up.file, line: 1, column: 1 },
          hint: `statements 1..${row.statementsApplied} already ran and cannot be changed now: restore them as they were (edit only statement ${row.statementsApplied + 1} and later), run \`schemac sum\`, then \`schemac up\`; or \`schemac down\` first, then edit freely` });
        continue;
      }
      if (row.running !== null) {
        problems.push({ code: 'E_INTERRUPTED_EDITED', message: `database ${db}: ${row.name} was interrupted during statement ${row.runningStatement}, and ${m.up.file} has changed since`,
          hint: 'restore the file as it was (git) so schemac can tell whether that statement committed; edit it after `schemac up` resumed' });
        continue;
      }
      edited = true;
      warnings.push(`${db}: ${m.up.file} was edited after statement ${row.statementsApplied} ran; the statements that ran are unchanged, resuming with the edited file`);
    }
    if (options.to === undefined || row.version <= options.to) {
      items.push({ migration: m, file: m.up, statements, from: row.statementsApplied + 1, row, edited, unreverted: null });
    }
  }

  const maxRecorded = rows.reduce((max, r) => Math.max(max, r.version), 0);
  const pending = set.migrations.filter((m) => !rowOf.has(m.version));
  const outOfOrder = pending.filter((m) => m.version < maxRecorded);
  if (outOfOrder.length && !options.allowOutOfOrder) {
    const last = rows.find((r) => r.version === maxRecorded)!;
    for (const m of outOfOrder) {
      problems.push({ code: 'E_OUT_OF_ORDER', message: `database ${db}: ${m.name} is not applied, but ${last.name} (a later number) is: it was probably merged from another branch after ${last.name} ran here`,
        hint: `renumber it: delete its files, rebuild with \`schemac build\` so its change becomes the next migration, and commit; or, if it does not depend on ${last.name}, apply it anyway with \`schemac up --allow-out-of-order\`` });
    }
  }
  for (const m of pending) {
    if (!m.up) {
      problems.push({ code: 'E_MISSING_FILE', message: `database ${db}: ${set.dir}/migrations/${m.name}.down.sql has no up file`,
        hint: 'restore the up file from git, or delete the down file and run `schemac sum`' });
      continue;
    }
    if (options.to !== undefined && m.version > options.to) continue;
    items.push({ migration: m, file: m.up, statements: statementsOf(m.up), from: 1, row: null, edited: false, unreverted: null });
  }
  items.sort((a, b) => a.migration.version - b.migration.version);
  for (const item of items) problems.push(...transactionControl(item.file, item.statements, item.from));
  if (problems.length) throw new SchemacError(problems);
  return { items, warnings };
}

/**
 * How many up statements a migration whose revert stopped part-way still has, when that is a
 * prefix of its up file: the down undoes steps newest first, so a revert that stopped between
 * steps leaves steps 1..k, as an up that stopped after them would. Else why not (a string): the
 * revert stopped inside a step, or the files are not the ones that ran.
 */
function stillApplied(set: MigrationSet, row: HistoryRow, m: Migration): number | string {
  if (!m.up || !m.down) return `${set.dir}/migrations/${row.name}.${m.up ? 'down' : 'up'}.sql is gone`;
  if (row.checksum !== m.up.hash) return `${m.up.file} changed since it ran`;
  if (row.downChecksum !== null && row.downChecksum !== m.down.hash) return `${m.down.file} changed since the revert started`;
  let down: DownItem;
  try {
    down = downItem(set, { ...row, running: null, runningStatement: null });
  } catch (e) {
    if (e instanceof SchemacError) return e.diagnostics[0].message;
    throw e;
  }
  const up = statementsOf(m.up);
  if (up.some((s) => s.step === null) || down.statements.some((s) => s.step === null)) return 'its files have no `-- step N:` markers';
  // A step is taken back when all its down statements ran; one the revert stopped inside (after a
  // statement that changed something) is neither here nor there.
  const ran = down.statements.slice(0, row.reverted);
  const undone = new Set<number>();
  for (const step of new Set(down.statements.map((s) => s.step!))) {
    const all = down.statements.filter((s) => s.step === step);
    const done = ran.filter((s) => s.step === step);
    if (done.length === all.length) undone.add(step);
    else if (done.some((s) => !isCheck(s))) return `the revert stopped inside undo step ${step}`;
  }
  const applied = row.state === 'applied' ? up.length : row.statementsApplied;
  let kept = 0;
  while (kept < applied && !undone.has(up[kept].step!)) kept++;
  if (up.slice(kept, applied).some((s) => !undone.has(s.step!))) return 'the steps it undid are not the last ones of its up file';
  return kept;
}

/**
 * Statements migrations may not hold: explicit transaction control would break the transaction
 * schemac puts around each data statement, and USE would move the names of the statements after it.
 */
function transactionControl(file: MigrationText, statements: readonly Statement[], from: number, fileNumbers?: readonly number[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  statements.forEach((s, i) => {
    if (i + 1 < from) return;
    const number = fileNumbers?.[i] ?? i + 1;
    const cls = classifyStatement(s.sql);
    if (cls.changesDatabase) {
      // The history, the fingerprints and the resume of an interrupted statement all read the
      // names of a migration in the database of its URL.
      out.push({ code: 'E_USE', message: `statement ${number} (${firstLine(s.sql)}) changes the default database; migration files may not`,
        pos: { file: file.file, line: s.line, column: 1 },
        hint: 'a migration runs on the database of its URL: qualify the names of another database (`other`.`table`) instead of USE' });
      return;
    }
    if (cls.kind !== 'transaction') return;
    out.push({ code: 'E_TX_CONTROL', message: `statement ${number} (${firstLine(s.sql)}) controls transactions; migration files may not`,
      pos: { file: file.file, line: s.line, column: 1 },
      hint: 'schemac runs each INSERT/UPDATE/DELETE in its own transaction together with its history record, so it is applied exactly once; remove START TRANSACTION/COMMIT/LOCK TABLES/SET autocommit' });
  });
  return out;
}

/**
 * What the history says that it cannot say if schemac wrote it: a broken chain (an edited,
 * swapped or removed row: brokenLink), counters no run can leave, a name that is not the
 * migration's. Checked before anything runs, and by `status`. `skipChain`: a table of an older
 * schemac, which has no chain yet, or a history a human accepted (--accept-history).
 */
export function historyProblems(set: MigrationSet, rows: readonly HistoryRow[], skipChain = false): Diagnostic[] {
  const db = set.database;
  const problems: Diagnostic[] = [];
  const edited = 'the table was edited by hand';
  const accept = 'if the rows say what really ran on this database, `schemac up --accept-history` records them as they are';
  const broken = skipChain ? null : brokenLink(rows);
  if (broken) {
    const lower = rows.filter((r) => r.version < broken.version).length;
    problems.push({ code: 'E_HISTORY_EDITED',
      message: `database ${db}: ${VERSION_TABLE} was changed outside schemac at version ${v4(broken.version)} (${broken.name}): `
        + (broken.chain === null ? 'the row was not written by schemac' : `its version, name or checksums, or ${lower ? 'the rows before it, were edited, swapped or removed' : 'its own fields, were edited'}`),
      hint: `${edited}: restore it from a backup or from what \`schemac status\` and the files say; ${accept}` });
  }
  for (const row of rows) {
    const m = byVersion(set, row.version);
    const counts: string[] = [];
    if (row.statementsApplied > row.statementsTotal) counts.push(`${row.statementsApplied} of ${row.statementsTotal} statements applied`);
    if (row.state === 'applied' && row.statementsApplied !== row.statementsTotal) counts.push(`state applied with ${row.statementsApplied} of ${row.statementsTotal} statements`);
    if (m?.up && m.up.hash === row.checksum && row.statementsTotal !== statementsOf(m.up).length) {
      counts.push(`${row.statementsTotal} statements recorded, but ${m.up.file} has ${statementsOf(m.up).length}`);
    }
    if (m?.down && row.downChecksum === m.down.hash && row.reverted > statementsOf(m.down).length) {
      counts.push(`${row.reverted} down statements reverted, but ${m.down.file} has ${statementsOf(m.down).length}`);
    }
    if (counts.length) {
      problems.push({ code: 'E_HISTORY_COUNT', message: `database ${db}: the history of ${row.name} says ${counts.join('; ')}, which no run leaves`,
        hint: `${edited}: set statements_applied / statements_total / reverted to what ran on the database` });
    }
    if (m && m.name !== row.name) {
      problems.push({ code: 'E_HISTORY_NAME', message: `database ${db}: version ${v4(row.version)} ran here as ${row.name}, but the migration is now ${m.name}`,
        hint: `restore the files' name (${row.name}), or, if ${m.name} is that migration renamed, set its name in ${VERSION_TABLE} and run \`schemac up --accept-history\`` });
    }
  }
  return problems;
}

/** `--to N` must name a migration (or 0 for down); a typo must not run everything. */
function checkVersion(set: MigrationSet, rows: readonly HistoryRow[], to: number, what: string, zero: boolean): void {
  if ((zero && to === 0) || set.migrations.some((m) => m.version === to) || rows.some((r) => r.version === to)) return;
  const known = [...new Set([...set.migrations.map((m) => m.version), ...rows.map((r) => r.version)])].sort((a, b) => a - b);
  throw new SchemacError({ code: 'E_UNKNOWN_VERSION', message: `${what} ${to}: database ${set.database} has no migration numbered ${v4(to)}`,
    hint: known.length ? `its migrations are ${known.map(v4).join(', ')}${zero ? ' (0 reverts them all)' : ''}` : 'it has no migrations' }, 2);
}

/** A migration `down` reverts: the down statements to run, in order, from `from` (1-based). */
export interface DownItem {
  readonly row: HistoryRow;
  readonly file: MigrationText;
  /** The down statements that undo what ran (all of them for an applied migration). */
  readonly statements: readonly Statement[];
  /** The 1-based number in the down file of each of `statements`. */
  readonly fileNumbers: readonly number[];
  readonly from: number;
  /** For a partial migration: which steps are undone. */
  readonly steps: readonly number[] | null;
}

export interface DownPlanOptions {
  readonly to?: number;
  readonly steps?: number;
  /** Run a down file edited after its migration was applied here (the edit was reviewed). */
  readonly allowEditedDown?: boolean;
}

/**
 * The migrations `down` reverts, newest first: with `to`, every one numbered above it; else the
 * newest `steps` (default 1). A partial migration is reverted by the undo steps of the steps that
 * (at least partly) ran, found through the `-- step N:` / `-- undo step N:` markers.
 */
export function planDown(set: MigrationSet, rows: readonly HistoryRow[], options: DownPlanOptions = {}): DownItem[] {
  if (options.to !== undefined) checkVersion(set, rows, options.to, 'down --to', true);
  const newestFirst = [...rows].sort((a, b) => b.version - a.version);
  const chosen = options.to !== undefined ? newestFirst.filter((r) => r.version > options.to!) : newestFirst.slice(0, options.steps ?? 1);
  const problems: Diagnostic[] = [];
  const items: DownItem[] = [];
  for (const row of chosen) {
    try {
      const item = downItem(set, row, options.allowEditedDown === true);
      items.push(item);
      problems.push(...transactionControl(item.file, item.statements, item.from, item.fileNumbers));
    } catch (e) {
      if (e instanceof SchemacError) problems.push(...e.diagnostics);
      else throw e;
    }
  }
  if (problems.length) throw new SchemacError(problems);
  return items;
}

/** What reverting one recorded migration runs. */
export function downItem(set: MigrationSet, row: HistoryRow, allowEditedDown = false): DownItem {
  const db = set.database;
  const m = byVersion(set, row.version);
  const refuse = (code: string, message: string, hint: string, file?: string): never => {
    throw new SchemacError({ code, message: `database ${db}: ${message}`, hint, ...(file ? { pos: { file, line: 1, column: 1 } } : {}) });
  };
  if (!m?.down) {
    return refuse('E_MISSING_FILE', `cannot revert ${row.name}: ${set.dir}/migrations/${row.name}.down.sql is gone`,
      'restore it from git; without it, revert the changes by hand and delete its row from schemac_migrations');
  }
  const down = m.down;
  if (row.downChecksum !== null && row.downChecksum !== down.hash) {
    refuse('E_DOWN_EDITED', `${down.file} changed while reverting ${row.name} was unfinished (${row.reverted} of its statements ran)`,
      'restore the down file as it was when the revert started (git), then run `schemac down` again', down.file);
  }
  if (!allowEditedDown && row.downChecksum === null && row.appliedDownChecksum !== null && row.appliedDownChecksum !== down.hash) {
    refuse('E_DOWN_EDITED', `${down.file} was edited after ${row.name} was applied here (recorded ${row.appliedDownChecksum}, file ${down.hash}): it no longer is the down that was reviewed with the up that ran`,
      'restore the down file from git (`git log` on it shows the edit); if the edit is deliberate and reviewed, run `schemac down --allow-edited-down`', down.file);
  }
  const downStatements = statementsOf(down);
  const all = (): DownItem => ({ row, file: down, statements: downStatements, fileNumbers: downStatements.map((_, i) => i + 1), from: row.reverted + 1, steps: null });
  const complete = row.state === 'applied' && row.statementsApplied === row.statementsTotal && !(row.running === 'up');
  if (complete) return all();

  // Partial: undo only the steps that ran.
  if (!m.up) {
    return refuse('E_MISSING_FILE', `cannot revert the partly applied ${row.name}: ${set.dir}/migrations/${row.name}.up.sql is gone, so schemac cannot tell which steps ran`,
      'restore the up file from git');
  }
  const upStatements = statementsOf(m.up);
  if (row.checksum !== m.up.hash) {
    const chain = statementChain(upStatements.map((s) => s.sql));
    if (row.statementsApplied > upStatements.length || chain[row.statementsApplied] !== row.appliedHash) {
      refuse('E_PARTIAL_EDITED', `${m.up.file} has changed in the statements of ${row.name} that ran (1..${row.statementsApplied}), so schemac cannot map them to undo steps`,
        'restore the up file as it was when it ran (git)', m.up.file);
    }
  }
  // A statement whose outcome is unknown (running) counts as run: its step is undone too.
  const ran = row.running === 'up' && row.runningStatement !== null ? Math.max(row.statementsApplied, row.runningStatement) : row.statementsApplied;
  const unmarked = upStatements.slice(0, ran).findIndex((s) => s.step === null);
  const downUnmarked = downStatements.findIndex((s) => s.step === null);
  if (ran > 0 && (unmarked >= 0 || downUnmarked >= 0)) {
    const where = unmarked >= 0 ? `${m.up.file} line ${upStatements[unmarked].line} has no \`-- step N:\` marker above it`
      : `${down.file} line ${downStatements[downUnmarked].line} has no \`-- undo step N:\` marker above it`;
    refuse('E_NO_STEP_MARKERS', `${row.name} is partly applied (${row.statementsApplied} of ${row.statementsTotal} statements), and ${where}, so schemac cannot tell which down statements undo what ran`,
      `either finish it (fix the cause, then \`schemac up\` resumes at statement ${row.statementsApplied + 1}), or revert statements 1..${row.statementsApplied} by hand and delete its row: DELETE FROM schemac_migrations WHERE version = ${row.version}; `
      + 'files written by `schemac build` have the markers; keep them when editing by hand');
  }
  const steps = [...new Set(upStatements.slice(0, ran).map((s) => s.step!))].sort((a, b) => a - b);
  const statements: Statement[] = [];
  const fileNumbers: number[] = [];
  downStatements.forEach((s, i) => {
    if (s.step !== null && steps.includes(s.step)) {
      statements.push(s);
      fileNumbers.push(i + 1);
    }
  });
  return { row, file: down, statements, fileNumbers, from: row.reverted + 1, steps };
}
