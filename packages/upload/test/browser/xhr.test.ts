// Chromium only: the XMLHttpRequest transport's byte progress, big files, aborts mid-body and the stall timer,
// cross-origin to the emulator (the test page and the emulator are different origins: CORS is exercised).
import { afterEach, describe, expect, it } from "vitest";
import { upload } from "../../src/index.js";
import { control, emulatorOptions, freshFolder, listFiles, randomBytes, sha256 } from "../support/client.js";
import { rejection } from "../support/rejection.js";

const MB = 1024 * 1024;

afterEach(() => control("/reset", {}));

describe("upload() in Chromium (XMLHttpRequest)", () => {
  it("sends a 20 MB file intact, with progress rising monotonically to 1", async () => {
    expect(typeof XMLHttpRequest).toBe("function");
    // Loopback sends 20 MB faster than Chromium's 50 ms progress tick; a server slow to start reading, as on a real
    // network, makes the body go out in steps.
    await control("/faults", { latencyMs: 400, routes: ["upload"] });
    const folder = freshFolder();
    const file = new File([randomBytes(20 * MB) as BlobPart], "big.bin", { type: "application/octet-stream" });
    const fractions: number[] = [];
    const result = await upload(file, {
      ...emulatorOptions(file.name),
      folder,
      onProgress: ({ fraction, loaded, total }) => {
        expect(loaded).toBeLessThanOrEqual(total);
        fractions.push(fraction);
      },
    });
    expect(result.size).toBe(20 * MB);
    expect(fractions.some((f) => f > 0 && f < 1)).toBe(true);
    expect(fractions.at(-1)).toBe(1);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThan(fractions[i - 1] as number);
    const stored = await listFiles(folder, true);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.sha256).toBe(await sha256(file));
  });

  it("aborts mid-body: rejects with ABORT and leaves no file on the server", async () => {
    // The emulator waits before reading the body, so the upload stalls part-way, as on a slow network.
    await control("/faults", { latencyMs: 1500, routes: ["upload"] });
    const folder = freshFolder();
    const controller = new AbortController();
    let seen = 0;
    const pending = upload(new Blob([randomBytes(24 * MB) as BlobPart]), {
      ...emulatorOptions("aborted.bin"),
      folder,
      signal: controller.signal,
      onProgress: ({ fraction }) => {
        seen = fraction;
        if (fraction > 0 && fraction < 1) controller.abort();
      },
    });
    const error = await rejection(pending);
    expect(error.code).toBe("ABORT");
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(1);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await listFiles(folder)).toEqual([]);
  });

  it("fails a stalled body with TIMEOUT after `timeout` ms without progress", async () => {
    await control("/faults", { latencyMs: 3000, routes: ["upload"] });
    const error = await rejection(
      upload(new Blob([randomBytes(24 * MB) as BlobPart]), {
        ...emulatorOptions("stalled.bin"),
        timeout: 400,
        retries: 0,
      }),
    );
    expect(error.code).toBe("TIMEOUT");
  });

  it("does not count the server's processing after the last byte as a stall", async () => {
    await control("/faults", { latencyMs: 1200, routes: ["upload"] });
    const folder = freshFolder();
    const started = Date.now();
    const result = await upload(new Blob(["small"]), {
      ...emulatorOptions("slow-server.txt"),
      folder,
      timeout: 300,
      retries: 0,
    });
    expect(result.filePath?.startsWith(`${folder}/slow-server`)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1200);
  });
});
