import type { IncomingMessage, ServerResponse } from "node:http";
import type { IHttpNameValues, IHttpOperationConfig, IHttpRequest } from "@stoplight/prism-http";
import type { IHttpOperation } from "@stoplight/types";
import { toSpecPath } from "../api-version.js";
import { type Clock, systemClock } from "../clock.js";
import type { ExampleCatalog } from "../prism/example-catalog.js";
import { isV2Line, operationKind, recordAddress, requestedVersion } from "../prism/operation-kind.js";
import { parseQuery } from "../wire/request-input.js";
import { fixtureForAttachment, photoFixture } from "./bytes/fixtures.js";
import { sendFile } from "./bytes/send-bytes.js";
import { type AttachmentStore, DEFAULT_STORE_LIMITS } from "./stateful/attachment-store.js";
import { createStatefulMode, type StatefulMode } from "./stateful/stateful-answers.js";
import { sendUploadRefusal } from "./uploads/refusal-answers.js";
import { isUploadRequest, withStandInBody } from "./uploads/stand-in-body.js";
import { readUpload } from "./uploads/upload-rules.js";

// What the mock answers itself instead of Prism, once Prism has routed the request and the
// request passed the token, module, record id and query checks: uploads (always: Prism cannot
// read them), downloads and photos (real bytes), and in the stateful mode every attachment and
// photo operation. A `Prefer` that names a documented answer still gets Prism's answer.

/** Bounds of the stateful mode's store (see README: "Stateful mode"). */
export interface StatefulOptions {
  /** File and photo bytes kept across all records. Default 512 MiB. */
  maxBytes?: number;
  /** Attachments (files and links) kept across all records. Default 10,000. */
  maxAttachments?: number;
}

/** The mock's own routes for one instance. */
export interface BinaryRoutes {
  /** Whether the mock reads this request's body itself (uploads), so nothing else may read it. */
  claimsBody(req: IncomingMessage): boolean;
  /** Prism's view of a claimed request: a stand-in body instead of the real one. */
  prismInput<T extends IHttpRequest>(input: T): T;
  /** Answers the request and resolves true, or resolves false to leave it to Prism. */
  answer(
    req: IncomingMessage,
    res: ServerResponse,
    operation: IHttpOperation,
    mock: IHttpOperationConfig,
  ): Promise<boolean>;
  /** The stateful mode's store, when that mode is on. */
  readonly store: AttachmentStore | undefined;
}

/** Creates the mock's own routes; `stateful` switches from example-driven answers to an in-memory store. */
export function createBinaryRoutes(
  catalog: ExampleCatalog,
  stateful: boolean | StatefulOptions | undefined,
  now: Clock = systemClock,
): BinaryRoutes {
  const mode: StatefulMode | undefined =
    stateful === undefined || stateful === false
      ? undefined
      : createStatefulMode(
          { ...DEFAULT_STORE_LIMITS, ...(stateful === true ? {} : definedOnly(stateful)) },
          now,
          catalog,
        );

  return {
    store: mode?.store,
    claimsBody: (req) => isUploadRequest(req.method, toSpecPath(splitTarget(req.url).path)),
    prismInput: withStandInBody,
    async answer(req, res, operation, mock) {
      const kind = operationKind(operation);
      if (kind === undefined || prefersDocumented(mock)) return false;
      const { path, search } = splitTarget(req.url);
      // Prism saw the query without attachmentUrl (see stand-in-body.ts); the upload rules need it.
      const query: IHttpNameValues = search === "" ? {} : parseQuery(search);
      const address = recordAddress(path);
      const version = requestedVersion(path);
      if (mode !== undefined) {
        await mode.answer({ req, res, operation, kind, address, query, version, v2Line: isV2Line(operation) });
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
        case "downloadAttachment":
          sendFile(res, fixtureForAttachment(address.attachmentId ?? "0"));
          return true;
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

/** The path and query string of a request target, origin-form or (through a proxy) absolute-form. */
function splitTarget(url: string | undefined): { path: string; search: string } {
  let target = url ?? "/";
  if (!target.startsWith("/") && URL.canParse(target)) {
    const parsed = new URL(target);
    target = parsed.pathname + parsed.search;
  }
  const mark = target.indexOf("?");
  return mark === -1 ? { path: target, search: "" } : { path: target.slice(0, mark), search: target.slice(mark + 1) };
}

function definedOnly(options: StatefulOptions): Partial<StatefulOptions> {
  const out: Partial<StatefulOptions> = {};
  if (options.maxBytes !== undefined) out.maxBytes = options.maxBytes;
  if (options.maxAttachments !== undefined) out.maxAttachments = options.maxAttachments;
  return out;
}
