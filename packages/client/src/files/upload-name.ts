/**
 * Checks the file name an upload will carry. Zoho stores it as the attachment's File_Name and the
 * multipart header carries it in quotes, so a name must be one plain segment: no directories, no
 * control characters, and not a type Zoho refuses.
 */
import { ZohoInputError } from "../errors/errors.js";
import { hasRefusedExtension, REFUSED_EXTENSIONS } from "./limits.js";

// C0 controls, DEL and C1 controls: invisible, and CR/LF would break the part header.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const SEPARATOR = /[/\\]/;

/** Where the name came from, so the message can say what to change. */
export type NameOrigin = "fileName" | "path" | "File.name";

/**
 * Throws a ZohoInputError unless `name` is a plain file name Zoho will take; returns it unchanged.
 * `parameter` is the argument the caller must fix ("fileName" or "file").
 */
export function checkUploadName(name: string, parameter: string, origin: NameOrigin): string {
  const hint = origin === "fileName" ? "" : " Pass a fileName option to send another name.";
  if (name.trim() === "") {
    throw new ZohoInputError(parameter, `The file name is empty: give the upload a name such as "report.pdf".${hint}`);
  }
  if (origin === "fileName" && SEPARATOR.test(name)) {
    throw new ZohoInputError(
      parameter,
      `fileName ${JSON.stringify(name)} holds a path separator: give only the name Zoho should show ` +
        `(e.g. ${JSON.stringify(name.split(SEPARATOR).pop() || "report.pdf")}), not a path.`,
    );
  }
  if (CONTROL.test(name) || SEPARATOR.test(name)) {
    throw new ZohoInputError(
      parameter,
      `The file name ${JSON.stringify(name)} (from ${origin}) holds control characters or a backslash, which ` +
        `cannot travel in a multipart header.${hint}`,
    );
  }
  if (name === "." || name === "..") {
    throw new ZohoInputError(parameter, `${JSON.stringify(name)} is not a file name.${hint}`);
  }
  if (hasRefusedExtension(name)) {
    throw new ZohoInputError(
      parameter,
      `Zoho refuses ${REFUSED_EXTENSIONS.join(", ")} files as attachments ("all file types except ${REFUSED_EXTENSIONS.join(", ")}"), ` +
        `and ${JSON.stringify(name)} is one. ` +
        `Put it in a .zip archive first.`,
    );
  }
  return name;
}
