// `npm run demo`: a short tour of real URLs built by @ikit/core (no ImageKit account needed).
import {
  buildSrc,
  div,
  getAuthenticationParameters,
  getResponsiveImageAttributes,
  mul,
  parseUrl,
  signUrl,
  signUrlSync,
  url,
} from "../packages/core/dist/index.js";

const urlEndpoint = "https://ik.imagekit.io/demo";
// A throwaway key for the tour; real keys live in your server's environment.
const privateKey = "private_demo_key_not_a_secret";

const show = (title, value) =>
  console.log(
    `\n${title}\n  ${typeof value === "string" ? value : JSON.stringify(value, null, 2).replaceAll("\n", "\n  ")}`,
  );

show(
  "Plain (v5 buildSrc, transformation in the query)",
  buildSrc({ urlEndpoint, src: "/shoe.jpg", transformation: [{ width: 300, height: 200 }] }),
);
show(
  "Chained steps in the path (Node SDK url())",
  url({ urlEndpoint, path: "/shoe.jpg", transformation: [{ width: 400, height: 300 }, { rotation: 90 }] }),
);
show(
  "Typed text overlay, UTF-8 safe",
  buildSrc({
    urlEndpoint,
    src: "/banner.jpg",
    transformationPosition: "path",
    transformation: [
      {
        overlay: {
          type: "text",
          text: "Grüße 👋",
          position: { x: 10, y: "bh_mul_0.8" },
          transformation: [{ fontSize: 40 }],
        },
      },
    ],
  }),
);
show(
  "Arithmetic expressions",
  url({
    urlEndpoint,
    path: "/shoe.jpg",
    transformation: [{ width: div("iw", 4), border: `${mul("cw", 0.05)}_yellow` }],
  }),
);
show("Responsive <img> attributes", getResponsiveImageAttributes({ urlEndpoint, src: "/hero.jpg", width: 400 }));
const now = Date.UTC(2026, 10, 23);
show(
  "Signed, expiring in 300 s (WebCrypto)",
  await signUrl(url({ urlEndpoint, path: "/private/report.jpg" }), {
    urlEndpoint,
    privateKey,
    expireSeconds: 300,
    now,
  }),
);
show(
  "Signed, never expiring (synchronous)",
  signUrlSync(url({ urlEndpoint, path: "/logo.png" }), { urlEndpoint, privateKey }),
);
show(
  "Upload auth for a browser",
  await getAuthenticationParameters({ privateKey, token: "demo-token", expire: now / 1000 + 600, now }),
);
show("Parsed back", parseUrl("https://ik.imagekit.io/demo/tr:w-300,h-200:rt-90/shoe.jpg?v=2", { urlEndpoint }));
