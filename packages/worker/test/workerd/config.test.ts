import { describe, expect, it } from "vitest";
import readyWorker, {
  createImageWorker,
  type ImageWorkerConfig,
  type ImageWorkerEnv,
  type ReadyWorkerEnv,
  WorkerConfigError,
} from "../../src/index.js";

function problemsOf(config: unknown): Array<{ key: string; message: string }> {
  try {
    createImageWorker(config as ImageWorkerConfig);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkerConfigError);
    return [...(error as WorkerConfigError).problems];
  }
  throw new Error("the configuration was accepted");
}

const base = { urlEndpoint: "https://ik.imagekit.io/demo", allow: { paths: ["/products/"] } };

describe("configuration, validated at start", () => {
  it("accepts the smallest configuration, and is a module worker as workers-types defines one", () => {
    // Compile-time: the package's own runtime types (WaitUntil, …) fit Cloudflare's ExportedHandler.
    const handler: ExportedHandler<ImageWorkerEnv> = createImageWorker(base);
    const ready: ExportedHandler<ReadyWorkerEnv> = readyWorker;
    expect(handler.fetch).toBeTypeOf("function");
    expect(ready.fetch).toBeTypeOf("function");
  });

  it("says which key is wrong and what to write instead", () => {
    expect(problemsOf({ allow: { paths: ["/products/"] } })).toEqual([
      { key: "urlEndpoint", message: 'required, e.g. "https://ik.imagekit.io/your_imagekit_id".' },
    ]);
    expect(problemsOf({ ...base, urlEndpoint: "ik.imagekit.io/demo" })[0]).toMatchObject({
      key: "urlEndpoint",
      message: expect.stringContaining("absolute http(s) URL"),
    });
    expect(problemsOf({ urlEndpoint: base.urlEndpoint, allow: {} })).toEqual([
      { key: "allow.paths", message: 'list the path prefixes to allow, e.g. ["/products/"].' },
    ]);
  });

  it("lists every problem at once, each under its key", () => {
    const problems = problemsOf({
      ...base,
      mode: "cdn",
      allow: {
        paths: ["products", "/a/../b/"],
        widths: [320, 0, 99999],
        width: [1],
        snapWidths: "yes",
        qualities: [101],
      },
      presets: { thumb: [{ widht: 100 }], "bad name!": [{ width: 1 }], ok: [{ width: "iw_div_x" }] },
      cache: { ttlSeconds: -1 },
      auth: { allowedOrigins: ["https://app.example.com/path"] },
      webhook: {},
      sign: { maxBatch: 5000, path: "/img" },
    });
    const keys = problems.map((p) => p.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        "mode",
        "allow.paths[0]",
        "allow.paths[1]",
        "allow.widths[1]",
        "allow.widths[2]",
        "allow.width",
        "allow.snapWidths",
        "allow.qualities[0]",
        "presets.thumb",
        "presets.bad name!",
        "presets.ok",
        "cache.ttlSeconds",
        "auth.publicKey",
        "auth.allowedOrigins[0]",
        "webhook.onEvent",
        "sign.maxBatch",
        "routes",
      ]),
    );
    expect(problems.find((p) => p.key === "presets.thumb")?.message).toContain(
      'unknown transformation parameter "widht"',
    );
    expect(problems.find((p) => p.key === "allow.width")?.message).toContain("unknown key");
    expect(problems.find((p) => p.key === "routes")?.message).toBe(
      'two routes are mounted at "/img"; give each its own path.',
    );
  });

  it("puts the problems in the error message, one per line", () => {
    expect(() => createImageWorker({ ...base, mode: "cdn" } as unknown as ImageWorkerConfig)).toThrow(
      '@ikit/worker configuration: 1 problem\n  - mode: expected one of "proxy", "redirect", got "cdn".',
    );
  });

  it("checks that html.transformation names a defined preset", () => {
    expect(
      problemsOf({
        ...base,
        html: { origin: "https://origin.example.com", paths: ["/media/"], transformation: "nope" },
      }),
    ).toEqual([{ key: "html.transformation", message: 'no preset named "nope"; define it under presets.' }]);
  });
});
