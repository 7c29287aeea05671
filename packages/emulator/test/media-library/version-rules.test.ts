import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../src/index.js";
import { api, blob, start, upload } from "../helpers.js";

// Rules that used to live in several handlers and drifted apart: one version-record builder for upload, copy, move and
// the folder jobs, and one check per attribute for upload and the details update.

let emu: Emulator;
beforeAll(async () => {
  emu = await start({ bulkJobDelayMs: 0 });
});
afterAll(() => emu.close());

async function put(path: string, text: string): Promise<string> {
  const at = path.lastIndexOf("/");
  const result = await upload(emu, {
    file: blob(text),
    fileName: path.slice(at + 1),
    folder: path.slice(0, at) || "/",
    useUniqueFileName: "false",
  });
  expect(result.status).toBe(200);
  return result.body.fileId as string;
}

async function runJob(path: string, body: Record<string, unknown>): Promise<void> {
  const { body: started } = await api(emu, "POST", path, body);
  for (let i = 0; i < 100; i++) {
    if ((await api(emu, "GET", `/v1/bulkJobs/${started.jobId}`)).body.status === "Completed") return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`job ${started.jobId} did not complete`);
}

async function filesAt(folder: string): Promise<{ name: string; fileId: string }[]> {
  return (await api(emu, "GET", `/v1/files?path=${encodeURIComponent(folder)}`)).body;
}

async function versionsOf(fileId: string): Promise<{ versionInfo: { name: string }; createdAt: string }[]> {
  return (await api(emu, "GET", `/v1/files/${fileId}/versions`)).body;
}

describe("versions are made one way everywhere", () => {
  it("a folder copy onto a same-named file adds versions to it, as a file copy does, instead of a second file", async () => {
    const target = await put("/dest/album/a.txt", "old");
    await put("/album/a.txt", "new");
    await runJob("/v1/bulkJobs/copyFolder", { sourceFolderPath: "/album", destinationPath: "/dest" });
    const files = await filesAt("/dest/album");
    expect(files.map((file) => file.name)).toEqual(["a.txt"]);
    expect(files[0]?.fileId).toBe(target);
    expect((await versionsOf(target)).map((version) => version.versionInfo.name)).toEqual(["Version 1", "Version 2"]);
    expect(await (await fetch(`${emu.urlEndpoint}/dest/album/a.txt`)).text()).toBe("new");
  });

  it("a folder move onto a same-named file adds its versions there, leaving one file per path", async () => {
    const target = await put("/to/box/b.txt", "old");
    await put("/box/b.txt", "moved");
    await runJob("/v1/bulkJobs/moveFolder", { sourceFolderPath: "/box", destinationPath: "/to" });
    expect((await filesAt("/to/box")).map((file) => file.fileId)).toEqual([target]);
    expect(await (await fetch(`${emu.urlEndpoint}/to/box/b.txt`)).text()).toBe("moved");
    expect(await filesAt("/box")).toEqual([]);
  });

  it("copies are new versions, created when copied, whether by file or by folder", async () => {
    await put("/src/c.txt", "c");
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = new Date().toISOString();
    expect(
      (await api(emu, "POST", "/v1/files/copy", { sourceFilePath: "/src/c.txt", destinationPath: "/copy" })).status,
    ).toBe(204);
    await runJob("/v1/bulkJobs/copyFolder", { sourceFolderPath: "/src", destinationPath: "/folder-copy" });
    for (const folder of ["/copy", "/folder-copy/src"]) {
      const [file] = await filesAt(folder);
      const [version] = await versionsOf(file?.fileId as string);
      expect(version?.versionInfo.name).toBe("Version 1");
      expect((version?.createdAt ?? "") >= before, folder).toBe(true);
    }
  });
});

describe("attributes are checked the same way on upload and on a details update", () => {
  it("trims custom coordinates and refuses a description over 1000 characters in both", async () => {
    const uploaded = await upload(emu, {
      file: blob("x"),
      fileName: "coords.txt",
      customCoordinates: " 1,2,3,4 ",
      responseFields: "customCoordinates",
    });
    expect(uploaded.body.customCoordinates).toBe("1,2,3,4");
    const fileId = uploaded.body.fileId as string;
    const updated = await api(emu, "PATCH", `/v1/files/${fileId}/details`, { customCoordinates: " 5,6,7,8 " });
    expect(updated.body.customCoordinates).toBe("5,6,7,8");
    const long = "d".repeat(1001);
    const onUpload = await upload(emu, { file: blob("x"), fileName: "d.txt", description: long });
    const onUpdate = await api(emu, "PATCH", `/v1/files/${fileId}/details`, { description: long });
    expect(onUpload.status).toBe(400);
    expect(onUpdate.status).toBe(400);
    expect(onUpdate.body.message).toBe(onUpload.body.message);
  });
});
