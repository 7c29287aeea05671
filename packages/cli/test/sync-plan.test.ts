// The sync plan on its own: what is new, changed, unchanged or to delete, and names as ImageKit stores them.
import type { FileDetails } from "@ikit/core";
import { describe, expect, it } from "vitest";
import { planSync, remoteTarget } from "../src/transfer/sync-plan.js";

const remoteFile = (path: string, size: number): FileDetails => ({
  type: "file",
  fileId: `id${path.length}${size}`,
  filePath: path,
  name: path.split("/").pop() ?? "",
  size,
  versionInfo: { id: `v${size}`, name: "Version 1" },
});

describe("planSync", () => {
  it("deletes nothing outside the folder synced, whatever the listing holds", () => {
    const remote = new Map([
      ["/r/gone.txt", remoteFile("/r/gone.txt", 9)],
      ["/other/keep.txt", remoteFile("/other/keep.txt", 1)],
      ["/rx/keep.txt", remoteFile("/rx/keep.txt", 2)],
      ["/r", remoteFile("/r", 3)],
    ]);
    const plan = planSync([], remote, "/r", { delete: true });
    expect(plan.deletes.map((d) => d.path)).toEqual(["/r/gone.txt"]);
    expect(planSync([], remote, "/", { delete: true }).deletes).toHaveLength(4);
  });

  it("uploads new and resized files, skips equal sizes, deletes extras only when asked", () => {
    const local = [
      { abs: "/l/a.txt", rel: "a.txt", size: 1 },
      { abs: "/l/b.txt", rel: "b.txt", size: 2 },
      { abs: "/l/sub/c.txt", rel: "sub/c.txt", size: 3 },
    ];
    const remote = new Map([
      ["/r/a.txt", remoteFile("/r/a.txt", 1)],
      ["/r/b.txt", remoteFile("/r/b.txt", 5)],
      ["/r/gone.txt", remoteFile("/r/gone.txt", 9)],
    ]);
    const plan = planSync(local, remote, "/r", { delete: true, tags: ["t"] });
    expect(plan.unchanged).toBe(1);
    expect(plan.uploads.map((u) => [u.path, u.reason, u.folder, u.name])).toEqual([
      ["/r/b.txt", "changed", "/r", "b.txt"],
      ["/r/sub/c.txt", "new", "/r/sub", "c.txt"],
    ]);
    expect(plan.uploads[0]?.replaces).toEqual({ fileId: "id85", versionId: "v5" });
    expect(plan.uploads[1]?.replaces).toBeUndefined();
    expect(plan.deletes).toEqual([{ path: "/r/gone.txt", fileId: "id119" }]);
    expect(planSync(local, remote, "/r", { delete: false }).deletes).toEqual([]);
  });

  it("refuses two local files ImageKit would store at one path, before anything is sent", () => {
    const local = [
      { abs: "/l/a b.txt", rel: "a b.txt", size: 1 },
      { abs: "/l/a_b.txt", rel: "a_b.txt", size: 1 },
    ];
    expect(() => planSync(local, new Map(), "/r", { delete: false })).toThrow(/would both be stored as \/r\/a_b\.txt/);
  });
});

describe("remoteTarget", () => {
  it("maps folders and names as ImageKit stores them", () => {
    expect(remoteTarget("/photos", "2025 trip/beach day.jpg")).toEqual({
      folder: "/photos/2025_trip",
      name: "beach_day.jpg",
      path: "/photos/2025_trip/beach_day.jpg",
    });
    expect(remoteTarget("/", "a.jpg").path).toBe("/a.jpg");
    expect(remoteTarget("/my photos", "a b/c.jpg").path).toBe("/my_photos/a_b/c.jpg");
  });
});
