#!/usr/bin/env node
// Generates src/api/openapi.ts, the TypeScript shapes of ImageKit's API, from the OpenAPI file in ../shared/reference.
// `node scripts/api-types.mjs` writes it; test/api-types.test.ts fails when the committed file is not a fresh output.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";
import { parse } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
export const specPath = resolve(here, "../../../../shared/reference/imagekit-openapi-v1.yaml");
export const outputPath = resolve(here, "../src/api/openapi.ts");

/**
 * openapi-typescript 7.13 rewrites the tag property of every branch of a discriminator without a `mapping` to the
 * branch's schema name (`name: "RemovedotBGExtension"` instead of the spec's `const: "remove-bg"`). Each branch
 * already declares its tag as a `const`, so such a discriminator adds nothing and is dropped before generating.
 */
function dropUnmappedDiscriminators(node) {
  if (Array.isArray(node)) node.forEach(dropUnmappedDiscriminators);
  else if (node && typeof node === "object") {
    if (node.discriminator && !node.discriminator.mapping) delete node.discriminator;
    Object.values(node).forEach(dropUnmappedDiscriminators);
  }
}

/** The generated source, as the CLI writes it with `--default-non-nullable false`. */
export async function generateApiTypes() {
  const spec = parse(readFileSync(specPath, "utf8"));
  dropUnmappedDiscriminators(spec);
  const ast = await openapiTS(spec, { defaultNonNullable: false, silent: true });
  return COMMENT_HEADER + astToString(ast);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(outputPath, await generateApiTypes());
  console.log(`wrote ${outputPath}`);
}
