/** A misuse of the schema language (a bad argument, a modifier on the wrong type). */
export class DslError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'DslError';
    this.code = code;
  }
}
