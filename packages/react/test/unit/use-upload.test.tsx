// The hook's state without a network: validation and token failures land in `items`, ids act on one file or all,
// retry and clear. Real uploads over HTTP are in test/browser/upload.test.tsx (Chromium against the emulator).
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ImageKitProvider, type UseUploadOptions, useUpload } from "../../src/index.js";

const file = (name: string, bytes = 10) => new File(["x".repeat(bytes)], name, { type: "image/png" });

function hook(options: UseUploadOptions, provider: { workerUrl?: string; publicKey?: string } = {}) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ImageKitProvider {...provider}>{children}</ImageKitProvider>
  );
  return renderHook(() => useUpload(options), { wrapper });
}

/** An authenticator whose tokens arrive only when `release()` is called. */
function heldTokens() {
  const waiting: (() => void)[] = [];
  const authenticator = vi.fn(
    () =>
      new Promise<{ token: string; expire: number; signature: string }>((resolve) => {
        waiting.push(() => resolve({ token: crypto.randomUUID(), expire: 2e9, signature: "s" }));
      }),
  );
  const release = () => {
    for (const go of waiting.splice(0)) go();
  };
  return { authenticator, release };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("useUpload", () => {
  it("starts idle, and reports a file refused before sending as a failed item", async () => {
    const authenticator = vi.fn(async () => ({ token: "t", expire: 1, signature: "s" }));
    const { result } = hook({ publicKey: "public_x", authenticator, maxFileSize: 5 });
    expect(result.current.status).toBe("idle");
    expect(result.current.items).toEqual([]);
    act(() => {
      result.current.add([file("big.png", 50)]);
    });
    await waitFor(() => expect(result.current.status).toBe("error"));
    const [item] = result.current.items;
    expect(item).toMatchObject({ id: 1, name: "big.png", status: "failed" });
    expect(item?.error?.code).toBe("VALIDATION");
    expect(item?.error?.message).toMatch(/5/);
    expect(authenticator).not.toHaveBeenCalled();
  });

  it("says at once, with a typed error, when it is given no file at all", () => {
    const { result } = hook({ publicKey: "public_x", authenticator: vi.fn() });
    for (const files of [null, [file("a.png"), undefined]])
      expect(() => result.current.add(files as never)).toThrow(
        expect.objectContaining({ code: "VALIDATION", message: expect.stringMatching(/file \d is (null|undefined)/) }),
      );
    expect(result.current.items).toEqual([]);
  });

  it("takes the public key from the provider and its tokens from the worker's /auth", async () => {
    const fetch = vi.spyOn(globalThis, "fetch").mockResolvedValue(new Response("no", { status: 503 }));
    const { result } = hook({ retries: 0 }, { workerUrl: "https://img.example.com/", publicKey: "public_x" });
    act(() => {
      result.current.add(file("a.png"));
    });
    await waitFor(() => expect(result.current.status).toBe("error"));
    expect(fetch).toHaveBeenCalledWith("https://img.example.com/auth", expect.anything());
    expect(result.current.items[0]?.error).toMatchObject({ code: "AUTH" });
    expect(result.current.items[0]?.error?.message).toContain("answered 503");
  });

  it("says what is missing when no public key is configured", async () => {
    const { result } = hook({ authenticator: async () => ({ token: "t", expire: 1, signature: "s" }) });
    act(() => {
      result.current.add(file("a.png"));
    });
    await waitFor(() => expect(result.current.items[0]?.status).toBe("failed"));
    expect(result.current.items[0]?.error).toMatchObject({ code: "VALIDATION" });
    expect(result.current.items[0]?.error?.message).toMatch(/publicKey/);
  });

  it("rejects upload() with the UploadError, and keeps the item", async () => {
    const { result } = hook({ publicKey: "public_x", authenticator: vi.fn(), accept: ["image/jpeg"] });
    let rejection: unknown;
    await act(async () => {
      await result.current.upload(file("a.png")).catch((error: unknown) => {
        rejection = error;
      });
    });
    expect(rejection).toMatchObject({ code: "VALIDATION" });
    expect(result.current.items[0]?.status).toBe("failed");
  });

  it("retries failed files under the same ids and places, with a fresh token, and clears finished ones", async () => {
    const authenticator = vi.fn(async () => {
      throw new Error("session expired");
    });
    const { result } = hook({ publicKey: "public_x", authenticator, retries: 0 });
    act(() => {
      result.current.add([file("a.png"), file("b.png"), file("c.png")]);
    });
    await waitFor(() => expect(result.current.items.map((i) => i.status)).toEqual(["failed", "failed", "failed"]));
    expect(authenticator).toHaveBeenCalledTimes(3);
    let again: ReturnType<typeof result.current.retry> = [];
    act(() => {
      again = result.current.retry(2);
    });
    await waitFor(() => expect(authenticator).toHaveBeenCalledTimes(4));
    await waitFor(() =>
      expect(result.current.items.map((i) => [i.id, i.name, i.status])).toEqual([
        [1, "a.png", "failed"],
        [2, "b.png", "failed"],
        [3, "c.png", "failed"],
      ]),
    );
    expect(again).toHaveLength(1);
    expect(result.current.items[1]?.task).toBe(again[0]);
    act(() => {
      result.current.clear();
    });
    expect(result.current.items).toEqual([]);
    expect(result.current.status).toBe("idle");
    expect(result.current.progress.fraction).toBe(0);
  });

  // The same scenario as @ikit/vue's test/unit/upload.test.ts, with the same expectations: the two hooks behave alike.
  it("says paused when only paused files are left, keeps a retried file's id and place, and leaves cancelled ones out", async () => {
    // The first token request fails (file a fails at once, no retries); the others never answer, keeping files sending.
    const authenticator = vi.fn(() =>
      authenticator.mock.calls.length === 1
        ? Promise.reject(new Error("session expired"))
        : new Promise<never>(() => {}),
    );
    const { result } = hook({ publicKey: "public_x", authenticator, concurrency: 1, retries: 0 });
    const state = () => [result.current.status, result.current.items.map((i) => [i.id, i.name, i.status])];
    act(() => {
      result.current.add([file("a.png"), file("b.png")]);
    });
    await waitFor(() =>
      expect(state()).toEqual([
        "uploading",
        [
          [1, "a.png", "failed"],
          [2, "b.png", "uploading"],
        ],
      ]),
    );
    act(() => {
      result.current.pause();
    });
    expect(state()).toEqual([
      "paused",
      [
        [1, "a.png", "failed"],
        [2, "b.png", "paused"],
      ],
    ]);
    let again: ReturnType<typeof result.current.retry> = [];
    act(() => {
      again = result.current.retry();
    });
    await waitFor(() =>
      expect(state()).toEqual([
        "uploading",
        [
          [1, "a.png", "uploading"],
          [2, "b.png", "paused"],
        ],
      ]),
    );
    expect(again).toHaveLength(1);
    expect(result.current.items[0]?.task).toBe(again[0]);
    expect(authenticator).toHaveBeenCalledTimes(3);
    act(() => {
      result.current.resume(2);
    });
    expect(state()).toEqual([
      "uploading",
      [
        [1, "a.png", "uploading"],
        [2, "b.png", "queued"],
      ],
    ]);
    act(() => {
      result.current.abort();
    });
    await waitFor(() => expect(result.current.items.every((i) => i.error?.code === "ABORT")).toBe(true));
    expect(state()).toEqual([
      "idle",
      [
        [1, "a.png", "cancelled"],
        [2, "b.png", "cancelled"],
      ],
    ]);
    expect(result.current.progress.fraction).toBe(0);
  });

  it("cancels one file by id, never all for an unknown id, and all without one", async () => {
    // Tokens held back keep a file sending; released after the cancel, the upload sees its aborted signal.
    const { authenticator, release } = heldTokens();
    const { result } = hook({ publicKey: "public_x", authenticator, concurrency: 1 });
    act(() => {
      result.current.add([file("a.png"), file("b.png"), file("c.png")]);
    });
    await waitFor(() => expect(result.current.items[0]?.status).toBe("uploading"));
    expect(result.current.status).toBe("uploading");
    act(() => {
      result.current.abort(99);
    });
    expect(result.current.items.map((i) => i.status)).toEqual(["uploading", "queued", "queued"]);
    act(() => {
      result.current.abort(2);
    });
    await waitFor(() =>
      expect(result.current.items.map((i) => i.status)).toEqual(["uploading", "cancelled", "queued"]),
    );
    act(() => {
      result.current.abort();
    });
    release();
    await waitFor(() =>
      expect(result.current.items.map((i) => i.status)).toEqual(["cancelled", "cancelled", "cancelled"]),
    );
    await waitFor(() => expect(result.current.items[0]?.error).toBeDefined());
    expect(result.current.items[0]?.error?.code).toBe("ABORT");
    expect(result.current.status).toBe("idle");
  });

  it("pauses and resumes one file or all", async () => {
    const { authenticator, release } = heldTokens();
    const { result } = hook({ publicKey: "public_x", authenticator, concurrency: 1 });
    act(() => {
      result.current.add([file("a.png"), file("b.png")]);
    });
    await waitFor(() => expect(result.current.items.map((i) => i.status)).toEqual(["uploading", "queued"]));
    act(() => {
      result.current.pause(2);
    });
    expect(result.current.items.map((i) => i.status)).toEqual(["uploading", "paused"]);
    expect(result.current.status).toBe("uploading");
    act(() => {
      result.current.resume(2);
    });
    expect(result.current.items.map((i) => i.status)).toEqual(["uploading", "queued"]);
    act(() => {
      result.current.pause();
    });
    expect(result.current.items.map((i) => i.status)).toEqual(["paused", "paused"]);
    // The paused attempt ends once its token arrives (an upload cannot be stopped inside the authenticator).
    release();
    await waitFor(() => expect(authenticator).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    act(() => {
      result.current.resume();
    });
    await waitFor(() => expect(result.current.items.map((i) => i.status)).toEqual(["uploading", "queued"]));
    await waitFor(() => expect(authenticator).toHaveBeenCalledTimes(2));
    act(() => {
      result.current.abort();
    });
  });

  it("cancels unfinished files when the component unmounts", async () => {
    const { authenticator, release } = heldTokens();
    const { result, unmount } = hook({ publicKey: "public_x", authenticator });
    let task: ReturnType<typeof result.current.add>[number] | undefined;
    act(() => {
      task = result.current.add(file("a.png"))[0];
    });
    await waitFor(() => expect(authenticator).toHaveBeenCalled());
    unmount();
    release();
    await expect(task?.promise).rejects.toMatchObject({ code: "ABORT" });
  });
});
