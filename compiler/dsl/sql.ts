/** An SQL fragment written with the `sql` tag: kept as text, validated by the compiler. */
export interface SqlFragment {
  readonly kind: 'sql';
  readonly text: string;
}

/**
 * Tag for SQL expressions: `sql\`NOW()\``. Substitutions are refused: a schema must be static,
 * and values spliced into SQL are how injection starts.
 */
export function sql(strings: TemplateStringsArray, ...values: never[]): SqlFragment {
  if (values.length > 0) {
    throw new TypeError('sql`...` takes no ${} substitutions: write the expression out');
  }
  return Object.freeze({ kind: 'sql', text: strings.raw.join('') });
}

export function isSqlFragment(value: unknown): value is SqlFragment {
  return typeof value === 'object' && value !== null && (value as SqlFragment).kind === 'sql'
    && typeof (value as SqlFragment).text === 'string';
}
