// createUploader with a fetch that answers only when the test says so: concurrency, just-in-time tokens, pause,
// resume, cancel and events.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createUploader, type UploadError } from "../../src/index.js";

interface Pending {
  token: string;
  answer: (status: number) => void;
  signal: AbortSignal;
}
let inFlight: Pending[];
let tokens: string[];

const authenticator = async () => {
  const token = `tok-${tokens.length + 1}`;
  tokens.push(token);
  return { token, expire: Math.floor(Date.now() / 1000) + 600, signature: "s" };
};
const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true));
const files = (n: number) => Array.from({ length: n }, (_, i) => new File([`file ${i}`], `f${i}.txt`));

beforeEach(() => {
  inFlight = [];
  tokens = [];
  vi.stubGlobal("XMLHttpRequest", undefined);
  vi.stubGlobal(
    "fetch",
    (_url: string, init: RequestInit) =>
      new Promise((resolve, reject) => {
        const signal = init.signal as AbortSignal;
        const token = String((init.body as FormData).get("token"));
        const entry = {
          token,
          signal,
          answer: (status: number) => {
            inFlight = inFlight.filter((p) => p !== entry);
            resolve(new Response(JSON.stringify(status === 200 ? { fileId: token } : {}), { status }));
          },
        };
        inFlight.push(entry);
        signal.addEventListener("abort", () => {
          inFlight = inFlight.filter((p) => p !== entry);
          reject(signal.reason);
        });
      }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const uploaderFor = (concurrency = 2) =>
  createUploader({ concurrency, publicKey: "public_x", authenticator, retryDelay: 1 });

describe("createUploader", () => {
  it("refuses a file that is not one (null, undefined, a number) with VALIDATION on its task, not a TypeError", async () => {
    const uploader = uploaderFor();
    for (const bad of [null, undefined, 42]) {
      const task = uploader.add(bad as unknown as Blob, { fileName: "a.jpg" });
      await expect(task.promise).rejects.toMatchObject({ name: "UploadError", code: "VALIDATION" });
      expect(task.status).toBe("failed");
    }
    expect(tokens).toEqual([]);
  });

  it("sends at most `concurrency` files at once and fetches each token only when its file starts", async () => {
    const uploader = uploaderFor(2);
    const tasks = files(5).map((file) => uploader.add(file));
    await until(() => inFlight.length === 2);
    expect(tokens).toEqual(["tok-1", "tok-2"]);
    expect(tasks.map((t) => t.status)).toEqual(["uploading", "uploading", "queued", "queued", "queued"]);
    inFlight[0]?.answer(200);
    await until(() => tokens.length === 3);
    expect(inFlight).toHaveLength(2);
    while (tasks.some((t) => t.status !== "done")) {
      inFlight[0]?.answer(200);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect((await tasks[4]?.promise)?.fileId).toBe("tok-5");
  });

  it("emits start, progress (never backwards), retry, success, error and complete", async () => {
    const uploader = uploaderFor(2);
    const events: string[] = [];
    const overall: number[] = [];
    uploader.on("start", ({ task }) => events.push(`start ${task.id} ${task.status}`));
    uploader.on("progress", ({ task, overall: o }) => {
      events.push(`progress ${task.id}`);
      overall.push(o.fraction);
    });
    uploader.on("retry", ({ task, retry }) => events.push(`retry ${task.id} ${retry.error.status}`));
    uploader.on("success", ({ task }) => events.push(`success ${task.id}`));
    uploader.on("error", ({ task, error }) => events.push(`error ${task.id} ${error.status}`));
    const complete = new Promise((resolve) => uploader.on("complete", resolve));
    const [a, b] = files(2).map((file) => uploader.add(file, { retries: 1 }));
    await until(() => inFlight.length === 2);
    inFlight.find((p) => p.token === "tok-1")?.answer(503);
    await until(() => tokens.length === 3);
    inFlight.find((p) => p.token === "tok-3")?.answer(200);
    inFlight.find((p) => p.token === "tok-2")?.answer(400);
    await complete;
    // One start per task sent, however many attempts it takes.
    expect(events).toEqual([
      "start 1 uploading",
      "start 2 uploading",
      "retry 1 503",
      "progress 1",
      "success 1",
      "error 2 400",
    ]);
    expect(a?.status).toBe("done");
    expect(b?.status).toBe("failed");
    await expect(b?.promise).rejects.toMatchObject({ code: "SERVER", status: 400 });
    expect(overall).toEqual([...overall].sort());
  });

  it("pauses a file being sent, then resumes it with a fresh token", async () => {
    const uploader = uploaderFor(1);
    const [task] = files(1).map((file) => uploader.add(file));
    await until(() => inFlight.length === 1);
    const first = inFlight[0];
    uploader.pause(task);
    expect(first?.signal.aborted).toBe(true);
    await until(() => inFlight.length === 0);
    expect(task?.status).toBe("paused");
    const started: number[] = [];
    uploader.on("start", ({ task: t }) => started.push(t.id));
    uploader.resume();
    await until(() => inFlight.length === 1);
    expect(started).toEqual([task?.id]);
    expect(inFlight[0]?.token).toBe("tok-2");
    inFlight[0]?.answer(200);
    await expect(task?.promise).resolves.toEqual({ fileId: "tok-2" });
  });

  it("cancels one file or all, rejecting their promises with ABORT", async () => {
    const uploader = uploaderFor(1);
    const complete = new Promise((resolve) => uploader.on("complete", resolve));
    const [sending, waiting, other] = files(3).map((file) => uploader.add(file));
    await until(() => inFlight.length === 1);
    uploader.cancel(waiting);
    await expect(waiting?.promise).rejects.toMatchObject({ code: "ABORT" });
    uploader.cancel();
    await expect(sending?.promise).rejects.toMatchObject({ code: "ABORT" } satisfies Partial<UploadError>);
    await expect(other?.promise).rejects.toMatchObject({ code: "ABORT" });
    await complete;
    expect(uploader.tasks.map((t) => t.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
    expect(tokens).toEqual(["tok-1"]);
  });

  it("announces complete once per drain, and calls per-file onProgress and onRetry too", async () => {
    const uploader = uploaderFor(1);
    let completes = 0;
    uploader.on("complete", () => completes++);
    const progress = vi.fn();
    const retried = vi.fn();
    const [task] = files(1).map((file) => uploader.add(file, { onProgress: progress, onRetry: retried }));
    await until(() => inFlight.length === 1);
    inFlight[0]?.answer(500);
    await until(() => inFlight.length === 1 && tokens.length === 2);
    inFlight[0]?.answer(200);
    await task?.promise;
    uploader.resume();
    uploader.pause();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(completes).toBe(1);
    expect(retried).toHaveBeenCalledTimes(1);
    expect(progress).toHaveBeenLastCalledWith(expect.objectContaining({ fraction: 1 }));
    uploader.add(new File(["y"], "y.txt"));
    await until(() => inFlight.length === 1);
    inFlight[0]?.answer(200);
    await until(() => completes === 2);
  });

  it("takes a File's name as fileName and reports a missing one as VALIDATION", async () => {
    const uploader = uploaderFor(1);
    const named = uploader.add(new File(["x"], "named.txt"));
    expect(named.options.fileName).toBe("named.txt");
    const nameless = uploader.add(new Blob(["x"]));
    await until(() => inFlight.length === 1);
    inFlight[0]?.answer(200);
    await expect(nameless.promise).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
