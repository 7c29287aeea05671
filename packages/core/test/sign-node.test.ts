// Signed URLs checked against the official Node packages. Node only: imagekit 6 signs with node:crypto.
import ImageKitNode from "@imagekit/nodejs";
import ImageKitLegacy from "imagekit";
import { describe, expect, it, vi } from "vitest";
import { buildSrc, signUrl, signUrlSync, url } from "../src/index.js";

const urlEndpoint = "https://ik.imagekit.io/demo";
const privateKey = "private_key_test";

describe("agreement with the official Node packages", () => {
  const client = new ImageKitNode({ privateKey });

  it("signs like @imagekit/nodejs helper.buildSrc (signed, with and without expiry)", async () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    try {
      for (const [src, expiresIn] of [
        ["/a b/é.jpg", 0],
        ["/x.jpg", 600],
      ] as const) {
        const options = { urlEndpoint, src, transformation: [{ width: 300 }], transformationPosition: "path" as const };
        const theirs = client.helper.buildSrc({ ...options, signed: true, expiresIn });
        const ours = await signUrl(buildSrc(options), {
          urlEndpoint,
          privateKey,
          expireSeconds: expiresIn,
          now: Date.now(),
        });
        expect(ours).toBe(theirs);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it("signs non-ASCII URLs like the Node SDK (imagekit v6) url({ signed: true })", () => {
    const legacy = new ImageKitLegacy({ publicKey: "pub", privateKey, urlEndpoint });
    const options = { path: "/aéb/test_é.jpg", transformation: [{ raw: "l-text,i-Imagekité,fs-50,l-end" }] };
    const theirs = legacy.url({ ...options, signed: true });
    const ours = signUrlSync(url({ urlEndpoint, ...options }), { urlEndpoint, privateKey });
    expect(ours.slice(ours.indexOf("ik-s="))).toBe(theirs.slice(theirs.indexOf("ik-s=")));
  });
});
