import type { Diagnostic } from '../diagnostics.js';
import { Catalog, CatalogError } from './catalog.js';
import type { ReadContext } from './context.js';
import { ImportError } from './cursor.js';
import type { Token as SqlComment } from '../dialect/mysql/lexer.js';

/** What the statement readers share: the context, the catalog being built, comments, diagnostics. */
export class ImportState {
  readonly catalog: Catalog;
  readonly diagnostics: Diagnostic[] = [];
  /** The sql_mode the file's last `SET [SESSION] sql_mode = '...'` set (a dump sets it before each trigger), or null. */
  sqlMode: string | null = null;
  constructor(readonly ctx: ReadContext, readonly comments: readonly SqlComment[]) {
    this.catalog = new Catalog(ctx.server);
  }

  private readonly skipped = new Map<string, number>();
  private database: { name: string; offset: number } | null = null;

  /** Counts a statement that is not schema (see `ImportResult.skipped`). */
  skip(kind: string): void {
    this.skipped.set(kind, (this.skipped.get(kind) ?? 0) + 1);
  }

  /** The skipped statements by kind, most frequent first, then by name. */
  skippedCounts(): Array<{ statement: string; count: number }> {
    return [...this.skipped].map(([statement, count]) => ({ statement, count }))
      .sort((a, b) => b.count - a.count || (a.statement < b.statement ? -1 : a.statement > b.statement ? 1 : 0));
  }

  /**
   * A USE or CREATE DATABASE: one file is one database's schema, so a second database (a dump of
   * several, `--all-databases`) is refused where it starts rather than merged into the first.
   */
  useDatabase(name: string | null, offset: number): void {
    if (name === null) return;
    if (this.database === null) {
      this.database = { name, offset };
      return;
    }
    if (this.database.name !== name) {
      const first = this.ctx.pos(this.database.offset);
      throw new ImportError('E_IMPORT_DATABASES', `the file goes on with database \`${name}\` after \`${this.database.name}\` `
        + `(line ${first.line}): schemac imports one database's schema; dump that one alone (mysqldump DB, without --all-databases or --databases A B), or split the file`, offset);
    }
  }

  /**
   * Records a problem and lets the import go on with the next clause or statement. A catalog
   * error (unknown table, duplicate name, ...) is placed at `offset`, the clause that caused it.
   * Anything else is a bug and is rethrown.
   */
  report(error: unknown, offset: number): void {
    if (error instanceof ImportError) {
      this.diagnostics.push({ code: error.code, message: error.message, pos: this.ctx.pos(error.offset) });
    } else if (error instanceof CatalogError) {
      this.diagnostics.push({ code: 'E_IMPORT_REFERENCE', message: error.message, pos: this.ctx.pos(offset) });
    } else {
      throw error;
    }
  }

  /** Runs `read`, reporting what it throws at `offset`. */
  attempt(offset: number, read: () => void): void {
    try {
      read();
    } catch (e) {
      this.report(e, offset);
    }
  }
}
