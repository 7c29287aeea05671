import { describe, expect, it } from "vitest";
import { call, expectSignedByKey, sniff, testWorker, upstream } from "./helpers.js";

/** The attributes of every element with an `id`, read back with HTMLRewriter itself. */
async function attributesById(response: Response): Promise<Record<string, Record<string, string>>> {
  const found: Record<string, Record<string, string>> = {};
  await new HTMLRewriter()
    .on("[id]", {
      element(element) {
        found[element.getAttribute("id") as string] = Object.fromEntries(element.attributes);
      },
    })
    .transform(response)
    .text();
  return found;
}

const urlsOf = (srcset: string | undefined) => (srcset ?? "").split(/,\s+/).map((c) => c.split(" ")[0] as string);

describe("HTML rewriting in front of the origin", () => {
  const worker = testWorker({
    html: {
      origin: `${upstream.siteUrl}/site`,
      paths: ["/media/"],
      transformation: [{ quality: 80 }],
      dimensions: { "/media/card.png": { width: 1200, height: 800 }, "/media/hero.png": { width: 1600, height: 900 } },
    },
  });

  it("rewrites <img> under the media paths to signed ImageKit URLs with srcset and sizes, keeping width and loading", async () => {
    const response = await call(worker, "/index.html");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const page = await attributesById(response);
    const hero = page.hero as Record<string, string>;
    expect(hero.width).toBe("400");
    expect(hero.loading).toBe("lazy");
    expect(hero.alt).toBe("Hero");
    expect(hero.height).toBe("225"); // 400 × 900 / 1600, from the configured dimensions
    expect(hero.src).toMatch(
      new RegExp(`^${upstream.urlEndpoint}/tr:q-80:w-828,c-at_max/media/hero\\.png\\?ik-s=[0-9a-f]{40}$`),
    );
    expect(hero.srcset).toMatch(
      /tr:q-80:w-640,c-at_max\/media\/hero\.png\?ik-s=[0-9a-f]{40} 1x, .*tr:q-80:w-828,c-at_max\/media\/hero\.png\?ik-s=[0-9a-f]{40} 2x$/,
    );
    expect(hero.sizes).toBeUndefined();
    for (const url of [hero.src as string, ...urlsOf(hero.srcset)]) await expectSignedByKey(url);
    const image = await fetch(hero.src as string);
    expect(image.status).toBe(200);
    expect(sniff(await image.arrayBuffer())).toBe("png");
  });

  it("adds width and height where the configuration knows them, with a w-descriptor srcset and sizes", async () => {
    const page = await attributesById(await call(worker, "/index.html"));
    const card = page.card as Record<string, string>;
    expect(card.width).toBe("1200");
    expect(card.height).toBe("800");
    expect(card.sizes).toBe("100vw");
    expect(card.srcset).toMatch(/ 640w, .* 3840w$/);
    const logo = page.logo as Record<string, string>;
    expect(logo.sizes).toBe("50vw");
    expect(logo.width).toBeUndefined();
    expect(urlsOf(logo.srcset)[0]).toContain("w-384,c-at_max"); // 50vw of a 640 px screen (320) rules out narrower candidates
  });

  it("rewrites <source srcset> in <picture> and <source src> in <video>, and leaves other paths and hosts alone", async () => {
    const page = await attributesById(await call(worker, "/index.html"));
    const source = page["src-webp"] as Record<string, string>;
    expect(source.srcset).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/emulator\/tr:q-80\/media\/hero\.png\?ik-s=\w+ 1x, .*\?ik-s=\w+ 2x$/,
    );
    expect(source.type).toBe("image/webp");
    expect(page.vid?.src).toMatch(/\/emulator\/media\/clip\.mp4\?ik-s=[0-9a-f]{40}$/);
    expect(page.pic?.src).toContain("/emulator/tr:q-80:");
    expect(page.other).toEqual({ id: "other", src: "/static/other.png", alt: "Elsewhere", width: "10", height: "10" });
    expect(page.abs?.src).toBe("https://cdn.example.com/media/hero.png");
  });

  it("asks ImageKit only for breakpoint widths, however wide a w descriptor in the HTML claims to be", async () => {
    const page = await attributesById(await call(worker, "/comments.html"));
    const widthsOf = (srcset: string | undefined) =>
      urlsOf(srcset).map((url) => Number(/:w-(\d+),c-at_max\//.exec(url)?.[1]));
    // Snapped up to the nearest of core's default breakpoints, the widest (3840) at most.
    expect(widthsOf(page.huge?.srcset)).toEqual([3840, 750]);
    expect(page.huge?.srcset).toMatch(/ 99999w, .* 700w$/);
    expect(widthsOf(page["huge-src"]?.srcset)).toEqual([3840, 16]);
    for (const url of urlsOf(page.huge?.srcset)) await expectSignedByKey(url);
  });

  it("passes other responses through untouched", async () => {
    const missing = await call(worker, "/nothing-here.css");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("not found");
  });

  it("signs rewritten URLs with a rounded expiry when html.expireSeconds is set", async () => {
    const expiring = testWorker({
      html: { origin: `${upstream.siteUrl}/site`, paths: ["/media/"], expireSeconds: 86_400 },
    });
    const page = await attributesById(await call(expiring, "/index.html"));
    const expiry = await expectSignedByKey(page.hero?.src as string);
    expect(expiry % 600).toBe(0);
    expect(expiry - Date.now() / 1000).toBeGreaterThan(86_000);
  });
});
