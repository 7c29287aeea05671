// @ikit/worker/url: URLs of the worker's `/img` route, for browsers and server rendering. Holds no key and signs
// nothing: the worker signs what these URLs ask for. Transformation → route parameters (url/params.ts) → URL
// (url/image-url.ts) → an `<img>`'s src, srcset and placeholder (url/attributes.ts).

export { type WorkerImageAttributes, type WorkerImageOptions, workerImageAttributes } from "./url/attributes.js";
export { type WorkerImageTarget, workerImageUrl } from "./url/image-url.js";
export { type WorkerImageParams, workerParams } from "./url/params.js";
