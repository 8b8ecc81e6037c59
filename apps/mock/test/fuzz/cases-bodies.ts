/**
 * Fuzz cases aimed at bodies: broken and abusive multipart forms on the upload and photo routes,
 * and framing that lies (a Content-Length longer or shorter than the body, chunked bodies cut
 * short or malformed, both framings at once) or is no HTTP/1.1 at all.
 */
import { AUTH, type FuzzCase, fieldPart, filePart, form, REC, rawRequest } from "./fuzz-case.js";

const UPLOAD = `/crm/v8/Leads/${REC}/Attachments`;
const PHOTO = `/crm/v2/Leads/${REC}/photo`;
const MIB = 1024 * 1024;

function upload(target: string, body: { body: Buffer; type: string }): Buffer {
  return rawRequest("POST", target, { headers: [AUTH, body.type], body: body.body });
}

/** The multipart group. */
export function multipartCases(): FuzzCase[] {
  const good = filePart("notes.txt", "plain words");
  const forms: [string, { body: Buffer; type: string }, boolean?][] = [
    ["no boundary", { body: form([good]).body, type: "Content-Type: multipart/form-data" }],
    ["wrong boundary", { body: form([good], "other").body, type: "Content-Type: multipart/form-data; boundary=fuzzb" }],
    ["no closing boundary", { body: Buffer.from(`--fuzzb\r\n${good}\r\n`), type: form([]).type }],
    [
      "nested multipart",
      form([
        `Content-Disposition: form-data; name="file"\r\nContent-Type: multipart/mixed; boundary=in\r\n\r\n--in\r\n\r\nx\r\n--in--`,
      ]),
    ],
    ["empty file", form([filePart("empty.txt", "")])],
    ["100 KiB field name", form([fieldPart("n".repeat(100 * 1024), "v"), good])],
    [
      "20 KiB part header",
      form([
        `Content-Disposition: form-data; name="file"; filename="a.txt"\r\nX-Pad: ${"p".repeat(20 * 1024)}\r\n\r\nabc`,
      ]),
    ],
    ["5,000 parts", form(Array.from({ length: 5000 }, (_, i) => fieldPart(`f${i}`, "v"))), true],
    [
      "3,000 extra file parts",
      form([
        good,
        ...Array.from({ length: 3000 }, (_, i) => filePart(`x${i}.txt`, "x").replace('name="file"', 'name="other"')),
      ]),
      true,
    ],
    ["two files", form([good, filePart("second.txt", "two")])],
    ["file and link", form([fieldPart("attachmentUrl", "https://www.zohocorp.com"), good])],
    ["link then file", form([good, fieldPart("attachmentUrl", "https://www.zohocorp.com")])],
    ["javascript link", form([fieldPart("attachmentUrl", "javascript:alert(1)")])],
    ["file: link", form([fieldPart("attachmentUrl", "file:///etc/passwd")])],
    ["3001-character link", form([fieldPart("attachmentUrl", `https://a.example/${"x".repeat(2983)}`)])],
    ["long title", form([fieldPart("attachmentUrl", "https://www.zohocorp.com"), fieldPart("title", "t".repeat(300))])],
    ["x.EXE with a space", form([filePart("x.EXE ", "MZ")])],
    ["name with ../", form([filePart("../../etc/passwd", "x")])],
    ["name with NUL", form([filePart("a\x00b.txt", "x")])],
    [
      "name in filename*",
      form([`Content-Disposition: form-data; name="file"; filename*=UTF-8''a%0D%0Ab.txt\r\n\r\nx`]),
    ],
    ["garbage", { body: Buffer.from("\xff\xfe garbage \x00\x01", "latin1"), type: form([]).type }],
    ["JSON body", { body: Buffer.from('{"file":"x"}'), type: "Content-Type: application/json" }],
    ["text body", { body: Buffer.from("just text"), type: "Content-Type: text/plain" }],
    ["11 MiB text field", form([fieldPart("note", "n".repeat(11 * MIB))]), true],
  ];
  const cases: FuzzCase[] = forms.map(([name, body, heavy]) => ({
    group: "multipart",
    name,
    chunks: [upload(UPLOAD, body)],
    ...(heavy === true ? { heavy } : {}),
  }));
  cases.push({
    group: "multipart",
    name: "photo that is text",
    chunks: [upload(PHOTO, form([filePart("me.png", "not an image", "image/png")]))],
  });
  cases.push({
    group: "multipart",
    name: "photo of 11 MiB",
    chunks: [upload(PHOTO, form([filePart("me.png", `\x89PNG\r\n\x1a\n${"p".repeat(11 * MIB)}`)]))],
    heavy: true,
  });
  cases.push({
    group: "multipart",
    name: "photo of a Deal",
    chunks: [upload(`/crm/v8/Deals/${REC}/photo`, form([filePart("me.png", "x")]))],
  });
  return cases;
}

/** The length group: framing that lies, cut bodies, smuggling, and lines that are no HTTP/1.1. */
export function lengthCases(): FuzzCase[] {
  const head = (extra: string, method = "POST", target = UPLOAD) =>
    `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${AUTH}\r\n${extra}\r\n`;
  const multipart = form([filePart("a.txt", "abc")]);
  const cases: [string, (string | Buffer)[], boolean][] = [
    ["longer Content-Length", [head(`${multipart.type}\r\nContent-Length: 1000\r\n`), multipart.body], true],
    ["shorter Content-Length", [head(`${multipart.type}\r\nContent-Length: 10\r\n`), multipart.body], false],
    ["huge Content-Length", [head("Content-Length: 999999999999\r\n"), "abc"], true],
    ["chunked cut short", [head(`${multipart.type}\r\nTransfer-Encoding: chunked\r\n`), "5\r\nabc"], true],
    ["chunk size garbage", [head("Transfer-Encoding: chunked\r\n"), "zz\r\nabc\r\n0\r\n\r\n"], false],
    [
      "CL and TE",
      [head("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"), "0\r\n\r\nGET / HTTP/1.1\r\n\r\n"],
      false,
    ],
    ["two Content-Lengths", [head("Content-Length: 3\r\nContent-Length: 4\r\n"), "abcd"], false],
    [
      "body on a GET",
      [head("Content-Length: 5\r\n", "GET", `/crm/v8/Leads/${REC}/Attachments?fields=id`), "hello"],
      false,
    ],
    [
      "11 MiB body on a DELETE",
      [
        head(`Content-Length: ${11 * MIB}\r\n`, "DELETE", `/crm/v8/Leads/${REC}/Attachments?ids=1`),
        Buffer.alloc(11 * MIB, 0x61),
      ],
      false,
    ],
    ["empty request", [""], true],
    ["request line only", ["GET / HTTP/1.1\r\n"], true],
    ["HTTP/0.9", ["GET /\r\n\r\n"], true],
    ["HTTP/2.0 line", ["GET / HTTP/2.0\r\n\r\n"], false],
    ["HTTP/2 preface", ["PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"], true],
    ["HTTP/1.1 without Host", [`GET /crm/v8/Leads/${REC}/Attachments?fields=id HTTP/1.1\r\n${AUTH}\r\n\r\n`], false],
    ["bare LF", [`GET /crm/v8/Leads/${REC}/Attachments?fields=id HTTP/1.1\nHost: a\n${AUTH}\n\n`], false],
    ["binary noise", [Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10])], false],
  ];
  return cases.map(([name, chunks, mayNotAnswer]) => ({
    group: "length",
    name,
    chunks,
    ...(mayNotAnswer ? { mayNotAnswer } : {}),
    ...(name.includes("11 MiB") ? { heavy: true } : {}),
  }));
}
