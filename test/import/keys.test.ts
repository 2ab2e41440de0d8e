import { fkSummary, indexSummary, problems, read, table } from './helpers.js';

/**
 * Names the server gives to what the DDL leaves unnamed. The expectations are what MariaDB
 * 10.11.19 printed in SHOW CREATE TABLE for the same statements.
 */
describe('keys and auto-names (MariaDB)', () => {
  const ir = read(`
CREATE TABLE u (id int PRIMARY KEY, x int, y int, UNIQUE KEY (x, y));
CREATE TABLE t (a int CHECK (a > 0), b int, c varchar(10) COLLATE utf8mb4_bin, d int REFERENCES u(id),
  CHECK (b>1), CONSTRAINT named CHECK (b<10), CHECK (b <> 5),
  CONSTRAINT c1 UNIQUE KEY ix1 (b), CONSTRAINT c2 UNIQUE (c), UNIQUE (b), KEY (b), KEY (c(3)),
  FOREIGN KEY (a) REFERENCES u(id), CONSTRAINT fkn FOREIGN KEY (b) REFERENCES u(id), FOREIGN KEY fkix (d) REFERENCES u(id),
  g int);
ALTER TABLE t ADD CHECK (g > 0), ADD FOREIGN KEY (g) REFERENCES u(id);
ALTER TABLE t ADD CONSTRAINT CHECK (g < 100);
`);
  const t = table(ir, 't');

  it('names unnamed keys after their first column, with _2, _3 on a clash', () => {
    expect(indexSummary(table(ir, 'u'))).toEqual(['!x(x,y)']);
    expect(indexSummary(t)).toEqual(['!ix1(b)', '!c2(c)', '!b(b)', 'b_2(b)', 'c(c(3))', 'fkix(d)', 'a(a)', 'g(g)']);
  });

  it('names foreign keys <table>_ibfk_<n>, or after FOREIGN KEY name', () => {
    expect(fkSummary(t)).toEqual(['t_ibfk_1:d>u(id)', 't_ibfk_2:a>u(id)', 'fkn:b>u(id)', 'fkix:d>u(id)', 't_ibfk_3:g>u(id)']);
  });

  it('names a column check after its column and table checks CONSTRAINT_<n>', () => {
    expect(t.checks.map((ck) => `${ck.name}: ${ck.expr}`)).toEqual([
      'a: a > 0', 'CONSTRAINT_1: b>1', 'named: b<10', 'CONSTRAINT_2: b <> 5', 'CONSTRAINT_3: g > 0', 'CONSTRAINT_4: g < 100',
    ]);
  });

  it('numbers foreign keys past the highest and checks from the lowest free number', () => {
    const after = table(read(`
CREATE TABLE u (id int PRIMARY KEY);
CREATE TABLE t (a int, b int, c int, d int, e int, CHECK (a>1), CHECK (a>2), CHECK (a>3),
  CONSTRAINT cx FOREIGN KEY ix (a) REFERENCES u(id), CONSTRAINT cy FOREIGN KEY (b) REFERENCES u(id),
  FOREIGN KEY (c) REFERENCES u(id), FOREIGN KEY (d) REFERENCES u(id), KEY b (e));
ALTER TABLE t DROP CONSTRAINT CONSTRAINT_1, DROP FOREIGN KEY t_ibfk_1;
ALTER TABLE t ADD CHECK (b>0), ADD FOREIGN KEY (e) REFERENCES u(id);`), 't');
    expect(fkSummary(after)).toEqual(['cx:a>u(id)', 'cy:b>u(id)', 't_ibfk_2:d>u(id)', 't_ibfk_3:e>u(id)']);
    expect(after.checks.map((ck) => ck.name)).toEqual(['CONSTRAINT_2', 'CONSTRAINT_3', 'CONSTRAINT_1']);
    // The CONSTRAINT name names the foreign key's index; `b` is taken, `e` is covered by it.
    expect(indexSummary(after)).toEqual(['b(e)', 'cx(a)', 'cy(b)', 'c(c)', 'd(d)']);
  });

  it('reads PRIMARY KEY, UNIQUE and KEY in every spelling', () => {
    const k = table(read(`CREATE TABLE k (a int, b int, c varchar(20),
      CONSTRAINT pk PRIMARY KEY USING BTREE (a, b),
      CONSTRAINT b_c_uk UNIQUE (b, c),
      UNIQUE INDEX ux (c(10) DESC),
      INDEX ix USING HASH (b),
      KEY \`account.id\` (c) USING BTREE,
      KEY_BLOCK_SIZE_IS_NOT_AN_INDEX int
    );`), 'k');
    expect(k.primaryKey?.columns).toEqual(['a', 'b']);
    expect(indexSummary(k)).toEqual(['!b_c_uk(b,c)', '!ux(c(10) DESC)', 'ix(b)', 'account.id(c)']);
    expect(k.columns.map((c) => c.name)).toEqual(['a', 'b', 'c', 'KEY_BLOCK_SIZE_IS_NOT_AN_INDEX']);
    expect(k.columns.slice(0, 2).every((c) => !c.nullable)).toBe(true);
  });

  it('reads referential actions and drops a schema qualifier', () => {
    const ir2 = read(`CREATE TABLE p (x int, y int, PRIMARY KEY (x, y));
CREATE TABLE c (x int, y int, CONSTRAINT fk FOREIGN KEY (x, y) REFERENCES db1.p (x, y) ON UPDATE CASCADE ON DELETE SET NULL);
CREATE TABLE d (x int, FOREIGN KEY (x) REFERENCES p (x) MATCH FULL ON DELETE NO ACTION ON UPDATE RESTRICT);`);
    expect(fkSummary(table(ir2, 'c'))).toEqual(['fk:x,y>p(x,y) del SET NULL upd CASCADE']);
    expect(fkSummary(table(ir2, 'd'))).toEqual(['d_ibfk_1:x>p(x) upd RESTRICT']);
  });

  it('lets a key name a column defined after it', () => {
    expect(table(read('CREATE TABLE t (PRIMARY KEY (id), KEY (v), id int, v int);'), 't').primaryKey?.columns).toEqual(['id']);
  });

  it('gives an index generated for a foreign key to the user\'s index that covers it (MariaDB, tested)', () => {
    const t2 = table(read(`CREATE TABLE u (id int PRIMARY KEY);
CREATE TABLE p (id int PRIMARY KEY, a int, FOREIGN KEY (a) REFERENCES u (id));
ALTER TABLE p ADD KEY k2 (a, id);`), 'p');
    expect(indexSummary(t2)).toEqual(['k2(a,id)']);
  });

  it('replaces an index generated for a foreign key when a named one is added on its columns (MariaDB, tested)', () => {
    const sql = `CREATE TABLE u (id int PRIMARY KEY);
CREATE TABLE p (id int PRIMARY KEY, a int, FOREIGN KEY (a) REFERENCES u (id));
ALTER TABLE p DROP FOREIGN KEY p_ibfk_1;`;
    expect(indexSummary(table(read(sql + '\nALTER TABLE p ADD CONSTRAINT x FOREIGN KEY (a) REFERENCES u (id);'), 'p'))).toEqual(['x(a)']);
    expect(indexSummary(table(read(sql + '\nALTER TABLE p ADD FOREIGN KEY (a) REFERENCES u (id);'), 'p'))).toEqual(['a(a)']);
    // A renamed index is the user's: the new foreign key uses it.
    expect(indexSummary(table(read(sql + '\nALTER TABLE p RENAME INDEX a TO ka;\nALTER TABLE p ADD CONSTRAINT x FOREIGN KEY (a) REFERENCES u (id);'), 'p')))
      .toEqual(['ka(a)']);
  });

  it('does not count a prefix index as covering a foreign key', () => {
    const t3 = table(read(`CREATE TABLE u (c varchar(10) PRIMARY KEY);
CREATE TABLE p (c varchar(10), KEY (c(3)), FOREIGN KEY (c) REFERENCES u (c));`), 'p');
    expect(indexSummary(t3)).toEqual(['c(c(3))', 'c_2(c)']);
  });

  it('refuses what the IR cannot hold, at the clause', () => {
    expect(problems(`CREATE TABLE t (
  a int,
  b text,
  KEY iy (a) INVISIBLE,
  KEY fx ((a + 1)),
  PRIMARY KEY (a) COMMENT 'pk',
  CONSTRAINT ck CHECK (a > 0) NOT ENFORCED,
  KEY iz (a) CLUSTERING=YES
);`)).toEqual([
      "test.sql:4:14: error E_IMPORT_SYNTAX: INVISIBLE is MySQL's spelling; MariaDB hides an index with IGNORED",
      'test.sql:7:31: error E_IMPORT_UNSUPPORTED: CHECK ... NOT ENFORCED is MySQL 8.0.16+ syntax: MariaDB refuses it (check ck: enforce the check, or drop it)',
      'test.sql:8:14: error E_IMPORT_UNSUPPORTED: a CLUSTERING index is not in the schema IR',
    ]);
    expect(problems('CREATE TABLE t (a int, KEY ix (a) IGNORED);', 'mysql')).toEqual([
      "test.sql:1:35: error E_IMPORT_SYNTAX: IGNORED is MariaDB's spelling; MySQL hides an index with INVISIBLE",
    ]);
  });

  // The SPATIAL clause is read on an int column here: the geometry types are another change's
  // (validation refuses a SPATIAL index on anything else).
  it('reads FULLTEXT and SPATIAL indexes, with their parser, comment and options', () => {
    const t = table(read(`CREATE TABLE t (
  id int PRIMARY KEY, title varchar(200), body text, g int NOT NULL, n int,
  FULLTEXT KEY ft (title, body) COMMENT 'search',
  FULLTEXT INDEX (body),
  SPATIAL KEY sp (g),
  KEY ix USING BTREE (n) KEY_BLOCK_SIZE=8 COMMENT 'it''s' IGNORED,
  UNIQUE KEY ux (n) USING HASH NOT IGNORED,
  KEY iz (title(10) DESC, n ASC)
);
CREATE FULLTEXT INDEX ft2 ON t (title) WITH PARSER ngram;
CREATE INDEX ix2 USING HASH ON t (n) COMMENT 'two' ALGORITHM=INPLACE LOCK=NONE;
CREATE UNIQUE INDEX IF NOT EXISTS ux2 ON t (n DESC) IGNORED;`), 't');
    const strip = ({ kind: _k, ...rest }: (typeof t.indexes)[number]) => rest;
    expect(t.indexes.map(strip)).toEqual([
      { name: 'ft', unique: false, type: 'fulltext', comment: 'search', parts: [{ column: 'title' }, { column: 'body' }] },
      { name: 'body', unique: false, type: 'fulltext', parts: [{ column: 'body' }] },
      { name: 'sp', unique: false, type: 'spatial', parts: [{ column: 'g' }] },
      { name: 'ix', unique: false, using: 'BTREE', keyBlockSize: 8, comment: "it's", hidden: true, parts: [{ column: 'n' }] },
      { name: 'ux', unique: true, using: 'HASH', parts: [{ column: 'n' }] },
      { name: 'iz', unique: false, parts: [{ column: 'title', length: 10, desc: true }, { column: 'n' }] },
      { name: 'ft2', unique: false, type: 'fulltext', parser: 'ngram', parts: [{ column: 'title' }] },
      { name: 'ix2', unique: false, using: 'HASH', comment: 'two', parts: [{ column: 'n' }] },
      { name: 'ux2', unique: true, hidden: true, parts: [{ column: 'n', desc: true }] },
    ]);
  });

  it('reads the options MySQL prints in versioned comments (SHOW CREATE TABLE, mysqldump)', () => {
    const t = table(read(`CREATE TABLE t (
  a varchar(10), b int,
  FULLTEXT KEY ft (a) /*!50100 WITH PARSER \`ngram\` */ COMMENT 'x',
  FULLTEXT KEY ft2 (a) /* WITH PARSER nothing: a plain comment */,
  KEY ib (b) /*!80000 INVISIBLE */
);`, 'mysql'), 't');
    expect(t.indexes.map((ix) => [ix.name, ix.parser ?? null, ix.hidden ?? false, ix.comment ?? null])).toEqual([
      ['ft', 'ngram', false, 'x'], ['ft2', null, false, null], ['ib', null, true, null]]);
  });

  it('reads a primary key COMMENT, and refuses a hidden primary key', () => {
    const t = table(read("CREATE TABLE t (a int, b int, PRIMARY KEY USING BTREE (a, b) COMMENT 'pair');\nCREATE TABLE u (a int, CONSTRAINT pk PRIMARY KEY (a) KEY_BLOCK_SIZE=8);"), 't');
    expect(t.primaryKey).toEqual({ kind: 'primaryKey', columns: ['a', 'b'], comment: 'pair' });
    expect(problems('CREATE TABLE t (a int, PRIMARY KEY (a) IGNORED);')).toEqual([
      'test.sql:1:40: error E_IMPORT_SYNTAX: a primary key cannot be hidden']);
  });

  it('reads functional key parts (MySQL 8.0.13+), an unnamed one named functional_index', () => {
    const t = table(read(`CREATE TABLE t (a int, email varchar(100),
  UNIQUE KEY uniq_active (a, ((case when (a = 0) then email else NULL end))),
  KEY ((lower(email)) DESC),
  INDEX ((a + 1), a)
);`, 'mysql'), 't');
    expect(t.indexes.map(({ name, unique, parts }) => ({ name, unique, parts }))).toEqual([
      { name: 'uniq_active', unique: true, parts: [{ column: 'a' }, { column: '', expr: '(case when (a = 0) then email else NULL end)' }] },
      { name: 'functional_index', unique: false, parts: [{ column: '', expr: 'lower(email)', desc: true }] },
      { name: 'functional_index_2', unique: false, parts: [{ column: '', expr: 'a + 1' }, { column: 'a' }] },
    ]);
  });

  it('reads INVISIBLE / VISIBLE on MySQL', () => {
    const t = table(read('CREATE TABLE t (a int, KEY ia (a) INVISIBLE, KEY ib (a) VISIBLE);', 'mysql'), 't');
    expect(t.indexes.map((ix) => [ix.name, ix.hidden ?? false])).toEqual([['ia', true], ['ib', false]]);
  });

  it('a FULLTEXT index serves no foreign key: the server adds one', () => {
    const p = table(read(`CREATE TABLE u (c varchar(10) PRIMARY KEY);
CREATE TABLE p (c varchar(10), FULLTEXT KEY ft (c), FOREIGN KEY (c) REFERENCES u (c));`), 'p');
    expect(indexSummary(p)).toEqual(['ft(c)', 'c(c)']);
  });

  it('reads CHECK ... NOT ENFORCED on MySQL, in a table and on a column', () => {
    const t = table(read(`CREATE TABLE t (
  a int CONSTRAINT ck_a CHECK (a > 0) NOT ENFORCED,
  b int CHECK (b < 5) ENFORCED,
  CONSTRAINT ck_ab CHECK (a < b) NOT ENFORCED
);`, 'mysql'), 't');
    expect(t.checks.map((c) => [c.name, c.enforced ?? true])).toEqual([['ck_a', false], ['t_chk_1', true], ['ck_ab', false]]);
  });

  it('reports duplicate names where the server would', () => {
    expect(problems('CREATE TABLE x (a int, b int, UNIQUE (a), UNIQUE KEY (a, b), UNIQUE a_2 (b));')).toEqual([
      'test.sql:1:62: error E_IMPORT_REFERENCE: index a_2 already exists on x',
    ]);
    expect(problems('CREATE TABLE x (a int PRIMARY KEY, b int, PRIMARY KEY (b));')).toEqual([
      'test.sql:1:43: error E_IMPORT_REFERENCE: table x already has a primary key',
    ]);
  });
});

describe('keys and auto-names (MySQL)', () => {
  it('names unnamed checks <table>_chk_<n> and foreign keys after their CONSTRAINT only', () => {
    const t = table(read(`CREATE TABLE u (id int PRIMARY KEY);
CREATE TABLE t (a int CHECK (a > 0), b int, CHECK (b > 1), FOREIGN KEY fkix (b) REFERENCES u (id));`, 'mysql'), 't');
    expect(t.checks.map((ck) => ck.name)).toEqual(['t_chk_1', 't_chk_2']);
    expect(fkSummary(t)).toEqual(['t_ibfk_1:b>u(id)']);
    expect(indexSummary(t)).toEqual(['fkix(b)']);
  });

  it('reports REFERENCES on a column, which MySQL ignores', () => {
    expect(problems('CREATE TABLE u (id int PRIMARY KEY);\nCREATE TABLE t (a int REFERENCES u (id));', 'mysql')).toEqual([
      'test.sql:2:23: error E_IMPORT_UNSUPPORTED: MySQL ignores REFERENCES written on column a; write a FOREIGN KEY clause',
    ]);
  });
});
