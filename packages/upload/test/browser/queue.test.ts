// Chromium only: 50 files through createUploader while the emulator fails 30% of upload requests and cuts
// connections half-way through responses. Every file must be stored exactly once, every attempt with its own token.
import { afterEach, describe, expect, it } from "vitest";
import { createUploader, type UploadProgress } from "../../src/index.js";
import { authenticator, control, env, freshFolder, listFiles, randomBytes, sha256 } from "../support/client.js";

interface LoggedUpload {
  status: number;
  fields: Record<string, unknown>;
}

afterEach(() => control("/reset", {}));

describe("createUploader in Chromium under faults", () => {
  it("stores 50 files exactly once with a fresh token per attempt", { timeout: 60_000 }, async () => {
    await control("/faults", { errorRate: 0.3, dropRate: 0.15, routes: ["upload"] });
    const folder = freshFolder();
    const auth = authenticator();
    const uploader = createUploader({
      concurrency: 4,
      publicKey: env.publicKey,
      endpoint: env.uploadUrl,
      authenticator: auth,
      folder,
      // The upload API has no idempotency key: a retry after a lost answer must overwrite, not add a second file.
      useUniqueFileName: false,
      // A 2 ms backoff base: about 0.4 of attempts fail, and a file that fails 13 times running (1 run in 2,500) then
      // waits about 12 s in all, where a 10 ms base made it a minute.
      retries: 16,
      retryDelay: 2,
    });
    const files = Array.from({ length: 50 }, (_, i) => new File([randomBytes(2048 + i) as BlobPart], `f${i}.bin`));
    const overall: number[] = [];
    const perTask = new Map<number, number[]>();
    let retries = 0;
    uploader.on(
      "progress",
      ({ task, overall: o }: { task: { id: number; progress: UploadProgress }; overall: UploadProgress }) => {
        overall.push(o.fraction);
        perTask.set(task.id, [...(perTask.get(task.id) ?? []), task.progress.fraction]);
      },
    );
    uploader.on("retry", () => retries++);
    const complete = new Promise<{ tasks: { status: string }[] }>((resolve) => uploader.on("complete", resolve));
    for (const file of files) uploader.add(file);
    const { tasks } = await complete;

    expect(tasks.map((t) => t.status)).toEqual(files.map(() => "done"));
    expect(retries).toBeGreaterThan(0);
    expect(overall).toEqual([...overall].sort((a, b) => a - b));
    expect(overall.at(-1)).toBe(1);
    for (const fractions of perTask.values()) expect(fractions).toEqual([...fractions].sort((a, b) => a - b));

    await control("/faults", { errorRate: 0, dropRate: 0 });
    const stored = await listFiles(folder, true);
    expect(stored.map((f) => f.name).sort()).toEqual(files.map((f) => f.name).sort());
    const sums = new Map(await Promise.all(files.map(async (f) => [f.name, await sha256(f)] as const)));
    for (const file of stored) expect(file.sha256, file.name).toBe(sums.get(file.name));

    // Only this test's uploads: an upload another test left running may still land in the log after the reset.
    const log = (await control<LoggedUpload[]>("/requests")).filter((entry) => entry.fields.folder === folder);
    const sent = log.map((entry) => entry.fields.token).filter((token) => token !== undefined);
    expect(sent.length).toBeGreaterThanOrEqual(50);
    expect(new Set(sent).size).toBe(sent.length);
    expect(new Set(auth.calls).size).toBe(auth.calls.length);
    expect(log.filter((entry) => entry.status >= 400 && entry.status < 500)).toEqual([]);
    // Stored but answered with a cut connection, then sent again: the faults really hit after the server's work.
    expect(log.filter((entry) => entry.status === 200).length).toBeGreaterThan(50);
  });
});
