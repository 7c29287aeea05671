// useUpload() against a real emulator and token server over HTTP (Node's fetch transport): the reactive state a
// template shows, failures, retry, abort, and the default authenticator on the worker's /auth route.
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

/** Resolves when `condition` holds, checking every 10 ms for at most 5 s. */
async function until(condition: () => boolean) {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5000) throw new Error("condition not met within 5 s");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("useUpload()", () => {
  it("uploads many files through the queue, with status, progress and results a template can show", async () => {
    const where = folder();
    const up = composable({ folder: where, concurrency: 2 });
    const tasks = up.add([bytes(1000), bytes(2000), bytes(3000)], { fileName: "g.bin" });
    const results = await Promise.all(tasks.map((task) => task.promise));
    expect(results.map((result) => result.filePath)).toEqual(up.results.value.map((result) => result.filePath));
    expect(results.every((result) => result.filePath?.startsWith(`${where}/g`))).toBe(true);
    expect(up.items.value.map((item) => [item.id, item.status, item.progress.fraction, item.progress.total])).toEqual([
      [1, "done", 1, 1000],
      [2, "done", 1, 2000],
      [3, "done", 1, 3000],
    ]);
    expect(up.statuses).toEqual(["idle", "uploading", "done"]);
    expect(up.progress.value).toEqual({ loaded: 6000, total: 6000, fraction: 1 });
    expect(up.error.value).toBeUndefined();
  });

  it("reports a failure in its state (add() never throws) and sends the file again on retry(), same id", async () => {
    const up = composable({ folder: folder(), retries: 0 });
    faults.errorRate = 1;
    faults.routes = ["upload"];
    up.add(bytes(500), { fileName: "again.bin" });
    await until(() => up.status.value === "error");
    expect(up.error.value?.code).toBe("SERVER");
    expect(up.error.value?.status).toBeGreaterThanOrEqual(500);
    expect(up.items.value[0]?.status).toBe("failed");

    faults.errorRate = 0;
    const [task] = up.retry();
    expect((await task?.promise)?.name).toMatch(/^again/);
    expect(up.items.value.map((item) => [item.id, item.status])).toEqual([[1, "done"]]);
    expect(up.status.value).toBe("done");
    expect(up.error.value).toBeUndefined();
    expect(up.statuses).toEqual(["idle", "uploading", "error", "uploading", "done"]);
  });

  it("rejects upload()'s promise with the file's UploadError", async () => {
    const up = composable({ folder: folder(), accept: ["image/*"] });
    await expect(up.upload(new Blob(["text"], { type: "text/plain" }), { fileName: "a.txt" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect(up.status.value).toBe("error");
  });

  it("says at once, with a typed error, when it is given no file at all", () => {
    const up = composable();
    expect(() => up.add([bytes(1), null as never])).toThrow(
      expect.objectContaining({ code: "VALIDATION", message: expect.stringContaining("file 1 is null") }),
    );
    expect(up.items.value).toEqual([]);
  });

  it("aborts a file being sent: its promise rejects with ABORT and the queue is idle again", async () => {
    faults.latencyMs = 5000;
    const up = composable({ folder: folder() });
    const sent = up.upload(bytes(100), { fileName: "slow.bin" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(up.status.value).toBe("uploading");
    up.abort(1);
    await expect(sent).rejects.toMatchObject({ code: "ABORT" });
    expect(up.items.value[0]?.status).toBe("cancelled");
    expect(up.status.value).toBe("idle");
  });

  it("cancels what is still running when its scope (the component) goes away", async () => {
    faults.latencyMs = 5000;
    const up = composable({ folder: folder() });
    const sent = up.upload(bytes(100), { fileName: "unmounted.bin" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    up.stop();
    await expect(sent).rejects.toMatchObject({ code: "ABORT" });
  });

  it("pauses and resumes the queue, and forgets finished files on clear()", async () => {
    faults.latencyMs = 200;
    const up = composable({ folder: folder(), concurrency: 1 });
    const tasks = up.add([bytes(10), bytes(20)], { fileName: "p.bin" });
    up.pause();
    expect(up.status.value).toBe("paused");
    up.resume();
    expect((await Promise.all(tasks.map((task) => task.promise))).length).toBe(2);
    expect(up.status.value).toBe("done");
    up.clear();
    expect(up.items.value).toEqual([]);
    expect(up.status.value).toBe("idle");
  });

  it("gets its tokens from the plugin's workerUrl /auth by default, and its key and endpoint from the plugin", async () => {
    // The token server answers GET /auth as @ikit/worker does; its origin plays the worker here.
    const up = composable({ folder: folder(), authenticator: undefined as never }, { workerUrl: `${env.controlUrl}/` });
    expect((await up.upload(bytes(64), { fileName: "via-worker.bin" })).name).toMatch(/^via-worker/);
  });

  it("takes its tokens from authEndpoint when given", async () => {
    const up = composable({ folder: folder(), authenticator: undefined as never, authEndpoint: env.authUrl });
    expect((await up.upload(bytes(64), { fileName: "via-endpoint.bin" })).name).toMatch(/^via-endpoint/);
  });
});
