// Retries against real HTTP: 429 waits for X-RateLimit-Reset and is retried for every request (ImageKit refuses it
// before acting); 5xx and network errors are retried only for requests safe to repeat; timeouts are not retried.
import { type Emulator, startEmulator } from "@ikit/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AdminClient, NetworkError, RateLimitedError, ServerError, TimeoutError } from "../src/index.js";
import { PNG } from "./suite/client-suite.js";

let emu: Emulator;
let admin: AdminClient;
let fileId: string;
const client = (options: { retries?: number; timeout?: number } = {}) =>
  new AdminClient({ privateKey: emu.privateKey, apiBase: emu.apiBase, uploadUrl: emu.uploadUrl, ...options });

beforeAll(async () => {
  emu = await startEmulator({ port: 0, requestLogSize: 10_000, bulkJobDelayMs: 10 });
  admin = client({ retries: 3 });
  const file = await admin.upload({ file: new Blob([PNG]), fileName: "r.png", folder: "/r", useUniqueFileName: false });
  fileId = file.fileId as string;
});
afterAll(() => emu?.close());
afterEach(() => {
  Object.assign(emu.faults, { errorRate: 0, latencyMs: 0, dropRate: 0, routes: undefined });
  for (const key of Object.keys(emu.rateLimits)) delete emu.rateLimits[key as keyof typeof emu.rateLimits];
  emu.requests.clear();
});

describe("retries", () => {
  it("retries a safe request on 5xx, then gives up with a ServerError after `retries` attempts", async () => {
    Object.assign(emu.faults, { errorRate: 1, routes: ["files.details"] });
    const error = await admin.getFile(fileId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect([500, 503]).toContain((error as ServerError).status);
    expect(emu.requests.list("files.details")).toHaveLength(4);
  });

  it("never retries an unsafe request on 5xx (a copy could be made twice)", async () => {
    Object.assign(emu.faults, { errorRate: 1, routes: ["files.copy"] });
    const error = await admin.copyFile({ sourceFilePath: "/r/r.png", destinationPath: "/c" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(emu.requests.list("files.copy")).toHaveLength(1);
  });

  it("retries a dropped response of a safe request, not of an unsafe one", async () => {
    Object.assign(emu.faults, { dropRate: 1, routes: ["files.details", "folders.create"] });
    await expect(admin.getFile(fileId, { retries: 1 })).rejects.toBeInstanceOf(NetworkError);
    expect(emu.requests.list("files.details")).toHaveLength(2);
    await expect(admin.createFolder({ folderName: "once", parentFolderPath: "/" })).rejects.toBeInstanceOf(
      NetworkError,
    );
    expect(emu.requests.list("folders.create")).toHaveLength(1);
  });

  it("waits for X-RateLimit-Reset on 429 and retries, unsafe requests too", async () => {
    emu.rateLimits["files.copy"] = { limit: 1, intervalMs: 150 };
    const results = await Promise.all(
      [1, 2, 3].map((n) => admin.copyFile({ sourceFilePath: "/r/r.png", destinationPath: `/rl${n}` })),
    );
    expect(results).toHaveLength(3);
    const statuses = emu.requests.list("files.copy").map((r) => r.status);
    expect(statuses.filter((s) => s === 204 || s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });

  it("gives up on 429 with a RateLimitedError carrying the reset", async () => {
    emu.rateLimits["files.list"] = { limit: 1, intervalMs: 60_000 };
    await admin.listFiles({ limit: 1 });
    const error = await client({ retries: 0 })
      .listFiles({ limit: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBeGreaterThan(1000);
  });

  it("bounds each attempt with `timeout` and does not retry it", async () => {
    Object.assign(emu.faults, { latencyMs: 400, routes: ["files.details"] });
    const error = await admin.getFile(fileId, { timeout: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).$ResponseMetadata.statusCode).toBe(0);
  });

  it("retries a safe request when the server is unreachable, then throws NetworkError", async () => {
    let calls = 0;
    const offline = new AdminClient({
      privateKey: "private_x",
      apiBase: "http://127.0.0.1:9",
      retries: 2,
      fetch: (input, init) => {
        calls++;
        return fetch(input, init);
      },
    });
    await expect(offline.listFiles()).rejects.toBeInstanceOf(NetworkError);
    expect(calls).toBe(3);
    calls = 0;
    await expect(offline.createFolder({ folderName: "a", parentFolderPath: "/" })).rejects.toBeInstanceOf(NetworkError);
    expect(calls).toBe(1);
  });
});

describe("a batch of 500 operations under a 429 storm and 20% injected 5xx", () => {
  it("completes every safe operation and never does an unsafe one twice", { timeout: 120_000 }, async () => {
    const ops = client({ retries: 8, timeout: 10_000 });
    emu.rateLimits["*"] = { limit: 40, intervalMs: 100 };
    Object.assign(emu.faults, { errorRate: 0.2 });
    const tasks: (() => Promise<unknown>)[] = [];
    for (let i = 0; i < 500; i++) {
      if (i % 5 === 0) tasks.push(() => ops.copyFile({ sourceFilePath: "/r/r.png", destinationPath: `/batch/c${i}` }));
      else if (i % 5 === 1) tasks.push(() => ops.addTags([fileId], [`t${i}`]));
      else if (i % 5 === 2) tasks.push(() => ops.updateFile(fileId, { description: `d${i}` }));
      else if (i % 5 === 3) tasks.push(() => ops.listFiles({ path: "/r", limit: 5 }));
      else tasks.push(() => ops.getFile(fileId));
    }
    // 16 at a time, like a job runner.
    const outcomes: PromiseSettledResult<unknown>[] = new Array(tasks.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < tasks.length) {
          const index = next++;
          outcomes[index] = await (tasks[index] as () => Promise<unknown>)().then(
            (value) => ({ status: "fulfilled", value }) as const,
            (reason: unknown) => ({ status: "rejected", reason }) as const,
          );
        }
      }),
    );
    Object.assign(emu.faults, { errorRate: 0 });
    delete emu.rateLimits["*"];
    const log = emu.requests.list();
    expect(log.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    expect(log.filter((r) => r.status === 500 || r.status === 503).length).toBeGreaterThan(0);
    for (const [i, outcome] of outcomes.entries()) {
      if (i % 5 !== 0) expect(outcome, `safe operation ${i}`).toMatchObject({ status: "fulfilled" });
      else if (outcome.status === "rejected") expect(outcome.reason).toBeInstanceOf(ServerError);
    }
    // Each copy reached a handler at most once; the destination holds exactly the copies that were answered 2xx.
    const copies = log.filter((r) => r.route === "files.copy" && r.status !== 429);
    const handled = copies.filter((r) => r.status < 500);
    const perDestination = new Map<string, number>();
    for (const r of handled)
      perDestination.set(
        String(r.fields.destinationPath),
        (perDestination.get(String(r.fields.destinationPath)) ?? 0) + 1,
      );
    expect([...perDestination.values()].every((n) => n === 1)).toBe(true);
    const succeeded = outcomes.filter((o, i) => i % 5 === 0 && o.status === "fulfilled").length;
    expect(handled).toHaveLength(succeeded);
    const stored = await ops.listFiles({ path: "/batch", type: "folder", limit: 1000 });
    expect(stored).toHaveLength(succeeded);
    expect((await ops.getFile(fileId)).tags).toHaveLength(400 / 4);
  });
});
