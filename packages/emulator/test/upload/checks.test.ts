import { describe, expect, it } from "vitest";
import { runChecks } from "../../src/upload/checks.js";

const file = { size: 2000, mime: "image/png", folder: "/marketing/" };

describe("runChecks", () => {
  it("passes when the checks hold, on size (with units), mime and folder", () => {
    const holding = [
      '"file.size" < "1mb"',
      '"file.size" >= 2000 AND "file.size" <= "2kb"',
      '"file.mime" : "image/"',
      '"file.mime" IN ["image/png", "image/jpeg"]',
      '"file.mime" NOT = "image/gif"',
      '"request.folder" = "marketing"',
      '"request.folder" : "/"',
      '"request.folder" NOT IN ["other/"]',
      '"file.size" > "1mb" OR "file.mime" = "image/png"',
    ];
    for (const checks of holding) expect(() => runChecks(checks, file), checks).not.toThrow();
  });

  it("fails with ImageKit's message when a check does not hold", () => {
    const failing = [
      '"file.size" < "1kb"',
      '"file.mime" = "image/jpeg"',
      '"request.folder" = "/other"',
      // ":" on a folder means "inside it": /marketing/ is not inside /market/.
      '"request.folder" : "/market"',
    ];
    for (const checks of failing) {
      expect(() => runChecks(checks, file), checks).toThrow("Your request failed 'checks' validation.");
    }
  });

  it("answers invalid syntax for bad queries, unknown fields and operators that do not apply", () => {
    const invalid: [string, RegExp][] = [
      ['"file.size" <', /invalid syntax for the checks parameter: a value is missing/],
      ['"file.name" = "a"', /supports "file.size", "file.mime" and "request.folder", not "file.name"/],
      ['"file.mime" > "image/"', /operator > does not apply to "file.mime"/],
      ['"file.size" < "big"', /operator < does not apply to "file.size"/],
    ];
    for (const [checks, message] of invalid) expect(() => runChecks(checks, file), checks).toThrow(message);
  });
});
