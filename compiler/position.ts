/**
 * Line and column (1-based) of offsets in a text: for diagnostics in files read without a
 * parser that tracks positions (SQL, JSON, a TypeScript file refused before parsing).
 */
export function positionFinder(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}

/**
 * What JSON.parse refused, for a diagnostic: its message without the offset, and where it
 * stopped (V8 gives the offset in some messages only; otherwise the start of the text).
 */
export function jsonSyntaxError(text: string, error: unknown): { message: string; line: number; column: number } {
  const message = String((error as Error)?.message ?? error);
  const m = /at position (\d+)/.exec(message);
  return { message: message.replace(/ in JSON at position \d+.*$/, ''), ...positionFinder(text)(m ? Number(m[1]) : 0) };
}
