// Smoke test of the installed tarballs from an ES module, run inside the temporary project that
// smoke-install.sh creates (so every import resolves from its node_modules, not the workspace).
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createAttachmentsClient } from "@zcrm-attachments/client";
import { ContractValidator, MOCK_RECORD, MOCK_TOKEN } from "@zcrm-attachments/contract";
import { startMock } from "@zcrm-attachments/mock";
import spec from "@zcrm-attachments/spec" with { type: "json" };
import { knownErrorCodeValues, standardModuleValues } from "@zcrm-attachments/types";

const here = dirname(fileURLToPath(import.meta.url));
const step = (name) => console.log(`  esm: ${name}`);

// The spec: the bundled JSON is the main export; the YAML entry and the files it $refs ship too.
assert.match(spec.openapi, /^3\.1\./);
assert.ok(spec.paths["/crm/v8/{module}/{record_id}/Attachments"], "bundled spec lacks the v8 list path");
const yamlPath = fileURLToPath(import.meta.resolve("@zcrm-attachments/spec/openapi.yaml"));
// Follow every relative $ref from openapi.yaml, file by file: each must ship in the tarball.
const seen = new Set([yamlPath]);
for (const file of seen) {
  for (const [, ref] of readFileSync(file, "utf8").matchAll(/\$ref:\s*["']?([^"'#\s]+\.ya?ml)/g)) {
    const target = join(dirname(file), ref);
    assert.ok(existsSync(target), `${file} refers to ${ref}, which is not in the tarball`);
    seen.add(target);
  }
}
assert.ok(seen.size > 1, "openapi.yaml refers to no other file");
assert.equal(
  fileURLToPath(import.meta.resolve("@zcrm-attachments/spec/openapi.json")),
  fileURLToPath(import.meta.resolve("@zcrm-attachments/spec")),
);
assert.throws(
  () => import.meta.resolve("@zcrm-attachments/spec/paths/crm-v8-attachments.yaml"),
  /not exported|ERR_PACKAGE_PATH_NOT_EXPORTED/,
);
step(`spec ${spec.info.version}: JSON export; openapi.yaml and the ${seen.size - 1} files it $refs resolve`);

assert.ok(standardModuleValues.includes("Leads") && knownErrorCodeValues.includes("INVALID_MODULE"));
step("types: runtime enum arrays load");

// The client lists attachments against the mock started from the installed mock package.
const mock = await startMock({ port: 0 });
try {
  const zoho = createAttachmentsClient({ apiDomain: mock.url, accessToken: MOCK_TOKEN });
  const page = await zoho.listAttachments(MOCK_RECORD.module, MOCK_RECORD.recordId, { fields: ["id", "File_Name"] });
  assert.equal(page.status, 200);
  assert.ok(page.data.length > 0, "the mock returned no attachments");
  for (const file of page.data) assert.equal(typeof file.id, "string");
  step(`client listed ${page.data.length} attachment(s) from the mock at ${mock.url}`);

  // When the mock serves sample files for downloads, they must have shipped in its tarball.
  const fixturesDir = join(
    dirname(fileURLToPath(import.meta.resolve("@zcrm-attachments/mock/package.json"))),
    "fixtures",
  );
  if (existsSync(fixturesDir)) {
    const download = await fetch(
      `${mock.url}/crm/v8/${MOCK_RECORD.module}/${MOCK_RECORD.recordId}/Attachments/4150868000002728123`,
      {
        headers: { Authorization: `Zoho-oauthtoken ${MOCK_TOKEN}` },
      },
    );
    assert.equal(download.status, 200, `a download from the installed mock answered ${download.status}`);
    const bytes = Buffer.from(await download.arrayBuffer());
    const samples = readdirSync(fixturesDir).map((name) => readFileSync(join(fixturesDir, name)));
    assert.ok(
      samples.some((sample) => sample.equals(bytes)),
      "a download did not serve one of the mock's sample files",
    );
    step(`mock: a download serves one of its ${samples.length} shipped sample files (${bytes.length} bytes)`);
  }

  // A real exchange, written the way users record one, for the contract CLI to validate.
  const path = `/crm/v8/${MOCK_RECORD.module}/${MOCK_RECORD.recordId}/Attachments`;
  const response = await fetch(`${mock.url}${path}?fields=id,File_Name`, {
    headers: { Authorization: `Zoho-oauthtoken ${MOCK_TOKEN}` },
  });
  const body = await response.json();
  const exchange = {
    request: { method: "GET", path, query: { fields: "id,File_Name" }, headers: {} },
    response: { status: response.status, headers: { "content-type": response.headers.get("content-type") }, body },
  };
  assert.deepEqual(new ContractValidator().validate(exchange).violations, []);
  writeFileSync(join(here, "exchange.json"), JSON.stringify(exchange, null, 2));
  const broken = structuredClone(exchange);
  broken.response.body.data[0].id = 42;
  writeFileSync(join(here, "broken-exchange.json"), JSON.stringify(broken, null, 2));
  step("contract: ContractValidator accepts a recorded exchange");
} finally {
  await mock.close();
}
