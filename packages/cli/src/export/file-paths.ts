/**
 * Where each attachment of a record lands: `<module>/<recordId>/<name>`, with the name Zoho lists,
 * made safe for every file system. Two attachments of one record may share a name (and on macOS or
 * Windows names differ by case only at their peril), so every name that collides gets the
 * attachment id before its extension: `scan (4150868000002728012).pdf`. Paths are decided when a
 * record is listed and kept in the manifest, so a resumed run writes the same files.
 */
import { safeFileName } from "@zcrm-attachments/client";

/** The manifest path (with "/") of each attachment of one record, by attachment id. */
export function pathsFor(
  module: string,
  recordId: string,
  attachments: readonly { id: string; fileName: string }[],
): Map<string, string> {
  const counts = new Map<string, number>();
  const names = attachments.map(({ id, fileName }) => {
    const name = safeFileName(fileName, `attachment-${id}`);
    counts.set(name.toLowerCase(), (counts.get(name.toLowerCase()) ?? 0) + 1);
    return { id, name };
  });
  const paths = new Map<string, string>();
  for (const { id, name } of names) {
    let unique = name;
    if ((counts.get(name.toLowerCase()) ?? 0) > 1) {
      const dot = name.lastIndexOf(".");
      unique = dot > 0 ? `${name.slice(0, dot)} (${id})${name.slice(dot)}` : `${name} (${id})`;
    }
    paths.set(id, `${module}/${recordId}/${unique}`);
  }
  return paths;
}
