/**
 * Zoho's accounts server takes the token parameters from the query string, from a form body
 * (urlencoded or multipart) or, for the client credentials, from a Basic Authorization header.
 * The mock reads all of them, body first, so any client that works against Zoho works here.
 */
import type { IncomingMessage } from "node:http";
import busboy from "busboy";

/** The parameters of one token request, first value of each name. */
export type TokenParams = ReadonlyMap<string, string>;

/** Raised when a form body cannot be read (bad multipart framing, a value over the size limit). */
export class TokenParamsError extends Error {
  override readonly name = "TokenParamsError";
}

// Token parameters are short; these limits only stop a runaway body.
const LIMITS = { fields: 32, fieldSize: 8 * 1024, fieldNameSize: 100, files: 0 };
const FORM = /^(?:application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** Reads the token parameters of a request (body, then query string, then Basic client credentials). */
export async function readTokenParams(req: IncomingMessage, query: string): Promise<TokenParams> {
  const params = new Map<string, string>();
  if (FORM.test(req.headers["content-type"] ?? "")) await readForm(req, params);
  else req.resume(); // a body of another type means nothing to Zoho; drop it so the connection stays usable
  for (const [name, value] of new URLSearchParams(query)) if (!params.has(name)) params.set(name, value);
  const basic = basicCredentials(req.headers.authorization);
  if (basic !== undefined) {
    if (!params.has("client_id")) params.set("client_id", basic.id);
    if (!params.has("client_secret")) params.set("client_secret", basic.secret);
  }
  return params;
}

function readForm(req: IncomingMessage, params: Map<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({ headers: req.headers, limits: LIMITS });
    } catch (error) {
      // busboy throws at once on a multipart type without a boundary.
      req.resume();
      reject(new TokenParamsError(error instanceof Error ? error.message : String(error)));
      return;
    }
    const fail = (message: string) => {
      req.unpipe(parser);
      req.resume();
      reject(new TokenParamsError(message));
    };
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) fail(`form field ${name} is too long`);
      else if (!params.has(name)) params.set(name, value);
    });
    parser.on("error", (error) => fail(error instanceof Error ? error.message : String(error)));
    parser.on("close", () => resolve());
    req.on("error", reject);
    req.pipe(parser);
  });
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  if (header === undefined || !/^basic\s/i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon === -1) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
