/**
 * A throw-away folder per SDK test file: the SDKs write their token file and module-metadata
 * cache into it (never next to node_modules), and the files the tests upload live there too, as
 * real files, because both SDKs upload a file by path (form-data takes the part's name and type
 * from it). Removed when the file's tests are done.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixture } from "../upload-helpers.js";

/** A file written into the sandbox, with the bytes the mock should give back. */
export interface SampleFile {
  /** Absolute path to hand to the SDK. */
  path: string;
  /** The file's name (what the part and Content-Disposition carry). */
  name: string;
  bytes: Buffer;
}

/** The folder and what it holds. */
export interface SdkSandbox {
  /** The SDK's resourcePath (it creates `zoho_sdk_resources`-style folders below it). */
  resourcePath: string;
  /** Where the token store file goes. */
  tokenFile: string;
  /** Where the SDK's log file goes (the v2 SDK always writes one). */
  logFile: string;
  /** Writes `bytes` as `name` under `files/` and returns it. */
  file(name: string, bytes: Buffer): SampleFile;
  /** A text file of a few random lines (random so that bytes from another upload never match). */
  textFile(name: string): SampleFile;
  /** A copy of the mock's 16 × 16 PNG fixture, the photo the tests set. */
  photo(name?: string): SampleFile;
  /** Every entry under the sandbox, relative, sorted: what the SDK wrote. */
  entries(): string[];
  /** Deletes the folder and all in it. */
  remove(): void;
}

/** Creates a sandbox under the OS temp folder. */
export function createSdkSandbox(label: string): SdkSandbox {
  const root = mkdtempSync(join(tmpdir(), `zcrm-${label}-`));
  const resourcePath = join(root, "resources");
  const files = join(root, "files");
  mkdirSync(resourcePath);
  mkdirSync(files);
  const file = (name: string, bytes: Buffer): SampleFile => {
    const path = join(files, name);
    writeFileSync(path, bytes);
    return { path, name, bytes };
  };
  return {
    resourcePath,
    tokenFile: join(root, "tokens.csv"),
    logFile: join(root, "sdk.log"),
    file,
    textFile: (name) => file(name, Buffer.from(`notes ${randomBytes(12).toString("hex")}\nsecond line\n`)),
    photo: (name = "portrait.png") => file(name, fixture("photo.png")),
    entries: () => (readdirSync(root, { recursive: true, encoding: "utf8" }) as string[]).sort(),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
