// useUpload() against a real emulator and token server over HTTP (Node's fetch transport): the reactive state a
// template shows, failures, retry, abort, and the default authenticator on the worker's /auth route.
import type { UploadResult } from "@ikit/upload";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp, effectScope, watch } from "vue";
import { startUploadTestEnv, type UploadTestEnv } from "../../../upload/test/support/control.ts";
import {
  ImageKit,
  type ImageKitOptions,
  type UploadStatus,
  type UseUploadOptions,
  useUpload,
} from "../../src/index.ts";

let env: UploadTestEnv;
let close: () => Promise<void>;
let faults: Record<string, unknown>;

beforeAll(async () => {
  const started = await startUploadTestEnv();
  ({ env, close } = started);
  faults = started.emu.faults as unknown as Record<string, unknown>;
});
afterAll(() => close());
beforeEach(() => {
  Object.assign(faults, { errorRate: 0, latencyMs: 0, routes: undefined });
});

const bytes = (size: number) => new Uint8Array(size).fill(7);
const folder = () => `/vue-${crypto.randomUUID().slice(0, 8)}`;

/** useUpload() inside an app (for the plugin's options) and an effect scope (for its cleanup), as setup() runs it. */
function composable(options: UseUploadOptions = {}, plugin: ImageKitOptions = {}) {
  const scope = effectScope();
  const app = createApp({}).use(ImageKit, { publicKey: env.publicKey, uploadEndpoint: env.uploadUrl, ...plugin });
  const state = app.runWithContext(() =>
    scope.run(() =>
      useUpload({
        authenticator: async () => (await fetch(env.authUrl)).json(),
        retryDelay: 10,
        ...options,
      } as UseUploadOptions),
    ),
  );
  if (!state) throw new Error("scope did not run");
  const statuses: UploadStatus[] = [state.status.value];
  scope.run(() => watch(state.status, (status) => statuses.push(status), { flush: "sync" }));
  return { ...state, statuses, stop: () => scope.stop() };
}

describe("useUpload()", () => {
  it("uploads many files through the queue, with status, progress and results a template can show", async () => {
    const where = folder();
    const up = composable({ folder: where, concurrency: 2 });
    const results = await up.upload([bytes(1000), bytes(2000), bytes(3000)], { fileName: "g.bin" });
    expect(results.map((result) => result.filePath)).toEqual([...up.results.value.map((r) => r.filePath)]);
    expect(results.every((result) => result.filePath?.startsWith(`${where}/g`))).toBe(true);
    expect(up.items.value.map((item) => [item.id, item.status, item.progress])).toEqual([
      [1, "done", 1],
      [2, "done", 1],
      [3, "done", 1],
    ]);
    expect(up.statuses).toEqual(["idle", "uploading", "done"]);
    expect(up.progress.value).toBe(1);
    expect(up.error.value).toBeUndefined();
  });

  it("reports a failure and sends the same file again on retry(), with a fresh token", async () => {
    const up = composable({ folder: folder(), retries: 0 });
    faults.errorRate = 1;
    faults.routes = ["upload"];
    await expect(up.upload(bytes(500), { fileName: "again.bin" })).rejects.toMatchObject({ code: "SERVER" });
    expect(up.status.value).toBe("error");
    expect(up.error.value?.status).toBeGreaterThanOrEqual(500);
    expect(up.items.value[0]?.status).toBe("failed");

    faults.errorRate = 0;
    const [result] = await up.retry();
    expect(result?.name).toMatch(/^again/);
    expect(up.items.value.map((item) => [item.id, item.status])).toEqual([[1, "done"]]);
    expect(up.status.value).toBe("done");
    expect(up.error.value).toBeUndefined();
    expect(up.statuses).toEqual(["idle", "uploading", "error", "uploading", "done"]);
  });

  it("aborts a file being sent: its promise rejects with ABORT and the queue is idle again", async () => {
    faults.latencyMs = 5000;
    const up = composable({ folder: folder() });
    const sent = up.upload(bytes(100), { fileName: "slow.bin" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(up.status.value).toBe("uploading");
    up.abort();
    await expect(sent).rejects.toMatchObject({ code: "ABORT" });
    expect(up.items.value[0]?.status).toBe("cancelled");
    expect(up.status.value).toBe("idle");
  });

  it("cancels what is still running when its scope (the component) goes away", async () => {
    faults.latencyMs = 5000;
    const up = composable({ folder: folder() });
    const sent: Promise<UploadResult[]> = up.upload(bytes(100), { fileName: "unmounted.bin" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    up.stop();
    await expect(sent).rejects.toMatchObject({ code: "ABORT" });
  });

  it("pauses and resumes the queue", async () => {
    faults.latencyMs = 200;
    const up = composable({ folder: folder(), concurrency: 1 });
    const sent = up.upload([bytes(10), bytes(20)], { fileName: "p.bin" });
    up.pause();
    expect(up.status.value).toBe("paused");
    up.resume();
    expect((await sent).length).toBe(2);
    expect(up.status.value).toBe("done");
    up.clear();
    expect(up.items.value).toEqual([]);
    expect(up.status.value).toBe("idle");
  });

  it("gets its tokens from the plugin's workerUrl /auth by default, and its key and endpoint from the plugin", async () => {
    // The token server answers GET /auth as @ikit/worker does; its origin plays the worker here.
    const up = composable({ folder: folder(), authenticator: undefined as never }, { workerUrl: `${env.controlUrl}/` });
    const [result] = await up.upload(bytes(64), { fileName: "via-worker.bin" });
    expect(result?.name).toMatch(/^via-worker/);
  });
});
