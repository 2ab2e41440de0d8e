import type { ServerProfile } from '../dialect/mysql/server.js';
import type { SourcePos } from '../ir/types.js';
import { checkSqlExpression, type ExprContext } from '../ir/sql-expr.js';
import type { DatabaseDefaults } from './charsets.js';
import { ImportError } from './cursor.js';
import { positionFinder } from '../position.js';
import type { Token } from '../dialect/mysql/lexer.js';

/** What every reader of a statement needs: the file text, its name, positions and the server whose rules apply. */
export class ReadContext {
  private readonly at: (offset: number) => { line: number; column: number };
  constructor(readonly text: string, readonly file: string, readonly server: ServerProfile,
    readonly database: DatabaseDefaults | null = null) {
    this.at = positionFinder(text);
  }

  pos(offset: number): SourcePos {
    const p = this.at(Math.max(0, Math.min(offset, this.text.length)));
    return { file: this.file, line: p.line, column: p.column };
  }

  /** The source text from the first token to the end of the last one. */
  source(tokens: readonly Token[]): string {
    if (tokens.length === 0) return '';
    const from = tokens[0].start;
    const to = tokens[tokens.length - 1].end;
    // The markers of executable comments read as code (`/*!50106 CREATE*/ /*!50117 DEFINER=...*/`)
    // are not the statement's text: left out, a blank kept where they part two words.
    let out = '';
    let at = from;
    for (const [s, e] of this.markers) {
      if (e <= from || s >= to) continue;
      out += this.text.slice(at, Math.max(at, s));
      at = Math.max(at, e);
      const next = this.text[at] ?? '';
      if (/[\w`]/.test(out.slice(-1)) && /[\w`]/.test(next)) out += ' ';
    }
    return out + this.text.slice(at, to);
  }

  /** Offsets of the executable-comment markers read as code (`/*!50001`, `*\/`), in order. */
  markers: ReadonlyArray<readonly [number, number]> = [];

  /**
   * The text of an expression inside parentheses, checked with node-sql-parser (through the
   * compiler's expression checker, which knows the constructs its grammar lacks).
   */
  expression(inner: readonly Token[], context: ExprContext, what: string, at: Token): string {
    const sql = this.source(inner).trim();
    if (sql === '') throw new ImportError('E_IMPORT_SYNTAX', `${what}: the expression is empty`, at.start);
    const problem = checkSqlExpression(sql, context);
    if (problem) throw new ImportError('E_IMPORT_EXPR', `${what}: ${problem.message}`, inner[0].start + (problem.offset ?? 0));
    return sql;
  }
}
