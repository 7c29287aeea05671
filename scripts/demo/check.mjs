// `npm run demo -- --check`: drives the running demo once in Debian's Chromium, as a person would use it, for each
// front end: the gallery's images load at widths from their srcset, an upload shows progress and lands in the
// gallery, signed images load through the worker while the emulator refuses the same file unsigned, and the console
// stays clean. Screenshots go to test-results/demo/. Every wait is bounded.
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { chromium } from "playwright";
import { chromiumArgs, chromiumPath } from "../chromium.mjs";
import { grainyPhoto } from "./samples.mjs";

const STEP_MS = 15_000;

/**
 * The candidates of a `srcset`: URL and its `w` (or `x`) descriptor.
 * @param {string} srcset
 */
function candidatesOf(srcset) {
  return srcset
    .split(/,\s+(?=\S)/)
    .map((part) => part.trim().split(/\s+/))
    .filter(([url]) => url)
    .map(([url, descriptor = "1x"]) => ({ url: /** @type {string} */ (url), descriptor }));
}

/**
 * The width an ImageKit URL asks for (`tr:w-640` or `?tr=w-640`), or undefined.
 * @param {string} href
 */
function requestedWidth(href) {
  const url = new URL(href);
  const tr = `${url.pathname.split("/").find((segment) => segment.startsWith("tr:")) ?? ""},${url.searchParams.get("tr") ?? ""}`;
  const width = /(?:^|[,:])w-(\d+)(?=[,:]|$)/.exec(tr)?.[1];
  return width === undefined ? undefined : Number(width);
}

/** Collects the failures of one front end's run; each check adds its own message. */
class Run {
  constructor() {
    /** @type {string[]} */
    this.failures = [];
    /** What was seen, for the summary line: e.g. "sunrise.jpg 640w of 8". */
    /** @type {string[]} */
    this.seen = [];
  }
  /** @param {boolean} ok @param {string} message */
  expect(ok, message) {
    if (!ok) this.failures.push(message);
    return ok;
  }
}

/**
 * Drives one front end. Returns its run: the failures (none when every check held) and what was seen.
 * @param {import("playwright").Browser} browser
 * @param {{ name: string, url: string }} front
 * @param {{ root: string, worker: string, emulator: { urlEndpoint: string }, samples: string[], privateSamples: string[], upload: Buffer }} demo
 */
async function drive(browser, front, demo) {
  const run = new Run();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(STEP_MS);
  const page = await context.newPage();
  const pageErrors = [];
  page.on("console", (message) => message.type() === "error" && pageErrors.push(`console: ${message.text()}`));
  page.on("pageerror", (error) => pageErrors.push(`uncaught: ${error.message}`));
  /** Every image response: URL → status, content type. */
  const responses = new Map();
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "";
    if (reason !== "net::ERR_ABORTED") pageErrors.push(`request failed: ${request.url()} (${reason})`);
  });
  page.on("response", (response) => {
    // A refused or missing resource is an error the page shows (Chromium logs it, Playwright's console omits it).
    if (response.status() >= 400) pageErrors.push(`${response.status()} for ${response.url()}`);
    if (response.request().resourceType() === "image") {
      responses.set(response.url(), { status: response.status(), type: response.headers()["content-type"] ?? "" });
    }
  });
  const shots = join(demo.root, "test-results/demo");
  try {
    await page.goto(front.url, { waitUntil: "load" });

    // 1. The gallery: every sample is there, every image loads at a width its srcset offers.
    const items = page.locator('[data-testid="gallery"] [data-testid="gallery-item"]');
    await items.nth(demo.samples.length - 1).waitFor();
    const paths = await items.evaluateAll((figures) => figures.map((figure) => figure.getAttribute("data-path")));
    for (const sample of demo.samples) run.expect(paths.includes(sample), `gallery: ${sample} is not shown`);
    for (const figure of await items.all()) await checkImage(run, figure.locator("img").first(), responses);

    // 2. Upload: progress is visible before "done", then the new file appears in the gallery and loads.
    await uploadOne(run, page, context, demo.upload, responses);

    await checkRequestedImages(run, page, responses, demo.emulator.urlEndpoint);

    // 3. Signed images come through the worker; straight from the emulator, unsigned, the same file is refused.
    const signed = page.locator('[data-testid="signed"] img[data-testid="signed-image"]');
    await signed.first().waitFor();
    const signedPaths = [];
    for (const image of await signed.all()) {
      const src = (await image.getAttribute("src")) ?? "";
      const path = (await image.getAttribute("data-path")) ?? "";
      signedPaths.push(path);
      run.expect(src.startsWith(`${demo.worker}/`), `signed: ${path} has src ${src}, not on the worker ${demo.worker}`);
      await image.scrollIntoViewIfNeeded();
      await waitLoaded(run, image, `signed ${path}`);
      const served = responses.get(await image.evaluate((img) => img.currentSrc));
      run.expect(served?.status === 200, `signed: ${path} answered ${served?.status ?? "nothing"} through the worker`);
      const direct = await fetch(`${demo.emulator.urlEndpoint}${path}`);
      await direct.arrayBuffer();
      run.expect(
        direct.status === 401,
        `signed: ${path} unsigned from the emulator answered ${direct.status}, not 401`,
      );
    }
    for (const path of demo.privateSamples) {
      run.expect(signedPaths.includes(path), `signed: the private sample ${path} is not shown`);
    }

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, `${front.name}.png`) });
    await page.screenshot({ path: join(shots, `${front.name}-full.png`), fullPage: true });
  } catch (error) {
    run.expect(false, `${error instanceof Error ? error.message.split("\n")[0] : error}`);
    await page.screenshot({ path: join(shots, `${front.name}-failed.png`), fullPage: true }).catch(() => {});
  } finally {
    for (const message of pageErrors) run.expect(false, message);
    await context.close();
  }
  return run;
}

/**
 * An image has loaded (`naturalWidth > 0`), at a srcset candidate whose `w` descriptor is the width its URL asks
 * ImageKit for, and the browser received it.
 */
async function checkImage(run, image, responses) {
  const path = await image.evaluate((img) => img.closest("[data-path]")?.getAttribute("data-path") ?? "?");
  await image.scrollIntoViewIfNeeded();
  if (!(await waitLoaded(run, image, `gallery ${path}`))) return;
  const { srcset, currentSrc } = await image.evaluate((img) => ({ srcset: img.srcset, currentSrc: img.currentSrc }));
  if (!run.expect(srcset !== "", `gallery: ${path} has no srcset`)) return;
  const candidates = candidatesOf(srcset);
  const chosen = candidates.find((candidate) => candidate.url === currentSrc);
  if (!run.expect(chosen !== undefined, `gallery: ${path} loaded ${currentSrc}, not one of its srcset candidates`))
    return;
  run.seen.push(`${path.split("/").pop()} ${chosen.descriptor} of ${candidates.length}`);
  const served = responses.get(currentSrc);
  run.expect(served?.status === 200, `gallery: ${currentSrc} answered ${served?.status ?? "nothing"}`);
  run.expect(served?.type.startsWith("image/") === true, `gallery: ${currentSrc} is ${served?.type}, not an image`);
  const { dpr, shown } = await image.evaluate((img) => ({ dpr: devicePixelRatio, shown: img.clientWidth }));
  if (candidates.every((candidate) => candidate.descriptor.endsWith("w"))) {
    // Each `w` descriptor is the width the URL asks for, and the browser took the narrowest one that fills the box.
    for (const candidate of candidates) {
      const width = requestedWidth(candidate.url);
      run.expect(
        width === Number.parseInt(candidate.descriptor, 10),
        `gallery: ${path}'s candidate ${candidate.descriptor} asks ImageKit for w-${width}`,
      );
    }
    const needed = shown * dpr;
    const widths = candidates.map((candidate) => Number.parseInt(candidate.descriptor, 10)).sort((a, b) => a - b);
    const expected = widths.find((width) => width >= needed) ?? widths.at(-1);
    run.expect(
      Number.parseInt(chosen.descriptor, 10) === expected,
      `gallery: ${path} is ${shown} px wide at DPR ${dpr} and loaded the ${chosen.descriptor} candidate, not ${expected}w`,
    );
  } else {
    // Density descriptors: each candidate at least the shown width times its density, and the browser took the one
    // for this screen.
    for (const candidate of candidates) {
      const density = Number.parseFloat(candidate.descriptor);
      const width = requestedWidth(candidate.url) ?? 0;
      run.expect(
        width >= shown * density,
        `gallery: ${path} is shown ${shown} px wide, but its ${candidate.descriptor} candidate asks for w-${width}`,
      );
    }
    run.expect(chosen.descriptor === `${dpr}x`, `gallery: ${path} loaded ${chosen.descriptor} at DPR ${dpr}`);
  }
}

/**
 * Every image the browser fetched from the emulator was offered by an `<img>` on the page, as its `src` or a `srcset`
 * candidate, or is a blur-up placeholder: nothing was fetched at a width no srcset asked for.
 */
async function checkRequestedImages(run, page, responses, urlEndpoint) {
  const images = await page
    .locator("img")
    .evaluateAll((all) => all.map((img) => ({ src: img.src, srcset: img.srcset })));
  const offered = new Set(images.flatMap(({ src, srcset }) => [src, ...candidatesOf(srcset).map(({ url }) => url)]));
  const fetched = [...responses.keys()].filter((url) => url.startsWith(`${urlEndpoint}/`));
  run.seen.push(`${fetched.length} image requests, ${fetched.filter(isPlaceholder).length} of them placeholders`);
  for (const url of fetched) {
    run.expect(
      offered.has(url) || isPlaceholder(url),
      `images: ${url} was fetched, but no <img> on the page offers it in src or srcset`,
    );
  }
}

/** A blur-up placeholder: a tiny blurred version, requested before the real image. */
function isPlaceholder(url) {
  return /[,:/=]bl-\d+/.test(decodeURIComponent(url));
}

/** Waits until the image has loaded; false (and a failure) when it does not within the step's time. */
async function waitLoaded(run, image, label) {
  try {
    await image.evaluate(
      (img, timeout) =>
        new Promise((resolveLoad, reject) => {
          const started = Date.now();
          const poll = () => {
            if (img.complete && img.naturalWidth > 0) resolveLoad(undefined);
            else if (Date.now() - started > timeout) reject(new Error("timeout"));
            else setTimeout(poll, 50);
          };
          poll();
        }),
      STEP_MS,
    );
    return true;
  } catch {
    const state = await image.evaluate((img) => `complete=${img.complete}, naturalWidth=${img.naturalWidth}`);
    return run.expect(
      false,
      `${label}: image did not load within ${STEP_MS} ms (${state}, src ${await image.getAttribute("src")})`,
    );
  }
}

/**
 * Uploads a 1 MB photo through the page's file input with the upload bandwidth throttled, watching the progress bar
 * and the status text on every animation frame.
 */
async function uploadOne(run, page, context, bytes, responses) {
  const section = page.locator('[data-testid="upload"]');
  const progress = section.locator('progress[data-testid="upload-progress"]');
  const status = section.locator('[data-testid="upload-status"]');
  await progress.waitFor({ state: "attached" });
  await page.evaluate(() => {
    const samples = [];
    window.__uploadSamples = samples;
    const sample = () => {
      const bar = document.querySelector('[data-testid="upload"] progress[data-testid="upload-progress"]');
      const text = document.querySelector('[data-testid="upload"] [data-testid="upload-status"]')?.textContent ?? "";
      samples.push({ value: bar ? Number(bar.value) : 0, status: text.trim() });
      if (!text.trim().startsWith("done") && !text.trim().startsWith("error")) requestAnimationFrame(sample);
      else samples.push({ value: bar ? Number(bar.value) : 0, status: text.trim() });
    };
    requestAnimationFrame(sample);
  });
  // About 4 Mbit/s up: the 1 MB body takes about two seconds, long enough to see the bar move.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 512 * 1024,
  });
  const answered = page.waitForResponse((response) => response.url().includes("/api/v1/files/upload"), {
    timeout: STEP_MS * 2,
  });
  await section
    .locator('input[type="file"]')
    .setInputFiles({ name: "meadow.jpg", mimeType: "image/jpeg", buffer: bytes });
  const response = await answered;
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  const body = await response.json();
  run.expect(response.status() === 200, `upload: the emulator answered ${response.status()}: ${body.message}`);
  await page.waitForFunction(
    () => /^(done|error)/.test(document.querySelector('[data-testid="upload-status"]')?.textContent?.trim() ?? ""),
    undefined,
    { timeout: STEP_MS },
  );
  const text = (await status.textContent())?.trim();
  run.expect(text === "done", `upload: status reads "${text}", not "done"`);
  const samples = await page.evaluate(() => window.__uploadSamples);
  const during = samples.filter((sample) => sample.status !== "done" && sample.value > 0);
  run.seen.push(`upload progress > 0 in ${during.length} of ${samples.length} frames`);
  run.expect(
    during.length > 0,
    `upload: the progress bar never showed a value above 0 before "done" (${samples.length} frames)`,
  );
  run.expect(
    during.some((sample) => sample.value < (Number(samples.at(-1)?.value) || 1)),
    "upload: the progress bar jumped straight to its end (no partial progress seen)",
  );
  if (!body.filePath) return;
  const figure = page.locator(`[data-testid="gallery"] [data-testid="gallery-item"][data-path="${body.filePath}"]`);
  await figure.waitFor();
  await checkImage(run, figure.locator("img").first(), responses);
}

/**
 * Drives every front end of the running demo in one headless Chromium. True when all checks held.
 * @param {{ root: string, fronts: { name: string, url: string }[], worker: string, emulator: { urlEndpoint: string }, samples: string[], privateSamples: string[] }} demo
 */
export async function checkDemo(demo) {
  const started = Date.now();
  const shots = join(demo.root, "test-results/demo");
  await rm(shots, { recursive: true, force: true });
  await mkdir(shots, { recursive: true });
  let ok = true;
  // The worker: /auth fails closed for callers that are not a page of the front end (a server, curl), and /img
  // answers carry CORS for the front end.
  const stranger = await fetch(`${demo.worker}/auth`);
  await stranger.arrayBuffer();
  const origin = demo.fronts[0]?.url ?? "";
  const image = await fetch(`${demo.worker}/img/thumb${demo.samples[0]}`, { headers: { origin } });
  await image.arrayBuffer();
  const worker = new Run();
  worker.expect(stranger.status === 401, `/auth without an Origin answered ${stranger.status}, not 401`);
  worker.expect(image.status === 200, `/img/thumb${demo.samples[0]} answered ${image.status}`);
  worker.expect(
    image.headers.get("access-control-allow-origin") === origin,
    `/img has access-control-allow-origin ${image.headers.get("access-control-allow-origin")}, not ${origin}`,
  );
  for (const failure of worker.failures) console.error(`✖ worker: ${failure}`);
  ok = worker.failures.length === 0;
  const upload = await grainyPhoto(demo.root);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
    timeout: STEP_MS,
  });
  try {
    for (const front of demo.fronts) {
      const { failures, seen } = await drive(browser, front, { ...demo, upload });
      if (failures.length === 0) console.log(`✔ ${front.name}: gallery, upload, signed images: ${seen.join(", ")}`);
      for (const failure of failures) console.error(`✖ ${front.name}: ${failure}`);
      ok &&= failures.length === 0;
    }
  } finally {
    await browser.close();
  }
  console.log(
    `demo check ${ok ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in test-results/demo/`,
  );
  return ok;
}
