/**
 * The exit statuses, which are part of zcrm-contract's interface, and the error for the third of
 * them. A UsageError is a problem with how zcrm-contract was called or with what it was pointed
 * at, rather than with the contract: a bad option, a file that cannot be read, a server that
 * cannot be reached. It exits 2, apart from the 1 that means a departure from the contract.
 */

/** Exit status: every exchange and row held (and coverage reached its minimum). */
export const EXIT_HELD = 0;
/** Exit status: a departure from the contract, an unreadable entry, or coverage below the minimum. */
export const EXIT_VIOLATION = 1;
/** Exit status: bad usage, an unreadable file, or a target that cannot be reached. */
export const EXIT_USAGE = 2;

/** An error that exits 2 and prints its message, with a pointer to --help. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Runs `make`, turning any Error it throws into a UsageError with the same message. */
export async function asUsage<T>(make: () => T | Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError((error as Error).message);
  }
}

/** The exit statuses as every command's --help states them. */
export const EXIT_STATUS_HELP = `
Exit status:
  ${EXIT_HELD}  every exchange and row held (and coverage reached --min-coverage)
  ${EXIT_VIOLATION}  a departure from the contract, an unreadable entry, or coverage below --min-coverage
  ${EXIT_USAGE}  bad usage, a file that cannot be read, or a server that cannot be reached`;
