import { configProfile } from '../../compiler/dialect/mysql/server.js';
import { lexSql } from '../../compiler/dialect/mysql/lexer.js';
import { foldMariadbJson } from '../../compiler/import/mariadb-json.js';
import { importSql } from '../../compiler/import/sql.js';
import { splitStatements } from '../../compiler/import/statements.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import { splitStatements as splitForUp } from '../../runtime/statements.js';
import { diffSchemas } from '../../compiler/diff/diff.js';
import { columnRenamedFrom, tableRenamedFrom } from '../../compiler/ir/hints.js';
import { plain, problems, read, table, withoutPos } from './helpers.js';

describe('lexer and statement splitting', () => {
  it('gives each token its line and column, and values without quotes or escapes', () => {
    const { tokens, comments, error } = lexSql("CREATE TABLE `a``b` (\n  c varchar(9) DEFAULT 'it''s\\n' -- note\n);", { delimiters: true });
    expect(error).toBeNull();
    expect(tokens.map((t) => `${t.kind}:${t.value}@${t.line}:${t.column}`)).toEqual([
      'word:CREATE@1:1', 'word:TABLE@1:8', 'quoted:a`b@1:14', 'op:(@1:21', 'word:c@2:3', 'word:varchar@2:5', 'op:(@2:12',
      'number:9@2:13', 'op:)@2:14', 'word:DEFAULT@2:16', "string:it's\n@2:24", 'op:)@3:1', 'delimiter:;@3:2',
    ]);
    expect(comments.map((c) => `${c.text}@${c.line}:${c.column}`)).toEqual(['-- note@2:34']);
  });

  it('splits at delimiters, follows DELIMITER, keeps a routine body whole', () => {
    const text = 'SET a = 1;\nCREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN\n  IF 1 THEN SET @a = 1; END IF;\n  SET @b = 2;\nEND;\nDELIMITER $$\nSELECT 1; SELECT 2$$\nDELIMITER ;\nSELECT 3';
    const statements = splitStatements(lexSql(text, { delimiters: true }).tokens).map((s) => text.slice(s.start, s.end));
    expect(statements).toEqual([
      'SET a = 1',
      'CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN\n  IF 1 THEN SET @a = 1; END IF;\n  SET @b = 2;\nEND',
      'SELECT 1; SELECT 2',
      'SELECT 3',
    ]);
  });

  // One lexer: `import` and `up` split a file alike (up as the mariadb 10.11 client does).
  it.each([
    'SELECT 1;\nDELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nDELIMITER ;\nSELECT 2;',
    'SELECT 1; DELIMITER $$\nSELECT 2$$;',
    'SELECT 1\nDELIMITER $$\n;',
    '/* c */ DELIMITER $$\nSELECT 2$$;',
    "DELIMITER '$$'\nSELECT 1$$\nDELIMITER ;; rest\nSELECT 2;;",
    'SELECT 1 --\x01 ;\n, 2;',
    "SELECT '--', `;`, \"a;\";",
  ])('import and up split %j alike', (text) => {
    const imported = splitStatements(lexSql(text, { delimiters: true }).tokens).map((s) => text.slice(s.start, s.end));
    expect(imported).toEqual(splitForUp(text).map((s) => s.sql));
  });

  it('keeps a routine body written without DELIMITER whole, where up splits it at each ; as the client does', () => {
    // On purpose: the import must never replay a statement of the body (DROP TABLE x) as the
    // schema's own; up sends what the client would, and the server refuses the cut-short CREATE.
    const text = 'CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN\n  SET NEW.a = 1;\n  DROP TABLE x;\nEND;';
    expect(splitStatements(lexSql(text, { delimiters: true }).tokens).map((s) => text.slice(s.start, s.end))).toEqual([text.slice(0, -1)]);
    expect(splitForUp(text).map((s) => s.sql)).toEqual(['CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN\n  SET NEW.a = 1', 'DROP TABLE x', 'END']);
  });

  it.each([
    ["CREATE TABLE t (a varchar(3) DEFAULT 'x);", 'test.sql:1:38: error E_IMPORT_SYNTAX: unterminated string'],
    ['CREATE TABLE t (a int);\n/* never closed', 'test.sql:2:1: error E_IMPORT_SYNTAX: unterminated /* comment'],
    ['CREATE TABLE `t (a int);', 'test.sql:1:14: error E_IMPORT_SYNTAX: unterminated quoted identifier'],
  ])('reports %s where the problem starts', (sql, expected) => {
    expect(problems(sql)).toEqual([expected]);
  });
});

describe('syntax errors', () => {
  it.each([
    ['CREATE TABLE t (\n  id int,\n  name varchar(10) NOT NUL\n);', 'test.sql:3:24: error E_IMPORT_SYNTAX: expected NULL after NOT but found "NUL"'],
    ['CREATE TABLE t (\n  id integr\n);', 'test.sql:2:6: error E_IMPORT_SYNTAX: unknown column type "integr"'],
    ['CREATE TABLE t (id varchar);', 'test.sql:1:27: error E_IMPORT_SYNTAX: VARCHAR needs a length, as VARCHAR(255)'],
    ['CREATE TABLE t (id decimal(70, 2));', 'test.sql:1:20: error E_IMPORT_SYNTAX: DECIMAL(70, 2): precision must be 1..65 and scale 0..30, at most the precision'],
    ['CREATE TABLE t (id int,\n  KEY ix (id) FOO);', 'test.sql:2:15: error E_IMPORT_SYNTAX: expected an index option (USING, KEY_BLOCK_SIZE, COMMENT, WITH PARSER, IGNORED) but found FOO'],
    ['CREATE TABLE t (id int, CHECK (id >));', 'test.sql:1:32: error E_IMPORT_EXPR: check (unnamed): does not parse at character 5: expected "!", "#", "$", "\'", "(", "*", … but end of input found'],
    ['ALTER TABLE', 'test.sql:1:12: error E_IMPORT_SYNTAX: expected a table name but found the end of the statement'],
    ['CREATE TABLE t (a int) ENGINE=InnoDB DATA DIRECTORY=\'/srv\';', 'test.sql:1:38: error E_IMPORT_UNSUPPORTED: table option DATA is not in the schema IR (its value is not an option word schemac can carry)'],
    ['CREATE TABLE t (a int) ROW_FORMAT=SPARSE;', 'test.sql:1:35: error E_IMPORT_SYNTAX: ROW_FORMAT SPARSE is not one of DYNAMIC, COMPACT, REDUNDANT, COMPRESSED, FIXED, PAGE, DEFAULT'],
    ['CREATE TABLE t (a int) CHECKSUM=`x y`;', 'test.sql:1:33: error E_OPTION_INVALID: the value of table option CHECKSUM is not one word of letters, digits and _'],
  ])('%s', (sql, expected) => {
    expect(problems(sql)).toEqual([expected]);
  });

  it('reads the rest of the file after a bad clause or statement', () => {
    const r = importSql('CREATE TABLE t (a int, b nonsense, c int);\nGARBAGE here;\nCREATE TABLE u (x int);', 'f.sql');
    expect(r.diagnostics.map((d) => `${d.pos?.line}:${d.code}`)).toEqual(['1:E_IMPORT_SYNTAX', '2:E_IMPORT_STATEMENT']);
    expect(r.ir.tables.map((t) => `${t.name}(${t.columns.map((c) => c.name).join(',')})`)).toEqual(['t(a,c)', 'u(x)']);
  });
});

describe('rename hints (sqldef @renamed)', () => {
  it('reads them in the table header and after a column', () => {
    const { ir, hints } = importSql(`CREATE TABLE users ( -- @renamed from=old_users
  id bigint NOT NULL,
  user_name text, -- @renamed from=username
  foobar text, -- @renamed from="foo bar"
  b int /* @renamed from=\`a\`\`b\` */,
  age integer
);
CREATE TABLE new_users /* @renamed from=legacy */ (id int);`, 'test.sql');
    expect(tableRenamedFrom(hints, 'users')).toEqual(['old_users']);
    expect(table(ir, 'users').columns.map((c) => columnRenamedFrom(hints, 'users', c.name))).toEqual([[], ['username'], ['foo bar'], ['a`b'], []]);
    expect(tableRenamedFrom(hints, 'new_users')).toEqual(['legacy']);
  });

  it('follow the column through a later RENAME COLUMN, and leave with a DROP or a new definition', () => {
    const { hints } = importSql(`CREATE TABLE t (
  a int, -- @renamed from=old_a
  b int, -- @renamed from=old_b
  c int -- @renamed from=old_c
);
ALTER TABLE t RENAME COLUMN a TO a2, DROP COLUMN b, MODIFY c bigint;`, 'test.sql');
    expect(['a2', 'b', 'c'].map((c) => columnRenamedFrom(hints, 't', c))).toEqual([['old_a'], [], []]);
  });
});

describe('MariaDB JSON', () => {
  const longForm = "data LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT '[]' CHECK (json_valid(`data`))";
  it('reads the long form of JSON as json', () => {
    const t = table(read(`CREATE TABLE t (${longForm});`), 't');
    expect(t.columns).toEqual([plain('data', { kind: 'json' }, { default: { kind: 'string', value: '[]' } })]);
    expect(t.checks).toEqual([]);
  });

  it('keeps it as LONGTEXT with its check on MySQL, or when the check is not exactly json_valid(col)', () => {
    expect(table(read(`CREATE TABLE t (${longForm});`, 'mysql'), 't').columns[0].type).toEqual({ kind: 'text', size: 'longtext' });
    const other = table(read('CREATE TABLE t (data LONGTEXT COLLATE utf8mb4_bin CHECK (json_valid(data) AND length(data) < 10));'), 't');
    expect(other.columns[0].type).toEqual({ kind: 'text', size: 'longtext' });
    expect(other.checks.map((c) => c.name)).toEqual(['data']);
  });

  it('foldMariadbJson is pure', () => {
    const t = table(read('CREATE TABLE t (data json);'), 't');
    expect(foldMariadbJson(t)).toEqual(t);
  });
});

describe('a file and the server\'s SHOW CREATE TABLE of it read the same', () => {
  // SHOW CREATE TABLE of the file below on MariaDB 10.11.19.
  const file = `CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE t (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
  p_id int,
  c varchar(10) COLLATE utf8mb4_bin,
  n varchar(10) CHARACTER SET latin1,
  flag bool DEFAULT true,
  price decimal(5,2) DEFAULT 1.5,
  data json,
  created datetime(3) DEFAULT now(3) ON UPDATE now(3),
  s varchar(9) DEFAULT 'it''s',
  g int GENERATED ALWAYS AS (id*2) VIRTUAL,
  CONSTRAINT ck CHECK (price >= 0 AND c IN ('a', 'b')),
  FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE
) COMMENT='the table';`;
  const dump = `CREATE TABLE \`p\` (
  \`id\` int(11) NOT NULL,
  PRIMARY KEY (\`id\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
CREATE TABLE \`t\` (
  \`id\` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  \`p_id\` int(11) DEFAULT NULL,
  \`c\` varchar(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL,
  \`n\` varchar(10) CHARACTER SET latin1 COLLATE latin1_swedish_ci DEFAULT NULL,
  \`flag\` tinyint(1) DEFAULT 1,
  \`price\` decimal(5,2) DEFAULT 1.50,
  \`data\` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(\`data\`)),
  \`created\` datetime(3) DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3),
  \`s\` varchar(9) DEFAULT 'it''s',
  \`g\` int(11) GENERATED ALWAYS AS (\`id\` * 2) VIRTUAL,
  PRIMARY KEY (\`id\`),
  KEY \`p_id\` (\`p_id\`),
  CONSTRAINT \`t_ibfk_1\` FOREIGN KEY (\`p_id\`) REFERENCES \`p\` (\`id\`) ON DELETE CASCADE,
  CONSTRAINT \`ck\` CHECK (\`price\` >= 0 and \`c\` in ('a','b'))
) ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='the table';`;

  const database = { charset: 'utf8mb4', collation: 'utf8mb4_general_ci', engine: 'InnoDB' };
  const readFor = (sql: string) => {
    const r = importSql(sql, 'test.sql', { server: configProfile('mariadb'), database });
    expect(r.diagnostics).toEqual([]);
    return normalizeSchema(r.ir);
  };

  it('diff(dump, file) is empty when both are read for the database', () => {
    expect(diffSchemas(readFor(dump), readFor(file))).toEqual([]);
    expect(diffSchemas(readFor(file), readFor(dump))).toEqual([]);
  });

  it('reads options and character sets relative to what they inherit', () => {
    const t = readFor(dump).tables.find((x) => x.name === 't')!;
    expect(t.options).toEqual({ engine: null, charset: null, collate: null, comment: 'the table', autoIncrement: 3 }); // the dump's AUTO_INCREMENT=3: where a new table's counter starts
    expect(t.columns.filter((c) => c.charset !== null || c.collate !== null).map((c) => [c.name, c.charset, c.collate]))
      .toEqual([['c', null, 'utf8mb4_bin'], ['n', 'latin1', 'latin1_swedish_ci']]);
    // Without the database, a dump keeps what it spells out.
    expect(table(read(dump), 't').options).toEqual({ engine: 'InnoDB', charset: 'utf8mb4', collate: 'utf8mb4_general_ci', comment: 'the table', autoIncrement: 3 });
  });

  it('keeps positions for diagnostics', () => {
    const r = importSql(file, 'schema.sql', { server: configProfile('mariadb') });
    const t = r.ir.tables[1];
    expect(t.pos).toEqual({ file: 'schema.sql', line: 2, column: 14 });
    expect(t.columns[1].pos).toEqual({ file: 'schema.sql', line: 4, column: 3 });
    expect(t.checks[0].pos).toEqual({ file: 'schema.sql', line: 13, column: 3 });
    expect(withoutPos(t).pos).toBeUndefined();
  });
});
