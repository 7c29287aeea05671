// A downloaded folder's files land under the destination, whatever names the server lists: a name is data.
import { posix, win32 } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "../src/errors.js";
import { localPath } from "../src/transfer/local-tree.js";

describe("localPath", () => {
  it("puts a remote path under the destination folder", () => {
    expect(localPath("backup", "shoes/a.jpg", posix)).toBe("backup/shoes/a.jpg");
    expect(localPath("C:\\backup", "shoes/a.jpg", win32)).toBe("C:\\backup\\shoes\\a.jpg");
  });

  it.each([
    ["../../etc/passwd", posix],
    ["a/../../x", posix],
    ["..", posix],
    ["", posix],
    ["..\\..\\Windows\\x.dll", win32],
    ["a\\..\\..\\x", win32],
    ["C:\\x.dll", win32],
  ])("refuses %j, which would land outside it", (remote, path) => {
    expect(() => localPath(path === win32 ? "C:\\backup" : "backup", remote, path)).toThrow(CliError);
  });
});
