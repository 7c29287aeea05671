// Debian's Chromium as every browser run here launches it (the Vitest browser projects, the demo check): never a
// downloaded browser, and flags for a closed network.

/** The Chromium binary: `CHROMIUM_PATH`, else Debian's. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Headless in a container with no network: no sandbox, GPU, QUIC, first-run or background traffic. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
