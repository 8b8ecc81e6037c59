/**
 * Zoho's TypeScript SDK for v8 sets, gets and deletes record photos on the stateful mock. The
 * SDK's RecordOperations call `Utility.getFields` and, for uploads, `verifyPhotoSupport` first;
 * for the five standard photo modules both return without a request, which these tests check
 * through the recording hop. On a custom module the upload fails inside the SDK, before any request.
 */
import * as ZOHOCRMSDK from "@zohocrm/typescript-sdk-8.0";
import { describe, expect, it } from "vitest";
import { sent, useTypescriptSdk8, v8 } from "./typescript-sdk-8-calls.js";
import { fileBody, params } from "./typescript-sdk-8-setup.js";

const { RecordOperations, FileBodyWrapper, SuccessResponse, UploadPhotoParam } = ZOHOCRMSDK.Record;
let lastRecord = 1000000250000n;

useTypescriptSdk8(/^\/crm\/v8\/(Leads|Contacts|Accounts|Products|Vendors)\/\d+\/photo(\?|$)/);

/** Sets the photo of `module`/`record` from the sandbox's PNG; the SDK's SuccessResponse. */
async function setPhoto(module: string, record: bigint, paramMap?: ZOHOCRMSDK.ParameterMap) {
  const body = fileBody(new FileBodyWrapper(), v8.ctx.sandbox.photo().path);
  const res = await new RecordOperations(module).uploadPhoto(record, body, paramMap);
  expect(res.getStatusCode()).toBe(200);
  const answer = res.getObject();
  expect(answer).toBeInstanceOf(SuccessResponse);
  return answer as ZOHOCRMSDK.Record.SuccessResponse;
}

describe("typescript-sdk-8.0: record photos", () => {
  it("uploads a photo with one multipart POST and no metadata call", async () => {
    const record = (lastRecord += 1n);
    const answer = await setPhoto("Contacts", record);
    expect([answer.getCode().getValue(), answer.getStatus().getValue()]).toStrictEqual(["SUCCESS", "success"]);
    expect(answer.getMessage().getValue()).toBe("Photo uploaded successfully");
    const requests = v8.ctx.proxy.take();
    expect(requests.map((r) => `${r.method} ${r.target}`)).toStrictEqual([`POST /crm/v8/Contacts/${record}/photo`]);
    expect(requests[0]?.contentType).toMatch(/^multipart\/form-data; boundary=/);
  });

  it("gets the same PNG bytes back, typed image/png, under the uploaded name", async () => {
    const record = (lastRecord += 1n);
    await setPhoto("Leads", record);
    sent();
    const res = await new RecordOperations("Leads").getPhoto(record);
    expect(sent()).toStrictEqual([`GET /crm/v8/Leads/${record}/photo`]);
    expect(res.getStatusCode()).toBe(200);
    expect(res.getHeaders().get("content-type")).toBe("image/png");
    const wrapper = res.getObject();
    expect(wrapper).toBeInstanceOf(FileBodyWrapper);
    const file = (wrapper as ZOHOCRMSDK.Record.FileBodyWrapper).getFile();
    expect(file.getName()).toBe("portrait.png");
    expect(Buffer.compare(file.getStream() as unknown as Buffer, v8.ctx.sandbox.photo().bytes)).toBe(0);
  });

  it("passes restrict_triggers through on upload", async () => {
    const record = (lastRecord += 1n);
    const answer = await setPhoto("Accounts", record, await params([UploadPhotoParam.RESTRICT_TRIGGERS, "workflow"]));
    expect(answer.getCode().getValue()).toBe("SUCCESS");
    expect(sent()).toStrictEqual([`POST /crm/v8/Accounts/${record}/photo?restrict_triggers=workflow`]);
  });

  it("deletes the photo, after which getting it is 204 with no object", async () => {
    const record = (lastRecord += 1n);
    await setPhoto("Contacts", record);
    const operations = new RecordOperations("Contacts");
    const res = await operations.deletePhoto(record);
    expect(res.getStatusCode()).toBe(200);
    const answer = res.getObject() as ZOHOCRMSDK.Record.SuccessResponse;
    expect(answer).toBeInstanceOf(SuccessResponse);
    expect([answer.getCode().getValue(), answer.getMessage().getValue()]).toStrictEqual([
      "SUCCESS",
      "Photo deleted successfully",
    ]);
    const after = await operations.getPhoto(record);
    expect([after.getStatusCode(), after.getObject()]).toStrictEqual([204, null]);
    expect(sent()).toStrictEqual([
      `POST /crm/v8/Contacts/${record}/photo`,
      `DELETE /crm/v8/Contacts/${record}/photo`,
      `GET /crm/v8/Contacts/${record}/photo`,
    ]);
  });

  it("gives deleting a photo that is not there as the SDK's APIException 'No such photo exists'", async () => {
    const record = (lastRecord += 1n);
    const res = await new RecordOperations("Vendors").deletePhoto(record);
    const answer = res.getObject();
    expect(answer).toBeInstanceOf(ZOHOCRMSDK.Record.APIException);
    const error = answer as ZOHOCRMSDK.Record.APIException;
    expect([res.getStatusCode(), error.getStatus().getValue(), error.getMessage().getValue()]).toStrictEqual([
      400,
      "error",
      "No such photo exists",
    ]);
    expect(sent()).toStrictEqual([`DELETE /crm/v8/Vendors/${record}/photo`]);
  });

  it("fails a photo upload on a custom module inside the SDK, without sending anything", async () => {
    const body = fileBody(new FileBodyWrapper(), v8.ctx.sandbox.photo().path);
    // verifyPhotoSupport reads cached module metadata from a file it names relative to the working
    // directory, not under resourcePath, and throws when it is not there: no mock answer can help.
    await expect(new RecordOperations("Books__c").uploadPhoto(1000000250999n, body)).rejects.toThrow(/ENOENT/);
    expect(sent()).toStrictEqual([]);
  });
});
