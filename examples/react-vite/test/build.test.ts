// @vitest-environment node
// `vite build` of the example as CI and the demo run it: it needs no server and no configuration (the page then
// says what is missing), and the values given at build time are what the page uses.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { build } from "vite";
import { afterAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");
const folders: string[] = [];

/** Builds into a fresh folder with exactly `env` as VITE_IKIT_* values; returns the page and its scripts' text. */
async function buildWith(env: Record<string, string>) {
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (key.startsWith("VITE_IKIT_")) delete process.env[key];
  Object.assign(process.env, env);
  const outDir = await mkdtemp(join(tmpdir(), "react-vite-build-"));
  folders.push(outDir);
  try {
    await build({ root, logLevel: "silent", build: { outDir, emptyOutDir: true } });
  } finally {
    process.env = saved;
  }
  const assets = join(outDir, "assets");
  const scripts = (await readdir(assets)).filter((file) => file.endsWith(".js"));
  const js = (await Promise.all(scripts.map((file) => readFile(join(assets, file), "utf8")))).join("\n");
  return { html: await readFile(join(outDir, "index.html"), "utf8"), js };
}

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe("vite build", () => {
  it("type-checks, as the build script does first", async () => {
    const tsc = resolve(root, "../../node_modules/typescript/bin/tsc");
    const { stdout } = await promisify(execFile)(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: root }).catch(
      (error: { stdout: string }) => ({ stdout: `tsc failed:\n${error.stdout}` }),
    );
    expect(stdout).toBe("");
  });

  it("builds with no configuration, and the page says what to set", async () => {
    const { html, js } = await buildWith({});
    expect(html).toContain('<link rel="icon" href="data:," />');
    expect(js).toContain("Missing configuration: ");
    expect(js).not.toMatch(/127\.0\.0\.1:\d+/);
  });

  it("inlines the values given at build time", async () => {
    const { js } = await buildWith({
      VITE_IKIT_URL_ENDPOINT: "http://127.0.0.1:4321/demo-endpoint",
      VITE_IKIT_SAMPLES: "/samples/built.jpg",
    });
    expect(js).toContain("http://127.0.0.1:4321/demo-endpoint");
    expect(js).toContain("/samples/built.jpg");
  });
});
