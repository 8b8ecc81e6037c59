import { limits } from "@zcrm-attachments/types";
import { describe, expect, it } from "vitest";
import { ZohoInputError } from "../../src/errors/errors.js";
import { checkAttachmentId, checkIdList, chunkIds } from "../../src/input/attachment-ids.js";

const ID = "4150868000002728012";

function inputError(run: () => unknown): ZohoInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ZohoInputError);
    return error as ZohoInputError;
  }
  throw new Error("expected a ZohoInputError");
}

describe("checkAttachmentId", () => {
  it.each(["1", ID, "9".repeat(19)])("accepts %s", (id) => {
    expect(checkAttachmentId(id)).toBe(id);
  });

  it.each([
    {
      case: "a number",
      id: 4150868000002728000,
      message: /must be a string of digits, not a number: .*19 digits.*2\^53 lose precision.*Pass the id as a string/,
    },
    { case: "a bigint", id: 4150868000002728012n, message: /not a bigint/ },
    { case: "a slash", id: `${ID}/x`, message: /1 to 19 digits.*must not hold slashes, dots or spaces/ },
    { case: "a path escape", id: "../123", message: /must not hold slashes, dots or spaces/ },
    { case: "a decimal", id: "123.0", message: /must not hold slashes, dots or spaces/ },
    { case: "a space", id: " 123", message: /must not hold slashes, dots or spaces/ },
    { case: "letters", id: "12ab", message: /string of 1 to 19 digits, such as "4150868000002728012" \(got "12ab"\)/ },
    { case: "20 digits", id: "1".repeat(20), message: /1 to 19 digits/ },
    { case: "empty", id: "", message: /1 to 19 digits/ },
    { case: "undefined", id: undefined, message: /got undefined/ },
  ])("refuses $case", ({ id, message }) => {
    const error = inputError(() => checkAttachmentId(id));
    expect(error.parameter).toBe("attachmentId");
    expect(error.message).toMatch(message);
  });
});

describe("checkIdList", () => {
  it("keeps order, drops repeats keeping the first, and accepts any iterable", () => {
    expect(checkIdList(["3", "1", "3", "2", "1"])).toEqual(["3", "1", "2"]);
    expect(checkIdList(new Set(["7", "8"]))).toEqual(["7", "8"]);
    expect(
      checkIdList(
        (function* () {
          yield "5";
          yield "5";
        })(),
      ),
    ).toEqual(["5"]);
  });

  it.each([
    {
      case: "an empty array",
      ids: [],
      parameter: "attachmentIds",
      message: /is empty: name at least one attachment id/,
    },
    {
      case: "one string",
      ids: "1,2",
      parameter: "attachmentIds",
      message: /array of id strings, not one string: pass \["1,2"\]/,
    },
    { case: "a number", ids: 5, parameter: "attachmentIds", message: /must be an array of attachment id strings/ },
    { case: "null", ids: null, parameter: "attachmentIds", message: /got null/ },
    {
      case: "a bad id inside",
      ids: ["1", "2x"],
      parameter: "attachmentIds[1]",
      message: /attachmentIds\[1\] must be a string of 1 to 19 digits/,
    },
    { case: "a number inside", ids: [ID, 1], parameter: "attachmentIds[1]", message: /precision/ },
  ])("refuses $case", ({ ids, parameter, message }) => {
    const error = inputError(() => checkIdList(ids));
    expect(error.parameter).toBe(parameter);
    expect(error.message).toMatch(message);
  });
});

describe("chunkIds", () => {
  it("splits into groups of 100 by default", () => {
    const ids = Array.from({ length: 250 }, (_, i) => String(i + 1));
    const chunks = chunkIds(ids);
    expect(limits.deleteMany.idsPerCall).toBe(100);
    expect(chunks.map((c) => c.length)).toEqual([100, 100, 50]);
    expect(chunks.flat()).toEqual(ids);
  });

  it("takes another size and handles an exact multiple", () => {
    expect(chunkIds(["1", "2", "3", "4"], 2)).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(chunkIds(["1"], 100)).toEqual([["1"]]);
  });

  it.each([0, -1, 1.5])("refuses the size %s", (size) => {
    expect(() => chunkIds(["1"], size)).toThrow(RangeError);
  });
});
