import { ZodError } from 'zod';
import { StratumError } from '../../contracts/errors.js';

/**
 * Wraps a command action: a StratumError or invalid option becomes one readable line on stderr and exit code 1;
 * anything else is a bug and keeps its stack trace.
 */
export function runAction<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  return async (...args: A): Promise<void> => {
    try {
      await action(...args);
    } catch (error) {
      if (error instanceof StratumError) {
        process.stderr.write(`stratum: ${error.message} [${error.code}]\n`);
        process.exitCode = 1;
        return;
      }
      if (error instanceof ZodError) {
        const lines = error.issues.map((i) => `--${optionName(i.path)}: ${i.message}`);
        process.stderr.write(`stratum: invalid options: ${lines.join('; ')}\n`);
        process.exitCode = 1;
        return;
      }
      throw error;
    }
  };
}

/** `asOf` → `as-of`: zod paths name the camelCase keys commander makes of the flags. */
function optionName(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)).join('.');
}
