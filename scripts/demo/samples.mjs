// The demo's sample images, drawn locally with sharp (the emulator's own dependency): no download, no binary in git.
// Each is a landscape of gradients and shapes, large enough that responsive widths are real downscales.
import { createRequire } from "node:module";
import { join } from "node:path";

/** A public sample: served by the emulator to anyone, and through the worker. */
const PUBLIC = [
  { name: "sunrise.jpg", sky: ["#ff9a5c", "#ffd36e"], land: "#6b3b5c", sun: "#fff3b0" },
  { name: "lagoon.jpg", sky: ["#3fa7d6", "#b8f2e6"], land: "#1d6a72", sun: "#f7fff7" },
  { name: "forest.png", sky: ["#a8e6a3", "#e9f5db"], land: "#2d6a4f", sun: "#ffe66d" },
  { name: "dusk.jpg", sky: ["#2e1760", "#d1495b"], land: "#0b0b2b", sun: "#ffb4a2" },
];
/** A private sample: the emulator serves it only on a signed URL, so the page sees it only through the worker. */
const PRIVATE = [{ name: "vault.jpg", sky: ["#14213d", "#fca311"], land: "#000000", sun: "#e5e5e5" }];

/** The sharp the emulator depends on (pnpm keeps it out of the root's reach). */
function loadSharp(root) {
  return createRequire(join(root, "packages/emulator/package.json"))("sharp");
}

/** An SVG landscape: sky gradient, sun, two ridges. */
function landscape({ sky, land, sun }, width, height) {
  const ridge = (y, amp, phase) =>
    Array.from({ length: 9 }, (_, i) => {
      const x = (i / 8) * width;
      return `${x.toFixed(0)},${(y + Math.sin(i * 1.3 + phase) * amp).toFixed(0)}`;
    }).join(" ");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="${sky[0]}"/><stop offset="1" stop-color="${sky[1]}"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#s)"/>
  <circle cx="${width * 0.68}" cy="${height * 0.38}" r="${height * 0.14}" fill="${sun}"/>
  <polygon points="0,${height} ${ridge(height * 0.66, height * 0.06, 0)} ${width},${height}" fill="${land}" opacity="0.65"/>
  <polygon points="0,${height} ${ridge(height * 0.8, height * 0.05, 2)} ${width},${height}" fill="${land}"/>
</svg>`;
}

/**
 * Draws one sample as JPEG or PNG (by its extension).
 * @param {ReturnType<typeof loadSharp>} sharp
 */
async function draw(sharp, sample, width = 1600, height = 1000) {
  const image = sharp(Buffer.from(landscape(sample, width, height)));
  return sample.name.endsWith(".png") ? image.png().toBuffer() : image.jpeg({ quality: 82 }).toBuffer();
}

/** The picture the demo check uploads. */
const UPLOAD = { name: "meadow.jpg", sky: ["#7ec8e3", "#fdf6e3"], land: "#3a5a40", sun: "#fefae0" };

/**
 * A 1600×1000 landscape with film grain, a JPEG of about 1 MB (grain does not compress): an upload slow enough to
 * show progress under the check's throttled network, and still a picture in the screenshot.
 * @param {string} root the repository root
 */
export async function grainyPhoto(root) {
  const sharp = loadSharp(root);
  const [width, height] = [1600, 1000];
  const grain = await sharp({
    create: { width, height, channels: 4, noise: { type: "gaussian", mean: 128, sigma: 90 } },
  })
    .ensureAlpha(0.35)
    .png()
    .toBuffer();
  const picture = await draw(sharp, UPLOAD, width, height);
  return sharp(picture)
    .composite([{ input: grain, blend: "overlay" }])
    .jpeg({ quality: 95 })
    .toBuffer();
}

/**
 * Draws the samples and uploads them to the emulator with the private key (as a server would), under fixed paths.
 * @param {string} root the repository root
 * @param {{ uploadUrl: string, privateKey: string }} emulator
 * @returns {Promise<{ samples: string[], privateSamples: string[] }>} the file paths, public and private
 */
export async function seedSamples(root, emulator) {
  const sharp = loadSharp(root);
  const upload = async (sample, folder, isPrivateFile) => {
    const form = new FormData();
    form.set("file", new Blob([await draw(sharp, sample)]), sample.name);
    form.set("fileName", sample.name);
    form.set("folder", folder);
    form.set("useUniqueFileName", "false");
    form.set("isPrivateFile", String(isPrivateFile));
    const response = await fetch(emulator.uploadUrl, {
      method: "POST",
      body: form,
      headers: { authorization: `Basic ${btoa(`${emulator.privateKey}:`)}` },
    });
    const body = await response.json();
    if (!response.ok) throw new Error(`seeding ${sample.name} failed: ${response.status} ${body.message}`);
    return body.filePath;
  };
  return {
    samples: await Promise.all(PUBLIC.map((sample) => upload(sample, "/samples", false))),
    privateSamples: await Promise.all(PRIVATE.map((sample) => upload(sample, "/private", true))),
  };
}
