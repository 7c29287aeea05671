// Signing: the synchronous HMAC-SHA1 equals WebCrypto, and signed URLs have ImageKit's exact shape.
// Runs in Node, workerd and Chromium.
import { describe, expect, it, vi } from "vitest";
import { hmacSha1Hex } from "../src/hmac-sha1.js";
import { getAuthenticationParameters, IkitError, NO_EXPIRY, signUrl, signUrlSync, url } from "../src/index.js";

const urlEndpoint = "https://ik.imagekit.io/test_url_endpoint";
const privateKey = "private_key_test";

/** Small deterministic PRNG (mulberry32) so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABETS = [
  "abcdefghijklmnopqrstuvwxyz0123456789-_/.:?&=",
  "éüßçñ€£¥©®",
  "中文字符テスト한국어",
  "😀🎉👋🏽🚀",
  "\u0000\u007f\u0080\u07ff\u0800\uffff",
];

function randomText(next: () => number, max: number): string {
  const length = Math.floor(next() * max);
  let text = "";
  for (let i = 0; i < length; i++) {
    const alphabet = Array.from(ALPHABETS[Math.floor(next() * ALPHABETS.length)] as string);
    text += alphabet[Math.floor(next() * alphabet.length)];
  }
  return text;
}

async function webCryptoHex(key: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  const cryptoKey = await crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-1" }, false, [
    "sign",
  ]);
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, encoder.encode(message)));
  return Array.from(signature, (b) => b.toString(16).padStart(2, "0")).join("");
}

describe("synchronous HMAC-SHA1", () => {
  it("matches RFC 2202 test vectors", async () => {
    expect(hmacSha1Hex("Jefe", "what do ya want for nothing?")).toBe("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    expect(hmacSha1Hex("\u000b".repeat(20), "Hi There")).toBe("b617318655057264e28bc0b6fb378c8ef146be00");
    // A key longer than the 64-byte block is hashed first.
    const long = "k".repeat(80);
    expect(hmacSha1Hex(long, "Test Using Larger Than Block-Size Key")).toBe(
      await webCryptoHex(long, "Test Using Larger Than Block-Size Key"),
    );
  });

  it("equals WebCrypto on 3,000 random keys and messages (long keys, Unicode, empty messages)", async () => {
    const next = random(20261123);
    for (let i = 0; i < 3000; i++) {
      const key = randomText(next, i % 10 === 0 ? 200 : 40) || "k";
      const message = i % 50 === 0 ? "" : randomText(next, i % 7 === 0 ? 300 : 60);
      expect(hmacSha1Hex(key, message), `key=${JSON.stringify(key)} message=${JSON.stringify(message)}`).toBe(
        await webCryptoHex(key, message),
      );
    }
  });

  it("handles messages at every length around the block boundaries", async () => {
    for (let length = 0; length < 200; length++) {
      const message = "x".repeat(length);
      expect(hmacSha1Hex("key", message)).toBe(await webCryptoHex("key", message));
    }
  });
});

describe("signUrl and signUrlSync", () => {
  it("give the same URL, byte for byte", async () => {
    const next = random(7);
    for (let i = 0; i < 200; i++) {
      const built = url({ urlEndpoint, path: `/${randomText(next, 20)}.jpg`, transformation: [{ width: i + 1 }] });
      const opts = {
        urlEndpoint,
        privateKey: randomText(next, 30) || "k",
        expireSeconds: i % 3 ? i * 10 : 0,
        now: 1e12,
      };
      expect(signUrlSync(built, opts)).toBe(await signUrl(built, opts));
    }
  });

  it("adds ik-t = now + expireSeconds, and ik-s after it", async () => {
    const signed = await signUrl(`${urlEndpoint}/tr:w-100/a.jpg`, {
      urlEndpoint,
      privateKey,
      expireSeconds: 300,
      now: 1_700_000_000_500,
    });
    expect(signed).toMatch(
      /^https:\/\/ik\.imagekit\.io\/test_url_endpoint\/tr:w-100\/a\.jpg\?ik-t=1700000300&ik-s=[0-9a-f]{40}$/,
    );
    const signature = /ik-s=([0-9a-f]+)/.exec(signed)?.[1];
    expect(signature).toBe(await webCryptoHex(privateKey, "tr:w-100/a.jpg1700000300"));
  });

  it("signs never-expiring URLs with 9999999999 and writes no ik-t", async () => {
    const signed = signUrlSync(`${urlEndpoint}/a.jpg?v=1`, { urlEndpoint, privateKey });
    expect(signed).toMatch(/\?v=1&ik-s=[0-9a-f]{40}$/);
    expect(signed.slice(-40)).toBe(await webCryptoHex(privateKey, `a.jpg?v=1${NO_EXPIRY}`));
  });

  it("percent-encodes non-ASCII characters so the URL sent is the URL signed", async () => {
    const signed = await signUrl(`${urlEndpoint}/aéb/test_é.jpg`, { urlEndpoint, privateKey });
    expect(signed.startsWith(`${urlEndpoint}/a%C3%A9b/test_%C3%A9.jpg?ik-s=`)).toBe(true);
    expect(signed.slice(-40)).toBe(await webCryptoHex(privateKey, `a%C3%A9b/test_%C3%A9.jpg${NO_EXPIRY}`));
  });

  it("accepts the endpoint with or without a trailing slash, and as the URL parser normalises it", async () => {
    const a = await signUrl(`${urlEndpoint}/a.jpg`, { urlEndpoint, privateKey });
    expect(await signUrl(`${urlEndpoint}/a.jpg`, { urlEndpoint: `${urlEndpoint}/`, privateKey })).toBe(a);
    expect(
      await signUrl(`${urlEndpoint}/a.jpg`, {
        urlEndpoint: "https://IK.imagekit.io:443/test_url_endpoint",
        privateKey,
      }),
    ).toBe(a);
  });

  it("keeps a fragment after the signature", async () => {
    expect(signUrlSync(`${urlEndpoint}/a.jpg#top`, { urlEndpoint, privateKey })).toMatch(/\?ik-s=[0-9a-f]{40}#top$/);
  });

  for (const [title, opts, code] of [
    ["a missing private key", { urlEndpoint }, "INVALID_PRIVATE_KEY"],
    ["an empty private key", { urlEndpoint, privateKey: "" }, "INVALID_PRIVATE_KEY"],
    ["a non-string private key", { urlEndpoint, privateKey: 42 }, "INVALID_PRIVATE_KEY"],
    ["a negative expiry", { urlEndpoint, privateKey, expireSeconds: -5 }, "INVALID_EXPIRY"],
    ["a NaN expiry", { urlEndpoint, privateKey, expireSeconds: Number.NaN }, "INVALID_EXPIRY"],
    [
      "a URL under another endpoint",
      { urlEndpoint: "https://ik.imagekit.io/other", privateKey },
      "URL_NOT_UNDER_ENDPOINT",
    ],
    ["no endpoint", { privateKey }, "MISSING_URL_ENDPOINT"],
  ] as const) {
    it(`rejects ${title} with ${code}, in both variants, without echoing the key`, async () => {
      const target = `${urlEndpoint}/a.jpg`;
      const sync = (() => {
        try {
          signUrlSync(target, opts as never);
        } catch (error) {
          return error;
        }
      })();
      const async = await signUrl(target, opts as never).catch((error: unknown) => error);
      for (const error of [sync, async]) {
        expect(error).toBeInstanceOf(IkitError);
        expect((error as IkitError).code).toBe(code);
        expect((error as IkitError).message).not.toContain(privateKey);
      }
    });
  }
});

describe("getAuthenticationParameters", () => {
  it("signs token + expire with HMAC-SHA1", async () => {
    const now = 1582269249_000 - 60_000;
    const auth = await getAuthenticationParameters({ privateKey, token: "your_token", expire: 1582269249, now });
    expect(auth).toEqual({
      token: "your_token",
      expire: 1582269249,
      signature: await webCryptoHex(privateKey, "your_token1582269249"),
    });
  });

  it("defaults to a random UUID token expiring in 30 minutes", async () => {
    const now = 1_700_000_000_000;
    const a = await getAuthenticationParameters({ privateKey, now });
    const b = await getAuthenticationParameters({ privateKey, now });
    expect(a.token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.expire).toBe(1_700_000_000 + 1800);
    expect(a.signature).toBe(await webCryptoHex(privateKey, a.token + a.expire));
  });

  it("rejects an expiry more than one hour ahead, a negative one and a missing key", async () => {
    const now = 1_700_000_000_000;
    const codes = await Promise.all([
      getAuthenticationParameters({ privateKey, expire: 1_700_000_000 + 3601, now }).catch((e: IkitError) => e.code),
      getAuthenticationParameters({ privateKey, expire: -1, now }).catch((e: IkitError) => e.code),
      getAuthenticationParameters({ privateKey: "" }).catch((e: IkitError) => e.code),
    ]);
    expect(codes).toEqual(["INVALID_EXPIRY", "INVALID_EXPIRY", "INVALID_PRIVATE_KEY"]);
    const ok = await getAuthenticationParameters({ privateKey, expire: 1_700_000_000 + 3600, now });
    expect(ok.expire).toBe(1_700_003_600);
  });
});

describe("the CryptoKey cache", () => {
  it("imports the CryptoKey once per private key", async () => {
    const spy = vi.spyOn(crypto.subtle, "importKey");
    const key = `fresh_key_${Math.random()}`;
    for (let i = 0; i < 5; i++) await signUrl(`${urlEndpoint}/a${i}.jpg`, { urlEndpoint, privateKey: key });
    expect(spy.mock.calls.filter((call) => call[0] === "raw").length).toBe(1);
    spy.mockRestore();
  });
});
