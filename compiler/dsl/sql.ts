/** An SQL fragment written with the `sql` tag: kept as text, validated by the compiler. */
export interface SqlFragment {
  readonly kind: 'sql';
  readonly text: string;
}

/**
 * Tag for SQL expressions: `sql\`NOW()\``; a quoted identifier is written `sql\`\\`order\\` > 0\``.
 * Substitutions are refused: a schema must be static,
 * and values spliced into SQL are how injection starts.
 */
export function sql(strings: TemplateStringsArray, ...values: never[]): SqlFragment {
  if (values.length > 0) {
    throw new TypeError('sql`...` takes no ${} substitutions: write the expression out');
  }
  // The raw text keeps backslashes as written (SQL has its own escapes); only `\`` and `\${`,
  // which a template needs to hold a backtick or `${`, lose their backslash.
  return Object.freeze({ kind: 'sql', text: strings.raw.join('').replace(/\\([`$])/g, '$1') });
}

export function isSqlFragment(value: unknown): value is SqlFragment {
  return typeof value === 'object' && value !== null && (value as SqlFragment).kind === 'sql'
    && typeof (value as SqlFragment).text === 'string';
}
