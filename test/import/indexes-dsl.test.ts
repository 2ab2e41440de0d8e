import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configProfile } from '../../compiler/dialect/mysql/server.js';
import { writeDslFile } from '../../compiler/emit/dsl.js';
import { importSql } from '../../compiler/import/sql.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import { writeSnapshot } from '../../compiler/ir/snapshot.js';
import { validateSchema } from '../../compiler/ir/validate.js';
import { DEFAULT_NAMING } from '../../compiler/ir/types.js';
import { parseSchemaFiles } from '../../compiler/parse/index.js';

/**
 * Indexes through `schemac import`: .sql → IR → the schema language (compiler/emit/dsl.ts) →
 * read back statically → the identical snapshot, for every index kind and option.
 */
const SQL = `CREATE TABLE article (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title varchar(200) NOT NULL,
  body text,
  lang varchar(8) NOT NULL,
  n int,
  FULLTEXT KEY ix_article_title_body (title, body) COMMENT 'search',
  FULLTEXT KEY ft_body (body),
  KEY ix_article_title (title(20) DESC, n) IGNORED,
  UNIQUE KEY uq_article_lang (lang DESC),
  UNIQUE KEY uq_title (title(10)) USING HASH COMMENT 'it''s unique',
  KEY ix_article_n (n) USING BTREE KEY_BLOCK_SIZE=8
);
CREATE TABLE cache (
  id int NOT NULL PRIMARY KEY,
  k varchar(20),
  KEY ix_cache_k (k) USING BTREE,
  KEY ix_cache_hash (id, k) USING HASH
) ENGINE=MEMORY;
CREATE TABLE legacy (
  id int NOT NULL PRIMARY KEY,
  note varchar(20),
  KEY ix_legacy_note (note) KEY_BLOCK_SIZE=2048
) ENGINE=MyISAM;
`;

describe('indexes through import and the DSL writer', () => {
  const server = configProfile('mariadb');
  const imported = importSql(SQL, 'dump.sql', { server });
  const ir = normalizeSchema(imported.ir);

  it('imports every kind and option; what the engine ignores is normalised away', () => {
    expect(imported.diagnostics).toEqual([]);
    expect(validateSchema(ir, server)).toEqual([]);
    const article = ir.tables.find((t) => t.name === 'article')!;
    expect(article.indexes.map(({ kind: _k, pos: _p, ...rest }) => rest)).toEqual([
      { name: 'ft_body', unique: false, type: 'fulltext', parts: [{ column: 'body' }] },
      { name: 'ix_article_n', unique: false, parts: [{ column: 'n' }] },
      { name: 'ix_article_title', unique: false, hidden: true, parts: [{ column: 'title', length: 20, desc: true }, { column: 'n' }] },
      { name: 'ix_article_title_body', unique: false, type: 'fulltext', comment: 'search', parts: [{ column: 'title' }, { column: 'body' }] },
      { name: 'uq_article_lang', unique: true, parts: [{ column: 'lang', desc: true }] },
      { name: 'uq_title', unique: true, using: 'HASH', comment: "it's unique", parts: [{ column: 'title', length: 10 }] },
    ]);
    expect(ir.tables.find((t) => t.name === 'cache')!.indexes.map((i) => [i.name, i.using ?? null])).toEqual([
      ['ix_cache_hash', null], ['ix_cache_k', 'BTREE']]);
    expect(ir.tables.find((t) => t.name === 'legacy')!.indexes.map((i) => [i.name, i.keyBlockSize ?? null])).toEqual([
      ['ix_legacy_note', 2048]]);
  });

  it('writes them in the schema language, which reads back to the identical snapshot', () => {
    const text = writeDslFile(ir, DEFAULT_NAMING);
    expect(text).toContain("fulltext(t.title, t.body).comment('search'),");
    expect(text).toContain("fulltext(t.body).name('ft_body'),");
    expect(text).toContain("index(t.title.prefix(20).desc(), t.n).name('ix_article_title').invisible(),");
    expect(text).toContain('unique(t.lang.desc()),');
    expect(text).toContain("unique(t.title.prefix(10)).name('uq_title').using('hash').comment('it\\'s unique'),");
    expect(text).toContain("index(t.k).using('btree'),");
    expect(text).toContain("index(t.note).keyBlockSize(2048),");
    expect(text).toMatch(/^import \{ fulltext, id, index, int, table, text, unique, varchar \} from 'schemac';$/m);
    const dir = mkdtempSync(join(tmpdir(), 'schemac-ix-'));
    try {
      const file = join(dir, 'schema.ts');
      writeFileSync(file, text);
      const parsed = parseSchemaFiles({ rootDir: dir, files: [file] });
      expect(parsed.diagnostics).toEqual([]);
      expect(writeSnapshot(normalizeSchema(parsed.ir))).toBe(writeSnapshot(ir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('functional key parts through import and the DSL writer (MySQL)', () => {
  it('writes sql`...` and keyExpr(...).desc(), which read back to the identical snapshot', () => {
    const server = configProfile('mysql');
    const imported = importSql(`CREATE TABLE t (id int PRIMARY KEY, a int, email varchar(100),
  UNIQUE KEY uniq_active (a, ((case when (a = 0) then email else NULL end))),
  KEY ix_lower ((lower(email)) DESC)
);`, 'dump.sql', { server });
    expect(imported.diagnostics).toEqual([]);
    const ir = normalizeSchema(imported.ir);
    expect(validateSchema(ir, server)).toEqual([]);
    const text = writeDslFile(ir, DEFAULT_NAMING);
    expect(text).toContain("index(keyExpr(sql`lower(email)`).desc()).name('ix_lower'),");
    expect(text).toContain("unique(t.a, sql`(case when (a = 0) then email else NULL end)`).name('uniq_active'),");
    const dir = mkdtempSync(join(tmpdir(), 'schemac-ix-'));
    try {
      const file = join(dir, 'schema.ts');
      writeFileSync(file, text);
      const parsed = parseSchemaFiles({ rootDir: dir, files: [file] });
      expect(parsed.diagnostics).toEqual([]);
      expect(writeSnapshot(normalizeSchema(parsed.ir))).toBe(writeSnapshot(ir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
