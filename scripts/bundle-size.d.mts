/** esbuild, as each package passes its own (the root has none). */
interface Esbuild {
  build: typeof import("esbuild").build;
}
/** The minified browser bundle (esbuild, ESM, browser) of an entry importing `names` (`"*"` for all) from `file`. */
export declare function bundleEntry(
  esbuild: Esbuild,
  file: string,
  names: string,
  options?: Record<string, unknown>,
): Promise<string>;
/** min+gzip bytes of `bundleEntry`'s bundle. */
export declare function gzipSize(
  esbuild: Esbuild,
  file: string,
  names: string,
  options?: Record<string, unknown>,
): Promise<number>;
/** Measures each case beside the official package, prints a table, and exits 1 when one is over its budget. */
export declare function checkBudgets(options: Record<string, unknown>): Promise<void>;
