import { lexSql, SqlScanner, type Token } from './lexer.js';
import { ident } from './sql.js';

/**
 * Column names in SQL expressions (CHECK clauses, generated columns, expression defaults), read
 * with the dialect's lexer. Column names are matched as the server matches them: without regard
 * to case (https://dev.mysql.com/doc/refman/8.0/en/identifier-case-sensitivity.html).
 */

/** Identifier tokens of an expression that can name a column: not a call, not after `.`, not a string. */
function columnTokens(tokens: readonly Token[], isColumn: (name: string) => boolean): Token[] {
  return tokens.filter((t, i) => {
    if (t.kind !== 'word' && t.kind !== 'quoted') return false;
    const next = tokens[i + 1];
    if (t.kind === 'word' && next?.kind === 'op' && next.text === '(') return false;
    if (tokens[i - 1]?.kind === 'op' && tokens[i - 1].text === '.') return false;
    return isColumn(t.value.toLowerCase());
  });
}

/** The columns (of `columns`) an SQL expression refers to, as spelled in `columns`. */
export function referencedColumns(expr: string, columns: readonly string[]): string[] {
  const { tokens } = lexSql(expr);
  const lower = new Set(columns.map((c) => c.toLowerCase()));
  const found = new Set(columnTokens(tokens, (n) => lower.has(n)).map((t) => t.value.toLowerCase()));
  return columns.filter((c) => found.has(c.toLowerCase()));
}

/**
 * The expression with its columns renamed (`renames`: old name → new name), the rest left as
 * written; a name that needs quotes gets them. MariaDB rewrites CHECK, generated-column and
 * DEFAULT expressions this way on RENAME COLUMN / CHANGE (tested on 10.11). An expression the
 * lexer cannot read to its end is returned as it is.
 */
export function renameColumnsInExpression(expr: string, renames: ReadonlyMap<string, string>): string {
  const { tokens, error } = lexSql(expr);
  if (error || renames.size === 0) return expr;
  const byLower = new Map([...renames].map(([from, to]) => [from.toLowerCase(), to]));
  let out = '';
  let at = 0;
  for (const t of columnTokens(tokens, (n) => byLower.has(n))) {
    const to = byLower.get(t.value.toLowerCase())!;
    out += expr.slice(at, t.start) + (t.kind === 'quoted' || !/^[A-Za-z_][\w$]*$/.test(to) ? ident(to) : to);
    at = t.end;
  }
  return out + expr.slice(at);
}

/**
 * Every name an expression spells, lower-cased: its words and quoted names, calls and qualified
 * names included, strings and comments not. A superset of the columns it uses, for checks that
 * must not miss one.
 */
export function identifierWords(expr: string): Set<string> {
  const scan = new SqlScanner(expr);
  const out = new Set<string>();
  while (scan.next()) if (scan.kind === 'word' || scan.kind === 'quoted') out.add(scan.value().toLowerCase());
  return out;
}
