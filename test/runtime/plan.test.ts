import { fileHash, renderSum, type MigrationFile } from '../../compiler/emit/sum.js';
import { SchemacError } from '../../compiler/diagnostics.js';
import { statementChain, type HistoryRow } from '../../runtime/history.js';
import { checkIntegrity, migrationSet, type MigrationSet } from '../../runtime/migrations.js';
import { planDown, planUp } from '../../runtime/plan.js';
import { splitStatements } from '../../runtime/statements.js';

/*
 * The ordering and refusal logic of up/down, on literal files and history rows (no database:
 * nothing here depends on what a server decides).
 */

const UP1 = '-- step 1: a\nCREATE TABLE a (id INT);\n';
const DOWN1 = '-- undo step 1: a\nDROP TABLE a;\n';
const UP2 = '-- step 1: b\nALTER TABLE a ADD COLUMN b INT;\n\n-- step 2: c\nALTER TABLE a ADD UNIQUE KEY uq (b);\nUPDATE a SET b = 1;\n\n-- step 3: d\nCREATE INDEX ix ON a (id);\n';
const DOWN2 = '-- undo step 3: d\nDROP INDEX ix ON a;\n\n-- undo step 2: c\nALTER TABLE a DROP INDEX uq;\n\n-- undo step 1: b\nALTER TABLE a DROP COLUMN b;\n';
const UP3 = '-- step 1: c\nCREATE TABLE c (id INT);\n';
const DOWN3 = '-- undo step 1: c\nDROP TABLE c;\n';

function files(extra: Record<string, string> = {}): MigrationFile[] {
  const all: Record<string, string> = {
    '0001_a.up.sql': UP1, '0001_a.down.sql': DOWN1, '0002_b.up.sql': UP2, '0002_b.down.sql': DOWN2,
    '0003_c.up.sql': UP3, '0003_c.down.sql': DOWN3, ...extra,
  };
  return Object.entries(all).filter(([, text]) => text !== '').map(([name, text]) => ({ name, text })).sort((a, b) => (a.name < b.name ? -1 : 1));
}

function set(list = files(), sum: string | null = renderSum(list)): MigrationSet {
  return migrationSet('app', 'generated/app', list, sum);
}

function row(version: number, up: string, applied?: number, extra: Partial<HistoryRow> = {}): HistoryRow {
  const statements = splitStatements(up).map((s) => s.sql);
  const k = applied ?? statements.length;
  return {
    version, name: `000${version}_${'abc'[version - 1]}`, checksum: fileHash(up), appliedAt: '2024-01-01 00:00:00.000', executionMs: 1,
    statementsApplied: k, statementsTotal: statements.length, state: k === statements.length ? 'applied' : 'partial',
    appliedHash: statementChain(statements)[k], reverted: 0, downChecksum: null, running: null, runningStatement: null, runningFingerprint: null,
    appliedDownChecksum: null, chain: null, ...extra,
  };
}

function codes(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof SchemacError) return e.diagnostics.map((d) => d.code);
    throw e;
  }
  return [];
}

describe('integrity', () => {
  it('accepts files that match the sum', () => {
    expect(checkIntegrity(set())).toEqual([]);
  });
  it('names an edited file and says to run schemac sum', () => {
    const list = files();
    const sum = renderSum(list);
    list[1] = { ...list[1], text: list[1].text + '-- edit\n' };
    const problems = checkIntegrity(set(list, sum));
    expect(problems.map((p) => p.code)).toEqual(['E_SUM_MISMATCH']);
    expect(problems[0].message).toContain('generated/app/migrations/0001_a.up.sql was changed');
    expect(problems[0].hint).toContain('run `schemac sum` if the edit is deliberate');
  });
  it('reports a file missing from the sum, a sum entry without a file, a wrong total, a missing sum, duplicate numbers', () => {
    const list = files();
    expect(checkIntegrity(set(list, renderSum(list.slice(2)))).map((p) => p.message)).toEqual([
      'generated/app/migrations/0001_a.up.sql is not listed in generated/app/schemac.sum',
      'generated/app/migrations/0001_a.down.sql is not listed in generated/app/schemac.sum',
    ]);
    expect(checkIntegrity(set(list.slice(2), renderSum(list)))[0].message).toContain('lists 0001_a.down.sql, but generated/app/migrations/0001_a.down.sql is gone');
    const sum = renderSum(list).split('\n');
    // A hash, but not the chain's (one that is not a hash at all is E_SUM_FORMAT: test/robustness/generated.test.ts).
    sum[0] = `h1:${'A'.repeat(43)}=`;
    expect(checkIntegrity(set(list, sum.join('\n')))[0].message).toContain('the first line is not the hash of the chain');
    expect(checkIntegrity(set(list, null)).map((p) => p.code)).toEqual(['E_SUM_MISSING']);
    const dup = files({ '0003_other.up.sql': UP3 });
    expect(checkIntegrity(set(dup)).map((p) => p.code)).toEqual(['E_DUPLICATE_VERSION']);
  });
});

describe('planUp', () => {
  it('applies every pending migration in order on an empty history', () => {
    const plan = planUp(set(), []);
    expect(plan.items.map((i) => [i.migration.name, i.from, i.statements.length])).toEqual([['0001_a', 1, 1], ['0002_b', 1, 4], ['0003_c', 1, 1]]);
  });
  it('resumes a partial migration after its last recorded statement, then the pending ones', () => {
    const plan = planUp(set(), [row(1, UP1), row(2, UP2, 2)]);
    expect(plan.items.map((i) => [i.migration.name, i.from])).toEqual([['0002_b', 3], ['0003_c', 1]]);
  });
  it('stops at --to', () => {
    expect(planUp(set(), [], { to: 2 }).items.map((i) => i.migration.name)).toEqual(['0001_a', '0002_b']);
    expect(codes(() => planUp(set(), [], { to: 7 }))).toEqual(['E_UNKNOWN_VERSION']);
  });
  it('refuses a hole in the history (a migration merged below the last applied one) unless allowed', () => {
    const rows = [row(1, UP1), row(3, UP3)];
    let message = '';
    try { planUp(set(), rows); } catch (e) { message = (e as Error).message; }
    expect(message).toContain('0002_b is not applied, but 0003_c (a later number) is');
    expect(message).toContain('--allow-out-of-order');
    expect(planUp(set(), rows, { allowOutOfOrder: true }).items.map((i) => i.migration.name)).toEqual(['0002_b']);
  });
  it('accepts an applied migration whose file was edited and re-summed, with a warning', () => {
    const plan = planUp(set(), [{ ...row(1, UP1), checksum: 'h1:old' }]);
    expect(plan.warnings[0]).toContain('0001_a.up.sql was edited after it was applied here');
    expect(plan.items.map((i) => i.migration.name)).toEqual(['0002_b', '0003_c']);
  });
  it('resumes an edited partial migration only when the statements that ran are unchanged', () => {
    const edited = { ...row(2, UP2, 1), checksum: 'h1:old' };
    const plan = planUp(set(), [row(1, UP1), edited]);
    expect(plan.items[0]).toMatchObject({ from: 2, edited: true });
    const changedPrefix = { ...edited, appliedHash: statementChain(['ALTER TABLE a ADD COLUMN bb INT'])[1] };
    expect(codes(() => planUp(set(), [row(1, UP1), changedPrefix]))).toEqual(['E_PARTIAL_EDITED']);
  });
  it('refuses a recorded migration whose file is gone, and a partly reverted one', () => {
    expect(codes(() => planUp(set(files({ '0001_a.up.sql': '' })), [row(1, UP1)]))).toEqual(['E_MISSING_FILE']);
    expect(codes(() => planUp(set(), [row(1, UP1), row(2, UP2, 4, { reverted: 1, downChecksum: 'h1:x' })]))).toEqual(['E_REVERTING']);
  });
  it('refuses transaction control in the statements to run', () => {
    const list = files({ '0003_c.up.sql': 'START TRANSACTION;\nINSERT INTO a VALUES (1);\nCOMMIT;\n' });
    expect(codes(() => planUp(set(list), [row(1, UP1), row(2, UP2)]))).toEqual(['E_TX_CONTROL', 'E_TX_CONTROL']);
  });
});

describe('planDown', () => {
  const applied = () => [row(1, UP1), row(2, UP2), row(3, UP3)];
  it('refuses USE in the statements to run', () => {
    const list = files({ '0003_c.up.sql': 'USE other;\nCREATE TABLE x (id INT);\n' });
    expect(codes(() => planUp(set(list), [row(1, UP1), row(2, UP2)]))).toEqual(['E_USE']);
  });
  it('refuses transaction control in the down statements to run', () => {
    const list = files({ '0003_c.down.sql': 'START TRANSACTION;\nDELETE FROM a;\nCOMMIT;\n' });
    expect(codes(() => planDown(set(list), applied()))).toEqual(['E_TX_CONTROL', 'E_TX_CONTROL']);
  });
  it('reverts the newest migration by default, --steps K, --to N', () => {
    expect(planDown(set(), applied()).map((i) => i.row.name)).toEqual(['0003_c']);
    expect(planDown(set(), applied(), { steps: 2 }).map((i) => i.row.name)).toEqual(['0003_c', '0002_b']);
    expect(planDown(set(), applied(), { to: 1 }).map((i) => i.row.name)).toEqual(['0003_c', '0002_b']);
    expect(planDown(set(), applied(), { to: 0 }).map((i) => i.row.name)).toEqual(['0003_c', '0002_b', '0001_a']);
    expect(planDown(set(), [])).toEqual([]);
  });
  it('runs all of the down file for an applied migration', () => {
    const [item] = planDown(set(), [row(1, UP1), row(2, UP2)]);
    expect(item.statements.map((s) => s.sql)).toEqual(['DROP INDEX ix ON a', 'ALTER TABLE a DROP INDEX uq', 'ALTER TABLE a DROP COLUMN b']);
    expect(item.steps).toBeNull();
  });
  it('runs only the undo steps of the steps that ran for a partial migration', () => {
    expect(planDown(set(), [row(1, UP1), row(2, UP2, 1)])[0].statements.map((s) => s.sql)).toEqual(['ALTER TABLE a DROP COLUMN b']);
    const partlyStep2 = planDown(set(), [row(1, UP1), row(2, UP2, 2)])[0];
    expect(partlyStep2.steps).toEqual([1, 2]);
    expect(partlyStep2.fileNumbers).toEqual([2, 3]);
    expect(planDown(set(), [row(1, UP1), row(2, UP2, 0)])[0].statements).toEqual([]);
  });
  it('resumes an unfinished revert after the statements it recorded', () => {
    const [item] = planDown(set(), [row(1, UP1), row(2, UP2, 4, { reverted: 2, downChecksum: set().migrations[1].down!.hash })]);
    expect(item.from).toBe(3);
  });
  it('refuses a partial migration without step markers', () => {
    const list = files({ '0002_b.up.sql': UP2.replace(/-- step \d+: \w\n/g, ''), '0002_b.down.sql': DOWN2 });
    const s = set(list);
    const partial = { ...row(2, UP2, 1), checksum: s.migrations[1].up!.hash, appliedHash: statementChain(['ALTER TABLE a ADD COLUMN b INT'])[1] };
    expect(codes(() => planDown(s, [row(1, UP1), partial]))).toEqual(['E_NO_STEP_MARKERS']);
    // A complete migration needs no markers: the whole down file runs.
    expect(planDown(s, [row(1, UP1), { ...partial, statementsApplied: 4, state: 'applied' }])[0].statements).toHaveLength(3);
  });
  it('refuses without a down file, and when the down file changed during a revert', () => {
    expect(codes(() => planDown(set(files({ '0003_c.down.sql': '' })), applied()))).toEqual(['E_MISSING_FILE']);
    expect(codes(() => planDown(set(), [row(1, UP1), row(2, UP2, 4, { reverted: 1, downChecksum: 'h1:before' })]))).toEqual(['E_DOWN_EDITED']);
  });
});

describe('up after a revert that stopped part-way', () => {
  const down2 = fileHash(DOWN2);
  const reverting = (reverted: number, applied?: number) => row(2, UP2, applied, { reverted, downChecksum: down2 });
  const item = (r: HistoryRow) => planUp(set(), [row(1, UP1), r]).items[0];

  it('resumes after the up statements of the steps the revert did not undo (undo runs newest step first)', () => {
    // UP2: step 1 = statement 1, step 2 = statements 2-3, step 3 = statement 4; DOWN2 undoes 3, 2, 1.
    expect(item(reverting(1))).toMatchObject({ from: 4, unreverted: 3 });
    expect(item(reverting(2))).toMatchObject({ from: 2, unreverted: 1 });
    expect(item(reverting(0))).toMatchObject({ from: 5, unreverted: 4 });
    // A partly applied migration (steps 1 and part of 2) whose revert undid step 2.
    expect(item(reverting(1, 2))).toMatchObject({ from: 2, unreverted: 1 });
  });

  it('refuses when the revert stopped inside a step, or the files are not those that ran', () => {
    const down = '-- undo step 3: d\nDROP INDEX ix ON a;\n\n-- undo step 2: c\nALTER TABLE a DROP INDEX uq;\nUPDATE a SET b = NULL;\n\n-- undo step 1: b\nALTER TABLE a DROP COLUMN b;\n';
    const list = files({ '0002_b.down.sql': down });
    const inside = row(2, UP2, undefined, { reverted: 2, downChecksum: fileHash(down) });
    expect(() => planUp(set(list), [row(1, UP1), inside])).toThrow('the revert stopped inside undo step 2');
    expect(codes(() => planUp(set(), [row(1, UP1), { ...reverting(1), checksum: 'h1:other' }]))).toEqual(['E_REVERTING']);
    const unmarked = files({ '0002_b.down.sql': 'DROP INDEX ix ON a;\n' });
    expect(() => planUp(set(unmarked), [row(1, UP1), row(2, UP2, undefined, { reverted: 1, downChecksum: fileHash('DROP INDEX ix ON a;\n') })]))
      .toThrow('no `-- step N:` markers');
  });

  it('a check that ran counts as nothing undone', () => {
    const down = "-- undo step 3: d\nSELECT 'why' AS `schemac_check`, id FROM a WHERE id > 9;\nDROP INDEX ix ON a;\n\n-- undo step 2: c\nALTER TABLE a DROP INDEX uq;\n\n-- undo step 1: b\nALTER TABLE a DROP COLUMN b;\n";
    const list = files({ '0002_b.down.sql': down });
    const r = row(2, UP2, undefined, { reverted: 1, downChecksum: fileHash(down) });
    expect(planUp(set(list), [row(1, UP1), r]).items[0]).toMatchObject({ from: 5, unreverted: 4 });
  });
});
