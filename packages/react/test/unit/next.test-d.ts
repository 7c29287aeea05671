// Type test, checked by `tsc` (the typecheck script, part of `pnpm run ci`): our loaders are next/image loaders,
// and next's loader props are ours, so a loader passed to <Image loader> or exported from `loaderFile` compiles.
import type { ImageLoader, ImageLoaderProps as NextLoaderProps } from "next/image";
import { createImageKitLoader, createWorkerLoader, type ImageLoaderProps } from "../../src/next.js";

const imagekit: ImageLoader = createImageKitLoader({ urlEndpoint: "https://ik.imagekit.io/demo" });
const worker: ImageLoader = createWorkerLoader({ workerUrl: "https://img.example.com", format: "auto" });
const fromNext: ImageLoaderProps = { src: "/a.jpg", width: 640 } satisfies NextLoaderProps;
const toNext: NextLoaderProps = fromNext;

// @ts-expect-error an endpoint is required
createImageKitLoader({});
// @ts-expect-error the worker's route has no arbitrary transformation
createWorkerLoader({ workerUrl: "https://img.example.com", transformation: [] });

export { imagekit, toNext, worker };
