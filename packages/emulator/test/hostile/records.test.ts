import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EmulatorError } from "../../src/index.js";
import { blob, png, start, upload } from "../helpers.js";

// A data folder edited by hand, or left behind by a crash: a bad record stops start-up with an error naming the
// file (it is never served as a 500 later), and bytes no record points to are removed.

let data: string;
let fileId: string;
beforeEach(async () => {
  data = await mkdtemp(join(tmpdir(), "ikit-records-"));
  const emu = await start({ data });
  const stored = await upload(emu, { file: blob(await png(4, 4)), fileName: "a.png", useUniqueFileName: "false" });
  fileId = String(stored.body.fileId);
  await emu.close();
});
afterEach(() => rm(data, { recursive: true, force: true }));

async function refusal(): Promise<EmulatorError> {
  const error = await start({ data }).then(
    async (emu) => {
      await emu.close();
      throw new Error("the emulator started on a bad data folder");
    },
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(EmulatorError);
  return error as EmulatorError;
}

describe("bad records stop start-up with an error naming the file", () => {
  it("names a record that is not JSON", async () => {
    const path = join(data, "meta", "files", `${fileId}.json`);
    await writeFile(path, '{"fileId": oops');
    const error = await refusal();
    expect(error.code).toBe("CORRUPT_RECORD");
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/not valid JSON/);
    expect(error.value).toBe(path);
  });

  it("names a record that is JSON but not a whole file record", async () => {
    const path = join(data, "meta", "files", `${fileId}.json`);
    await writeFile(path, JSON.stringify({ fileId, name: "a.png", folder: "", currentVersionId: fileId }));
    const error = await refusal();
    expect(error.code).toBe("CORRUPT_RECORD");
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/versions/);
  });

  it("names a version whose field has the wrong type", async () => {
    const path = join(data, "meta", "files", `${fileId}.json`);
    const stored = JSON.parse(await readFile(path, "utf8"));
    stored.versions[0].size = "big";
    await writeFile(path, JSON.stringify(stored));
    const error = await refusal();
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/versions\[0\]\.size/);
  });

  it("names a record whose bytes are missing", async () => {
    await rm(join(data, "blobs", fileId));
    const error = await refusal();
    expect(error.code).toBe("CORRUPT_RECORD");
    expect(error.message).toContain(join(data, "meta", "files", `${fileId}.json`));
    expect(error.message).toMatch(/bytes.*missing/);
  });

  it("names a folder, field or keys file that does not parse", async () => {
    const folder = join(data, "meta", "folders", "f1.json");
    await writeFile(folder, JSON.stringify({ folderId: "f1" }));
    expect((await refusal()).message).toContain(folder);
    await rm(folder);
    const keys = join(data, "keys.json");
    await writeFile(keys, "{nope");
    const error = await refusal();
    expect(error.message).toContain(keys);
  });
});

it("removes bytes that no record points to, and keeps every byte a record does", async () => {
  await writeFile(join(data, "blobs", "orphan1"), "left by a kill between writing bytes and their record");
  const emu = await start({ data });
  try {
    expect(await readdir(join(data, "blobs"))).toEqual([fileId]);
    expect((await fetch(`${emu.urlEndpoint}/a.png`)).status).toBe(200);
  } finally {
    await emu.close();
  }
});
