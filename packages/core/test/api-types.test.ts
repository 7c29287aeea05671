import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import { generateApiTypes, outputPath } from "../scripts/api-types.mjs";
import type { ErrorBody, UploadExtension, UploadResponse, UploadResponseField } from "../src/index.js";

describe("API shapes (src/api/openapi.ts)", () => {
  it("is exactly what `pnpm generate:api-types` makes from the OpenAPI file (run it after editing the spec)", async () => {
    const fresh = await generateApiTypes();
    expect(
      readFileSync(outputPath, "utf8") === fresh,
      "src/api/openapi.ts is stale: run `pnpm --filter @ikit/core generate:api-types`",
    ).toBe(true);
  }, 20_000);

  it("keeps the spec's extension names, not the schema names openapi-typescript substitutes for unmapped discriminators", () => {
    expectTypeOf<UploadExtension["name"]>().toEqualTypeOf<
      "remove-bg" | "google-auto-tagging" | "aws-auto-tagging" | "ai-auto-description" | "ai-tasks" | "saved-extension"
    >();
    expectTypeOf<UploadResponseField>().toExtend<string>();
    expectTypeOf<UploadResponse["fileId"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ErrorBody>().toEqualTypeOf<{ message?: string; help?: string }>();
  });
});
