import { describe, expect, it } from "vitest";
import { MAX_LOOKUP_BODY_BYTES, readLookupForm } from "./form-body";

const URLENCODED = "application/x-www-form-urlencoded";
const EMPTY = { caseNumber: undefined, birthDate: undefined, iin: undefined, lang: undefined };

function post(body: BodyInit | null, contentType: string | null, extra: Record<string, string> = {}): Request {
  const headers = new Headers(extra);
  if (contentType) headers.set("content-type", contentType);
  return new Request("http://localhost/status", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** A body sent in chunks without Content-Length, as a client streaming a large request would. */
function streamed(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe("readLookupForm", () => {
  it("reads the fields a browser form sends", async () => {
    const body = new URLSearchParams({ caseNumber: "NK-2026-000123", birthDate: "1986-03-14", iin: "", lang: "ru" });
    expect(await readLookupForm(post(body.toString(), `${URLENCODED};charset=UTF-8`))).toEqual({
      caseNumber: "NK-2026-000123",
      birthDate: "1986-03-14",
      iin: "",
      lang: "ru",
    });
  });

  it("reads a multipart form too, but never a file in place of a field", async () => {
    const form = new FormData();
    form.set("caseNumber", "NK-2026-000123");
    form.set("iin", new Blob(["850412353067"]), "iin.txt");
    const request = new Request("http://localhost/status", { method: "POST", body: form });
    expect(await readLookupForm(request)).toEqual({ ...EMPTY, caseNumber: "NK-2026-000123" });
  });

  it("gives empty fields for a field with text PostgreSQL cannot store (a NUL), urlencoded or multipart", async () => {
    expect(await readLookupForm(post("caseNumber=NK-2026-000123%00&birthDate=1986-03-14", URLENCODED))).toEqual(EMPTY);
    expect(await readLookupForm(post("caseNumber=NK-2026-000123&iin=%00&lang=en", URLENCODED))).toEqual(EMPTY);
    const form = new FormData();
    form.set("caseNumber", "NK-2026-000123");
    form.set("birthDate", "1986-03-14\u0000");
    expect(await readLookupForm(new Request("http://localhost/status", { method: "POST", body: form }))).toEqual(EMPTY);
  });

  it("gives empty fields for a body no form sends: JSON, plain text, no content type, broken multipart", async () => {
    const json = JSON.stringify({ caseNumber: "NK-2026-000123", birthDate: "1986-03-14" });
    expect(await readLookupForm(post(json, "application/json"))).toEqual(EMPTY);
    expect(await readLookupForm(post("caseNumber=NK-2026-000123", "text/plain"))).toEqual(EMPTY);
    expect(await readLookupForm(post("caseNumber=NK-2026-000123", null))).toEqual(EMPTY);
    expect(await readLookupForm(post("--x\r\ngarbage", "multipart/form-data; boundary=x"))).toEqual(EMPTY);
    expect(await readLookupForm(post(null, URLENCODED))).toEqual(EMPTY);
  });

  it("refuses a body over the limit, declared or streamed, without reading it all", async () => {
    const big = `caseNumber=${"A".repeat(MAX_LOOKUP_BODY_BYTES)}`;
    expect(await readLookupForm(post(big, URLENCODED))).toEqual(EMPTY);
    const declared = post("caseNumber=NK-2026-000123", URLENCODED, {
      "content-length": String(MAX_LOOKUP_BODY_BYTES + 1),
    });
    expect(await readLookupForm(declared)).toEqual(EMPTY);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode("a".repeat(1024)));
      },
    });
    expect(await readLookupForm(post(endless, URLENCODED))).toEqual(EMPTY);
    expect(pulled).toBeLessThan(10);
    expect(await readLookupForm(post(streamed(["caseNumber=NK-", "2026-000123"]), URLENCODED))).toEqual({
      ...EMPTY,
      caseNumber: "NK-2026-000123",
    });
  });

  it("keeps exactly what was typed for the lookup to judge, hostile text included", async () => {
    const hostile = "<script>alert(1)</script>' OR 1=1 --\u202e";
    const body = new URLSearchParams({ caseNumber: hostile, birthDate: hostile });
    const fields = await readLookupForm(post(body.toString(), URLENCODED));
    expect(fields.caseNumber).toBe(hostile);
    expect(fields.birthDate).toBe(hostile);
  });
});
