import { describe, expect, it } from "vitest";
import { call, deliveries, expectNoSecret, testWorker } from "./helpers.js";

// Each case: a request path, the status it must get, and the error code of the body. None may reach ImageKit.
const CASES: Array<[path: string, status: number, error: string]> = [
  ["/img/products/../private/secret.png", 403, "path_not_allowed"],
  ["/img/products/%2e%2e/private/secret.png", 403, "path_not_allowed"],
  ["/img/products/%2E%2E%2Fprivate%2Fsecret.png", 400, "invalid_path"],
  ["/img/products/.%2e/private/secret.png", 403, "path_not_allowed"],
  ["/img//products/shoe.png", 400, "invalid_path"],
  ["/img/products//shoe.png", 400, "invalid_path"],
  ["/img/products/", 400, "invalid_path"],
  ["/img/products%2Fshoe.png", 400, "invalid_path"],
  ["/img/products/%5C..%5Cprivate.png", 400, "invalid_path"],
  ["/img/products/shoe.png%00.jpg", 400, "invalid_path"],
  ["/img/products/%ff%fe.png", 400, "invalid_path"],
  ["/img/products/%E0%A4%A.png", 400, "invalid_path"],
  ["/img/products/%F0%9F%98%80.png", 400, "invalid_path"],
  ["/img/products/tr:w-8000/shoe.png", 400, "invalid_path"],
  ["/img/products/shoe%0d%0aX-Injected:%201.png", 400, "invalid_path"],
  [`/img/products/${"a".repeat(2000)}.png`, 414, "uri_too_long"],
  [`/img/products/shoe.png?w=${"9".repeat(600)}`, 414, "uri_too_long"],
  ["/img/products/shoe.png?w=1e5", 400, "invalid_parameter"],
  ["/img/products/shoe.png?w=-1", 400, "invalid_parameter"],
  ["/img/products/shoe.png?w=64&w=32", 400, "invalid_parameter"],
  ["/img/products/shoe.png?tr=w-8000", 400, "invalid_parameter"],
  ["/img/products/shoe.png?w=64%0d%0aSet-Cookie:%20x=1", 400, "invalid_parameter"],
  ["/img/products/shoe.png?q=101", 400, "parameter_not_allowed"],
  ["/img/products/shoe.png?q=79", 400, "parameter_not_allowed"],
  ["/img/products/shoe.png?dpr=9", 400, "parameter_not_allowed"],
  ["/img/products/shoe.png?h=100", 400, "parameter_not_allowed"],
  ["/img/products/shoe.png?fit=evil", 400, "parameter_not_allowed"],
  ["/img/products/shoe.png?f=svg", 400, "parameter_not_allowed"],
  ["/img/products/shoe.png?%ff=1", 400, "invalid_parameter"],
  ["/img/thumb/products/shoe.png?w=64", 400, "invalid_parameter"],
  ["/img/nosuch/products/shoe.png", 404, "unknown_preset"],
  ["/img/__proto__/products/shoe.png", 404, "unknown_preset"],
  ["/img/constructor/products/shoe.png", 404, "unknown_preset"],
  ["/img/private/secret.png", 403, "path_not_allowed"],
  ["/img/products/shoe.exe", 403, "extension_not_allowed"],
  ["/img/products/shoe", 403, "extension_not_allowed"],
  ["/img", 404, "not_found"],
];

describe("hostile input", () => {
  const worker = testWorker();

  it.each(CASES)("%s → %i %s, never reaching ImageKit", async (path, status, error) => {
    const before = (await deliveries("/emulator/")).length;
    const response = await call(worker, path);
    const body = await expectNoSecret(response);
    expect(response.status).toBe(status);
    expect(JSON.parse(body)).toMatchObject({ error, message: expect.any(String) });
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("x-injected")).toBeNull();
    expect(body.length).toBeLessThan(600);
    expect((await deliveries("/emulator/")).length).toBe(before);
  });

  it("does not list the configured presets to a visitor guessing at one", async () => {
    const body = await (await call(worker, "/img/nosuch/products/shoe.png")).text();
    expect(body).toContain("nosuch");
    for (const name of ["thumb", "half", "banner"]) expect(body).not.toContain(name);
  });

  it("refuses huge widths when widths are not snapped, without asking ImageKit", async () => {
    const exact = testWorker({ allow: { paths: ["/products/"], widths: [32, 64] } });
    const before = (await deliveries("/emulator/")).length;
    for (const [w, error] of [
      ["8000", "parameter_not_allowed"],
      ["99999999999999", "invalid_parameter"],
      ["1e9", "invalid_parameter"],
    ]) {
      const response = await call(exact, `/img/products/shoe.png?w=${w}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error });
    }
    expect((await deliveries("/emulator/")).length).toBe(before);
  });

  it("refuses methods other than GET and HEAD on images with 405 and Allow", async () => {
    const response = await call(worker, "/img/products/shoe.png?w=64", { method: "POST", body: "x" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });

  it("answers 4xx, never 5xx, to 300 random paths and queries made of dangerous characters", async () => {
    const pieces = [
      "..",
      ".",
      "%2e",
      "%2f",
      "%5c",
      "/",
      "//",
      "%00",
      "%0d%0a",
      "%ff",
      "%",
      "?",
      "&",
      "=",
      "w=",
      "q=",
      "tr:",
      ":",
      "~",
      "\\",
      "'",
      '"',
      "<",
      ">",
      "é",
      "😀",
      "a",
      "products/",
      "shoe.png",
      ";",
      "#",
      "%25",
      "+",
      " ",
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 300; i++) {
      let tail = "";
      for (let n = 1 + Math.floor(random() * 8); n > 0; n--) tail += pieces[Math.floor(random() * pieces.length)];
      let response: Response;
      try {
        response = await call(worker, `/img/${tail}`);
      } catch {
        continue; // a URL the Request constructor itself refuses never reaches a worker
      }
      await expectNoSecret(response);
      expect(response.status, `/img/${tail}`).toBeLessThan(500);
    }
  });
});
