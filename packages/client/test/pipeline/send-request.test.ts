import { describe, expect, it } from "vitest";
import { ZohoNetworkError } from "../../src/index.js";
import { send } from "../../src/pipeline/send.js";
import { useTestServer } from "../helpers/http-server.js";
import { pipelineFor } from "../helpers/pipeline.js";

const server = useTestServer();

describe("send: what goes out", () => {
  it("joins a path to the API domain, keeps the caller's headers and adds Authorization", async () => {
    server.handle(() => ({ status: 200, json: { ok: true } }));
    const result = await send(pipelineFor(server.origin, { accessToken: "1000.t" }), {
      method: "GET",
      url: "/crm/v8/Leads/1/Attachments?fields=id,File_Name",
      headers: { "If-Modified-Since": "2020-10-12T17:59:50+05:30", Authorization: "Zoho-oauthtoken not-this-one" },
      replayable: true,
      idempotent: true,
    });
    expect(result.url).toBe(`${server.origin}/crm/v8/Leads/1/Attachments?fields=id,File_Name`);
    expect(result.text).toBe('{"ok":true}');
    const [request] = server.requests;
    expect(request?.url).toBe("/crm/v8/Leads/1/Attachments?fields=id,File_Name");
    expect(request?.headers.authorization).toBe("Zoho-oauthtoken 1000.t");
    expect(request?.headers["if-modified-since"]).toBe("2020-10-12T17:59:50+05:30");
  });

  it("uses an absolute URL as it is", async () => {
    server.handle(() => ({ status: 204 }));
    const result = await send(pipelineFor("https://www.zohoapis.invalid", { accessToken: "1000.t" }), {
      method: "DELETE",
      url: `${server.origin}/elsewhere?ids=1`,
      replayable: true,
      idempotent: true,
    });
    expect(result.response.status).toBe(204);
    expect(server.requests.map((request) => [request.method, request.url])).toEqual([["DELETE", "/elsewhere?ids=1"]]);
  });

  it("streams a ReadableStream body (duplex half)", async () => {
    server.handle((request) => ({ status: 200, text: `got ${request.body.length} bytes` }));
    const chunks = ["part one, ", "part two"];
    const result = await send(pipelineFor(server.origin, { accessToken: "1000.t" }), {
      method: "POST",
      url: "/upload",
      body: () =>
        new ReadableStream<Uint8Array>({
          pull(controller) {
            const next = chunks.shift();
            if (next === undefined) controller.close();
            else controller.enqueue(new TextEncoder().encode(next));
          },
        }),
      replayable: false,
      idempotent: false,
    });
    expect(result.text).toBe("got 18 bytes");
    expect(server.requests[0]?.body).toBe("part one, part two");
    expect(server.requests[0]?.headers["transfer-encoding"]).toBe("chunked");
  });

  it("passes redirect to fetch: error refuses to follow", async () => {
    server.handle((request) =>
      request.path === "/moved" ? { status: 307, headers: { location: "/new-home" } } : { status: 200, text: "home" },
    );
    const context = pipelineFor(server.origin, { accessToken: "1000.t", retry: false });
    const refused = send(context, {
      method: "GET",
      url: "/moved",
      replayable: true,
      idempotent: true,
      redirect: "error",
    });
    await expect(refused).rejects.toBeInstanceOf(ZohoNetworkError);
    const followed = await send(context, { method: "GET", url: "/moved", replayable: true, idempotent: true });
    expect(followed.text).toBe("home");
  });
});
