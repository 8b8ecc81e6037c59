/**
 * Zoho's Node.js SDK for v2 sets, gets and deletes record photos on the stateful mock. Its
 * RecordOperations call `Utility.getFields` and, for uploads, `verifyPhotoSupport` first; for the
 * five standard photo modules both return without a request, which the recording hop checks. On
 * a custom module the upload first asks for module metadata, which the mock does not serve.
 */
import { describe, expect, it } from "vitest";
import { fileBody, node2, sent, useNodeSdk2 } from "./nodejs-sdk-2-calls.js";
import { v2 } from "./nodejs-sdk-2-setup.js";

useNodeSdk2(/^\/crm\/v2\/(Leads|Contacts|Accounts|Products|Vendors)\/\d+\/photo(\?|$)/);

let lastRecord = 1000000280000n;
const records = new v2.RecordOperations();

/** Sets the photo of `module`/`record` from the sandbox's PNG; the SDK's SuccessResponse. */
async function setPhoto(module: string, record: bigint): Promise<any> {
  const res = await records.uploadPhoto(
    record,
    module,
    fileBody(v2.RecordFileBodyWrapper, node2.ctx.sandbox.photo().path),
  );
  expect(res.getStatusCode()).toBe(200);
  expect(res.getObject()).toBeInstanceOf(v2.RecordSuccessResponse);
  return res.getObject();
}

describe("nodejs-sdk-2.0: record photos", () => {
  it("uploads a photo with one multipart POST and no metadata call", async () => {
    const record = (lastRecord += 1n);
    const answer = await setPhoto("Contacts", record);
    expect([answer.getCode().getValue(), answer.getStatus().getValue()]).toStrictEqual(["SUCCESS", "success"]);
    expect(answer.getMessage().getValue()).toBe("Photo uploaded successfully");
    const requests = node2.ctx.proxy.take();
    expect(requests.map((r) => `${r.method} ${r.target}`)).toStrictEqual([`POST /crm/v2/Contacts/${record}/photo`]);
    expect(requests[0]?.contentType).toMatch(/^multipart\/form-data; boundary=/);
  });

  it("gets the same PNG bytes back under the uploaded name", async () => {
    const record = (lastRecord += 1n);
    await setPhoto("Leads", record);
    sent();
    const res = await records.getPhoto(record, "Leads");
    expect(sent()).toStrictEqual([`GET /crm/v2/Leads/${record}/photo`]);
    expect(res.getStatusCode()).toBe(200);
    const wrapper = res.getObject();
    expect(wrapper).toBeInstanceOf(v2.RecordFileBodyWrapper);
    expect(wrapper.getFile().getName()).toBe("portrait.png");
    expect(Buffer.compare(wrapper.getFile().getStream(), node2.ctx.sandbox.photo().bytes)).toBe(0);
  });

  it("deletes the photo, after which getting it is 204 with no object", async () => {
    const record = (lastRecord += 1n);
    await setPhoto("Products", record);
    const res = await records.deletePhoto(record, "Products");
    expect(res.getStatusCode()).toBe(200);
    const answer = res.getObject();
    expect(answer).toBeInstanceOf(v2.RecordSuccessResponse);
    expect([answer.getCode().getValue(), answer.getMessage().getValue()]).toStrictEqual([
      "SUCCESS",
      "Photo deleted successfully",
    ]);
    const after = await records.getPhoto(record, "Products");
    expect([after.getStatusCode(), after.getObject()]).toStrictEqual([204, null]);
    expect(sent()).toStrictEqual([
      `POST /crm/v2/Products/${record}/photo`,
      `DELETE /crm/v2/Products/${record}/photo`,
      `GET /crm/v2/Products/${record}/photo`,
    ]);
  });

  it("gives deleting a photo that is not there as the SDK's APIException 'No such photo exists'", async () => {
    const record = (lastRecord += 1n);
    const res = await records.deletePhoto(record, "Accounts");
    const error = res.getObject();
    expect(error).toBeInstanceOf(v2.RecordAPIException);
    expect([res.getStatusCode(), error.getStatus().getValue(), error.getMessage().getValue()]).toStrictEqual([
      400,
      "error",
      "No such photo exists",
    ]);
    expect(sent()).toStrictEqual([`DELETE /crm/v2/Accounts/${record}/photo`]);
  });

  it("asks GET /crm/v2/settings/modules before uploading a photo on a custom module", async () => {
    const upload = records.uploadPhoto(
      1000000280999n,
      "Books__c",
      fileBody(v2.RecordFileBodyWrapper, node2.ctx.sandbox.photo().path),
    );
    // The mock has no settings endpoints (404 INVALID_URL_PATTERN), so the SDK gives up: the photo is never sent.
    await expect(upload).rejects.toThrow(/INVALID_URL_PATTERN/);
    expect(sent()).toStrictEqual(["GET /crm/v2/settings/modules"]);
  });
});
