/**
 * Asking before destroying: on a terminal the user types y; off a terminal (a script, a pipe) there
 * is nobody to ask, so the command refuses unless --yes was given, rather than deleting unasked.
 */
import { createInterface } from "node:readline/promises";
import { CliError, exitCodes } from "../output/exit-codes.js";

/** The input the question is read from (process.stdin in real runs). */
export interface Asker {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
}

/** Resolves when the user agrees (or --yes was given); throws a CliError otherwise. */
export async function confirm(question: string, yes: boolean, asker: Asker, signal: AbortSignal): Promise<void> {
  if (yes) return;
  if (asker.input.isTTY !== true) {
    throw new CliError(
      `Refusing to delete without confirmation: ${question}`,
      exitCodes.usage,
      "pass --yes to delete without asking",
    );
  }
  const prompt = createInterface({ input: asker.input, output: asker.output });
  try {
    const answer = await prompt.question(`${question} [y/N] `, { signal });
    if (!/^(y|yes)$/i.test(answer.trim())) throw new CliError("Nothing deleted.", exitCodes.failed);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError("Nothing deleted.", exitCodes.interrupted);
  } finally {
    prompt.close();
  }
}
