// Webhook verification, both of ImageKit's header schemes. Runs in Node, workerd and Chromium.
import ImageKitNode from "@imagekit/nodejs";
import { describe, expect, it } from "vitest";
import { IkitError, verifyStandardWebhook, verifyWebhookEvent } from "../src/index.js";

const secret = "whsec_xeO2UNkfKMQnfJf7Q/Qx+fYptL1wabXd";
const body = JSON.stringify({ type: "video.transformation.ready", id: "58e6d24d", data: { asset: { url: "x" } } });
const t = 1_700_000_000_000;

async function hmac256(key: string, message: string): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const cryptoKey = await crypto.subtle.importKey(
    "raw",
    encoder.encode(key),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, encoder.encode(message)));
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

async function legacyHeader(timestamp = t, payload = body, key = secret) {
  return `t=${timestamp},v1=${hex(await hmac256(key, `${timestamp}.${payload}`))}`;
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IkitError);
  return (error as IkitError).code;
}

describe("verifyWebhookEvent (x-ik-signature)", () => {
  it("returns the timestamp and parsed event for a string, Uint8Array or ArrayBuffer body", async () => {
    const header = await legacyHeader();
    const bytes = new TextEncoder().encode(body);
    for (const raw of [body, bytes, bytes.buffer]) {
      const result = await verifyWebhookEvent(raw, header, secret, { now: t + 1000 });
      expect(result).toEqual({ timestamp: t, event: JSON.parse(body) });
    }
  });

  it("rejects a missing header", async () => {
    expect(await codeOf(verifyWebhookEvent(body, null, secret, { now: t }))).toBe("WEBHOOK_SIGNATURE_MISSING");
    expect(await codeOf(verifyWebhookEvent(body, "", secret, { now: t }))).toBe("WEBHOOK_SIGNATURE_MISSING");
  });

  it("rejects malformed headers: no t, t not a number, no v1, v1 not hex", async () => {
    const v1 = (await legacyHeader()).split(",")[1];
    for (const header of [`${v1}`, `t=abc,${v1}`, `t=${t}`, `t=${t},v1=zz`]) {
      expect(await codeOf(verifyWebhookEvent(body, header, secret, { now: t })), header).toBe(
        "WEBHOOK_SIGNATURE_MALFORMED",
      );
    }
  });

  it("rejects a tampered body, a wrong secret and a shifted timestamp", async () => {
    const header = await legacyHeader();
    expect(await codeOf(verifyWebhookEvent(`${body} `, header, secret, { now: t }))).toBe("WEBHOOK_SIGNATURE_MISMATCH");
    expect(await codeOf(verifyWebhookEvent(body, header, `${secret}x`, { now: t }))).toBe("WEBHOOK_SIGNATURE_MISMATCH");
    const shifted = header.replace(`t=${t}`, `t=${t + 1}`);
    expect(await codeOf(verifyWebhookEvent(body, shifted, secret, { now: t }))).toBe("WEBHOOK_SIGNATURE_MISMATCH");
  });

  it("refuses events older or newer than the tolerance (default 5 minutes)", async () => {
    const header = await legacyHeader();
    expect(await codeOf(verifyWebhookEvent(body, header, secret, { now: t + 300_001 }))).toBe(
      "WEBHOOK_TIMESTAMP_TOO_OLD",
    );
    expect(await codeOf(verifyWebhookEvent(body, header, secret, { now: t - 300_001 }))).toBe(
      "WEBHOOK_TIMESTAMP_TOO_OLD",
    );
    await expect(verifyWebhookEvent(body, header, secret, { now: t + 300_000 })).resolves.toBeDefined();
    await expect(
      verifyWebhookEvent(body, header, secret, { now: t + 3_600_000, toleranceMs: 3_600_000 }),
    ).resolves.toBeDefined();
  });

  it("rejects an empty secret and a correctly signed body that is not JSON", async () => {
    expect(await codeOf(verifyWebhookEvent(body, await legacyHeader(), "", { now: t }))).toBe("INVALID_SECRET");
    const header = await legacyHeader(t, "not json");
    expect(await codeOf(verifyWebhookEvent("not json", header, secret, { now: t }))).toBe("WEBHOOK_PAYLOAD_INVALID");
  });

  it("never puts the secret in an error message", async () => {
    const error = await verifyWebhookEvent(body, await legacyHeader(), `${secret}x`, { now: t }).catch((e: Error) => e);
    expect((error as Error).message).not.toContain(secret);
  });
});

describe("verifyStandardWebhook (webhook-id / webhook-timestamp / webhook-signature)", () => {
  const id = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
  const seconds = String(t / 1000);

  async function headers(payload = body, key = secret, timestamp = seconds) {
    const signature = base64(await hmac256(key, `${id}.${timestamp}.${payload}`));
    return { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` };
  }

  it("verifies a plain record and a Headers object, with several signatures in the header", async () => {
    const record = await headers();
    const rotated = {
      ...record,
      "webhook-signature": `v1,${base64(new Uint8Array(32))} ${record["webhook-signature"]}`,
    };
    for (const h of [record, new Headers(record), rotated]) {
      const result = await verifyStandardWebhook(body, h, secret, { now: t });
      expect(result).toEqual({ id, timestamp: t, event: JSON.parse(body) });
    }
  });

  it("rejects missing headers, bad signatures and stale timestamps", async () => {
    const good = await headers();
    const { "webhook-id": _, ...noId } = good;
    expect(await codeOf(verifyStandardWebhook(body, noId, secret, { now: t }))).toBe("WEBHOOK_SIGNATURE_MISSING");
    expect(
      await codeOf(verifyStandardWebhook(body, { ...good, "webhook-signature": "v1,!!" }, secret, { now: t })),
    ).toBe("WEBHOOK_SIGNATURE_MALFORMED");
    expect(await codeOf(verifyStandardWebhook(`${body}x`, good, secret, { now: t }))).toBe(
      "WEBHOOK_SIGNATURE_MISMATCH",
    );
    expect(await codeOf(verifyStandardWebhook(body, good, secret, { now: t + 301_000 }))).toBe(
      "WEBHOOK_TIMESTAMP_TOO_OLD",
    );
  });

  it("verifies what @imagekit/nodejs webhooks.unwrap accepts, and rejects another secret", async () => {
    const nodeSecret = "whsec_test_secret_1234";
    const now = String(Math.floor(Date.now() / 1000));
    const h = await headers(body, nodeSecret, now);
    const client = new ImageKitNode({ privateKey: "private_key_test", webhookSecret: nodeSecret });
    expect(client.webhooks.unwrap(body, { headers: h })).toEqual(JSON.parse(body));
    expect((await verifyStandardWebhook(body, h, nodeSecret)).event).toEqual(JSON.parse(body));
    expect(await codeOf(verifyStandardWebhook(body, h, `${nodeSecret}x`))).toBe("WEBHOOK_SIGNATURE_MISMATCH");
  });
});
