// `pnpm size` (root, part of `npm test`; after `pnpm build`): what a browser bundle pays for each export of @ikit/vue,
// beside @imagekit/vue 4.0.1's, by the repository's one method (scripts/bundle-size.mjs). Both sides leave `vue`
// out (the app has it) and bundle the rest: @ikit/core and @ikit/upload for ours, @imagekit/javascript for theirs,
// resolved to its ESM build (`module`), as Vite resolves it, rather than the UMD build its `browser` field names.
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import * as esbuild from "esbuild";
import { checkBudgets } from "../../../scripts/bundle-size.mjs";

const dist = resolve(import.meta.dirname, "../dist/index.js");
const theirsFile = resolve(
  dirname(createRequire(import.meta.url).resolve("@imagekit/vue/package.json")),
  "dist/index.es.js",
);

// Budgets sit a little above the measured sizes (README); IkImage carries core's responsive builder and the
// signed mode, useUpload @ikit/upload's queue.
await checkBudgets({
  readme: resolve(import.meta.dirname, "../README.md"),
  esbuild,
  package: "@ikit/vue",
  files: [dist],
  theirsFile,
  theirsLabel: "@imagekit/vue 4.0.1",
  esbuildOptions: { external: ["vue"], mainFields: ["module", "main"] },
  cases: [
    // IkImage and everything: +0.2 KB for @ikit/worker/url's checks of hostile input (origin, dot segments, params);
    // +0.1 KB for the server-side preload of a priority image (imagePreload, handed to the plugin's `preload`): the
    // equivalent of the link React 19 writes for @ikit/react's <Image priority>; +0.03 KB: core resolves the dot
    // segments Node 20 leaves in an absolute src, +0.02 KB its review fixes (core/bench/size.mjs); +0.03 KB: the
    // preload carries the img's crossorigin and referrerpolicy (else the browser fetches the image twice).
    // +0.08 KB: core's responsive checks (breakpoints one by one, lists bounded, no srcSet without a URL); +0.02 KB:
    // the preload reads crossOrigin and referrerPolicy written in camelCase too.
    {
      label: "import { IkImage } / { Image }",
      row: "`IkImage` / `Image`",
      ours: [dist, "IkImage"],
      theirs: "Image",
      budget: 7.21,
    },
    {
      label: "import { IkVideo } / { Video }",
      row: "`IkVideo` / `Video`",
      ours: [dist, "IkVideo"],
      theirs: "Video",
      budget: 3.6,
    },
    {
      label: "import { ImageKit } (plugin) / { ImageKitProvider }",
      row: "`ImageKit` (plugin) / `ImageKitProvider`",
      ours: [dist, "ImageKit"],
      theirs: "ImageKitProvider",
      budget: 0.3,
    },
    {
      label: "import { ImageKitProvider }",
      row: "`ImageKitProvider`",
      ours: [dist, "ImageKitProvider"],
      theirs: "ImageKitProvider",
      budget: 0.55,
    },
    {
      label: "import { useUpload } / { upload }",
      row: "`useUpload` / `upload`",
      ours: [dist, "useUpload"],
      theirs: "upload",
      budget: 4.82,
    },
    { label: "import { IkDropZone }", row: "`IkDropZone`", ours: [dist, "IkDropZone"], budget: 1.15 },
    // Everything: +0.15 KB for that preload and for useUpload's list as @ikit/react's (a file started after a pause or
    // a cancel shows as uploading; items carry their task).
    // +0.03 KB: useUpload's files, items and status from @ikit/upload's uploadSources (which also takes any iterable),
    // uploadItem and uploadStatus, shared with @ikit/react (useUpload +0.02 KB: a value that is not a file or a list of
    // files is one file, failed with VALIDATION on its task, never dropped).
    { label: "everything (import *)", row: "everything", ours: [dist, "*"], theirs: "*", budget: 12.43 },
  ],
});
