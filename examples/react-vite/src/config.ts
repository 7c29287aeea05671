// The example's whole configuration, read once from Vite's env at dev or build time. Nothing is fetched to learn it,
// so a build made without these values still loads and says what is missing.

/** The values the page needs, and the variable each comes from. */
export interface ExampleConfig {
  /** VITE_IKIT_URL_ENDPOINT: the emulator's (or ImageKit's) delivery endpoint. */
  urlEndpoint: string;
  /** VITE_IKIT_WORKER_URL: @ikit/worker's origin, serving /auth (upload tokens) and /img (signed images). */
  workerUrl: string;
  /** VITE_IKIT_UPLOAD_URL: the upload API, e.g. the emulator's /api/v1/files/upload. */
  uploadUrl: string;
  /** VITE_IKIT_PUBLIC_KEY: the public key uploads are sent with. */
  publicKey: string;
  /** VITE_IKIT_SAMPLES: public file paths for the gallery. */
  samples: string[];
  /** VITE_IKIT_PRIVATE_SAMPLES: private file paths, shown only through the worker. */
  privateSamples: string[];
}

export type ConfigKey = keyof ExampleConfig;

/** The variable behind each value, for the messages. */
export const VARIABLES: Record<ConfigKey, string> = {
  urlEndpoint: "VITE_IKIT_URL_ENDPOINT",
  workerUrl: "VITE_IKIT_WORKER_URL",
  uploadUrl: "VITE_IKIT_UPLOAD_URL",
  publicKey: "VITE_IKIT_PUBLIC_KEY",
  samples: "VITE_IKIT_SAMPLES",
  privateSamples: "VITE_IKIT_PRIVATE_SAMPLES",
};

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((path) => path.trim())
    .filter(Boolean);

/** The configuration from an env record (`import.meta.env` in the app, a plain object in tests). */
export function readConfig(env: Record<string, string | undefined>): ExampleConfig {
  return {
    urlEndpoint: env.VITE_IKIT_URL_ENDPOINT?.trim() ?? "",
    workerUrl: env.VITE_IKIT_WORKER_URL?.trim() ?? "",
    uploadUrl: env.VITE_IKIT_UPLOAD_URL?.trim() ?? "",
    publicKey: env.VITE_IKIT_PUBLIC_KEY?.trim() ?? "",
    samples: list(env.VITE_IKIT_SAMPLES),
    privateSamples: list(env.VITE_IKIT_PRIVATE_SAMPLES),
  };
}

/** The variables among `keys` that are not set. */
export function missing(config: ExampleConfig, keys: ConfigKey[]): string[] {
  return keys.filter((key) => config[key].length === 0).map((key) => VARIABLES[key]);
}
