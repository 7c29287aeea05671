import type { Transformation, WebhookEvent } from "@ikit/core";
import { validateTransformation } from "@ikit/core/strict";
import { type ConfigProblem, WorkerConfigError } from "./errors.js";
import type { WaitUntil } from "./runtime.js";
import { FIT_STEPS, OUTPUT_FORMATS } from "./url/route.js";

/**
 * `proxy` fetches the signed URL and streams it from the edge cache; `redirect` answers a 302 to it.
 *
 * @example
 * ```ts
 * const mode: DeliveryMode = "redirect";
 * ```
 */
export type DeliveryMode = "proxy" | "redirect";

/**
 * `fit` in `/img/<path>?fit=`: `cover` crops to fill the box (ImageKit's default, `c-maintain_ratio`), `contain` fits
 * inside it without upscaling (`c-at_max`), `fill` stretches (`c-force`), `pad` fits and pads (`cm-pad_resize`).
 *
 * @example
 * ```ts
 * const fits: Fit[] = ["cover", "contain"]; // allow.fits
 * ```
 */
export type Fit = "cover" | "contain" | "fill" | "pad";

/**
 * `f` in `/img/<path>?f=`; `auto` lets ImageKit pick from the browser's `Accept` header.
 *
 * @example
 * ```ts
 * const formats: OutputFormat[] = ["auto", "webp"]; // allow.formats
 * ```
 */
export type OutputFormat = "auto" | "avif" | "webp" | "jpg" | "png";

/**
 * What `/img/<path>?w=…` may ask for. Anything else is refused with a 4xx that says what is allowed.
 *
 * @example
 * ```ts
 * const allow: ImageAllowList = { paths: ["/products/"], widths: [320, 640], snapWidths: true };
 * ```
 */
export interface ImageAllowList {
  /** Path prefixes the worker may serve, e.g. `["/products/", "/blog/"]`. Required: nothing is served by default. */
  paths: readonly string[];
  /** File extensions, lower case, without the dot. @default ["jpg", "jpeg", "png", "webp", "avif", "gif", "mp4", "webm"] */
  extensions?: readonly string[];
  /** Widths `w` may take. Without it, `w` is refused. @example [320, 640, 960, 1280, 1920] */
  widths?: readonly number[];
  /** Round any `w` to the nearest allowed width instead of refusing it. @default false */
  snapWidths?: boolean;
  /** Heights `h` may take. Without it, `h` is refused. */
  heights?: readonly number[];
  /** Qualities `q` may take (1 to 100). Without it, `q` is refused. */
  qualities?: readonly number[];
  /** Device pixel ratios `dpr` may take (0.1 to 5). Without it, `dpr` is refused. */
  dprs?: readonly number[];
  /** Values `fit` may take. @default ["cover", "contain", "fill", "pad"] */
  fits?: readonly Fit[];
  /** Values `f` may take. @default ["auto", "avif", "webp", "jpg", "png"] */
  formats?: readonly OutputFormat[];
}

/**
 * The edge cache of proxy mode (the Cache API, per Cloudflare location).
 *
 * @example
 * ```ts
 * const cache: CacheConfig = { ttlSeconds: 3600, staleSeconds: 86_400 };
 * ```
 */
export interface CacheConfig {
  /** Seconds a cached image is served without asking ImageKit again. @default 86400 */
  ttlSeconds?: number;
  /** Seconds after that during which the cached copy is still served when ImageKit fails or times out. @default 604800 */
  staleSeconds?: number;
  /** `max-age` sent to browsers. @default 3600 */
  browserTtlSeconds?: number;
  /**
   * The largest response (by `Content-Length`) kept in the cache; larger or unsized ones stream straight through
   * (`X-Ikit-Cache: BYPASS`). Caching a body means reading it twice, and a slow browser would make the isolate hold
   * up to this much of it. @default 8388608 (8 MiB)
   */
  maxBodyBytes?: number;
}

/**
 * Redirect mode: short-lived signed URLs whose expiry is rounded, so one URL serves a whole window of requests.
 *
 * @example
 * ```ts
 * const redirect: RedirectConfig = { expireSeconds: 900, roundSeconds: 300 };
 * ```
 */
export interface RedirectConfig {
  /** The least time a redirect target stays valid. @default 3600 */
  expireSeconds?: number;
  /** Expiries are rounded up to a multiple of this, so browsers and CDNs see the same URL and can cache it. @default 600 */
  roundSeconds?: number;
}

/**
 * HTML rewriting in front of your site: `<img>`/`<source>` under `paths` become signed, responsive ImageKit URLs.
 *
 * @example
 * ```ts
 * const html: HtmlConfig = { origin: "https://origin.example.com", paths: ["/media/"], transformation: [{ quality: 80 }] };
 * ```
 */
export interface HtmlConfig {
  /** Your site's origin, which every request the worker does not handle itself goes to, e.g. `https://origin.example.com`. */
  origin: string;
  /** Path prefixes of images to rewrite, e.g. `["/media/"]`; the same path is requested from ImageKit. */
  paths: readonly string[];
  /** A preset name or steps applied before each responsive width. */
  transformation?: string | readonly Transformation[];
  /** `sizes` for `<img>` elements that have neither `width` nor `sizes`. @default "100vw" */
  sizes?: string;
  /** Known dimensions by path, added as `width`/`height` where the HTML lacks them. */
  dimensions?: Readonly<Record<string, { width: number; height: number }>>;
  /** Widths offered in `srcset`. @default core's [640, 750, 828, 1080, 1200, 1920, 2048, 3840] */
  deviceBreakpoints?: readonly number[];
  /** Smaller widths, used with `sizes` or `width`. @default core's [16, 32, 48, 64, 96, 128, 256, 384] */
  imageBreakpoints?: readonly number[];
  /** Seconds the rewritten URLs stay valid; omit for URLs that never expire (signed, so they cannot be altered). */
  expireSeconds?: number;
}

/**
 * `true`/`false`, or who the caller is (the key of its rate limit).
 *
 * @example
 * ```ts
 * const result: AuthorizeResult = { clientId: "user-42" };
 * ```
 */
export type AuthorizeResult = boolean | { clientId: string };

/**
 * `GET|POST /auth`: upload credentials for `@ikit/upload`.
 *
 * @example
 * ```ts
 * const auth: AuthConfig = {
 *   publicKey: "public_…",
 *   allowedOrigins: ["https://app.example.com"],
 *   authorize: (request) => request.headers.get("cookie")?.includes("session=") === true,
 * };
 * ```
 */
export interface AuthConfig<Env = unknown> {
  /** Your ImageKit public key (not a secret), returned with each token. */
  publicKey: string;
  /** Browser origins allowed to call it (CORS), e.g. `["https://app.example.com"]`. Requests without `Origin` pass unless marked `Sec-Fetch-Site: cross-site`. */
  allowedOrigins: readonly string[];
  /**
   * Decides whether the caller may upload (check a session cookie or bearer token); `false` or a throw answers 401.
   * Give this or `anonymous: true`: without either the configuration is refused, so no worker hands out tokens by
   * accident.
   */
  authorize?: (request: Request, env: Env) => AuthorizeResult | Promise<AuthorizeResult>;
  /**
   * `true` hands tokens to every caller that is not a browser page on another origin: any server or `curl` gets them,
   * limited only by `rateLimitBinding` per IP address (IPv6 per /64). Only for uploads anyone may make; the ready
   * worker, which cannot hold a function, needs it for `/auth`. Not together with `authorize`. @default false
   */
  anonymous?: boolean;
  /** The name of a Rate Limiting binding (`ratelimits` in wrangler config), keyed per client, or `false` for none. @default "AUTH_RATE_LIMITER" */
  rateLimitBinding?: string | false;
  /** Seconds each token stays valid; ImageKit accepts at most 3600. @default 1800 */
  expireSeconds?: number;
  /** @default "/auth" */
  path?: string;
}

/**
 * What the webhook callback learns besides the event.
 *
 * @example
 * ```ts
 * const onEvent = (event: { type: string }, { id, scheme }: WebhookDelivery) => console.log(event.type, id, scheme);
 * ```
 */
export interface WebhookDelivery<Env = unknown> {
  /** `webhook-id` (Standard Webhooks) or the event's `id` (legacy `x-ik-signature`). */
  id: string;
  /** When ImageKit signed it, in milliseconds since the epoch. */
  timestamp: number;
  /** Which signature scheme it came with. */
  scheme: "standard" | "legacy";
  env: Env;
  ctx: WaitUntil;
}

/**
 * `POST /webhook`: verified ImageKit events for your callback.
 *
 * @example
 * ```ts
 * const webhook: WebhookConfig = { onEvent: (event) => console.log(event.type), replayStore: { kv: "WEBHOOK_SEEN" } };
 * ```
 */
export interface WebhookConfig<Env = unknown> {
  /** Called once per verified, fresh, not yet seen event. A throw answers 500, so ImageKit retries. */
  onEvent: (event: WebhookEvent, delivery: WebhookDelivery<Env>) => void | Promise<void>;
  /** How far the signed timestamp may be from now. @default 300000 (5 min) */
  toleranceMs?: number;
  /**
   * Where seen deliveries are remembered: `"cache"` (the Cache API: no binding, immediately consistent within a
   * Cloudflare location) or `{ kv: "BINDING" }` (Workers KV: global, but a write takes up to 60 s to be seen
   * elsewhere). @default "cache"
   */
  replayStore?: "cache" | { kv: string };
  /** @default 1048576 (1 MiB) */
  maxBodyBytes?: number;
  /** @default "/webhook" */
  path?: string;
}

/**
 * `POST /sign`: signed URLs in bulk for server code that cannot hold the private key.
 *
 * @example
 * ```ts
 * const sign: SignConfig = { maxBatch: 50, maxExpireSeconds: 86_400 };
 * ```
 */
export interface SignConfig {
  /** Most items in one request. @default 100 */
  maxBatch?: number;
  /** Longest expiry an item may ask for; items without one never expire. @default 604800 (7 days) */
  maxExpireSeconds?: number;
  /** @default "/sign" */
  path?: string;
}

/**
 * The configuration of {@link createImageWorker}. Only `urlEndpoint` and `allow.paths` are required; each route other
 * than `/img` is on only when its key is given. Secrets never go here: they come from `env` (see `ImageWorkerEnv`).
 *
 * @example
 * ```ts
 * const config: ImageWorkerConfig = {
 *   urlEndpoint: "https://ik.imagekit.io/demo",
 *   presets: { thumb: [{ width: 200, height: 200, focus: "auto" }] },
 *   allow: { paths: ["/products/"], widths: [320, 640, 1280], snapWidths: true, qualities: [60, 80] },
 * };
 * ```
 */
export interface ImageWorkerConfig<Env = unknown> {
  /** Your ImageKit URL endpoint, e.g. `https://ik.imagekit.io/your_imagekit_id`. */
  urlEndpoint: string;
  /** @default "proxy" */
  mode?: DeliveryMode;
  /** Where the image route is mounted. @default "/img" */
  imagePath?: string;
  /** Named transformations, served at `/img/<name>/<path>`: any steps, expressions and overlays included. */
  presets?: Readonly<Record<string, readonly Transformation[]>>;
  allow: ImageAllowList;
  cache?: CacheConfig;
  /** How long to wait for ImageKit's response headers. @default 10000 */
  upstreamTimeoutMs?: number;
  redirect?: RedirectConfig;
  html?: HtmlConfig;
  auth?: AuthConfig<Env>;
  webhook?: WebhookConfig<Env>;
  sign?: SignConfig;
}

/**
 * The configuration after validation, with every default filled in.
 *
 * @example
 * ```ts
 * const resolved: ResolvedConfig = resolveConfig({ urlEndpoint, allow: { paths: ["/p/"] } });
 * resolved.cache.ttlSeconds; // 86400
 * ```
 */
export interface ResolvedConfig<Env = unknown> {
  urlEndpoint: string;
  mode: DeliveryMode;
  imagePath: string;
  presets: ReadonlyMap<string, readonly Transformation[]>;
  allow: {
    paths: readonly string[];
    extensions: ReadonlySet<string>;
    widths: readonly number[];
    snapWidths: boolean;
    heights: readonly number[];
    qualities: readonly number[];
    dprs: readonly number[];
    fits: ReadonlySet<Fit>;
    formats: ReadonlySet<OutputFormat>;
  };
  cache: Required<CacheConfig>;
  upstreamTimeoutMs: number;
  redirect: Required<RedirectConfig>;
  html?: Omit<HtmlConfig, "transformation"> & { transformation: readonly Transformation[] };
  auth?: Required<Omit<AuthConfig<Env>, "authorize">> & Pick<AuthConfig<Env>, "authorize">;
  webhook?: Required<WebhookConfig<Env>>;
  sign?: Required<SignConfig>;
}

const FITS = Object.keys(FIT_STEPS) as Fit[];
const EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif", "gif", "mp4", "webm"];
const PRESET_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/i;
const ROUTE_PATH = /^\/[a-z0-9/_-]*[a-z0-9_-]$/i;

/** Collects problems under their keys, so one run reports all of them. */
class Checker {
  readonly problems: ConfigProblem[] = [];

  fail(key: string, message: string): undefined {
    this.problems.push({ key, message });
    return undefined;
  }

  object(value: unknown, key: string, known: readonly string[]): Record<string, unknown> | undefined {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return this.fail(key, `expected an object, got ${describe(value)}.`);
    }
    for (const name of Object.keys(value)) {
      if (!known.includes(name)) {
        this.fail(`${key ? `${key}.` : ""}${name}`, `unknown key; the keys here are ${known.join(", ")}.`);
      }
    }
    return value as Record<string, unknown>;
  }

  number(value: unknown, key: string, min: number, max: number, fallback: number, integer = true): number {
    if (value === undefined) return fallback;
    if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
      this.fail(
        key,
        `expected ${integer ? "a whole number" : "a number"} from ${min} to ${max}, got ${describe(value)}.`,
      );
      return fallback;
    }
    if (integer && !Number.isInteger(value)) this.fail(key, `expected a whole number, got ${value}.`);
    return value;
  }

  numbers(value: unknown, key: string, min: number, max: number, integer = true): number[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.fail(key, `expected an array of numbers from ${min} to ${max}, got ${describe(value)}.`);
      return [];
    }
    const out = value.map((item, index) => this.number(item, `${key}[${index}]`, min, max, Number.NaN, integer));
    return [...new Set(out.filter((n) => !Number.isNaN(n)))].sort((a, b) => a - b);
  }

  string(value: unknown, key: string, fallback?: string): string | undefined {
    if (value === undefined) return fallback;
    if (typeof value !== "string" || value === "")
      return this.fail(key, `expected a non-empty string, got ${describe(value)}.`);
    return value;
  }

  oneOf<T extends string>(value: unknown, key: string, allowed: readonly T[], fallback: T): T {
    if (value === undefined) return fallback;
    if (!allowed.includes(value as T)) {
      this.fail(key, `expected one of ${allowed.map((a) => `"${a}"`).join(", ")}, got ${describe(value)}.`);
      return fallback;
    }
    return value as T;
  }

  list<T extends string>(value: unknown, key: string, allowed: readonly T[]): Set<T> {
    if (value === undefined) return new Set(allowed);
    if (!Array.isArray(value)) {
      this.fail(key, `expected an array of ${allowed.map((a) => `"${a}"`).join(", ")}.`);
      return new Set(allowed);
    }
    return new Set(value.map((item, index) => this.oneOf(item, `${key}[${index}]`, allowed, allowed[0] as T)));
  }

  prefixes(value: unknown, key: string, example: string): string[] {
    if (!Array.isArray(value) || value.length === 0) {
      this.fail(key, `list the path prefixes to allow, e.g. ["${example}"].`);
      return [];
    }
    return value.filter((prefix, index) => {
      const ok = typeof prefix === "string" && /^\/([^/?#\\]+\/)*$/.test(prefix) && !/(^|\/)\.\.?\//.test(prefix);
      if (!ok) {
        this.fail(
          `${key}[${index}]`,
          `a prefix starts and ends with "/" and has no "..", "?", "#" or "\\" (e.g. "${example}"), got ${describe(prefix)}.`,
        );
      }
      return ok;
    });
  }

  url(value: unknown, key: string, example: string): string | undefined {
    const text = this.string(value, key);
    if (text === undefined) return value === undefined ? this.fail(key, `required, e.g. "${example}".`) : undefined;
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      return this.fail(key, `expected an absolute http(s) URL such as "${example}", got ${describe(text)}.`);
    }
    if (!/^https?:$/.test(parsed.protocol) || parsed.search || parsed.hash || parsed.username || parsed.password) {
      return this.fail(key, `expected an http(s) URL without query, fragment or credentials, such as "${example}".`);
    }
    return text.replace(/\/+$/, "");
  }

  routePath(value: unknown, key: string, fallback: string): string {
    if (value === undefined) return fallback;
    if (typeof value !== "string" || !ROUTE_PATH.test(value)) {
      this.fail(key, `expected a path such as "${fallback}" (letters, digits, "/", "_", "-"; no trailing "/").`);
      return fallback;
    }
    return value;
  }

  steps(value: unknown, key: string): readonly Transformation[] | undefined {
    try {
      validateTransformation(value as readonly Transformation[]);
      if (!Array.isArray(value)) throw new Error("expected an array of steps such as [{ width: 300 }].");
      return value as readonly Transformation[];
    } catch (error) {
      return this.fail(key, (error as Error).message.replace(/^transformation/, "steps"));
    }
  }
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (Array.isArray(value)) return "an array";
  return value === null ? "null" : typeof value === "object" ? "an object" : String(value);
}

function resolveHtml(c: Checker, value: unknown, presets: ReadonlyMap<string, readonly Transformation[]>) {
  const html = c.object(value, "html", [
    "origin",
    "paths",
    "transformation",
    "sizes",
    "dimensions",
    "deviceBreakpoints",
    "imageBreakpoints",
    "expireSeconds",
  ]);
  if (!html) return undefined;
  const origin = c.url(html.origin, "html.origin", "https://origin.example.com");
  let transformation: readonly Transformation[] = [];
  if (typeof html.transformation === "string") {
    transformation =
      presets.get(html.transformation) ??
      c.fail("html.transformation", `no preset named ${describe(html.transformation)}; define it under presets.`) ??
      [];
  } else if (html.transformation !== undefined) {
    transformation = c.steps(html.transformation, "html.transformation") ?? [];
  }
  const dimensions =
    html.dimensions === undefined
      ? {}
      : c.object(html.dimensions, "html.dimensions", Object.keys(html.dimensions as object));
  for (const [path, size] of Object.entries(dimensions ?? {})) {
    const box = c.object(size, `html.dimensions["${path}"]`, ["width", "height"]);
    if (box) {
      c.number(box.width, `html.dimensions["${path}"].width`, 1, 100_000, 0);
      c.number(box.height, `html.dimensions["${path}"].height`, 1, 100_000, 0);
    }
  }
  const resolved = {
    origin: origin ?? "",
    paths: c.prefixes(html.paths, "html.paths", "/media/"),
    transformation,
    sizes: c.string(html.sizes, "html.sizes"),
    dimensions: (dimensions ?? {}) as HtmlConfig["dimensions"],
    deviceBreakpoints:
      html.deviceBreakpoints === undefined
        ? undefined
        : c.numbers(html.deviceBreakpoints, "html.deviceBreakpoints", 1, 10_000),
    imageBreakpoints:
      html.imageBreakpoints === undefined
        ? undefined
        : c.numbers(html.imageBreakpoints, "html.imageBreakpoints", 1, 10_000),
    expireSeconds:
      html.expireSeconds === undefined
        ? undefined
        : c.number(html.expireSeconds, "html.expireSeconds", 1, 31_536_000, 0),
  };
  return Object.fromEntries(Object.entries(resolved).filter(([, v]) => v !== undefined)) as unknown as NonNullable<
    ResolvedConfig["html"]
  >;
}

function resolveAuth<Env>(c: Checker, value: unknown): ResolvedConfig<Env>["auth"] {
  const auth = c.object(value, "auth", [
    "publicKey",
    "allowedOrigins",
    "authorize",
    "anonymous",
    "rateLimitBinding",
    "expireSeconds",
    "path",
  ]);
  if (!auth) return undefined;
  const origins = Array.isArray(auth.allowedOrigins) ? auth.allowedOrigins : [];
  if (!Array.isArray(auth.allowedOrigins)) {
    c.fail(
      "auth.allowedOrigins",
      'list the browser origins allowed to ask for upload tokens, e.g. ["https://app.example.com"].',
    );
  }
  origins.forEach((origin, index) => {
    let ok = false;
    try {
      ok = typeof origin === "string" && new URL(origin).origin === origin;
    } catch {}
    if (!ok)
      c.fail(
        `auth.allowedOrigins[${index}]`,
        `expected an origin such as "https://app.example.com" (scheme, host and port only), got ${describe(origin)}.`,
      );
  });
  if (auth.authorize !== undefined && typeof auth.authorize !== "function") {
    c.fail("auth.authorize", "expected a function (request, env) => boolean | { clientId }.");
  }
  if (auth.anonymous !== undefined && typeof auth.anonymous !== "boolean") {
    c.fail("auth.anonymous", `expected true or false, got ${describe(auth.anonymous)}.`);
  } else if (auth.anonymous === true && auth.authorize !== undefined) {
    c.fail("auth.anonymous", "choose one: authorize decides who gets tokens, anonymous: true gives them to everyone.");
  } else if (auth.anonymous !== true && auth.authorize === undefined) {
    c.fail(
      "auth",
      "say who may get upload tokens: authorize: (request, env) => boolean | { clientId } (check a session), or anonymous: true to give them to any caller that is not a browser on another origin (curl and servers included, limited only per IP address). Without either, anyone could upload to your ImageKit account.",
    );
  }
  const binding = auth.rateLimitBinding;
  if (binding !== undefined && binding !== false && (typeof binding !== "string" || binding === "")) {
    c.fail("auth.rateLimitBinding", 'expected the name of a ratelimits binding (e.g. "AUTH_RATE_LIMITER") or false.');
  }
  const resolved: NonNullable<ResolvedConfig<Env>["auth"]> = {
    publicKey:
      c.string(auth.publicKey, "auth.publicKey") ??
      c.fail("auth.publicKey", "required: your ImageKit public key (not a secret).") ??
      "",
    allowedOrigins: origins as string[],
    anonymous: auth.anonymous === true,
    rateLimitBinding: typeof binding === "string" || binding === false ? binding : "AUTH_RATE_LIMITER",
    expireSeconds: c.number(auth.expireSeconds, "auth.expireSeconds", 60, 3600, 1800),
    path: c.routePath(auth.path, "auth.path", "/auth"),
  };
  if (typeof auth.authorize === "function")
    resolved.authorize = auth.authorize as NonNullable<AuthConfig<Env>["authorize"]>;
  return resolved;
}

function resolveWebhook<Env>(c: Checker, value: unknown): ResolvedConfig<Env>["webhook"] {
  const webhook = c.object(value, "webhook", ["onEvent", "toleranceMs", "replayStore", "maxBodyBytes", "path"]);
  if (!webhook) return undefined;
  if (typeof webhook.onEvent !== "function")
    c.fail("webhook.onEvent", "required: a function (event, delivery) => void that handles each verified event.");
  const store = webhook.replayStore;
  const kvOk = typeof store === "object" && store !== null && typeof (store as { kv?: unknown }).kv === "string";
  if (store !== undefined && store !== "cache" && !kvOk) {
    c.fail("webhook.replayStore", 'expected "cache" or { kv: "BINDING_NAME" } (a KV namespace binding).');
  }
  return {
    onEvent: webhook.onEvent as WebhookConfig<Env>["onEvent"],
    toleranceMs: c.number(webhook.toleranceMs, "webhook.toleranceMs", 1000, 3_600_000, 300_000),
    replayStore: kvOk ? (store as { kv: string }) : "cache",
    maxBodyBytes: c.number(webhook.maxBodyBytes, "webhook.maxBodyBytes", 1024, 10_485_760, 1_048_576),
    path: c.routePath(webhook.path, "webhook.path", "/webhook"),
  };
}

function resolveSign(c: Checker, value: unknown): ResolvedConfig["sign"] {
  const sign = c.object(value, "sign", ["maxBatch", "maxExpireSeconds", "path"]);
  if (!sign) return undefined;
  return {
    maxBatch: c.number(sign.maxBatch, "sign.maxBatch", 1, 1000, 100),
    maxExpireSeconds: c.number(sign.maxExpireSeconds, "sign.maxExpireSeconds", 1, 31_536_000, 604_800),
    path: c.routePath(sign.path, "sign.path", "/sign"),
  };
}

/**
 * Validates a configuration and fills in the defaults. Throws a {@link WorkerConfigError} listing every key to fix.
 *
 * @example
 * ```ts
 * const resolved = resolveConfig({ urlEndpoint: "https://ik.imagekit.io/demo", allow: { paths: ["/products/"] } });
 * resolved.mode; // "proxy"
 * ```
 */
export function resolveConfig<Env>(config: ImageWorkerConfig<Env>): ResolvedConfig<Env> {
  const c = new Checker();
  const top = c.object(config, "", [
    "urlEndpoint",
    "mode",
    "imagePath",
    "presets",
    "allow",
    "cache",
    "upstreamTimeoutMs",
    "redirect",
    "html",
    "auth",
    "webhook",
    "sign",
  ]);
  if (!top) throw new WorkerConfigError(c.problems.map((p) => ({ ...p, key: "config" })));

  const presets = new Map<string, readonly Transformation[]>();
  if (top.presets !== undefined) {
    const given = c.object(top.presets, "presets", Object.keys(top.presets as object)) ?? {};
    for (const [name, steps] of Object.entries(given)) {
      if (!PRESET_NAME.test(name)) {
        c.fail(
          `presets.${name}`,
          "a preset name is 1 to 64 letters, digits, '_' or '-', starting with a letter or digit.",
        );
        continue;
      }
      const checked = c.steps(steps, `presets.${name}`);
      if (checked) presets.set(name, checked);
    }
  }

  const allow = c.object(top.allow, "allow", [
    "paths",
    "extensions",
    "widths",
    "snapWidths",
    "heights",
    "qualities",
    "dprs",
    "fits",
    "formats",
  ]);
  const extensions = allow?.extensions === undefined ? EXTENSIONS : allow.extensions;
  if (!Array.isArray(extensions) || extensions.some((e) => typeof e !== "string" || !/^[a-z0-9]{1,8}$/.test(e))) {
    c.fail("allow.extensions", 'expected lower-case extensions without the dot, e.g. ["jpg", "png", "webp"].');
  }
  if (allow?.snapWidths !== undefined && typeof allow.snapWidths !== "boolean")
    c.fail("allow.snapWidths", "expected true or false.");
  const widths = c.numbers(allow?.widths, "allow.widths", 1, 10_000);
  if (allow?.snapWidths === true && widths.length === 0) c.fail("allow.snapWidths", "needs allow.widths to snap to.");

  const imagePath = c.routePath(top.imagePath, "imagePath", "/img");
  const resolved: ResolvedConfig<Env> = {
    urlEndpoint: c.url(top.urlEndpoint, "urlEndpoint", "https://ik.imagekit.io/your_imagekit_id") ?? "",
    mode: c.oneOf(top.mode, "mode", ["proxy", "redirect"], "proxy"),
    imagePath,
    presets,
    allow: {
      paths: c.prefixes(allow?.paths, "allow.paths", "/products/"),
      extensions: new Set(Array.isArray(extensions) ? (extensions as string[]) : []),
      widths,
      snapWidths: allow?.snapWidths === true,
      heights: c.numbers(allow?.heights, "allow.heights", 1, 10_000),
      qualities: c.numbers(allow?.qualities, "allow.qualities", 1, 100),
      dprs: c.numbers(allow?.dprs, "allow.dprs", 0.1, 5, false),
      fits: c.list(allow?.fits, "allow.fits", FITS),
      formats: c.list(allow?.formats, "allow.formats", OUTPUT_FORMATS),
    },
    cache: { ttlSeconds: 0, staleSeconds: 0, browserTtlSeconds: 0, maxBodyBytes: 0 },
    upstreamTimeoutMs: c.number(top.upstreamTimeoutMs, "upstreamTimeoutMs", 100, 120_000, 10_000),
    redirect: { expireSeconds: 0, roundSeconds: 0 },
  };
  const cache =
    top.cache === undefined
      ? {}
      : (c.object(top.cache, "cache", ["ttlSeconds", "staleSeconds", "browserTtlSeconds", "maxBodyBytes"]) ?? {});
  resolved.cache = {
    ttlSeconds: c.number(cache.ttlSeconds, "cache.ttlSeconds", 0, 31_536_000, 86_400),
    staleSeconds: c.number(cache.staleSeconds, "cache.staleSeconds", 0, 31_536_000, 604_800),
    browserTtlSeconds: c.number(cache.browserTtlSeconds, "cache.browserTtlSeconds", 0, 31_536_000, 3600),
    // Cloudflare's Cache API stores objects up to 512 MB.
    maxBodyBytes: c.number(cache.maxBodyBytes, "cache.maxBodyBytes", 0, 536_870_912, 8_388_608),
  };
  const redirect =
    top.redirect === undefined ? {} : (c.object(top.redirect, "redirect", ["expireSeconds", "roundSeconds"]) ?? {});
  resolved.redirect = {
    expireSeconds: c.number(redirect.expireSeconds, "redirect.expireSeconds", 60, 31_536_000, 3600),
    roundSeconds: c.number(redirect.roundSeconds, "redirect.roundSeconds", 1, 86_400, 600),
  };

  const html = top.html === undefined ? undefined : resolveHtml(c, top.html, presets);
  if (html) resolved.html = html;
  const auth = top.auth === undefined ? undefined : resolveAuth<Env>(c, top.auth);
  if (auth) resolved.auth = auth;
  const webhook = top.webhook === undefined ? undefined : resolveWebhook<Env>(c, top.webhook);
  if (webhook) resolved.webhook = webhook;
  const sign = top.sign === undefined ? undefined : resolveSign(c, top.sign);
  if (sign) resolved.sign = sign;

  const routes = [imagePath, auth?.path, webhook?.path, sign?.path].filter((p): p is string => p !== undefined);
  routes.forEach((path, index) => {
    if (routes.indexOf(path) !== index)
      c.fail("routes", `two routes are mounted at "${path}"; give each its own path.`);
  });
  if (c.problems.length > 0) throw new WorkerConfigError(c.problems);
  return resolved;
}
