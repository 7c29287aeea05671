import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { WebhookConfig } from "../../src/index.js";
import { logged } from "./capture-logs.js";
import { call, expectNoSecret, hmacSha256Hex, secrets, testWorker, upstream } from "./helpers.js";

interface Delivery {
  headers: Record<string, string>;
  body: string;
}

/** A real delivery: the emulator signs and sends a `file.created` event, captured by the test site. */
async function realDelivery(): Promise<Delivery> {
  const response = await fetch(`${upstream.siteUrl}/control/webhook`, { method: "POST" });
  return (await response.json()) as Delivery;
}

function webhookWorker(events: unknown[], overrides: Partial<WebhookConfig> = {}) {
  return testWorker({
    webhook: { onEvent: (event, { id, scheme }) => void events.push({ type: event.type, id, scheme }), ...overrides },
  });
}

const STANDARD = ["webhook-id", "webhook-timestamp", "webhook-signature"];

function post(delivery: Delivery, drop: string[] = []): RequestInit {
  const headers = Object.fromEntries(
    Object.entries(delivery.headers).filter(
      ([name]) =>
        !drop.includes(name) && (name.startsWith("webhook-") || name === "x-ik-signature" || name === "content-type"),
    ),
  );
  return { method: "POST", headers, body: delivery.body };
}

describe("POST /webhook", () => {
  it("verifies a real delivery (Standard Webhooks), hands the event over once, and refuses its replay with 409", async () => {
    const events: unknown[] = [];
    const worker = webhookWorker(events);
    const delivery = await realDelivery();
    const first = await call(worker, "/webhook", post(delivery));
    expect(first.status).toBe(200);
    const id = delivery.headers["webhook-id"];
    expect(await first.json()).toEqual({ received: true, id });
    expect(events).toEqual([{ type: "file.created", id, scheme: "standard" }]);
    const replay = await call(worker, "/webhook", post(delivery));
    expect(replay.status).toBe(409);
    expect(await replay.json()).toMatchObject({ error: "webhook_replayed" });
    // The Cache API remembers it, so another isolate of this location refuses it too.
    const eventId = (JSON.parse(delivery.body) as { id: string }).id;
    const kept = await caches.default.match(
      `https://ikit-webhook-replay.invalid/${encodeURIComponent(`event:${eventId}`)}`,
    );
    expect(await kept?.text()).toBe("taken");
    const elsewhere = await call(webhookWorker(events), "/webhook", post(delivery));
    expect(elsewhere.status).toBe(409);
    expect(events).toHaveLength(1);
  });

  it("hands a delivery that arrives twice at once to onEvent once (the check and the record are one step)", async () => {
    for (const replayStore of ["cache", { kv: "WEBHOOK_SEEN" }] as const) {
      const events: unknown[] = [];
      const worker = webhookWorker(events, { replayStore });
      const delivery = await realDelivery();
      const answers = await Promise.all([1, 2, 3].map(() => call(worker, "/webhook", post(delivery))));
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
      expect(events).toHaveLength(1);
    }
  });

  it("verifies the legacy x-ik-signature alone, keyed on the signed event id", async () => {
    const events: Array<{ id: string }> = [];
    const worker = webhookWorker(events);
    const delivery = await realDelivery();
    const legacy = await call(worker, "/webhook", post(delivery, STANDARD));
    expect(legacy.status).toBe(200);
    expect(events[0]).toMatchObject({ scheme: "legacy", id: (JSON.parse(delivery.body) as { id: string }).id });
    expect((await call(worker, "/webhook", post(delivery, STANDARD))).status).toBe(409);
  });

  it("refuses a delivery replayed under the other signature scheme (both are on every delivery)", async () => {
    const events: unknown[] = [];
    const worker = webhookWorker(events);
    const first = await realDelivery();
    expect((await call(worker, "/webhook", post(first))).status).toBe(200);
    const asLegacy = await call(worker, "/webhook", post(first, STANDARD));
    expect(asLegacy.status).toBe(409);
    expect(await asLegacy.json()).toMatchObject({ error: "webhook_replayed" });
    const second = await realDelivery();
    expect((await call(worker, "/webhook", post(second, STANDARD))).status).toBe(200);
    expect((await call(worker, "/webhook", post(second))).status).toBe(409);
    expect(events).toHaveLength(2);
  });

  it("refuses a tampered body (401), missing signatures (400) and old events (400)", async () => {
    const events: unknown[] = [];
    const worker = webhookWorker(events);
    const delivery = await realDelivery();
    const tampered = await call(worker, "/webhook", {
      ...post(delivery),
      body: delivery.body.replace("file.created", "file.deleted"),
    });
    expect(tampered.status).toBe(401);
    expect(await tampered.json()).toMatchObject({ error: "webhook_signature_invalid" });
    const legacyTampered = await call(worker, "/webhook", { ...post(delivery, STANDARD), body: `${delivery.body} ` });
    expect(legacyTampered.status).toBe(401);
    const unsigned = await call(worker, "/webhook", { method: "POST", body: delivery.body });
    expect(unsigned.status).toBe(400);
    expect(await unsigned.json()).toMatchObject({ error: "webhook_signature_missing" });
    const t = Date.now() - 10 * 60_000;
    const body = JSON.stringify({ type: "file.created", id: crypto.randomUUID() });
    const old = await call(worker, "/webhook", {
      method: "POST",
      headers: {
        "x-ik-signature": `t=${t},v1=${await hmacSha256Hex(secrets.IMAGEKIT_WEBHOOK_SECRET, `${t}.${body}`)}`,
      },
      body,
    });
    expect(old.status).toBe(400);
    expect(await old.json()).toMatchObject({ error: "webhook_too_old" });
    expect(events).toEqual([]);
  });

  it("answers 500 when the handler throws, and takes ImageKit's retry of the same delivery", async () => {
    let fail = true;
    const worker = webhookWorker([], {
      onEvent: () => {
        if (fail) throw new Error("database down");
      },
    });
    const delivery = await realDelivery();
    const failed = await call(worker, "/webhook", post(delivery));
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ error: "webhook_handler_failed" });
    expect(logged.some((line) => line.includes("webhook.onEvent threw Error"))).toBe(true);
    fail = false;
    expect((await call(worker, "/webhook", post(delivery))).status).toBe(200);
  });

  it("can remember deliveries in Workers KV instead (global, eventually consistent)", async () => {
    const worker = webhookWorker([], { replayStore: { kv: "WEBHOOK_SEEN" } });
    const delivery = await realDelivery();
    expect((await call(worker, "/webhook", post(delivery))).status).toBe(200);
    expect(
      await (env as unknown as { WEBHOOK_SEEN: KVNamespace }).WEBHOOK_SEEN.get(
        `webhook:event:${(JSON.parse(delivery.body) as { id: string }).id}`,
      ),
    ).toBe("taken");
    expect((await call(worker, "/webhook", post(delivery))).status).toBe(409);
  });

  it("bounds the body and takes POST only", async () => {
    const worker = webhookWorker([], { maxBodyBytes: 1024 });
    const big = await call(worker, "/webhook", { method: "POST", body: "x".repeat(5000) });
    expect(big.status).toBe(413);
    expect((await call(worker, "/webhook")).status).toBe(405);
  });

  it("never echoes the webhook secret", async () => {
    const worker = webhookWorker([]);
    const responses = [
      await call(worker, "/webhook", { method: "POST", headers: { "x-ik-signature": "t=1,v1=zz" }, body: "{}" }),
      await call(worker, "/webhook", {
        method: "POST",
        headers: { "webhook-id": "a", "webhook-timestamp": "1", "webhook-signature": "v1,!!" },
        body: "{}",
      }),
    ];
    for (const response of responses) {
      expect(response.status).toBeLessThan(500);
      await expectNoSecret(response);
    }
  });
});
