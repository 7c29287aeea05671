import { afterEach, describe, expect, it, vi } from "vitest";
import { type UploadError, type UploadOptions, upload } from "../../src/index.js";

const base = {
  fileName: "photo.jpg",
  publicKey: "public_x",
  authenticator: vi.fn(async () => ({ token: "t", expire: 2e9, signature: "s" })),
};

/** Runs upload() and returns its VALIDATION error, asserting nothing was sent and no token was asked for. */
async function refusal(file: unknown, extra: Record<string, unknown> = {}): Promise<UploadError> {
  const fetch = vi.fn();
  vi.stubGlobal("fetch", fetch);
  vi.stubGlobal("XMLHttpRequest", undefined);
  base.authenticator.mockClear();
  const error = await upload(file as Blob, { ...base, ...extra } as UploadOptions).then(
    () => expect.fail("expected a VALIDATION error"),
    (e: UploadError) => e,
  );
  expect(error).toMatchObject({ name: "UploadError", code: "VALIDATION", retryable: false });
  expect(fetch).not.toHaveBeenCalled();
  expect(base.authenticator).not.toHaveBeenCalled();
  return error;
}

afterEach(() => vi.unstubAllGlobals());

describe("validation before any byte is sent", () => {
  it.each([
    ["", "empty"],
    ["a/b.jpg", "a path"],
    ["..", "dot-dot"],
    ["a\\b.jpg", "a backslash"],
    ["a\nb.jpg", "a control character"],
  ])("refuses the file name %j (%s)", async (fileName) => {
    const error = await refusal(new Blob(["x"]), { fileName });
    expect(error.message).toContain("fileName");
    expect(error.value).toBe(fileName);
  });

  it("requires a public key and credentials", async () => {
    expect((await refusal(new Blob(["x"]), { publicKey: "" })).message).toContain("publicKey");
    const noAuth = await refusal(new Blob(["x"]), { authenticator: undefined, token: "t", expire: 2e9 });
    expect(noAuth.message).toContain("authenticator");
  });

  it.each([[null], [42], [""], [{}]])("refuses %j as the file", async (file) => {
    expect((await refusal(file)).message).toContain("file must be");
  });

  it("refuses a file over maxFileSize, saying its size", async () => {
    const error = await refusal(new Uint8Array(11), { maxFileSize: 10 });
    expect(error.message).toContain("11 bytes");
    expect(error.value).toBe(11);
  });

  it("checks accept against MIME types, wildcards and extensions", async () => {
    const pdf = new File(["%PDF"], "doc.pdf", { type: "application/pdf" });
    const error = await refusal(pdf, { fileName: "doc.pdf", accept: ["image/*", ".png"] });
    expect(error.message).toContain("application/pdf");
    for (const accept of [["application/pdf"], ["image/*", ".PDF"], ["application/*"]]) {
      vi.stubGlobal("XMLHttpRequest", undefined);
      vi.stubGlobal(
        "fetch",
        vi.fn(async () => new Response('{"fileId":"1"}')),
      );
      await expect(upload(pdf, { ...base, fileName: "doc.pdf", accept })).resolves.toEqual({ fileId: "1" });
    }
  });

  it("takes accept as an input's accept attribute text, and refuses an accept that is not text", async () => {
    const pdf = new File(["%PDF"], "doc.pdf", { type: "application/pdf" });
    expect((await refusal(pdf, { fileName: "doc.pdf", accept: "image/*, .png" })).message).toContain("not in accept");
    vi.stubGlobal("XMLHttpRequest", undefined);
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response('{"fileId":"1"}')),
    );
    await expect(upload(pdf, { ...base, fileName: "doc.pdf", accept: "image/*,.pdf" })).resolves.toEqual({
      fileId: "1",
    });
    for (const accept of [5, [null], [".pdf", 7], { 0: ".pdf" }]) {
      const error = await refusal(pdf, { fileName: "doc.pdf", accept: accept as never });
      expect(error).toMatchObject({ code: "VALIDATION", value: accept });
      expect(error.message).toContain("accept must be");
    }
  });

  it.each([
    [["ok", ""]],
    [["50%"]],
    [["a,b"]],
    [["x".repeat(501)]],
    ["a,b" as unknown as string[]],
    [[null] as unknown as string[]],
    [["ok", 5] as unknown as string[]],
  ])("refuses tags %j", async (tags) => {
    expect((await refusal(new Blob(["x"]), { tags })).message).toContain("tags");
  });

  it("refuses tags that cannot even be joined (a symbol, an object without a prototype) with VALIDATION", async () => {
    for (const tag of [Symbol("x"), Object.create(null)]) {
      expect(await refusal(new Blob(["x"]), { tags: [tag] as never })).toMatchObject({ code: "VALIDATION" });
    }
  });

  it.each([
    [{}],
    [{ pre: "" }],
    [{ pre: 3 }],
    [{ post: {} }],
    [{ post: [{ type: "resize", value: "w-1" }] }],
    [{ post: [{ type: "transformation" }] }],
    [{ post: [{ type: "abs", value: "sr-240" }] }],
    [{ post: [null] }],
  ])("refuses the transformation %j", async (transformation) => {
    expect((await refusal(new Blob(["x"]), { transformation } as never)).message).toContain("transformation");
  });

  it.each([[[1, 2]], [{ when: new Date() }], [{ n: Number.NaN }], [{ f: () => 1 }], [{ big: 1n }], [{ u: undefined }]])(
    "refuses customMetadata %s that JSON would change or drop",
    async (customMetadata) => {
      expect((await refusal(new Blob(["x"]), { customMetadata } as never)).message).toContain("customMetadata");
    },
  );

  it("refuses customMetadata with a cycle", async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect((await refusal(new Blob(["x"]), { customMetadata: cyclic })).message).toContain("customMetadata");
  });
});
