// Review findings (core-review-2) in signing and webhooks: a clock past Date's range signs `ik-t=1e+22`, and
// verifyStandardWebhook refuses record headers that @imagekit/nodejs `webhooks.unwrap` verifies (names not in lower
// case, as AWS Lambda's `event.headers` gives them). Each test fails until fixed.
import { createHmac } from "node:crypto";
import ImageKit from "@imagekit/nodejs";
import { describe, expect, it } from "vitest";
import { getAuthenticationParameters, IkitError, signUrl, signUrlSync, verifyStandardWebhook } from "../src/index.js";

const urlEndpoint = "https://ik.imagekit.io/demo";
const privateKey = "private_review_key";

/** The IkitError code a call throws or rejects with, or the value it returns. */
async function outcome(call: () => unknown): Promise<unknown> {
  try {
    return await call();
  } catch (error) {
    expect(error).toBeInstanceOf(IkitError);
    return (error as IkitError).code;
  }
}

describe("a clock no Date can hold is an error, never an exponent in the URL", () => {
  // Date's range ends at 8.64e15 ms; `now` in the wrong unit (µs or ns) or a corrupt value lands beyond it.
  it("signUrlSync and signUrl with now 1e25", async () => {
    const opts = { urlEndpoint, privateKey, expireSeconds: 60, now: 1e25 };
    // Today: "…/a.jpg?ik-t=1e+22&ik-s=…".
    for (const sign of [signUrlSync, signUrl]) {
      expect(await outcome(() => sign(`${urlEndpoint}/a.jpg`, opts))).toBe("INVALID_VALUE");
    }
  });

  it("getAuthenticationParameters with now 1e25", async () => {
    // Today: { expire: 1e22, signature: HMAC of "<token>1e+22" }.
    expect(await outcome(() => getAuthenticationParameters({ privateKey, now: 1e25 }))).toBe("INVALID_VALUE");
  });
});

describe("an upload token that has already expired is refused", () => {
  const now = 1_700_000_000_000;

  it.each([
    ["0 (imagekit 6 reads it as the default)", 0],
    ["a minute ago", now / 1000 - 60],
  ])("expire %s is INVALID_EXPIRY, never a signature ImageKit rejects", async (_title, expire) => {
    // Today: { expire: 0, signature: HMAC of "<token>0" }: refused by ImageKit at upload time, far from the cause.
    // Only an expire more than an hour ahead is checked.
    expect(await outcome(() => getAuthenticationParameters({ privateKey, expire, now }))).toBe("INVALID_EXPIRY");
  });
});

describe("a private key in the wrong argument never reaches an error", () => {
  const secret = "private_SECRET_never_in_an_error_9d2e";
  const endpoint = "https://ik.imagekit.io/demo";

  /** The IkitError a sign call throws, checked for the secret in its message and value. */
  async function checkNoSecret(call: () => unknown): Promise<void> {
    let thrown: unknown;
    try {
      await call();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IkitError);
    const error = thrown as IkitError;
    expect(error.message).not.toContain(secret);
    expect(JSON.stringify(error.value ?? null)).not.toContain(secret);
  }

  it.each([
    // Today: INVALID_URL_ENDPOINT with `value` = the private key (swapped IMAGEKIT_URL_ENDPOINT/IMAGEKIT_PRIVATE_KEY).
    [
      "as urlEndpoint (environment variables swapped)",
      () => signUrlSync(`${endpoint}/a.jpg`, { urlEndpoint: secret, privateKey: endpoint }),
    ],
    ["as urlEndpoint, async", () => signUrl(`${endpoint}/a.jpg`, { urlEndpoint: secret, privateKey: endpoint })],
    // Today: URL_NOT_UNDER_ENDPOINT with the key in the message and in `value`.
    ["as the URL", () => signUrlSync(secret, { urlEndpoint: endpoint, privateKey: secret })],
    // The URL and the key in each other's place: the "URL" is the key, and the key is a URL (INVALID_PRIVATE_KEY).
    [
      "as the URL, the URL as the key",
      () => signUrlSync(secret, { urlEndpoint: endpoint, privateKey: `${endpoint}/a.jpg` }),
    ],
    ["as the URL, another key", () => signUrlSync(secret, { urlEndpoint: endpoint, privateKey: "private_other" })],
  ])("passed %s", async (_title, call) => {
    await checkNoSecret(call);
  });
});

describe("verifyStandardWebhook reads header names as @imagekit/nodejs does", () => {
  const secret = "whsec_review_secret";
  const body = JSON.stringify({ type: "file.created", id: "evt_1" });
  const now = 1_700_000_000_000;
  const seconds = String(now / 1000);
  const signature = createHmac("sha256", Buffer.from(secret, "utf8"))
    .update(`msg_1.${seconds}.${body}`)
    .digest("base64");

  it("a record with capitalised names (AWS Lambda's event.headers) verifies", async () => {
    const headers = { "Webhook-Id": "msg_1", "Webhook-Timestamp": seconds, "Webhook-Signature": `v1,${signature}` };
    // The official SDK lower-cases a record's names (standardwebhooks), so a migrating handler works there.
    const official = new ImageKit({ privateKey, webhookSecret: secret });
    const realNow = Date.now;
    Date.now = () => now;
    try {
      expect(official.webhooks.unwrap(body, { headers })).toEqual(JSON.parse(body));
    } finally {
      Date.now = realNow;
    }
    // Today: WEBHOOK_SIGNATURE_MISSING.
    const verified = await verifyStandardWebhook(body, headers, secret, { now });
    expect(verified.event).toEqual(JSON.parse(body));
  });
});
