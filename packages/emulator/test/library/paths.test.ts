import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/errors/api-error.js";
import {
  cleanFileName,
  cleanFolder,
  isInside,
  joinPath,
  looksLikeTraversal,
  splitFilePath,
} from "../../src/library/paths.js";

/** The error `run` throws, for asserting its status, message and reason. */
function caught(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected an ApiError");
}

describe("looksLikeTraversal", () => {
  it("sees dots, backslashes, NUL and drive letters, also percent-encoded up to three times", () => {
    for (const text of ["..", "a/../b", "./a", "%2e%2e", "%252e%252e", "a\\b", "a%00b", "C:\\x", "c:"]) {
      expect(looksLikeTraversal(text), text).toBe(true);
    }
    for (const text of ["/products/shoes", "a..b", "...", "%zz", "name.with.dots"]) {
      expect(looksLikeTraversal(text), text).toBe(false);
    }
  });
});

describe("cleanFileName", () => {
  it("keeps letters (any script), digits, '.', '_' and '-' and turns the rest into '_'", () => {
    expect(cleanFileName("red shoe (1).jpg")).toBe("red_shoe__1_.jpg");
    expect(cleanFileName("  café-ü_1.PNG ")).toBe("café-ü_1.PNG");
  });

  it("refuses empty names, paths and names over 1024 characters with a 400 naming the field", () => {
    expect(caught(() => cleanFileName("  "))).toMatchObject({
      status: 400,
      message: "Missing fileName parameter for upload.",
    });
    const path = caught(() => cleanFileName("a/b.jpg", "newFileName"));
    expect(path.status).toBe(400);
    expect(path.message).toMatch(/invalid newFileName parameter: "a\/b.jpg" is a path/);
    expect(path.extra).toEqual({ reason: "INVALID_FILE_NAME" });
    expect(caught(() => cleanFileName("%2e%2e")).status).toBe(400);
    expect(caught(() => cleanFileName("x".repeat(1025))).message).toMatch(/longer than 1024/);
  });
});

describe("cleanFolder", () => {
  it("stores folders with a leading '/', no trailing or empty segments, the root as ''", () => {
    expect(cleanFolder("/products//shoes/")).toBe("/products/shoes");
    expect(cleanFolder("products")).toBe("/products");
    expect(cleanFolder("/")).toBe("");
    expect(cleanFolder("")).toBe("");
    expect(cleanFolder("/a b/c.d")).toBe("/a_b/c_d");
  });

  it("refuses '.', '..', '\\' and drive letters with INVALID_FOLDER_PATH", () => {
    for (const folder of ["/a/../b", "./a", "a\\b", "C:\\x", "%2e%2e/x"]) {
      const error = caught(() => cleanFolder(folder, "destinationPath"));
      expect(error.message, folder).toMatch(/invalid destinationPath parameter/);
      expect(error.extra).toEqual({ reason: "INVALID_FOLDER_PATH" });
    }
  });
});

describe("splitFilePath, joinPath and isInside", () => {
  it("splits a file path into its cleaned folder and name", () => {
    expect(splitFilePath("/a/b/c.jpg")).toEqual({ folder: "/a/b", name: "c.jpg" });
    expect(splitFilePath("c.jpg")).toEqual({ folder: "", name: "c.jpg" });
    expect(caught(() => splitFilePath(""))).toMatchObject({ extra: { reason: "MISSING_PARAMETER" } });
    expect(caught(() => splitFilePath("/a/"))).toMatchObject({ extra: { reason: "INVALID_PARAMETER" } });
    expect(caught(() => splitFilePath("/a/.."))).toMatchObject({ status: 400 });
  });

  it("joins a cleaned folder and a name, and tells which paths are inside a folder", () => {
    expect(joinPath("", "a.jpg")).toBe("/a.jpg");
    expect(joinPath("/x", "a.jpg")).toBe("/x/a.jpg");
    expect(isInside("/a/b", "/a")).toBe(true);
    expect(isInside("/a", "/a")).toBe(true);
    expect(isInside("/ab", "/a")).toBe(false);
    expect(isInside("/anything", "")).toBe(true);
  });
});
