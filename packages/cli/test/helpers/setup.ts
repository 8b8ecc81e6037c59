/**
 * Runs with every test file (vitest setupFiles): removes the file's scratch folders at its end.
 */
import { afterAll } from "vitest";
import { removeScratch } from "./scratch.js";

afterAll(() => removeScratch());
