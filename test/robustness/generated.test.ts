import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SchemacError } from '../../compiler/diagnostics.js';
import { readCache, writeCache } from '../../compiler/emit/cache.js';
import { fileError } from '../../compiler/project/files.js';
import { readSnapshot } from '../../compiler/ir/snapshot.js';
import { copyDemo, schemac, tempDir, tree } from '../cli/run.js';
import { caseNames, loadCase } from '../golden/cases.js';
import { compileFolder, ROOT, tsFiles } from '../helpers/compile.js';
import { expectRefused } from './expect.js';
import { columnRenamedFrom } from '../../compiler/ir/hints.js';

/*
 * The files schemac reads back from generated/ (issue 13, reproductions 3 to 5): each is checked
 * against its format when it is read, and a broken one is one error naming the file, the place
 * in it and what to do (exit 1), never a crash further on; a file the system cannot read is an
 * error naming the path and the cause. Nothing is written.
 */

const SNAPSHOT = readFileSync(join(ROOT, 'generated', 'members', 'snapshot.json'), 'utf8');
const snapshotWith = (edit: (data: any) => void): string => {
  const data = JSON.parse(SNAPSHOT);
  edit(data);
  return JSON.stringify(data, null, 2);
};

describe('a broken snapshot.json', () => {
  let dir: string;
  const file = () => join(dir, 'generated', 'members', 'snapshot.json');
  beforeAll(() => { dir = copyDemo('gen-snapshot', true); });
  afterEach(() => writeFileSync(file(), SNAPSHOT));

  it('a column type {"kind":"bogus"}: build, plan and verify name the file and the JSON path (they died in assertNever)', () => {
    writeFileSync(file(), snapshotWith((d) => { d.tables[0].columns[1].type = { kind: 'bogus', length: 20 }; }));
    const before = tree(join(dir, 'generated'));
    for (const command of [['build'], ['plan'], ['build', '--check'], ['verify'], ['diff', '--from', 'generated/members', '--to', 'db:members']]) {
      const r = schemac(dir, ...command);
      expectRefused(r, /^error E_SNAPSHOT: generated\/members\/snapshot\.json: tables\[0\]\.columns\[1\]\.type\.kind: "bogus" is not a column type \(int, decimal, /m);
      expect(r.stderr).toContain('hint: restore it from git (git checkout -- generated/members/snapshot.json)');
      expect(r.stderr.match(/error E_/g)).toHaveLength(1);
    }
    expect(tree(join(dir, 'generated'))).toEqual(before);
  });

  it('a table without "columns", and "tables": [null] (TypeErrors in the differ)', () => {
    writeFileSync(file(), snapshotWith((d) => { delete d.tables[1].columns; }));
    expectRefused(schemac(dir, 'build'), /^error E_SNAPSHOT: generated\/members\/snapshot\.json: tables\[1\]: "columns" is missing$/m);
    writeFileSync(file(), snapshotWith((d) => { d.tables = [null]; }));
    expectRefused(schemac(dir, 'build'), /^error E_SNAPSHOT: generated\/members\/snapshot\.json: tables\[0\]: expected an object, found null$/m);
  });

  it('text that is not JSON: the line and column where it stops', () => {
    writeFileSync(file(), SNAPSHOT.replace('"columns": [', '"columns": [,'));
    expectRefused(schemac(dir, 'plan'), /^generated\/members\/snapshot\.json:\d+:\d+: error E_SNAPSHOT: generated\/members\/snapshot\.json: not valid JSON/m);
  });

  it('up and status do not read the snapshot: they still work with a broken one (they have no use for it)', () => {
    writeFileSync(file(), '{');
    // No database URL is set: the error is about that, after the generated folder was read.
    expectRefused(schemac(dir, 'status'), /error E_ENV: database "members"/);
  });
});

describe('the snapshot format, field by field', () => {
  const cases: Array<[string, (d: any) => void, RegExp]> = [
    ['a string where a number is', (d) => { d.tables[0].columns[1].type.length = '64'; }, /tables\[0\]\.columns\[1\]\.type\.length: expected a whole number from 0 to 4294967295, found "64"/],
    ['a field the format does not have', (d) => { d.tables[0].columns[0].nulable = true; }, /tables\[0\]\.columns\[0\]\.nulable: is not a field of this object/],
    ['a field of another column type', (d) => { d.tables[0].columns[1].type.size = 'int'; }, /tables\[0\]\.columns\[1\]\.type\.size: is not a field of this object/],
    ['tables is an object', (d) => { d.tables = {}; }, /tables: expected an array, found an object/],
    ['another version', (d) => { d.version = 2; }, /version: expected 1 \(the snapshot format this schemac reads\), found 2/],
    ['a number default that is not a number', (d) => { d.tables[0].columns[3].default.value = '1; DROP TABLE x'; }, /tables\[0\]\.columns\[3\]\.default\.value: expected the text of a number/],
    ['an expression that ends the statement', (d) => { d.tables[0].checks = [{ kind: 'check', name: 'c', expr: '1); DROP TABLE x; (1' }]; }, /tables\[0\]\.checks\[0\]\.expr: the SQL expression ";" at character 3/],
    ['an expression nested too deep', (d) => { d.tables[0].checks = [{ kind: 'check', name: 'c', expr: '('.repeat(500) + '1' + ')'.repeat(500) }]; }, /tables\[0\]\.checks\[0\]\.expr: the SQL expression nests more than 100 levels deep/],
    ['an unknown referential action', (d) => { d.tables.find((t: any) => t.foreignKeys.length).foreignKeys[0].onDelete = 'EXPLODE'; }, /foreignKeys\[0\]\.onDelete: expected one of "RESTRICT", /],
    ['a foreign key to a table that is not there', (d) => { d.tables.find((t: any) => t.foreignKeys.length).foreignKeys[0].refTable = 'gone'; }, /foreignKeys\[0\]\.refTable: no table is named "gone"/],
    ['an index of a column that is not there', (d) => { d.tables.find((t: any) => t.indexes.length).indexes[0].parts[0].column = 'gone'; }, /indexes\[0\]\.parts\[0\]\.column: table "\w+" has no column "gone"/],
    ['two tables of one name', (d) => { d.tables.push(d.tables[0]); }, /tables\[\d+\]\.name: a second table named "\w+"/],
    ['build hints, which a snapshot never keeps', (d) => { d.tables[0].renamedFrom = ['old']; }, /tables\[0\]\.renamedFrom: is not a field of this object/],
    // Found by the fuzz test: written into CHARACTER SET as it is, it made sql-formatter throw.
    ['a character set that is not a name', (d) => { d.tables[0].columns[1].charset = 'generated/../..'; }, /tables\[0\]\.columns\[1\]\.charset: expected a name of letters, digits and _, found "generated\/\.\.\/\.\."/],
    ['an engine that is not a name', (d) => { d.tables[0].options.engine = 'InnoDB; DROP TABLE x'; }, /tables\[0\]\.options\.engine: expected a name/],
  ];

  it.each(cases)('%s', (_what, edit, message) => {
    let caught: unknown;
    try {
      readSnapshot(snapshotWith(edit), 'snap.json');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SchemacError);
    const d = (caught as SchemacError).diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0].code).toBe('E_SNAPSHOT');
    expect(d[0].message).toMatch(/^snap\.json: /);
    expect(d[0].message).toMatch(message);
  });

  it('every snapshot schemac writes reads back: the demo\'s and every golden case\'s', () => {
    for (const db of ['members', 'users']) readSnapshot(readFileSync(join(ROOT, 'generated', db, 'snapshot.json'), 'utf8'));
    for (const name of caseNames()) {
      const c = loadCase(name);
      if (c.result) expect(() => readSnapshot(c.result!.files.get('snapshot.json')!, `${name}/snapshot.json`)).not.toThrow();
    }
  });
});

describe('file-system errors', () => {
  it('are recognised by their code and system call, also from another realm (not instanceof this realm\'s Error)', () => {
    const foreign = { code: 'ELOOP', syscall: 'open', path: '/x/y.sql', message: 'ELOOP: too many symbolic links encountered' };
    expect(fileError(foreign)?.diagnostics).toEqual([{ code: 'E_FILE', message: 'cannot read /x/y.sql: ELOOP',
      hint: 'too many symbolic links: a link that points (through others) back to itself?' }]);
    // A network error is not about a file.
    expect(fileError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', syscall: 'connect' }))).toBeNull();
  });
});

describe('the compile cache (node_modules/.cache/schemac), read back checked by its digest', () => {
  it('an entry the build wrote is used; one changed or cut since is a miss, never an error', () => {
    const dir = join(ROOT, 'test', 'cases', 'rename_fk_column');
    const files = tsFiles(join(dir, 'after'));
    const { ir, hints } = compileFolder(dir, join(dir, 'after'));
    expect(columnRenamedFrom(hints, 'task', 'owner_position_id')).toEqual(['position_id']);
    const path = join(tempDir('gen-cache'), 'main.json');
    writeCache(path, 'k', files, { ir, hints });
    expect(readCache(path, 'k', files)).toEqual({ ir: JSON.parse(JSON.stringify(ir)), hints });
    const entry = readFileSync(path, 'utf8');
    writeFileSync(path, entry.replace('"kind":"int"', '"kind":"bogus"'));
    expect(readCache(path, 'k', files)).toBeNull();
    writeFileSync(path, entry.slice(0, entry.length - 10));
    expect(readCache(path, 'k', files)).toBeNull();
  });
});

describe('migration files the system cannot read, or that are not migrations', () => {
  let dir: string;
  let migrations: string;
  const up2 = () => join(migrations, '0002_status_report.up.sql');
  beforeAll(() => {
    dir = copyDemo('gen-files', true);
    migrations = join(dir, 'generated', 'members', 'migrations');
    renameSync(up2(), join(dir, 'saved.sql'));
  });
  afterEach(() => {
    rmSync(up2(), { recursive: true, force: true });
    copyFileSync(join(dir, 'saved.sql'), up2());
  });

  it('a symbolic link to itself (ELOOP; a raw fs error came out of readGenerated): build and status name the path and the cause', () => {
    rmSync(up2(), { force: true });
    symlinkSync('0002_status_report.up.sql', up2());
    for (const command of ['build', 'status', 'up', 'sum']) {
      expectRefused(schemac(dir, command), /^error E_FILE: cannot read generated\/members\/migrations\/0002_status_report\.up\.sql: ELOOP\n {2}hint: too many symbolic links/m);
    }
  });

  it('a folder where the file should be (cannot be read, EISDIR)', () => {
    rmSync(up2(), { force: true });
    mkdirSync(up2());
    expectRefused(schemac(dir, 'build'), /^error E_FILE: cannot read generated\/members\/migrations\/0002_status_report\.up\.sql: EISDIR\n {2}hint: it is a folder/m);
  });

  it('a migration named so that it would never run, and one whose header names another migration', () => {
    writeFileSync(join(migrations, '0003_Add_Thing.up.sql'), 'SELECT 1;\n');
    expectRefused(schemac(dir, 'status'), /^error E_MIGRATION_NAME: generated\/members\/migrations\/0003_Add_Thing\.up\.sql is not named as a migration/m);
    rmSync(join(migrations, '0003_Add_Thing.up.sql'));
    copyFileSync(join(migrations, '0001_init.up.sql'), join(migrations, '0003_copy.up.sql'));
    expectRefused(schemac(dir, 'build'),
      /^generated\/members\/migrations\/0003_copy\.up\.sql:1:1: error E_MIGRATION_HEADER: .*its header names migration 0001_init \(up\), not 0003_copy \(up\)/m);
    rmSync(join(migrations, '0003_copy.up.sql'));
    expect(schemac(dir, 'build', '--check').status).toBe(0);
  });
});

describe('a damaged journal of an interrupted build', () => {
  let dir: string;
  const staging = () => join(dir, 'generated', 'members', '.schemac-commit-999999');
  beforeAll(() => { dir = copyDemo('gen-journal', true); });
  afterEach(() => rmSync(staging(), { recursive: true, force: true }));

  it('a manifest naming a path outside the folder, or not JSON: E_JOURNAL naming it, nothing moved', () => {
    mkdirSync(staging());
    writeFileSync(join(staging(), '0'), 'moved\n');
    writeFileSync(join(staging(), 'manifest.json'), JSON.stringify({ version: 1, files: [{ path: '../../escaped.txt', staged: '0' }] }));
    expectRefused(schemac(dir, 'status'),
      /^error E_JOURNAL: generated\/members\/\.schemac-commit-999999\/manifest\.json: files\[0\]\.path: "\.\.\/\.\.\/escaped\.txt" is not a path inside the folder/m);
    expect(tree(dir)['escaped.txt']).toBeUndefined();
    writeFileSync(join(staging(), 'manifest.json'), '{"version": 1, "files": [');
    expectRefused(schemac(dir, 'build'), /^error E_JOURNAL: .*manifest\.json: not valid JSON/m);
  });
});

describe('a broken schemac.sum', () => {
  let dir: string;
  let sum: string;
  let text: string;
  beforeAll(() => {
    dir = copyDemo('gen-sum', true);
    sum = join(dir, 'generated', 'members', 'schemac.sum');
    text = readFileSync(sum, 'utf8');
  });

  it('a line that is not "<file> <hash>" (a merge left conflict markers): build and up say which line; schemac sum rewrites it', () => {
    const lines = text.split('\n');
    writeFileSync(sum, [lines[0], '<<<<<<< HEAD', ...lines.slice(1)].join('\n'));
    expectRefused(schemac(dir, 'build'), /^error E_SUM_FORMAT: database "members": schemac\.sum line 2: not a line "NNNN_slug\.up\.sql h1:<hash>"/m);
    expectRefused(schemac(dir, 'up'), /^error E_SUM_FORMAT: generated\/members\/schemac\.sum line 2: not a line/m);
    writeFileSync(sum, text.replace(/^h1:\S+/, 'h1:broken'));
    expectRefused(schemac(dir, 'up'), /^error E_SUM_FORMAT: generated\/members\/schemac\.sum line 1: the first line is not the chain hash/m);
    expect(schemac(dir, 'sum', '--db', 'members').status).toBe(0);
    expect(readFileSync(sum, 'utf8')).toBe(text);
  });
});
