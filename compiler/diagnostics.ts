import type { SourcePos } from './ir/types.js';

/** A problem found in user input: a stable code, a message and, where known, the position. */
export interface Diagnostic {
  readonly code: string;
  readonly message: string;
  readonly pos?: SourcePos;
  /** What to do about it (optional second line). */
  readonly hint?: string;
}

/** A failure the user must act on (exit 1); `diagnostics` lists every problem found. */
export class SchemacError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  readonly exitCode: 1 | 2;
  constructor(diagnostics: readonly Diagnostic[] | Diagnostic, exitCode: 1 | 2 = 1) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics as Diagnostic];
    super(list.map(formatDiagnostic).join('\n'));
    this.name = 'SchemacError';
    this.diagnostics = list;
    this.exitCode = exitCode;
  }
}

/**
 * Text as it may be shown on one line (a comment of a generated file, a message): control
 * characters and line separators become escapes (`\n`, `\u001b`), so user text never starts
 * a new line or sends a terminal control sequence.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    return '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
  });
}

/**
 * `file:line:col: error CODE: message` (+ hint), the form editors and CI annotators read. Names
 * in messages come from users and live databases: shown on one line (oneLine).
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.pos ? `${oneLine(d.pos.file)}:${d.pos.line}:${d.pos.column}: ` : '';
  return `${where}error ${d.code}: ${oneLine(d.message)}${d.hint ? `\n  hint: ${oneLine(d.hint)}` : ''}`;
}

/** Orders diagnostics by file, line, column, then code, so reports are stable. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) =>
    cmp(a.pos?.file ?? '', b.pos?.file ?? '') || (a.pos?.line ?? 0) - (b.pos?.line ?? 0)
    || (a.pos?.column ?? 0) - (b.pos?.column ?? 0) || cmp(a.code, b.code) || cmp(a.message, b.message));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
