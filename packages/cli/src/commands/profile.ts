/**
 * `zcrm-attachments profile save <name>` stores the settings and credentials this invocation was
 * given (flags and ZOHO_* variables) as a named profile, owner-only; `profile list` names the saved
 * profiles and the fields each sets, never their values.
 */
import type { Command } from "@commander-js/extra-typings";
import { CliError, exitCodes } from "../output/exit-codes.js";
import { Output } from "../output/output.js";
import { resolveSettings } from "../session/connection.js";
import { listProfiles, profilesPath, saveProfile, secretFields } from "../session/profile-file.js";
import type { RunIo } from "../session/session.js";
import { globalsOf, runAction } from "./shared.js";

/** Registers `profile save` and `profile list`. */
export function registerProfile(program: Command, io: RunIo): void {
  const profile = program
    .command("profile")
    .description("save or list connection profiles (kept owner-only in your config folder)");

  profile
    .command("save")
    .description("save the given settings and ZOHO_* credentials as a profile")
    .argument("<name>", "profile name")
    .addHelpText(
      "after",
      "\nExample:\n  ZOHO_CLIENT_ID=… ZOHO_CLIENT_SECRET=… ZOHO_REFRESH_TOKEN=… zcrm-attachments --dc EU profile save eu-prod\n  zcrm-attachments --profile eu-prod list Leads 4150868000002728001",
    )
    .action((name, _options, command) => {
      const globals = globalsOf(command);
      return runAction(io, globals, async () => {
        const { profile: _ignored, ...flags } = globals;
        const settings = await resolveSettings(flags, io.env);
        if (Object.keys(settings).length === 0) {
          throw new CliError("Nothing to save: give --dc or --api-domain and credentials (ZOHO_* variables or flags).");
        }
        const path = await saveProfile(name, settings, io.env);
        const output = new Output(io.stdout, io.stderr, { json: globals.json === true, quiet: false, verbose: false });
        const fields = Object.keys(settings).map((key) =>
          (secretFields as readonly string[]).includes(key) ? `${key} (secret)` : key,
        );
        if (output.json) output.printJson({ profile: name, path, fields: Object.keys(settings) });
        else output.print(`saved profile "${name}" in ${path} (mode 0600): ${fields.join(", ")}`);
        return exitCodes.ok;
      });
    });

  profile
    .command("list")
    .description("list saved profiles and the fields each sets")
    .addHelpText("after", "\nExample:\n  zcrm-attachments profile list --json")
    .action((_options, command) => {
      const globals = globalsOf(command);
      return runAction(io, globals, async () => {
        const profiles = await listProfiles(io.env);
        const output = new Output(io.stdout, io.stderr, { json: globals.json === true, quiet: false, verbose: false });
        if (output.json) output.printJson({ path: profilesPath(io.env), profiles });
        else if (Object.keys(profiles).length === 0) output.print(`No profiles in ${profilesPath(io.env)}.`);
        else for (const [name, fields] of Object.entries(profiles)) output.print(`${name}: ${fields.join(", ")}`);
        return exitCodes.ok;
      });
    });
}
