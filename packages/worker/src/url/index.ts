// @ikit/worker/url: URLs of the worker's `/img` route, for browsers and server rendering. Holds no key and signs
// nothing: the worker signs what these URLs ask for. Transformation → route parameters (params.ts) → URL
// (image-url.ts) → an `<img>`'s src, srcset and placeholder (attributes.ts).

export { type WorkerImageAttributes, type WorkerImageOptions, workerImageAttributes } from "./attributes.js";
export { type WorkerImageTarget, workerImageUrl } from "./image-url.js";
export { type WorkerImageParams, workerParams } from "./params.js";
