// examples/vue-vite as `pnpm --filter vue-vite build` makes it, run in happy-dom from the built bundle: with no
// VITE_IKIT_* set the page names what is missing instead of crashing; with them, it renders the DOM contract the
// demo's Chromium check relies on (which then drives it for real against the emulator and the worker).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const example = resolve(import.meta.dirname, "../../../../examples/vue-vite");
// Inside this package (git-ignored), where the test runner may import from.
const builds: string[] = [];
afterAll(() => {
  for (const dir of builds) rmSync(dir, { recursive: true, force: true });
});

/** Builds the example with `vars` as its only VITE_ variables, mounts the bundle, returns the errors it threw. */
async function buildAndRun(vars: Record<string, string>): Promise<unknown[]> {
  const vite = join(example, "node_modules/.bin/vite");
  expect(existsSync(vite), "examples/vue-vite has no vite: run pnpm install first").toBe(true);
  const outDir = mkdtempSync(join(import.meta.dirname, "../../node_modules/.example-build-"));
  builds.push(outDir);
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITE_"))),
    ...vars,
  };
  await promisify(execFile)(vite, ["build", "--outDir", outDir, "--logLevel", "error"], { cwd: example, env });
  const script = readdirSync(join(outDir, "assets")).find((file) => file.endsWith(".js"));
  expect(script).toBeDefined();
  document.body.innerHTML = '<div id="app"></div>';
  const errors: unknown[] = [];
  window.addEventListener("error", (event) => errors.push(event.error));
  await import(/* @vite-ignore */ pathToFileURL(join(outDir, "assets", script as string)).href);
  return errors;
}

describe("examples/vue-vite", () => {
  it("builds with no configuration, and its page names every missing setting", async () => {
    const errors = await buildAndRun({});
    const alert = document.querySelector('[role="alert"]');
    for (const name of ["URL_ENDPOINT", "WORKER_URL", "UPLOAD_URL", "PUBLIC_KEY", "SAMPLES", "PRIVATE_SAMPLES"]) {
      expect(alert?.textContent).toContain(`VITE_IKIT_${name}`);
    }
    // The sections that need those values are left out rather than rendered broken.
    expect(document.querySelector('[data-testid="gallery"]')).toBeNull();
    expect(document.querySelector('[data-testid="upload"]')).toBeNull();
    expect(errors).toEqual([]);
  }, 60_000);

  it("renders the gallery, upload and signed sections of the contract from its configuration", async () => {
    const errors = await buildAndRun({
      VITE_IKIT_URL_ENDPOINT: "https://ik.imagekit.io/demo",
      VITE_IKIT_WORKER_URL: "https://images.example.com",
      VITE_IKIT_UPLOAD_URL: "https://upload.example.com/api/v1/files/upload",
      VITE_IKIT_PUBLIC_KEY: "public_test",
      VITE_IKIT_SAMPLES: "/samples/a.jpg, /samples/b.jpg,/samples/c.jpg",
      VITE_IKIT_PRIVATE_SAMPLES: "/private/p.jpg",
    });
    expect(errors).toEqual([]);
    expect(document.querySelector('[role="alert"]')).toBeNull();

    const figures = [...document.querySelectorAll('section[data-testid="gallery"] figure[data-testid="gallery-item"]')];
    expect(figures.map((figure) => figure.getAttribute("data-path"))).toEqual([
      "/samples/a.jpg",
      "/samples/b.jpg",
      "/samples/c.jpg",
    ]);
    const images = figures.map((figure) => figure.querySelector("img") as HTMLImageElement);
    for (const img of images) {
      expect(img.getAttribute("sizes")).toBe("(max-width: 700px) 100vw, 33vw");
      expect(img.getAttribute("srcset")).toMatch(
        /^https:\/\/ik\.imagekit\.io\/demo\/samples\/.*\?tr=.*w-256,c-at_max 256w/,
      );
      expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["640", "480"]);
    }
    expect([images[0]?.getAttribute("loading"), images[0]?.getAttribute("fetchpriority")]).toEqual(["eager", "high"]);
    expect(images[1]?.getAttribute("loading")).toBe("lazy");
    expect(images[1]?.getAttribute("src")).toContain("l-text,");
    expect(images[2]?.getAttribute("src")).toContain("?tr=w-iw_mul_0.8,h-ih_div_2:w-");
    expect(images[0]?.style.backgroundImage).toContain("bl-10"); // the plugin's blur-up default

    const upload = document.querySelector('section[data-testid="upload"]');
    expect(upload?.querySelector('.ik-drop-zone input[type="file"]')).not.toBeNull();
    expect(upload?.querySelector('progress[data-testid="upload-progress"]')).not.toBeNull();
    expect(upload?.querySelector('[data-testid="upload-status"]')?.textContent).toBe("idle");

    const signed = document.querySelector('section[data-testid="signed"] img[data-testid="signed-image"]');
    expect(signed?.getAttribute("data-path")).toBe("/private/p.jpg");
    expect(signed?.getAttribute("src")).toBe("https://images.example.com/img/private/p.jpg?w=828");
  }, 60_000);
});
