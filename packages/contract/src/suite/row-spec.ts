/**
 * The shape of a provoked row before a line fills in its operation, ids and version, and the
 * few expectations and target sets the row tables share.
 */
import type { ApiLine, ApiVersion } from "@zcrm-attachments/types";
import type { CallName, Expectation, FixtureName, Preparation, TargetKind } from "./case-types.js";
import type { RequestTweak } from "./tweaks.js";

/** A row before the line fills in its operation, ids and version. */
export interface RowSpec {
  name: string;
  call: CallName;
  expect: Expectation;
  on?: readonly TargetKind[];
  file?: FixtureName;
  /** Address this module instead of the target's. */
  module?: string;
  prepare?: Preparation;
  tweak?: RequestTweak;
  /** Call at the line's other version (see line-defaults.ts). */
  otherVersion?: true;
  /** Call at this version of the line instead. */
  version?: ApiVersion;
  unknownAttachment?: true;
  needsAttachmentId?: true;
  offContractRequest?: true;
  lines?: readonly ApiLine[];
}

/** One operation's valid call and its own rows; the common error rows are added to each. */
export interface OperationRows {
  valid: RowSpec;
  own: RowSpec[];
}

/** Every kind of target. */
export const EVERYWHERE: readonly TargetKind[] = ["mock", "stateful", "live"];
/** The two mocks: rows a live org cannot be driven into, or must not be (its record's photo). */
export const NOT_LIVE: readonly TargetKind[] = ["mock", "stateful"];
/** Servers that keep state: rows that need something prepared first. */
export const STATEFUL: readonly TargetKind[] = ["stateful", "live"];
/** A plain 200. */
export const ok: Expectation = { status: [200] };
/** An answer with this status and one of these Zoho codes. */
export const answer = (status: number, ...codes: string[]): Expectation => ({ status: [status], codes });
