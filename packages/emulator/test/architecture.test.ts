import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { expect, it } from "vitest";

// The layers of src/ and what each may import: http → the API areas → library and media → storage, with errors
// usable everywhere and the areas never importing each other. A change that bends an arrow fails here.
const SRC = resolve(import.meta.dirname, "../src");
// limits.ts (what one request may cost) imports nothing and every layer may read it.
const ALLOWED: Record<string, string[]> = {
  errors: ["limits.ts"],
  storage: ["errors", "limits.ts"],
  media: ["errors", "limits.ts"],
  library: ["storage", "media", "errors", "limits.ts"],
  upload: ["context.ts", "library", "media", "storage", "errors", "limits.ts"],
  "media-library": ["context.ts", "library", "media", "storage", "errors", "limits.ts"],
  delivery: ["context.ts", "library", "media", "storage", "errors", "limits.ts"],
  http: ["context.ts", "upload", "media-library", "delivery", "library", "errors", "limits.ts"],
  cli: ["emulator.ts", "errors", "limits.ts"],
  "limits.ts": [],
};

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(folder, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(folder, entry.name)]
        : [],
  );
}

/** `http/server.ts` → `http`; a top-level file is its own layer (`emulator.ts`). */
function layerOf(file: string): string {
  return relative(SRC, file).split("/")[0] as string;
}

it("keeps every import inside its layer or pointing down to one the layer may use", () => {
  const crossings: string[] = [];
  for (const file of sources(SRC)) {
    const layer = layerOf(file);
    const allowed = ALLOWED[layer];
    if (!allowed) continue; // index.ts, emulator.ts and context.ts wire the layers together
    for (const [, spec] of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)) {
      const target = layerOf(resolve(dirname(file), (spec as string).replace(/\.js$/, ".ts")));
      if (target !== layer && !allowed.includes(target)) crossings.push(`${relative(SRC, file)} → ${spec}`);
    }
  }
  expect(crossings).toEqual([]);
});

it("has a folder for every layer it checks, so a renamed folder cannot slip past", () => {
  const folders = readdirSync(SRC, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  expect(folders.sort()).toEqual(
    Object.keys(ALLOWED)
      .filter((layer) => !layer.endsWith(".ts"))
      .sort(),
  );
});
