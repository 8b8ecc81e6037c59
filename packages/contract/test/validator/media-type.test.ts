import { describe, expect, it } from "vitest";
import { isJsonMediaType, matchMediaRange, parseMediaType } from "../../src/validator/media-type.js";

describe("parseMediaType", () => {
  it("reads type and subtype, lower-cased, without parameters", () => {
    expect(parseMediaType("Image/PNG; q=1")).toEqual({ type: "image", subtype: "png" });
    expect(parseMediaType("application/vnd.api+json")).toEqual({ type: "application", subtype: "vnd.api+json" });
  });

  it.each(["png", "/png", "image/", "image/p ng", "", "image/png/x"])("rejects %j", (value) => {
    expect(parseMediaType(value)).toBeUndefined();
  });
});

describe("matchMediaRange", () => {
  const photo = ["image/*", "application/x-download"];

  it("matches a concrete type under a documented range, the most specific key first", () => {
    expect(matchMediaRange(photo, "image/jpeg")).toEqual({ key: "image/*" });
    expect(matchMediaRange(photo, "application/x-download")).toEqual({ key: "application/x-download" });
    expect(matchMediaRange(["*/*"], "application/pdf; name=x")).toEqual({ key: "*/*" });
    expect(matchMediaRange(["*/*", "application/json", "application/*"], "APPLICATION/JSON")).toEqual({
      key: "application/json",
    });
    expect(matchMediaRange(["*/*", "application/*"], "application/zip")).toEqual({ key: "application/*" });
  });

  it("reports a type outside every documented range", () => {
    const result = matchMediaRange(photo, "application/pdf");
    expect(result).toEqual({
      problem: "content type application/pdf is not documented (documented: image/*, application/x-download)",
    });
    // image/* is not a prefix match: "imagex/png" is another type.
    expect("problem" in matchMediaRange(photo, "imagex/png")).toBe(true);
  });

  it("reports a missing, malformed or wildcard Content-Type even where */* is documented", () => {
    expect(matchMediaRange(["*/*"], undefined)).toEqual({
      problem: "the response has no Content-Type (documented: */*)",
    });
    expect(matchMediaRange(["*/*"], "pdf")).toEqual({
      problem: "Content-Type pdf is not a media type (documented: */*)",
    });
    expect(matchMediaRange(["*/*"], "image/*")).toEqual({
      problem: "Content-Type image/* is a media range; a response must name one type (documented: */*)",
    });
  });
});

describe("isJsonMediaType", () => {
  it("knows JSON and +json types, and nothing else", () => {
    expect(isJsonMediaType("application/json;charset=UTF-8")).toBe(true);
    expect(isJsonMediaType("application/problem+json")).toBe(true);
    expect(isJsonMediaType("application/jsonx")).toBe(false);
    expect(isJsonMediaType("text/json-ish")).toBe(false);
  });
});
