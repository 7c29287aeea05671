// Hostile input to the parsing, signing and webhook exports: every wrong type throws an IkitError with a code
// (never a raw TypeError, URIError or RangeError), invalid numbers never switch a check off, and secrets never reach
// an error. Runs in Node, workerd and Chromium.
import { describe, expect, it } from "vitest";
import {
  getAuthenticationParameters,
  IkitError,
  type IkitErrorCode,
  parseTransformation,
  parseUrl,
  pHashDistance,
  signUrl,
  signUrlSync,
  verifyStandardWebhook,
  verifyWebhookEvent,
} from "../src/index.js";

const urlEndpoint = "https://ik.imagekit.io/demo";
const SECRET = "private_SECRET_never_in_an_error_4f1c";
const body = JSON.stringify({ type: "file.created", id: "evt_1" });
const t = 1_700_000_000_000;

const cyclic: Record<string, unknown> = {};
cyclic.self = cyclic;
const LONE_SURROGATE = "\uD800";
/** Values of every wrong type; each slot below names which of them it accepts. */
const HOSTILE: [label: string, value: unknown][] = [
  ["null", null],
  ["undefined", undefined],
  ["0", 0],
  ["42", 42],
  ["NaN", Number.NaN],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["-1", -1],
  ["a numeric string", "300"],
  ["an empty string", ""],
  ["a lone surrogate", LONE_SURROGATE],
  ["an object", {}],
  ["an array", []],
  ["a cyclic object", cyclic],
  ["a symbol", Symbol("x")],
  ["a bigint", 10n],
  ["a function", () => undefined],
];

async function hmacHex(key: string, message: string, hash: "SHA-1" | "SHA-256"): Promise<string> {
  const encoder = new TextEncoder();
  const cryptoKey = await crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash }, false, ["sign"]);
  const bytes = new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, encoder.encode(message)));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const header = await (async () => `t=${t},v1=${await hmacHex(SECRET, `${t}.${body}`, "SHA-256")}`)();
const standardHeaders = await (async () => {
  const seconds = String(t / 1000);
  const hex = await hmacHex(SECRET, `msg_1.${seconds}.${body}`, "SHA-256");
  const signature = btoa(String.fromCharCode(...(hex.match(/../g) ?? []).map((pair) => Number.parseInt(pair, 16))));
  return { "webhook-id": "msg_1", "webhook-timestamp": seconds, "webhook-signature": `v1,${signature}` };
})();

/** The IkitError a call throws or rejects with, checked to hold no secret; fails the test on anything else. */
async function errorWithoutSecret(run: () => unknown): Promise<IkitError> {
  let thrown: unknown;
  try {
    await run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, "expected an IkitError").toBeInstanceOf(IkitError);
  const error = thrown as IkitError;
  expect(error.code).toMatch(/^[A-Z_]+$/);
  expect(error.message).not.toContain(SECRET);
  expect(describeValue(error.value)).not.toContain(SECRET);
  return error;
}

/** Enough of a value to find a secret in it, whatever its type. */
function describeValue(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value, (_key, inner) => (typeof inner === "bigint" ? String(inner) : inner)) ?? "";
  } catch {
    return String(value);
  }
}

interface Slot {
  /** The export and argument under test. */
  title: string;
  /** Calls the export with `value` in the slot and valid values everywhere else. */
  call: (value: unknown) => unknown;
  /** The labels of HOSTILE values this slot accepts (e.g. undefined for an optional option). */
  accepts?: readonly string[];
  code: IkitErrorCode | readonly IkitErrorCode[];
}

const signOptions = { urlEndpoint, privateKey: SECRET, expireSeconds: 60, now: t };
const signers = [
  ["signUrl", signUrl],
  ["signUrlSync", signUrlSync],
] as const;

/** Each webhook verifier with a valid signature for `body` and `SECRET`, taking the slots they share. */
const verifiers = [
  [
    "verifyWebhookEvent",
    (raw: unknown, secret: unknown, opts: object) => verifyWebhookEvent(raw as string, header, secret as string, opts),
  ],
  [
    "verifyStandardWebhook",
    (raw: unknown, secret: unknown, opts: object) =>
      verifyStandardWebhook(raw as string, standardHeaders, secret as string, opts),
  ],
] as const;

const SLOTS: Slot[] = [
  { title: "parseUrl url", call: (v) => parseUrl(v as string), code: "INVALID_URL" },
  {
    title: "parseUrl options",
    call: (v) => parseUrl(`${urlEndpoint}/a.jpg`, v as never),
    accepts: ["undefined", "an object", "an array", "a cyclic object", "a function"],
    code: "INVALID_OPTIONS",
  },
  {
    title: "parseUrl urlEndpoint",
    call: (v) => parseUrl(`${urlEndpoint}/a.jpg`, { urlEndpoint: v as string }),
    accepts: ["undefined"],
    code: ["INVALID_URL_ENDPOINT", "MISSING_URL_ENDPOINT"],
  },
  {
    title: "parseTransformation text",
    call: (v) => parseTransformation(v as string),
    accepts: ["a numeric string", "an empty string", "a lone surrogate"],
    code: "INVALID_VALUE",
  },
  ...signers.flatMap(([name, sign]): Slot[] => [
    {
      title: `${name} url`,
      call: (v) => sign(v as string, signOptions),
      code: ["INVALID_URL", "URL_NOT_UNDER_ENDPOINT"],
    },
    {
      title: `${name} options`,
      call: (v) => sign(`${urlEndpoint}/a.jpg`, v as never),
      code: ["INVALID_OPTIONS", "INVALID_PRIVATE_KEY"],
    },
    {
      title: `${name} privateKey`,
      call: (v) => sign(`${urlEndpoint}/a.jpg`, { ...signOptions, privateKey: v as string }),
      accepts: ["a numeric string"],
      code: "INVALID_PRIVATE_KEY",
    },
    {
      title: `${name} urlEndpoint`,
      call: (v) => sign(`${urlEndpoint}/a.jpg`, { ...signOptions, urlEndpoint: v as string }),
      code: ["MISSING_URL_ENDPOINT", "INVALID_URL_ENDPOINT"],
    },
    {
      title: `${name} expireSeconds`,
      call: (v) => sign(`${urlEndpoint}/a.jpg`, { ...signOptions, expireSeconds: v as number }),
      accepts: ["undefined", "0", "42"],
      code: "INVALID_EXPIRY",
    },
    {
      title: `${name} now`,
      call: (v) => sign(`${urlEndpoint}/a.jpg`, { ...signOptions, now: v as number }),
      accepts: ["undefined", "0", "42"],
      code: "INVALID_VALUE",
    },
  ]),
  {
    title: "getAuthenticationParameters options",
    call: (v) => getAuthenticationParameters(v as never),
    code: ["INVALID_OPTIONS", "INVALID_PRIVATE_KEY"],
  },
  {
    title: "getAuthenticationParameters privateKey",
    call: (v) => getAuthenticationParameters({ privateKey: v as string }),
    accepts: ["a numeric string"],
    code: "INVALID_PRIVATE_KEY",
  },
  {
    title: "getAuthenticationParameters token",
    call: (v) => getAuthenticationParameters({ privateKey: SECRET, token: v as string }),
    accepts: ["undefined", "a numeric string"],
    code: "INVALID_VALUE",
  },
  {
    title: "getAuthenticationParameters expire",
    call: (v) => getAuthenticationParameters({ privateKey: SECRET, expire: v as number, now: 0 }),
    accepts: ["undefined", "0", "42"],
    code: "INVALID_EXPIRY",
  },
  {
    title: "getAuthenticationParameters now",
    call: (v) => getAuthenticationParameters({ privateKey: SECRET, now: v as number }),
    accepts: ["undefined", "0", "42"],
    code: "INVALID_VALUE",
  },
  ...verifiers.flatMap(([name, verify]): Slot[] => [
    {
      title: `${name} rawBody`,
      call: (v) => verify(v, SECRET, { now: t }),
      accepts: ["a numeric string", "an empty string", "a lone surrogate"],
      code: ["WEBHOOK_PAYLOAD_INVALID", "WEBHOOK_SIGNATURE_MISMATCH"],
    },
    {
      title: `${name} secret`,
      call: (v) => verify(body, v, { now: t }),
      accepts: ["a numeric string"],
      code: ["INVALID_SECRET", "WEBHOOK_SIGNATURE_MISMATCH"],
    },
    {
      title: `${name} options`,
      call: (v) => verify(body, SECRET, v as object),
      accepts: ["undefined"],
      code: ["INVALID_OPTIONS", "WEBHOOK_TIMESTAMP_TOO_OLD"],
    },
    {
      title: `${name} now`,
      call: (v) => verify(body, SECRET, { now: v }),
      code: ["INVALID_VALUE", "WEBHOOK_TIMESTAMP_TOO_OLD"],
    },
    {
      title: `${name} toleranceMs`,
      call: (v) => verify(body, SECRET, { now: t, toleranceMs: v }),
      accepts: ["undefined", "0", "42"],
      code: "INVALID_VALUE",
    },
  ]),
  {
    title: "verifyWebhookEvent signatureHeader",
    call: (v) => verifyWebhookEvent(body, v as string, SECRET, { now: t }),
    code: ["WEBHOOK_SIGNATURE_MISSING", "WEBHOOK_SIGNATURE_MALFORMED"],
  },
  {
    title: "verifyStandardWebhook headers",
    call: (v) => verifyStandardWebhook(body, v as never, SECRET, { now: t }),
    code: "WEBHOOK_SIGNATURE_MISSING",
  },
  {
    title: "verifyStandardWebhook webhook-signature",
    call: (v) =>
      verifyStandardWebhook(body, { ...standardHeaders, "webhook-signature": v as string }, SECRET, { now: t }),
    code: ["WEBHOOK_SIGNATURE_MISSING", "WEBHOOK_SIGNATURE_MALFORMED"],
  },
  {
    title: "verifyStandardWebhook webhook-timestamp",
    call: (v) =>
      verifyStandardWebhook(body, { ...standardHeaders, "webhook-timestamp": v as string }, SECRET, { now: t }),
    accepts: ["a numeric string"],
    code: ["WEBHOOK_SIGNATURE_MISSING", "WEBHOOK_SIGNATURE_MALFORMED"],
  },
  { title: "pHashDistance first", call: (v) => pHashDistance(v as string, "f0"), code: "INVALID_PHASH" },
  { title: "pHashDistance second", call: (v) => pHashDistance("f0", v as string), code: "INVALID_PHASH" },
];

describe("hostile input to the parsing, signing and webhook exports", () => {
  it("the valid calls the slots start from succeed", async () => {
    expect(parseUrl(`${urlEndpoint}/a.jpg`).path).toBe("/a.jpg");
    expect(signUrlSync(`${urlEndpoint}/a.jpg`, signOptions)).toMatch(/\?ik-t=1700000060&ik-s=[0-9a-f]{40}$/);
    expect((await verifyWebhookEvent(body, header, SECRET, { now: t })).event).toEqual(JSON.parse(body));
    expect((await verifyStandardWebhook(body, standardHeaders, SECRET, { now: t })).id).toBe("msg_1");
  });

  for (const slot of SLOTS) {
    it(`${slot.title}: every wrong type is an IkitError with its code`, async () => {
      const codes = typeof slot.code === "string" ? [slot.code] : slot.code;
      for (const [label, value] of HOSTILE) {
        if (slot.accepts?.includes(label)) continue;
        const error = await errorWithoutSecret(() => slot.call(value));
        expect(codes, `${slot.title} given ${label}: ${error.message}`).toContain(error.code);
      }
    });
  }
});

describe("invalid numbers never switch a check off", () => {
  const tooOld = t + 3_600_000;

  it.each([Number.NaN, "300000", Number.POSITIVE_INFINITY, -1, null])(
    "verifyWebhookEvent refuses toleranceMs %s instead of accepting a replay",
    async (toleranceMs) => {
      for (const verify of [
        () => verifyWebhookEvent(body, header, SECRET, { now: tooOld, toleranceMs: toleranceMs as number }),
        () => verifyStandardWebhook(body, standardHeaders, SECRET, { now: tooOld, toleranceMs: toleranceMs as number }),
      ]) {
        expect((await errorWithoutSecret(verify)).code).toBe("INVALID_VALUE");
      }
    },
  );

  it("refuses an unset environment variable read with Number() as the clock", async () => {
    const now = Number(undefined);
    expect((await errorWithoutSecret(() => verifyWebhookEvent(body, header, SECRET, { now }))).code).toBe(
      "INVALID_VALUE",
    );
    expect((await errorWithoutSecret(() => signUrlSync(`${urlEndpoint}/a.jpg`, { ...signOptions, now }))).code).toBe(
      "INVALID_VALUE",
    );
  });

  it("never writes ik-t=NaN: a NaN clock throws even without an expiry", async () => {
    for (const opts of [
      { ...signOptions, now: Number.NaN },
      { urlEndpoint, privateKey: SECRET, now: Number.NaN },
    ]) {
      expect((await errorWithoutSecret(() => signUrlSync(`${urlEndpoint}/a.jpg`, opts))).code).toBe("INVALID_VALUE");
      expect((await errorWithoutSecret(() => signUrl(`${urlEndpoint}/a.jpg`, opts))).code).toBe("INVALID_VALUE");
    }
  });

  it("counts whole seconds as imagekit 6 does, but refuses under one second instead of 'never expires'", async () => {
    expect(signUrlSync(`${urlEndpoint}/a.jpg`, { ...signOptions, expireSeconds: 1.9 })).toContain("ik-t=1700000001&");
    const error = await errorWithoutSecret(() =>
      signUrlSync(`${urlEndpoint}/a.jpg`, { ...signOptions, expireSeconds: 0.5 }),
    );
    expect(error.code).toBe("INVALID_EXPIRY");
  });

  it("refuses expireSeconds past ImageKit's 9999999999 instead of writing an exponent", async () => {
    const error = await errorWithoutSecret(() =>
      signUrlSync(`${urlEndpoint}/a.jpg`, { ...signOptions, expireSeconds: 1e300 }),
    );
    expect(error.code).toBe("INVALID_EXPIRY");
  });

  it("refuses a timestamp too large for a date without a RangeError", async () => {
    const huge = "9007199254740991";
    const signed = `t=${huge},v1=${await hmacHex(SECRET, `${huge}.${body}`, "SHA-256")}`;
    expect((await errorWithoutSecret(() => verifyWebhookEvent(body, signed, SECRET, { now: t }))).code).toBe(
      "WEBHOOK_TIMESTAMP_TOO_OLD",
    );
  });
});

describe("secrets never reach an error", () => {
  it("does not echo a secret passed in the wrong place", async () => {
    // errorWithoutSecret checks message and value of each for the secret.
    await errorWithoutSecret(() => verifyWebhookEvent(body, SECRET, header));
    await errorWithoutSecret(() => verifyWebhookEvent(body, SECRET, SECRET));
    await errorWithoutSecret(() => signUrlSync(`${urlEndpoint}/a.jpg`, SECRET as never));
    await errorWithoutSecret(() => getAuthenticationParameters(SECRET as never));
    await errorWithoutSecret(() => verifyWebhookEvent(body, header, SECRET, SECRET as never));
    await errorWithoutSecret(() => verifyStandardWebhook(body, SECRET as never, SECRET));
  });

  it("describes a malformed secret by its kind only", async () => {
    const malformed = `${SECRET}${LONE_SURROGATE}`;
    const error = await errorWithoutSecret(() =>
      signUrlSync(`${urlEndpoint}/a.jpg`, { ...signOptions, privateKey: malformed }),
    );
    expect(error.code).toBe("INVALID_PRIVATE_KEY");
    expect(error.message).toContain("malformed text");
    expect(error.value).toBeUndefined();
  });

  it("caps the signatures one request makes it check", async () => {
    const many = `t=${t},${Array.from({ length: 100 }, () => `v1=${"0".repeat(64)}`).join(",")}`;
    expect((await errorWithoutSecret(() => verifyWebhookEvent(body, many, SECRET, { now: t }))).code).toBe(
      "WEBHOOK_SIGNATURE_MALFORMED",
    );
  });
});
