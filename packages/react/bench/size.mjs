// `pnpm size` (root, part of `npm test`; after `pnpm build`): what a browser bundle pays for each export of
// @ikit/react, beside @imagekit/react 5.0.3's, by the repository's one method (scripts/bundle-size.mjs).
//
// Both sides alike: React is the app's (external), everything else is bundled (@ikit/core and @ikit/upload for
// ours, @imagekit/javascript for theirs), `process.env.NODE_ENV` is "production" as an app's bundler sets it.
// Theirs is bundled from its ESM build (`module`: dist/imagekitio-react.esm.js). 1 KB = 1000 bytes.
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import * as esbuild from "esbuild";
import { checkBudgets } from "../../../scripts/bundle-size.mjs";

const root = resolve(import.meta.dirname, "..");
const ours = { main: resolve(root, "dist/index.js"), next: resolve(root, "dist/next.js") };
const theirsFile = resolve(
  dirname(createRequire(import.meta.url).resolve("@imagekit/react/package.json")),
  "dist/imagekitio-react.esm.js",
);

// Most of each figure is @ikit/core's URL builder (buildSrc 3.09 KB, getResponsiveImageAttributes 3.63 KB) and
// @ikit/upload's queue (createUploader 3.47 KB); @ikit/react's own code with @ikit/worker/url adds about 2.7 KB to
// <Image> (signed URLs with the route mapping and its messages, width/height from the transformation, the
// placeholder, the provider) and 1 KB to useUpload.
await checkBudgets({
  readme: resolve(root, "README.md"),
  esbuild,
  package: "@ikit/react",
  files: Object.values(ours),
  theirsFile,
  theirsLabel: "@imagekit/react 5.0.3 (ESM)",
  esbuildOptions: {
    external: ["react", "react-dom", "react/jsx-runtime"],
    define: { "process.env.NODE_ENV": '"production"' },
  },
  cases: [
    // Image and everything: +0.3 KB for @ikit/worker/url's checks of hostile input (origin, dot segments, params).
    // +0.02 KB: core resolves the dot segments Node 20 leaves in an absolute src; +0.04 KB: core's review fixes
    // (endpoint user info refused, v5's transformationPosition; core/bench/size.mjs).
    // +0.08 KB: core's responsive checks (breakpoints one by one, lists bounded, no srcSet without a URL).
    { label: "import { Image }", row: "`{ Image }`", ours: [ours.main, "Image"], theirs: "Image", budget: 6.9 },
    {
      label: "import { ImageKitProvider }",
      row: "`{ ImageKitProvider }`",
      ours: [ours.main, "ImageKitProvider"],
      theirs: "ImageKitProvider",
      budget: 0.5,
    },
    { label: "import { Video }", row: "`{ Video }`", ours: [ours.main, "Video"], theirs: "Video", budget: 3.45 },
    // useUpload and everything: +0.05 KB for the list @ikit/vue keeps too (a retried file keeps its id and place, a
    // paused status, a file started after a pause or a cancel shown as uploading), +0.05 KB for add(null)'s typed
    // VALIDATION error (a TypeError before), as @ikit/vue's; +0.01 KB since both hooks build their items, status and
    // files with @ikit/upload's uploadItem, uploadStatus and uploadSources (+0.02 KB: a value that is not a file or a
    // list of files is one file, failed with VALIDATION on its task, never dropped).
    { label: "import { useUpload }", row: "`{ useUpload }`", ours: [ours.main, "useUpload"], budget: 4.77 },
    {
      label: "import { UploadDropZone }",
      row: "`{ UploadDropZone }`",
      ours: [ours.main, "UploadDropZone"],
      budget: 0.9,
    },
    { label: "everything (import *)", row: "everything", ours: [ours.main, "*"], theirs: "*", budget: 11.91 },
    {
      label: 'import { createImageKitLoader } from "@ikit/react/next"',
      row: "`{ createImageKitLoader }` from `@ikit/react/next`",
      ours: [ours.next, "createImageKitLoader"],
      budget: 3.25,
    },
  ],
});
