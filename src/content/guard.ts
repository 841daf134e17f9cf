/**
 * One file, one verdict. Whatever goes wrong while one file is read, validated or rendered
 * becomes a problem that names the file (and the line when it is known), so one bad file never
 * stops the run and every other file is still reported. Running out of stack is `TooComplex`
 * (the file nests deeper than can be walked); any other exception is `RenderFailed`: a bug in
 * Signpost or a construct it does not handle, reported in one line without a stack trace.
 */
import { problem, type Problem } from './errors.ts';

/** Whether `e` is the engine running out of stack (V8, or the parser's own recursion guard). */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack|stack overflow|too much recursion/i.test(e.message);
}

/** The first line of an exception's message, shortened, with its kind (`TypeError: …`). */
export function describeError(e: unknown): string {
  const name = e instanceof Error ? e.name : typeof e;
  const raw = e instanceof Error ? e.message : String(e);
  const first =
    raw
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? '';
  const short = first.length > 160 ? `${first.slice(0, 157)}…` : first;
  return short ? `${name}: ${short}` : name;
}

/** The problem that reports exception `e` for `file`. */
export function failure(e: unknown, file: string, line?: number): Problem {
  if (isStackOverflow(e)) return problem('TooComplex', file, 'Rendering it ran out of stack space.', { line });
  return problem('RenderFailed', file, `Signpost stopped on this file with an unexpected error: ${describeError(e)}.`, { line });
}

/** Runs `step` for `file`; an exception becomes a problem in `problems` and the result `undefined`. */
export function guard<T>(file: string, problems: Problem[], step: () => T, line?: number): T | undefined {
  try {
    return step();
  } catch (e) {
    problems.push(failure(e, file, line));
    return undefined;
  }
}
