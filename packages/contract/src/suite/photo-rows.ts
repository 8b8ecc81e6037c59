/**
 * The record photo operations' own provoked rows. A live org only ever reads its record's photo:
 * uploading or deleting one would replace the record's real photo.
 */
import { answer, NOT_LIVE, type OperationRows, ok } from "./row-spec.js";

/** Each photo operation's valid call and its own cases. */
export const PHOTO_ROWS: Record<"getPhoto" | "uploadPhoto" | "deletePhoto", OperationRows> = {
  getPhoto: {
    valid: { name: "gets the record's photo", call: "getPhoto", on: NOT_LIVE, prepare: { kind: "photo" }, expect: ok },
    own: [
      {
        name: "gets the record's photo, if it has one → 200 or 204",
        call: "getPhoto",
        on: ["live"],
        expect: { status: [200, 204] },
      },
      {
        name: "a record without a photo → 204",
        call: "getPhoto",
        on: ["stateful"],
        prepare: { kind: "no-photo" },
        expect: { status: [204] },
      },
    ],
  },
  uploadPhoto: {
    // Never on a live org: it would replace the record's real photo.
    valid: { name: "uploads a PNG photo", call: "uploadPhoto", on: NOT_LIVE, expect: answer(200, "SUCCESS") },
    own: [],
  },
  deletePhoto: {
    valid: {
      name: "deletes the record's photo",
      call: "deletePhoto",
      on: NOT_LIVE,
      prepare: { kind: "photo" },
      expect: answer(200, "SUCCESS"),
    },
    own: [
      {
        name: "a record without a photo → 400 INVALID_DATA",
        call: "deletePhoto",
        on: ["stateful"],
        prepare: { kind: "no-photo" },
        expect: answer(400, "INVALID_DATA"),
      },
    ],
  },
};
