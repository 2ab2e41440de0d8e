import { configProfile } from '../../compiler/dialect/mysql/server.js';
import { executionChanges } from '../../compiler/dialect/mysql/strategy.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import type { Index, SchemaIR } from '../../compiler/ir/types.js';
import { planChanges } from '../../compiler/plan/plan.js';

/** What the plan tells a reviewer about building indexes (compiler/plan/risks.ts uniqueRisks). */
const schema = (indexes: Index[]): SchemaIR => normalizeSchema({ kind: 'schema', tables: [{
  kind: 'table', name: 't', primaryKey: { kind: 'primaryKey', columns: ['id'] },
  columns: ['id', 'a', 'b'].map((name) => ({
    kind: 'column', name, type: name === 'id' ? { kind: 'int', size: 'int', unsigned: false } : { kind: 'varchar', length: 40 },
    nullable: name !== 'id', default: null, autoIncrement: false, onUpdateNow: false, comment: null, charset: null, collate: null, generated: null,
  })),
  indexes, foreignKeys: [], checks: [], options: { engine: null, charset: null, collate: null, comment: null },
}] });

const codes = (from: Index[], to: Index[]) => {
  const server = configProfile('mariadb');
  return planChanges(executionChanges(schema(from), schema(to), { server }), server).steps.flatMap((s) => s.risks.map((r) => r.code));
};

const ix = (patch: Partial<Index>): Index => ({ kind: 'index', name: 'k', unique: false, parts: [{ column: 'a' }], ...patch });

describe('index risks', () => {
  it('a FULLTEXT index built (added, or rebuilt for a new comment) blocks writes; made invisible it does not', () => {
    expect(codes([], [ix({ type: 'fulltext' })])).toEqual(['R_BLOCKING_INDEX']);
    expect(codes([ix({ type: 'fulltext' })], [ix({ type: 'fulltext', comment: 'x' })])).toEqual(['R_BLOCKING_INDEX']);
    expect(codes([ix({ type: 'fulltext' })], [ix({ type: 'fulltext', hidden: true })])).toEqual([]);
    expect(codes([], [ix({})])).toEqual([]);
  });

  it('a unique key may fail on duplicates when it is new or over other parts, not when only its options change', () => {
    expect(codes([], [ix({ unique: true })])).toEqual(['R_ADD_UNIQUE']);
    expect(codes([ix({ unique: true })], [ix({ unique: true, comment: 'why' })])).toEqual([]);
    expect(codes([ix({ unique: true, parts: [{ column: 'a' }, { column: 'b' }] })], [ix({ unique: true })])).toEqual(['R_ADD_UNIQUE']);
  });
});
