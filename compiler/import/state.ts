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
