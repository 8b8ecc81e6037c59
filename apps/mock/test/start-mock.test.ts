import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../src/index.js";
import { SPEC_PATH } from "./spec-examples.js";

const servers: MockServer[] = [];
const dir = mkdtempSync(join(tmpdir(), "zcrm-mock-"));

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe("startMock options", () => {
  it("refuses a port in use, saying which and how to pick another", async () => {
    const first = await startMock({ port: 0 });
    servers.push(first);
    await expect(startMock({ port: first.port })).rejects.toThrow(
      new RegExp(`Port ${first.port} on 127\\.0\\.0\\.1 is already in use.*--port`),
    );
  });

  it("serves another spec given by specPath", async () => {
    const spec = readFileSync(SPEC_PATH, "utf8").replace("Patricia Boyle", "Someone Else");
    const path = join(dir, "openapi.json");
    writeFileSync(path, spec);
    const server = await startMock({ port: 0, specPath: path });
    servers.push(server);
    const res = await fetch(`${server.url}/crm/v2/Leads/1/Attachments`, {
      headers: { Authorization: "Zoho-oauthtoken x" },
    });
    const body = (await res.json()) as { data: { Owner: { name: string } }[] };
    expect(body.data[0]?.Owner.name).toBe("Someone Else");
  });

  it("close() returns even with a keep-alive connection open", async () => {
    const server = await startMock({ port: 0 });
    const res = await fetch(`${server.url}/crm/v2/Leads/1/Attachments`, {
      headers: { Authorization: "Zoho-oauthtoken x", Connection: "keep-alive" },
    });
    await res.arrayBuffer();
    await server.close();
    await expect(fetch(`${server.url}/crm/v2/Leads/1/Attachments`)).rejects.toThrow();
  });
});
