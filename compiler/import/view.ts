import type { Token } from '../dialect/mysql/lexer.js';
import type { View, ViewAlgorithm, ViewCheckOption, ViewSecurity } from '../ir/types.js';
import { Cursor, ImportError } from './cursor.js';
import { withoutMarkers } from '../dialect/mysql/programs.js';
import type { ImportState } from './state.js';

/**
 * CREATE [OR REPLACE] [ALGORITHM = {UNDEFINED | MERGE | TEMPTABLE}] [DEFINER = user]
 * [SQL SECURITY {DEFINER | INVOKER}] VIEW name AS select [WITH [CASCADED | LOCAL] CHECK OPTION],
 * and ALTER VIEW with the same clauses (https://dev.mysql.com/doc/refman/8.0/en/create-view.html,
 * https://mariadb.com/kb/en/create-view/). The DEFINER is read and left out: it is not part of
 * the schema. A column list after the name is refused (the IR holds the SELECT's own names).
 */
export function createView(state: ImportState, statement: readonly Token[]): void {
  const { ctx, catalog } = state;
  const tokens = withoutMarkers(statement);
  const cur = new Cursor(tokens);
  let replace: 'no' | 'orReplace' | 'alter' = 'no';
  if (cur.acceptWord('ALTER')) replace = 'alter';
  else {
    cur.expectWord('CREATE');
    if (cur.acceptWord('OR', 'REPLACE')) replace = 'orReplace';
  }
  let algorithm: ViewAlgorithm = 'UNDEFINED';
  let security: ViewSecurity = 'DEFINER';
  for (;;) {
    if (cur.acceptWord('ALGORITHM')) {
      cur.expectOp('=');
      const t = cur.next('UNDEFINED, MERGE or TEMPTABLE');
      if (t.kind !== 'word' || !['UNDEFINED', 'MERGE', 'TEMPTABLE'].includes(t.upper)) cur.fail('expected UNDEFINED, MERGE or TEMPTABLE', t);
      algorithm = t.upper as ViewAlgorithm;
    } else if (cur.acceptWord('DEFINER')) {
      cur.expectOp('=');
      // user, 'user'@'host', `user`@`host`, CURRENT_USER[()]: everything up to SQL SECURITY or VIEW.
      cur.next('a user');
      while (!cur.atEnd() && !cur.atWord('SQL', 'SECURITY') && !cur.atWord('VIEW')) cur.next();
    } else if (cur.acceptWord('SQL', 'SECURITY')) {
      const t = cur.next('DEFINER or INVOKER');
      if (t.kind !== 'word' || (t.upper !== 'DEFINER' && t.upper !== 'INVOKER')) cur.fail('expected DEFINER or INVOKER', t);
      security = t.upper as ViewSecurity;
    } else {
      break;
    }
  }
  cur.expectWord('VIEW');
  const { name, token } = cur.qualifiedName('a view name');
  if (cur.atOp('(')) {
    throw new ImportError('E_IMPORT_UNSUPPORTED', `view ${name}: a column list after the view name is not in the schema IR (name the columns with AS in the SELECT)`, cur.offset());
  }
  cur.expectWord('AS');
  const rest = cur.rest();
  // WITH [CASCADED | LOCAL] CHECK OPTION ends the statement; a bare WITH CHECK OPTION is CASCADED.
  const word = (k: number) => (rest[k]?.kind === 'word' ? rest[k].upper : '');
  let end = rest.length;
  let checkOption: ViewCheckOption = 'NONE';
  const n = rest.length;
  if (n > 3 && word(n - 2) === 'CHECK' && word(n - 1) === 'OPTION') {
    if (word(n - 3) === 'WITH') {
      checkOption = 'CASCADED';
      end = n - 3;
    } else if (n > 4 && word(n - 4) === 'WITH' && (word(n - 3) === 'CASCADED' || word(n - 3) === 'LOCAL')) {
      checkOption = word(n - 3) as ViewCheckOption;
      end = n - 4;
    }
  }
  const select = ctx.source(rest.slice(0, end)).trim();
  if (select === '') throw new ImportError('E_IMPORT_SYNTAX', `view ${name}: the SELECT is missing after AS`, token.start);
  const view: View = { kind: 'view', name, select, algorithm, security, checkOption, pos: ctx.pos(tokens[0].start) };
  state.attempt(token.start, () => catalog.putView(view, replace));
}

/** DROP VIEW [IF EXISTS] a, b [RESTRICT | CASCADE]. */
export function dropView(state: ImportState, tokens: readonly Token[]): void {
  const cur = new Cursor(tokens);
  cur.expectWord('DROP', 'VIEW');
  const ifExists = cur.acceptWord('IF', 'EXISTS');
  for (;;) {
    const { name, token } = cur.qualifiedName('a view name');
    if (!ifExists || state.catalog.findView(name)) state.attempt(token.start, () => state.catalog.dropView(name));
    if (!cur.acceptOp(',')) break;
  }
  if (!cur.acceptWord('RESTRICT')) cur.acceptWord('CASCADE');
  cur.expectEnd();
}
