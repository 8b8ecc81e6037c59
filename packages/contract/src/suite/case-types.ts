/**
 * The shape of one contract row. Rows are data: what to call, on which targets, with what state
 * prepared first, and what answer to expect; the runner does the rest.
 */

import type { ApiLine, ApiVersion } from "@zcrm-attachments/types";
import type { Exchange } from "../validator/exchange.js";
import type { ContractValidator } from "../validator/validator.js";
import type { Violation } from "../validator/violations.js";
import type { FixtureName, Fixtures } from "./fixtures.js";
import type { RequestTweak } from "./tweaks.js";

export type { FixtureName } from "./fixtures.js";

/** Where a row can run: the default (example-driven) mock, the stateful mock, or a live org. */
export type TargetKind = "mock" | "stateful" | "live";

/** The client call a row makes (see calls.ts); `raw…` calls go through `client.raw`. */
export type CallName =
  | "list"
  | "listByIds"
  | "rawList"
  | "uploadFile"
  | "attachLinkForm"
  | "attachLinkQuery"
  | "attachSameLink"
  | "rawUploadNeither"
  | "deleteMany"
  | "rawDeleteManyNoIds"
  | "download"
  | "deleteOne"
  | "getPhoto"
  | "uploadPhoto"
  | "deletePhoto";

/**
 * State a row needs before its call, created through the client on targets that keep state
 * (the stateful mock, a live org). On the default mock the spec's example ids stand in.
 */
export type Preparation =
  | { kind: "file"; file: FixtureName }
  | { kind: "files"; count: number }
  | { kind: "link" }
  | { kind: "photo" }
  | { kind: "no-photo" };

/** What a row expects of the response. */
export interface Expectation {
  /** Acceptable statuses; empty for a row whose call the client must refuse (see `refusal`). */
  status: readonly number[];
  /** Acceptable Zoho `code` values of an error (or photo) body. */
  codes?: readonly string[];
  /** The Zoho `code` of each `data[]` item, in order: a bulk delete's per-id results, an upload's error item. */
  itemCodes?: readonly string[];
  /** The client must refuse the call before sending anything, with a message holding this text. */
  refusal?: string;
}

/** One row of the contract suite. */
export interface ContractCase {
  /** The operation and line, e.g. "uploadAttachment (v8 line)". */
  operation: string;
  /** The spec's operationId the exchange is judged against ("workflow" for workflow rows). */
  operationId: string;
  line: ApiLine;
  /** The API version the client is set to (the line's own, or another of the same line). */
  version: ApiVersion;
  name: string;
  source: "provoked" | "documented" | "workflow";
  /** The targets that can run this row. */
  on: readonly TargetKind[];
  /** Whether the row changes data (a live org runs it only when writes are allowed). */
  writes: boolean;
  call: CallName;
  /** The file an upload call sends. */
  file?: FixtureName;
  /** Address this module instead of the target's (a renamed custom module, a name in the wrong case). */
  module?: string;
  prepare?: Preparation;
  /** Address an attachment id that does not exist instead of the prepared or example one. */
  unknownAttachment?: true;
  /** A live run needs CONTRACT_ATTACHMENT_ID for this row. */
  needsAttachmentId?: true;
  /**
   * The request is off-contract on purpose (the client would refuse to build it): the validator
   * must report it, and that report is not a failure.
   */
  offContractRequest?: true;
  expect: Expectation;
  /** Changes the client's request on the wire to provoke the case. */
  tweak?: RequestTweak;
}

/** The verdict on one row. */
export interface CaseResult {
  case: ContractCase;
  passed: boolean;
  /** Why the row failed, one line each; empty when it passed. */
  failures: string[];
  /**
   * The contract violations among the failures, with where they are in the exchange and in the
   * spec (each also reads `contract: <message>` in `failures`).
   */
  violations?: Violation[];
  /** The row's last exchange (the one its verdict is mostly about). */
  exchange?: Exchange;
  /** Every exchange the row caused, setup aside. */
  exchanges: Exchange[];
}

/** What rows share within a run. */
export interface CaseContext {
  validator: ContractValidator;
  /** The files uploads send (see createFixtures). */
  fixtures: Fixtures;
  /** The fetch under the recorder; default globalThis.fetch. */
  fetch?: typeof fetch;
}
