// Smoke test of the installed tarballs through require(): each package must load its CommonJS
// build (not the ESM one through require(esm)) and work, including the parts that find files
// relative to themselves (the mock and the validator load the spec).
const assert = require("node:assert/strict");
const { existsSync } = require("node:fs");

const step = (name) => console.log(`  cjs: ${name}`);

for (const name of ["types", "client", "contract", "mock"]) {
  const file = require.resolve(`@zcrm-attachments/${name}`);
  assert.match(file, /\.cjs$/, `require("@zcrm-attachments/${name}") resolved to ${file}, not a .cjs build`);
}

const spec = require("@zcrm-attachments/spec");
assert.match(spec.openapi, /^3\.1\./);
assert.ok(existsSync(require.resolve("@zcrm-attachments/spec/openapi.yaml")));
step("spec: JSON and openapi.yaml resolve");

const { standardModuleValues } = require("@zcrm-attachments/types");
const { createAttachmentsClient, ZohoError } = require("@zcrm-attachments/client");
const { ContractValidator, MOCK_RECORD, MOCK_TOKEN } = require("@zcrm-attachments/contract");
const { startMock } = require("@zcrm-attachments/mock");
assert.ok(standardModuleValues.includes("Leads"));
assert.equal(typeof ZohoError, "function");

async function main() {
  const mock = await startMock({ port: 0 });
  try {
    const zoho = createAttachmentsClient({ apiDomain: mock.url, accessToken: MOCK_TOKEN });
    const page = await zoho.listAttachments(MOCK_RECORD.module, MOCK_RECORD.recordId, { fields: ["id", "File_Name"] });
    assert.equal(page.status, 200);
    assert.ok(page.data.length > 0);
    step(`client listed ${page.data.length} attachment(s) from the mock (both loaded with require)`);
    const path = `/crm/v8/${MOCK_RECORD.module}/${MOCK_RECORD.recordId}/Attachments`;
    const result = new ContractValidator().validate({
      request: { method: "GET", path },
      response: { status: 418, headers: {} },
    });
    assert.equal(result.violations[0]?.kind, "undocumented-status");
    step("contract: ContractValidator loads the spec and reports a violation");
  } finally {
    await mock.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
