// `npm run demo`: the main job end to end on the embedded default, a local ImageKit emulator (no account needed).
// A "server" issues upload auth, a "browser" uploads with it, then transformed and signed URLs built by @ikit/core
// are delivered by the emulator, which really resizes the image.
import { readFile } from "node:fs/promises";
import {
  buildSrc,
  div,
  getAuthenticationParameters,
  getResponsiveImageAttributes,
  parseUrl,
  signUrl,
  url,
} from "../packages/core/dist/index.js";
import { startEmulator } from "../packages/emulator/dist/index.js";

const emu = await startEmulator({ port: 0 });
const { urlEndpoint, publicKey, privateKey } = emu;
const line = (label, value) => console.log(`  ${label.padEnd(22)} ${value}`);

try {
  console.log(`ImageKit emulator on ${emu.apiBase} (URL endpoint ${urlEndpoint})\n`);

  // 1. Server side: upload auth for the browser. The private key stays here.
  const auth = await getAuthenticationParameters({ privateKey });
  console.log("1. Server issues upload auth");
  line("token / expire", `${auth.token} / ${auth.expire}`);

  // 2. Browser side: a direct upload with { token, expire, signature } and the public key only.
  const image = new Blob([await readFile(new URL("./assets/sample.jpg", import.meta.url))], { type: "image/jpeg" });
  async function upload(fields, auth) {
    const form = new FormData();
    form.set("file", image, "sample.jpg");
    for (const [key, value] of Object.entries({ ...auth, publicKey, ...fields })) form.set(key, String(value));
    return (await fetch(emu.uploadUrl, { method: "POST", body: form })).json();
  }
  const uploaded = await upload({ fileName: "sample.jpg", folder: "/demo", tags: "demo,sun" }, auth);
  console.log("\n2. Browser uploads straight to the upload API");
  line("filePath", uploaded.filePath);
  line("size, dimensions", `${uploaded.size} bytes, ${uploaded.width}×${uploaded.height}`);
  const reused = await upload({ fileName: "again.jpg" }, auth);
  line("same token again", `→ ${reused.message}`);

  // 3. URLs built by @ikit/core, delivered (and transformed) by the emulator.
  const path = uploaded.filePath;
  const urls = {
    original: buildSrc({ urlEndpoint, src: path }),
    "w-160 (query)": buildSrc({ urlEndpoint, src: path, transformation: [{ width: 160 }] }),
    "w-iw_div_4, rotated": url({ urlEndpoint, path, transformation: [{ width: div("iw", 4) }, { rotation: 90 }] }),
    "grayscale webp": url({ urlEndpoint, path, transformation: [{ width: 100, grayscale: true, format: "webp" }] }),
  };
  console.log("\n3. Delivery of URLs built by @ikit/core");
  const authHeader = `Basic ${btoa(`${privateKey}:`)}`;
  for (const [label, href] of Object.entries(urls)) {
    const response = await fetch(href);
    const meta = await (
      await fetch(`${emu.apiBase}/v1/metadata?url=${encodeURIComponent(href)}`, {
        headers: { authorization: authHeader },
      })
    ).json();
    const ignored = response.headers.get("x-ikit-ignored-transformation");
    console.log(
      `  ${label}\n    ${href}\n    → ${response.status} ${response.headers.get("content-type")}, ${meta.width}×${meta.height}${ignored ? ` (the emulator does not apply: ${ignored})` : ""}`,
    );
  }

  // 4. A private file is delivered only through a signed URL.
  const secret = await upload(
    { fileName: "private.jpg", folder: "/demo", isPrivateFile: true },
    await getAuthenticationParameters({ privateKey }),
  );
  const unsigned = url({ urlEndpoint, path: secret.filePath, transformation: [{ height: 50 }] });
  const signed = await signUrl(unsigned, { urlEndpoint, privateKey, expireSeconds: 300 });
  console.log("\n4. Signed URLs for a private file");
  line("signed, 5 min", `${signed}\n${" ".repeat(25)}→ ${(await fetch(signed)).status}`);
  line("unsigned", `→ ${(await fetch(unsigned)).status}`);
  line("tampered (h-500)", `→ ${(await fetch(signed.replace("h-50", "h-500"))).status}`);

  // 5. Responsive attributes and parsing a stored URL back.
  const responsive = getResponsiveImageAttributes({ urlEndpoint, src: path, width: 160 });
  console.log("\n5. Responsive <img> and parseUrl");
  line("srcSet", responsive.srcSet);
  const parsed = parseUrl(urls["w-iw_div_4, rotated"], { urlEndpoint });
  line("parsed steps", JSON.stringify(parsed.transformation));
} finally {
  await emu.close();
}
