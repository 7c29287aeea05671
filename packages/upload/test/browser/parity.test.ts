// Parity with ImageKit's official browser SDK: for the same options, @imagekit/javascript 5.5.1's upload() and ours
// send the same multipart fields, compared where they arrive (the emulator's request log).
import { upload as officialUpload } from "@imagekit/javascript";
import { afterEach, describe, expect, it } from "vitest";
import { type UploadParameters, upload } from "../../src/index.js";
import { control, emulatorOptions, env, freshFolder } from "../support/client.js";

interface LoggedUpload {
  fields: Record<string, unknown>;
}

afterEach(() => control("/reset", {}));

/** A real 4×4 PNG, so `transformation.pre` is accepted. */
async function png(): Promise<Blob> {
  const canvas = new OffscreenCanvas(4, 4);
  const context = canvas.getContext("2d");
  if (context) context.fillRect(0, 0, 2, 2);
  return canvas.convertToBlob({ type: "image/png" });
}

/** The official SDK posts to upload.imagekit.io; its `xhr` option lets us point the same request at the emulator. */
function xhrToEmulator(): XMLHttpRequest {
  const xhr = new XMLHttpRequest();
  const open = xhr.open.bind(xhr) as (method: string, url: string) => void;
  xhr.open = ((method: string) => open(method, env.uploadUrl)) as XMLHttpRequest["open"];
  return xhr;
}

const withoutCredentials = ({ token, signature, expire, ...fields }: Record<string, unknown>) => fields;

/**
 * The fields of the logged uploads named `fileName`, oldest first. Picked by name, not position: a request aborted
 * by an earlier test file can reach the log after the reset, with no fields.
 */
async function uploadsNamed(fileName: string): Promise<Record<string, unknown>[]> {
  const logged = await control<LoggedUpload[]>("/requests");
  return logged.map((entry) => entry.fields).filter((fields) => fields.fileName === fileName);
}

describe("parity with @imagekit/javascript 5.5.1 upload()", () => {
  it("sends the same multipart fields for every parameter", async () => {
    const file = await png();
    const parameters: UploadParameters = {
      folder: freshFolder(),
      useUniqueFileName: false,
      tags: ["red", "small"],
      isPrivateFile: false,
      isPublished: true,
      customCoordinates: "0,0,2,2",
      responseFields: ["tags", "customCoordinates", "metadata"],
      extensions: [{ name: "google-auto-tagging", minConfidence: 80, maxTags: 3 }],
      webhookUrl: `${env.controlUrl}/webhook`,
      overwriteFile: true,
      overwriteAITags: false,
      overwriteTags: true,
      overwriteCustomMetadata: false,
      transformation: { pre: "w-2", post: [{ type: "thumbnail", value: "w-1" }] },
      checks: '"file.size" < "1mb"',
      description: "parity",
    };
    const ours = emulatorOptions("dot.png");
    await upload(file, { ...ours, ...parameters });
    await officialUpload({
      file,
      fileName: "dot.png",
      publicKey: env.publicKey,
      ...(await ours.authenticator()),
      ...parameters,
      xhr: xhrToEmulator(),
    });
    const logged = await uploadsNamed("dot.png");
    expect(logged).toHaveLength(2);
    const [mine, theirs] = logged;
    expect(mine?.token).not.toBe(theirs?.token);
    expect(withoutCredentials(mine ?? {})).toEqual(withoutCredentials(theirs ?? {}));
    expect(Object.keys(mine ?? {}).sort()).toEqual(Object.keys(theirs ?? {}).sort());
  });

  it("sends the same fields for a URL source and the minimal options", async () => {
    const ours = emulatorOptions("remote.jpg");
    const url = `${env.controlUrl}/missing.jpg`;
    await upload(url, ours).catch(() => {}); // the emulator cannot fetch it; the request is logged all the same
    await officialUpload({
      file: url,
      fileName: "remote.jpg",
      publicKey: env.publicKey,
      ...(await ours.authenticator()),
      xhr: xhrToEmulator(),
    }).catch(() => {});
    const logged = await uploadsNamed("remote.jpg");
    expect(logged).toHaveLength(2);
    const [mine, theirs] = logged;
    expect(mine?.file).toBe(url);
    expect(withoutCredentials(mine ?? {})).toEqual(withoutCredentials(theirs ?? {}));
  });
});
