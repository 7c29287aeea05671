// The real upstream of the tests: @ikit/emulator over HTTP on 127.0.0.1, with the files the tests ask for.
import { randomBytes } from "node:crypto";
import { type Emulator, startEmulator } from "@ikit/emulator";
import { gradientPng } from "./png.js";

/** Keys shared by every emulator of a test run (the Worker gets them as secrets). */
export interface TestKeys {
  privateKey: string;
  webhookSecret: string;
}

/** Random keys for one test run. */
export function testKeys(): TestKeys {
  return {
    privateKey: `private_${randomBytes(12).toString("hex")}`,
    webhookSecret: `whsec_${randomBytes(16).toString("base64")}`,
  };
}

/**
 * Uploads `bytes` to `folder/fileName` with the private key (HTTP Basic), keeping the name as given.
 *
 * @example
 * ```ts
 * await upload(emu, "/products", "shoe.png", gradientPng(96, 64));
 * ```
 */
export async function upload(
  emu: Emulator,
  folder: string,
  fileName: string,
  bytes: Uint8Array<ArrayBuffer>,
  fields: Record<string, string> = {},
): Promise<{ filePath: string }> {
  const form = new FormData();
  form.set("file", new Blob([bytes]), fileName);
  form.set("fileName", fileName);
  form.set("folder", folder);
  form.set("useUniqueFileName", "false");
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const response = await fetch(emu.uploadUrl, {
    method: "POST",
    body: form,
    headers: { authorization: `Basic ${btoa(`${emu.privateKey}:`)}` },
  });
  if (!response.ok)
    throw new Error(`upload of ${folder}/${fileName} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { filePath: string };
}

/** The files every test emulator holds. */
export const FIXTURES = {
  /** A 96 × 64 gradient PNG. */
  image: new Uint8Array(gradientPng(96, 64)),
  /** 4 KiB of patterned bytes standing in for a video. */
  video: Uint8Array.from({ length: 4096 }, (_, i) => i % 251),
};

/**
 * Starts an emulator that refuses unsigned URLs, loaded with the fixtures under `/products/` and `/media/`.
 *
 * @example
 * ```ts
 * const emu = await startTestEmulator(testKeys());
 * ```
 */
export async function startTestEmulator(keys: TestKeys): Promise<Emulator> {
  const emu = await startEmulator({ port: 0, restrictUnsignedUrls: true, ...keys, log: () => {} });
  await Promise.all([
    ...["shoe.png", "bag.png", "hat.png", "grüße.png", "stale.png", "etag.png"].map((name) =>
      upload(emu, "/products", name, FIXTURES.image),
    ),
    upload(emu, "/products", "clip.mp4", FIXTURES.video),
    upload(emu, "/private", "secret.png", FIXTURES.image),
    ...["hero.png", "card.png", "logo.png"].map((name) => upload(emu, "/media", name, FIXTURES.image)),
  ]);
  emu.requests.clear();
  return emu;
}
