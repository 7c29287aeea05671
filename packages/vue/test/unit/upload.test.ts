// useUpload()'s list without a network (tokens that fail or never come): the statuses a template shows around pause,
// retry and abort. The same scenario and expectations as @ikit/react's test/unit/use-upload.test.tsx, so the two
// hooks behave alike. Uploads over HTTP are in test/node/upload.test.ts.
import { describe, expect, it, vi } from "vitest";
import { createApp, effectScope } from "vue";
import { ImageKit, type UseUploadOptions, useUpload } from "../../src/index.ts";

const file = (name: string, bytes = 10) => new File(["x".repeat(bytes)], name, { type: "image/png" });

/** useUpload() inside an app (for the plugin's options) and an effect scope (for its cleanup), as setup() runs it. */
function composable(options: UseUploadOptions) {
  const scope = effectScope();
  const app = createApp({}).use(ImageKit, { publicKey: "public_x" });
  const state = app.runWithContext(() => scope.run(() => useUpload(options)));
  if (!state) throw new Error("scope did not run");
  return state;
}

describe("useUpload()", () => {
  it("says paused when only paused files are left, keeps a retried file's id and place, and leaves cancelled ones out", async () => {
    // The first token request fails (file a fails at once, no retries); the others never answer, keeping files sending.
    const authenticator = vi.fn(() =>
      authenticator.mock.calls.length === 1
        ? Promise.reject(new Error("session expired"))
        : new Promise<never>(() => {}),
    );
    const up = composable({ authenticator, concurrency: 1, retries: 0 });
    const state = () => [up.status.value, up.items.value.map((i) => [i.id, i.name, i.status])];
    up.add([file("a.png"), file("b.png")]);
    await vi.waitFor(() =>
      expect(state()).toEqual([
        "uploading",
        [
          [1, "a.png", "failed"],
          [2, "b.png", "uploading"],
        ],
      ]),
    );
    up.pause();
    expect(state()).toEqual([
      "paused",
      [
        [1, "a.png", "failed"],
        [2, "b.png", "paused"],
      ],
    ]);
    const again = up.retry();
    await vi.waitFor(() =>
      expect(state()).toEqual([
        "uploading",
        [
          [1, "a.png", "uploading"],
          [2, "b.png", "paused"],
        ],
      ]),
    );
    expect(again).toHaveLength(1);
    expect(up.items.value[0]?.task).toBe(again[0]);
    expect(authenticator).toHaveBeenCalledTimes(3);
    up.resume(2);
    expect(state()).toEqual([
      "uploading",
      [
        [1, "a.png", "uploading"],
        [2, "b.png", "queued"],
      ],
    ]);
    up.abort();
    await vi.waitFor(() => expect(up.items.value.every((i) => i.error?.code === "ABORT")).toBe(true));
    expect(state()).toEqual([
      "idle",
      [
        [1, "a.png", "cancelled"],
        [2, "b.png", "cancelled"],
      ],
    ]);
    expect(up.progress.value.fraction).toBe(0);
  });
});
