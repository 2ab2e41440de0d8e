import { formatDiagnostic, SchemacError } from '../../compiler/diagnostics.js';

/** Options every command shares. */
export interface CommonArgs {
  readonly config?: string;
  readonly db?: string[];
  readonly json?: boolean;
}

/** Writes a line to stdout (results) — progress and errors go to stderr. */
export function out(line: string): void {
  process.stdout.write(line + '\n');
}

export function err(line: string): void {
  process.stderr.write(line + '\n');
}

/**
 * Runs a command body and maps failures to exit codes: 1 for problems the user must act on
 * (with every diagnostic printed), 2 for usage errors. A crash prints the stack (a bug).
 */
export async function run(body: () => Promise<number | void> | number | void, json = false): Promise<void> {
  try {
    const code = await body();
    process.exitCode = code ?? 0;
  } catch (e) {
    if (e instanceof SchemacError) {
      if (json) out(JSON.stringify({ ok: false, diagnostics: e.diagnostics }, null, 2));
      else for (const d of e.diagnostics) err(formatDiagnostic(d));
      process.exitCode = e.exitCode;
      return;
    }
    err(`schemac: internal error (a bug, please report it with the command you ran):\n${(e as Error)?.stack ?? String(e)}`);
    process.exitCode = 1;
  }
}
