/**
 * Profiles: named sets of connection settings and credentials in the user's config folder
 * (`$XDG_CONFIG_HOME/zcrm-attachments/profiles.json`, else `~/.config/zcrm-attachments/`), so a
 * script can say `--profile eu-prod` instead of carrying secrets in its environment. The file holds
 * secrets, so it is written owner-only (0600, in a 0700 folder) and refused when others may read it.
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { CliError } from "../output/exit-codes.js";

/** The settings one profile may hold; every field is optional. */
export interface Profile {
  apiDomain?: string;
  dc?: string;
  environment?: string;
  apiVersion?: string;
  accountsServer?: string;
  accessToken?: string;
  clientId?: string;
  clientSecret?: string;
  refreshToken?: string;
}

/** The profile fields that are secrets: never printed. */
export const secretFields = ["accessToken", "clientSecret", "refreshToken"] as const;
const FIELDS = [
  "apiDomain",
  "dc",
  "environment",
  "apiVersion",
  "accountsServer",
  "accessToken",
  "clientId",
  ...secretFields,
];
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The CLI's folder in the user's config folder. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME?.trim() ? env.XDG_CONFIG_HOME : join(homedir(), ".config");
  return join(base, "zcrm-attachments");
}

/** Where the profiles live. */
export function profilesPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), "profiles.json");
}

/** Refuses a profile name that could not be a key or a file name. */
export function checkProfileName(name: string): string {
  if (!NAME.test(name)) {
    throw new CliError(`"${name}" is not a profile name: use letters, digits, ".", "_" or "-" (at most 64).`);
  }
  return name;
}

async function readProfiles(path: string): Promise<Record<string, Profile>> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    return {};
  }
  if ((info.mode & 0o077) !== 0) {
    const mode = (info.mode & 0o777).toString(8).padStart(4, "0");
    throw new CliError(
      `${path} holds secrets but others may read it (mode ${mode}); it was not used.`,
      undefined,
      `chmod 600 ${path}`,
    );
  }
  if (typeof process.getuid === "function" && info.uid !== process.getuid()) {
    throw new CliError(`${path} belongs to another user; it was not used.`, undefined, "save your own profile");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, "utf8"));
  } catch {
    throw new CliError(`${path} is not valid JSON.`, undefined, "fix it, or delete it and save the profile again");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new CliError(`${path} must hold an object of profiles by name.`);
  }
  return parsed as Record<string, Profile>;
}

/** Reads one profile; a missing one is a usage error naming the file. */
export async function loadProfile(name: string, env: NodeJS.ProcessEnv = process.env): Promise<Profile> {
  const path = profilesPath(env);
  const profiles = await readProfiles(path);
  const profile = Object.hasOwn(profiles, checkProfileName(name)) ? profiles[name] : undefined;
  if (profile === undefined) {
    const known = Object.keys(profiles);
    throw new CliError(
      `No profile "${name}" in ${path}${known.length > 0 ? ` (it has: ${known.join(", ")})` : ""}.`,
      undefined,
      `save one with: zcrm-attachments profile save ${name} (it takes the settings and ZOHO_* variables given)`,
    );
  }
  const unknown = Object.keys(profile).filter((key) => !FIELDS.includes(key));
  if (unknown.length > 0) throw new CliError(`Profile "${name}" has unknown fields: ${unknown.join(", ")}.`);
  return profile;
}

/** The names of the saved profiles, with the fields each sets (never their secret values). */
export async function listProfiles(env: NodeJS.ProcessEnv = process.env): Promise<Record<string, string[]>> {
  const profiles = await readProfiles(profilesPath(env));
  return Object.fromEntries(Object.entries(profiles).map(([name, profile]) => [name, Object.keys(profile)]));
}

/** Saves (or replaces) a profile, writing the file atomically with mode 0600. */
export async function saveProfile(
  name: string,
  profile: Profile,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const path = profilesPath(env);
  const profiles = await readProfiles(path);
  profiles[checkProfileName(name)] = profile;
  await mkdir(configDir(env), { recursive: true, mode: 0o700 });
  const temp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  const handle = await open(temp, "wx", 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(profiles, null, 2)}\n`);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, path);
  return path;
}
