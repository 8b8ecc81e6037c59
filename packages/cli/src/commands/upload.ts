/**
 * `zcrm-attachments upload <module> <recordId> <file|dir...>`: one file per call, as Zoho takes
 * them; a folder uploads each file in it. A file that fails is reported and the rest still go; the
 * exit code is 1 if any failed. `link` attaches a URL, with a title from v5 on.
 */
import type { Command } from "@commander-js/extra-typings";
import { countingBlob, filesToUpload } from "../files/upload-files.js";
import { exitCodes } from "../output/exit-codes.js";
import { Progress } from "../output/progress.js";
import { errorData, failureLines } from "../output/report-error.js";
import { formatBytes } from "../output/units.js";
import { DEMO_MODULE, DEMO_RECORD_ID } from "../session/demo-mock.js";
import { type RunIo, withSession } from "../session/session.js";
import { checkId, globalsOf, runAction } from "./shared.js";

/** Registers `upload` and `link`. */
export function registerUpload(program: Command, io: RunIo): void {
  program
    .command("upload")
    .description("upload files (a folder: each file in it) to a record, one call per file")
    .argument("<module>", "module API name")
    .argument("<recordId>", "the record's id")
    .argument("<paths...>", "files or folders (hidden files and subfolders of a folder are left out)")
    .addHelpText("after", `\nExample:\n  zcrm-attachments --mock upload ${DEMO_MODULE} ${DEMO_RECORD_ID} ./scans/`)
    .action((module, recordId, paths, _options, command) => {
      const globals = globalsOf(command);
      return runAction(io, globals, () =>
        withSession(globals, io, {}, async (session) => {
          checkId(recordId, "recordId");
          const { output, client } = session;
          const { files, skipped } = await filesToUpload(paths);
          for (const path of skipped) output.note(`skipped ${path} (hidden or not a file)`);
          const progress = new Progress(output);
          const results: Record<string, unknown>[] = [];
          try {
            for (const file of files) {
              if (session.signal.aborted) break;
              const bar = progress.file(file.name, file.size);
              try {
                const uploaded = await client.uploadAttachment(module, recordId, countingBlob(file, bar.update), {
                  signal: session.signal,
                });
                bar.done(`uploaded ${file.path} (${formatBytes(file.size)}) → attachment ${uploaded.data.details.id}`);
                results.push({
                  path: file.path,
                  status: "uploaded",
                  attachmentId: uploaded.data.details.id,
                  size: file.size,
                });
              } catch (error) {
                bar.drop();
                if (session.signal.aborted) break;
                for (const line of failureLines(output, file.path, error)) progress.log(line);
                results.push({ path: file.path, status: "failed", error: errorData(error) });
              }
            }
          } finally {
            progress.stop();
          }
          const failed = results.filter((result) => result.status === "failed").length;
          if (output.json) output.printJson({ module, recordId, files: results, apiCalls: session.meter.made });
          else output.note(`${results.length - failed} uploaded, ${failed} failed; API calls: ${session.meter.made}`);
          if (session.signal.aborted) return exitCodes.interrupted;
          return failed > 0 ? exitCodes.failed : exitCodes.ok;
        }),
      );
    });

  program
    .command("link")
    .description("attach a link (URL) to a record")
    .argument("<module>", "module API name")
    .argument("<recordId>", "the record's id")
    .argument("<url>", "an absolute http(s) URL")
    .option("--title <title>", "the title Zoho shows for the link (API v5 and later)")
    .addHelpText(
      "after",
      `\nExample:\n  zcrm-attachments --mock link ${DEMO_MODULE} ${DEMO_RECORD_ID} https://example.com/spec.pdf --title "Spec"`,
    )
    .action((module, recordId, url, options, command) => {
      const globals = globalsOf(command);
      return runAction(io, globals, () =>
        withSession(globals, io, {}, async (session) => {
          checkId(recordId, "recordId");
          const linked = await session.client.attachLink(module, recordId, url, {
            ...(options.title === undefined ? {} : { title: options.title }),
            signal: session.signal,
          });
          const id = linked.data.details.id;
          if (session.output.json)
            session.output.printJson({ module, recordId, url, attachmentId: id, apiCalls: session.meter.made });
          else session.output.print(`linked ${url} → attachment ${id}`);
          return exitCodes.ok;
        }),
      );
    });
}
