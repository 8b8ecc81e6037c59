/**
 * One attachment from Zoho to disk, with progress: the client's streamed download, saved atomically
 * and hashed by saveStream. Shared by `download` and `export`, which differ in where the file goes
 * and what they record about it.
 */

import { join } from "node:path";
import { safeFileName, ZohoApiError } from "@zcrm-attachments/client";
import type { Progress } from "../output/progress.js";
import { formatBytes, formatDuration } from "../output/units.js";
import type { Session } from "../session/session.js";
import { type SavedFile, saveStream } from "./save-stream.js";

/** Where a download goes: a fixed path, or a folder to save under the server's (sanitised) name. */
export type Target = { path: string } | { folder: string };

/** Downloads one attachment into `target`; the label names it in progress lines. */
export async function downloadOne(
  session: Session,
  progress: Progress,
  what: { module: string; recordId: string; attachmentId: string; label: string },
  target: Target,
  overwrite: boolean,
): Promise<SavedFile & { fileName: string | undefined }> {
  const { client, signal } = session;
  if (!(await session.meter.acquire())) throw signal.reason ?? new Error("call budget spent");
  const started = Date.now();
  let bar: ReturnType<Progress["file"]> | undefined;
  try {
    const download = await client.downloadAttachment(what.module, what.recordId, what.attachmentId, { signal });
    if (download.status === 204) {
      throw new ZohoApiError({
        status: 204,
        code: "NO_CONTENT",
        zohoMessage: "Zoho answered 204 (no content): there is no such attachment to download",
        details: {},
        method: "GET",
        url: `${client.apiDomain}/crm/${client.apiVersion}/${what.module}/${what.recordId}/Attachments/${what.attachmentId}`,
        headers: download.headers,
      });
    }
    const path =
      "path" in target
        ? target.path
        : join(target.folder, safeFileName(download.fileName, `attachment-${what.attachmentId}`));
    bar = progress.file(what.label, download.contentLength);
    const saved = await saveStream(download.body, path, {
      signal,
      expectedBytes: download.contentLength,
      onBytes: bar.update,
      overwrite,
    });
    const seconds = (Date.now() - started) / 1000;
    const where = saved.path.endsWith(what.label) ? saved.path : `${what.label} → ${saved.path}`;
    bar.done(`downloaded ${where} (${formatBytes(saved.bytes)} in ${formatDuration(seconds)})`);
    return { ...saved, fileName: download.fileName };
  } catch (error) {
    bar?.drop();
    throw error;
  } finally {
    session.meter.release();
  }
}
