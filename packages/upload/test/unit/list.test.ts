// The upload list's parts that @ikit/react and @ikit/vue share: items, the list's status and the files accepted.
import { describe, expect, it } from "vitest";
import { createUploader, uploadItem, uploadSources, uploadStatus } from "../../src/index.js";

describe("an upload list", () => {
  it("is idle without files, and counts no cancelled file", () => {
    expect(uploadStatus([])).toBe("idle");
    expect(uploadStatus([{ status: "cancelled" }])).toBe("idle");
    expect(uploadStatus([{ status: "done" }, { status: "cancelled" }])).toBe("done");
  });

  it("is uploading before paused, paused before error, error before done", () => {
    expect(uploadStatus([{ status: "failed" }, { status: "paused" }, { status: "queued" }])).toBe("uploading");
    expect(uploadStatus([{ status: "failed" }, { status: "paused" }, { status: "done" }])).toBe("paused");
    expect(uploadStatus([{ status: "failed" }, { status: "done" }])).toBe("error");
  });

  it("takes one source, a list or any iterable, and refuses a missing file with VALIDATION saying which", () => {
    const bytes = new Uint8Array([1, 2]);
    expect(uploadSources(bytes)).toEqual([bytes]);
    expect(uploadSources("https://x.io/a.jpg")).toEqual(["https://x.io/a.jpg"]);
    expect(uploadSources(new Set(["a", "b"]))).toEqual(["a", "b"]);
    // Not a file and not a list: one file, which the queue fails with VALIDATION on its task (never dropped).
    for (const odd of [5, {}, Symbol.for("x")]) expect(uploadSources(odd as never)).toEqual([odd]);
    expect(() => uploadSources(["a", null as never])).toThrow(
      expect.objectContaining({ code: "VALIDATION", message: expect.stringContaining("file 1 is null") }),
    );
    expect(() => uploadSources(undefined)).toThrow(expect.objectContaining({ code: "VALIDATION" }));
  });

  it("snapshots a task as an item under the list's id, with an empty name when none was given", () => {
    const task = createUploader({ publicKey: "public_x" }).add(new Blob(["x"]));
    const item = uploadItem(7, task);
    expect(item).toEqual({ id: 7, name: "", status: "queued", progress: task.progress, task });
    expect(uploadItem(7, task)).not.toBe(item);
  });
});
