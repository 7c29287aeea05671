// Everything the example needs, read from Vite's env (VITE_IKIT_*), with the names of the values that are missing so
// the page can say what to set instead of failing.

/** The six settings; lists are comma-separated in the env. */
export interface ExampleConfig {
  urlEndpoint: string;
  workerUrl: string;
  uploadUrl: string;
  publicKey: string;
  samples: string[];
  privateSamples: string[];
}

const NAMES = {
  urlEndpoint: "VITE_IKIT_URL_ENDPOINT",
  workerUrl: "VITE_IKIT_WORKER_URL",
  uploadUrl: "VITE_IKIT_UPLOAD_URL",
  publicKey: "VITE_IKIT_PUBLIC_KEY",
  samples: "VITE_IKIT_SAMPLES",
  privateSamples: "VITE_IKIT_PRIVATE_SAMPLES",
} as const;

const text = (name: string): string => String(import.meta.env[name] ?? "").trim();
const list = (name: string): string[] =>
  text(name)
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

export const config: ExampleConfig = {
  urlEndpoint: text(NAMES.urlEndpoint),
  workerUrl: text(NAMES.workerUrl),
  uploadUrl: text(NAMES.uploadUrl),
  publicKey: text(NAMES.publicKey),
  samples: list(NAMES.samples),
  privateSamples: list(NAMES.privateSamples),
};

/** The env names whose values are missing or empty. */
export const missing: string[] = Object.entries(NAMES)
  .filter(([key]) => {
    const value = config[key as keyof ExampleConfig];
    return Array.isArray(value) ? value.length === 0 : value === "";
  })
  .map(([, name]) => name);
