// The end-to-end suite, run as users run it: real HTTP to the emulator with tokens from a token server, in Node and
// workerd (fetch transport) and in Chromium (XMLHttpRequest, cross-origin with CORS).
import { afterEach, describe, expect, it } from "vitest";
import { upload } from "../../src/index.js";
import {
  authenticator,
  control,
  emulatorOptions,
  env,
  freshFolder,
  listFiles,
  randomBytes,
  sha256,
} from "../support/client.js";
import { rejection } from "../support/rejection.js";

afterEach(() => control("/reset", {}));

describe("upload() against the emulator", () => {
  it("sends a Blob with every parameter, serialized as ImageKit reads them", async () => {
    const folder = freshFolder();
    const bytes = randomBytes(3000);
    const result = await upload(new Blob([bytes as BlobPart], { type: "application/octet-stream" }), {
      ...emulatorOptions("report.bin"),
      folder,
      useUniqueFileName: false,
      tags: ["alpha", "beta"],
      isPrivateFile: false,
      isPublished: true,
      customCoordinates: "1,2,3,4",
      responseFields: ["tags", "customCoordinates", "isPrivateFile", "isPublished"],
      description: "a test file",
      checks: '"file.size" < "1mb"',
      overwriteFile: true,
    });
    expect(result).toMatchObject({
      name: "report.bin",
      filePath: `${folder}/report.bin`,
      size: 3000,
      tags: ["alpha", "beta"],
      customCoordinates: "1,2,3,4",
      isPrivateFile: false,
      isPublished: true,
      description: "a test file",
    });
    const [stored] = await listFiles(folder, true);
    expect(stored?.sha256).toBe(await sha256(bytes));
  });

  it("uploads bytes, a base64 data URI and reports progress ending at 1", async () => {
    const folder = freshFolder();
    const fractions: number[] = [];
    const bytes = randomBytes(1000);
    await upload(bytes, { ...emulatorOptions("bytes.bin"), folder, onProgress: (p) => fractions.push(p.fraction) });
    await upload(`data:text/plain;base64,${btoa("hello")}`, { ...emulatorOptions("hello.txt"), folder });
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    const stored = await listFiles(folder, true);
    expect(stored.map((f) => f.size).sort()).toEqual([1000, 5]);
    expect(stored.find((f) => f.size === 1000)?.sha256).toBe(await sha256(bytes));
  });

  it("calls the authenticator before every attempt, never reusing a token", async () => {
    await control("/faults", { errorRate: 1, routes: ["upload"] });
    const auth = authenticator();
    const error = await rejection(upload(new Blob(["x"]), { ...emulatorOptions("x.txt", auth), retries: 2 }));
    // An injected error is answered before the body is read, then the connection closes: a client still sending
    // may see a cut connection instead of the 5xx. Either is retried.
    expect(`${error.code} ${error.status}`).toMatch(/^(SERVER 50[03]|NETWORK undefined)$/);
    expect(auth.calls).toHaveLength(3);
    expect(new Set(auth.calls).size).toBe(3);
  });

  it("retries injected 5xx answers and succeeds, reporting each retry", async () => {
    await control("/faults", { errorRate: 0.3, routes: ["upload"] });
    const folder = freshFolder();
    const retries: string[] = [];
    // At least 4 files, and on until a fault has hit (each first attempt fails with probability 0.3: 60 files without
    // one is a 1 in 10^9 chance), so the test never passes without a retry nor fails for lack of one. The backoff base
    // is 2 ms: a file unlucky enough to fail 12 times running waits about 6 s in all, not the 60 s that the shared
    // 20 ms base would add up to (CI timed out on such a run).
    let count = 0;
    while (count < 4 || (retries.length === 0 && count < 60)) {
      await upload(new Blob([`file ${count}`]), {
        ...emulatorOptions(`f${count}.txt`),
        folder,
        retries: 16,
        retryDelay: 2,
        onRetry: ({ error }) => retries.push(`${error.code} ${error.status}`),
      });
      count++;
    }
    expect((await listFiles(folder)).length).toBe(count);
    expect(retries.length).toBeGreaterThan(0);
    for (const retry of retries) expect(retry).toMatch(/^(SERVER 50[03]|NETWORK undefined)$/);
  }, 30_000);

  it("waits out a 429 storm, honouring X-RateLimit-Reset", async () => {
    await control("/rate-limit", { limit: 2, intervalMs: 400 });
    const folder = freshFolder();
    const waits: Array<{ code: string; status: number | undefined; delay: number; retryAfter: number | undefined }> =
      [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        upload(new Blob([`n${i}`]), {
          ...emulatorOptions(`n${i}.txt`),
          folder,
          retries: 10,
          onRetry: ({ error, delay }) =>
            waits.push({ code: error.code, status: error.status, delay, retryAfter: error.retryAfter }),
        }),
      ),
    );
    expect((await listFiles(folder)).length).toBe(6);
    // The emulator answers 429 before reading the body and closes the connection; a client still sending may see
    // that as a cut connection (NETWORK), retried all the same.
    const limited = waits.filter((wait) => wait.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(waits.filter((wait) => wait.status !== 429 && wait.code !== "NETWORK")).toEqual([]);
    for (const wait of limited) {
      expect(wait.retryAfter).toBeGreaterThan(0);
      expect(wait.delay).toBeGreaterThanOrEqual(wait.retryAfter ?? 0);
    }
  });

  it("rejects a failed `checks` expression with ImageKit's message, status and request id, without retrying", async () => {
    const auth = authenticator();
    const error = await rejection(
      upload(new Blob(["0123456789"]), { ...emulatorOptions("c.txt", auth), checks: '"file.size" < 5' }),
    );
    expect(error).toMatchObject({ code: "SERVER", status: 400, retryable: false });
    expect(error.message).toContain("checks");
    expect(error.requestId).toMatch(/\S/);
    expect(auth.calls).toHaveLength(1);
  });

  it("refuses to resend fixed credentials that were already used (single-use tokens)", async () => {
    const fixed = await (await fetch(`${env.authUrl}?variant=fixed`)).json();
    const options = { fileName: "once.txt", publicKey: env.publicKey, endpoint: env.uploadUrl, ...fixed };
    await upload(new Blob(["1"]), options).catch(() => {}); // spends the shared token (or it was spent already)
    const error = await rejection(upload(new Blob(["2"]), options));
    expect(error).toMatchObject({ code: "AUTH", status: 400 });
    expect(error.message).toContain("used before");
  });

  it("replaces an expired token once, then fails with AUTH without sending it", async () => {
    const auth = authenticator("expired");
    const error = await rejection(upload(new Blob(["x"]), { ...emulatorOptions("e.txt", auth) }));
    expect(error.code).toBe("AUTH");
    expect(error.status).toBeUndefined();
    expect(auth.calls).toHaveLength(2);
  });

  it("retries a signature ImageKit refuses once with a fresh token, then fails with AUTH", async () => {
    const auth = authenticator("bad-signature");
    const error = await rejection(upload(new Blob(["x"]), { ...emulatorOptions("s.txt", auth) }));
    expect(error).toMatchObject({ code: "AUTH", status: 400 });
    expect(error.message).toContain("signature");
    expect(auth.calls).toHaveLength(2);
  });

  it("aborts while the server is slow: rejects with ABORT and stores nothing", async () => {
    await control("/faults", { latencyMs: 1500, routes: ["upload"] });
    const folder = freshFolder();
    const controller = new AbortController();
    const pending = upload(new Blob(["slow"]), { ...emulatorOptions("slow.txt"), folder, signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user left")), 300);
    const error = await rejection(pending);
    expect(error.code).toBe("ABORT");
    expect((error.value as Error).message).toBe("user left");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await listFiles(folder)).toEqual([]);
  });
});
