/**
 * What the mock answers itself instead of Prism, once Prism has routed the request and the
 * request passed the token, module, record id and query checks: uploads (always: Prism cannot
 * read them), downloads and photos (real bytes), and in the stateful mode every attachment and
 * photo operation. A `Prefer` that names a documented answer still gets Prism's answer.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { IHttpOperationConfig, IHttpRequest } from "@stoplight/prism-http";
import type { IHttpOperation } from "@stoplight/types";
import { type Clock, systemClock } from "../clock.js";
import type { ExampleCatalog } from "../prism/example-catalog.js";
import { recordAddress, routedOperation } from "../prism/operation-kind.js";
import type { RequestTarget } from "../wire/request-input.js";
import { downloadType } from "./bytes/content-types.js";
import { fixtureForAttachment, photoFixture } from "./bytes/fixtures.js";
import { sendFile } from "./bytes/send-bytes.js";
import { DEFAULT_STORE_LIMITS, type StoreLimits } from "./stateful/attachment-store.js";
import { createStatefulMode, type StatefulMode } from "./stateful/stateful-answers.js";
import { sendUploadRefusal } from "./uploads/refusal-answers.js";
import { isUploadRequest, withStandInBody } from "./uploads/stand-in-body.js";
import { readUpload } from "./uploads/upload-rules.js";

/** Bounds of the stateful mode's store, and where its bytes go (see README: "Stateful mode"). */
export interface StatefulOptions {
  /** File and photo bytes kept across all records. Default 512 MiB. */
  maxBytes?: number;
  /** Attachments (files and links) kept across all records. Default 10,000. */
  maxAttachments?: number;
  /** An existing folder under which the mock makes its own temp folder for the bytes. Default `os.tmpdir()`. */
  tempDir?: string;
}

/** The mock's own routes for one instance. */
export interface MockRoutes {
  /** Whether the mock reads this request's body itself (uploads), so nothing else may read it. */
  claimsBody(req: IncomingMessage, target: RequestTarget): boolean;
  /** Prism's view of a claimed request: a stand-in body instead of the real one. */
  prismInput<T extends IHttpRequest>(input: T): T;
  /** Answers the request and resolves true, or resolves false to leave it to Prism. */
  answer(
    req: IncomingMessage,
    res: ServerResponse,
    target: RequestTarget,
    operation: IHttpOperation,
    mock: IHttpOperationConfig,
  ): Promise<boolean>;
  /** The stateful mode's store and the folder of its bytes, when that mode is on (a seed fills them). */
  readonly stateful: Pick<StatefulMode, "store" | "folder"> | undefined;
  /** Deletes what the routes keep on disk (the stateful mode's folder); the mock is closing. */
  close(): void;
}

/** Creates the mock's own routes; `stateful` switches from example-driven answers to a store of what was uploaded. */
export function createMockRoutes(
  catalog: ExampleCatalog,
  stateful: boolean | StatefulOptions | undefined,
  now: Clock = systemClock,
): MockRoutes {
  const mode: StatefulMode | undefined =
    stateful === undefined || stateful === false
      ? undefined
      : createStatefulMode(
          { ...DEFAULT_STORE_LIMITS, ...(stateful === true ? {} : definedOnly(stateful)) },
          now,
          catalog,
          stateful === true ? undefined : stateful.tempDir,
        );

  return {
    stateful: mode,
    close: () => mode?.close(),
    claimsBody: (req, target) => isUploadRequest(req.method, target.specPath),
    prismInput: withStandInBody,
    async answer(req, res, target, operation, mock) {
      const routed = routedOperation(operation);
      // A routed operation always has a served version in its path; the check keeps the types honest.
      const version = target.version;
      if (routed === undefined || version === undefined || prefersDocumented(mock)) return false;
      const { kind, line } = routed;
      // The whole query: Prism saw an upload's without attachmentUrl (see stand-in-body.ts).
      const query = target.query;
      const address = recordAddress(target);
      if (mode !== undefined) {
        await mode.answer({ req, res, operation, kind, line, address, query, version });
        return true;
      }
      switch (kind) {
        case "uploadAttachment":
        case "uploadPhoto": {
          const photo = kind === "uploadPhoto";
          const decision = await readUpload(req, { photo, version, query, keepUpTo: 0 });
          if (decision.kind === "refused") sendUploadRefusal(req, res, catalog, operation, decision, photo);
          else
            catalog.send(
              res,
              photo ? "photoUploaded" : decision.kind === "file" ? "fileUploaded" : "linkAttached",
              operation,
            );
          return true;
        }
        case "downloadAttachment": {
          const file = fixtureForAttachment(address.attachmentId ?? "0");
          sendFile(res, { ...file, contentType: downloadType(line, file.contentType) });
          return true;
        }
        case "getPhoto":
          sendFile(res, photoFixture());
          return true;
        default:
          return false;
      }
    },
  };
}

/** Whether `Prefer` (or `__code`/`__example`) names a documented answer other than the plain 200. */
function prefersDocumented(mock: IHttpOperationConfig): boolean {
  return (mock.code !== undefined && mock.code !== 200) || mock.exampleKey !== undefined;
}

function definedOnly(options: StatefulOptions): Partial<StoreLimits> {
  const out: Partial<StoreLimits> = {};
  if (options.maxBytes !== undefined) out.maxBytes = options.maxBytes;
  if (options.maxAttachments !== undefined) out.maxAttachments = options.maxAttachments;
  return out;
}
