// The client entry must run where there is no Node: no `node:` import may reach it. The workerd project proves it
// runs; this names the file that would break it, on every runtime (Deno, Bun, browsers' test builds) at once.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const src = join(import.meta.dirname, "../src");
// The two entries that may use Node: `@ikit/admin/node` (file paths) and the seed facade (synchronous HMAC).
const nodeEntries = new Set(["node.ts", "compat.ts"]);

it("imports no node: module outside the node and compat entries", () => {
  const files = readdirSync(src).filter((f) => f.endsWith(".ts") && !nodeEntries.has(f));
  expect(files).toContain("client.ts");
  for (const file of files) {
    const text = readFileSync(join(src, file), "utf8");
    expect(text, file).not.toMatch(/from\s+["']node:|import\(["']node:|require\(/);
    for (const entry of nodeEntries) expect(text, file).not.toContain(`./${entry.replace(".ts", ".js")}`);
  }
});
