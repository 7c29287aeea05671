/** The Chromium binary: `CHROMIUM_PATH`, else Debian's. */
export declare const chromiumPath: string;
/** Headless in a container with no network: no sandbox, GPU, QUIC, first-run or background traffic. */
export declare const chromiumArgs: string[];
