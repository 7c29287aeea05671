// What README examples take as given, for scripts/check-readme-code.mjs: the values a reader has in their own code.

/** The reader's URL endpoint, e.g. "https://ik.imagekit.io/your_imagekit_id". */
declare const urlEndpoint: string;
/** The reader's private API key, on their server. */
declare const privateKey: string;
/** A Worker's environment bindings, or process.env. */
declare const env: Env;
/** The incoming request of a Worker or a fetch handler. */
declare const request: Request;

interface Env {
  IMAGEKIT_PRIVATE_KEY: string;
  IMAGEKIT_PUBLIC_KEY: string;
  IMAGEKIT_URL_ENDPOINT: string;
  IMAGEKIT_WEBHOOK_SECRET: string;
}
