// examples/vue-vite, as `pnpm --filter vue-vite build` makes it with no VITE_IKIT_* set: the build succeeds and the
// page it makes says which settings are missing instead of crashing. (The demo's Chromium check drives it with all.)
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const example = resolve(import.meta.dirname, "../../../../examples/vue-vite");
// Inside this package (git-ignored), where the test runner may import from.
const outDir = mkdtempSync(join(import.meta.dirname, "../../node_modules/.example-build-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("examples/vue-vite without configuration", () => {
  it("builds, and its page names every missing setting", async () => {
    const vite = join(example, "node_modules/.bin/vite");
    expect(existsSync(vite), "examples/vue-vite has no vite: run pnpm install first").toBe(true);
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITE_")));
    await promisify(execFile)(vite, ["build", "--outDir", outDir, "--logLevel", "error"], { cwd: example, env });
    const script = readdirSync(join(outDir, "assets")).find((file) => file.endsWith(".js"));
    expect(script).toBeDefined();

    document.body.innerHTML = '<div id="app"></div>';
    const errors: unknown[] = [];
    window.addEventListener("error", (event) => errors.push(event.error));
    await import(/* @vite-ignore */ pathToFileURL(join(outDir, "assets", script as string)).href);
    const alert = document.querySelector('[role="alert"]');
    for (const name of ["URL_ENDPOINT", "WORKER_URL", "UPLOAD_URL", "PUBLIC_KEY", "SAMPLES", "PRIVATE_SAMPLES"]) {
      expect(alert?.textContent).toContain(`VITE_IKIT_${name}`);
    }
    // The sections that need those values are left out rather than rendered broken.
    expect(document.querySelector('[data-testid="gallery"]')).toBeNull();
    expect(document.querySelector('[data-testid="upload"]')).toBeNull();
    expect(errors).toEqual([]);
  }, 60_000);
});
