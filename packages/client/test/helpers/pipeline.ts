/**
 * Builds the internal pipeline of a client directly, for operations the public API does not offer yet
 * (a POST with a replayable or one-shot body). Uses the same option checks as createAttachmentsClient.
 */
import { createTokenSource } from "../../src/auth.js";
import { toPipelineSettings } from "../../src/pipeline/pipeline-options.js";
import type { PipelineContext } from "../../src/pipeline/types.js";

/** A pipeline context for `origin`, with client options such as retry, clock, accessToken. */
export function pipelineFor(origin: string, options: Record<string, unknown>): PipelineContext {
  const settings = toPipelineSettings(options);
  return {
    fetch: globalThis.fetch,
    tokens: createTokenSource(options.accessToken, settings.logger),
    baseUrl: origin,
    fallbackBaseUrl: origin,
    ...settings,
  };
}
