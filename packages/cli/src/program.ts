// The `ikit` program: global options, every command, and how a run ends (an exit code for every outcome). Commands
// live in commands/, one topic per file; this file only wires them.
import { createRequire } from "node:module";
import { Command, CommanderError } from "commander";
import { registerDetails } from "./commands/details.js";
import { registerDownload } from "./commands/download.js";
import { registerFields } from "./commands/fields.js";
import { registerLs } from "./commands/ls.js";
import { registerMkdir } from "./commands/mkdir.js";
import { registerMoveCopy } from "./commands/move-copy.js";
import { registerPurge } from "./commands/purge.js";
import { registerRm } from "./commands/rm.js";
import { registerSync } from "./commands/sync.js";
import { registerTag } from "./commands/tag.js";
import { registerUpload } from "./commands/upload.js";
import { registerUrls } from "./commands/urls.js";
import { registerUsage } from "./commands/usage.js";
import { type Context, createContext, type GlobalFlags } from "./context.js";
import { CliError, toCliError } from "./errors.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { Output } from "./output.js";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

/**
 * Where a run reads and writes; the process's own by default.
 *
 * @example
 * ```ts
 * const io: RunIO = { env: { ...process.env, IMAGEKIT_PRIVATE_KEY: key }, stdout: process.stdout, stderr: process.stderr };
 * ```
 */
export interface RunIO {
  env?: NodeJS.ProcessEnv;
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  stderr?: NodeJS.WritableStream;
  /** Aborting it stops a transfer from starting new items (the bin wires Ctrl-C to it). */
  signal?: AbortSignal;
}

/** Private keys that may be in argv or the environment, scrubbed from every line written, even commander's. */
function secretsOf(argv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const secrets = [env.IMAGEKIT_PRIVATE_KEY ?? ""];
  argv.forEach((arg, i) => {
    if (arg === "--private-key") secrets.push(argv[i + 1] ?? "");
    else if (arg.startsWith("--private-key=")) secrets.push(arg.slice("--private-key=".length));
  });
  return secrets.filter((s) => s.length >= 4);
}

function build(out: Output, env: NodeJS.ProcessEnv, signal: AbortSignal, onError: (text: string) => void): Command {
  let context: Context | undefined;
  const ctx = () => {
    if (!context) throw new Error("a command ran before its options were parsed");
    return context;
  };
  const program = new Command("ikit")
    .description("The ImageKit media library from a terminal.")
    .version(version, "-V, --version")
    .option("--private-key <key>", "private API key (prefer IMAGEKIT_PRIVATE_KEY: flags show in `ps`)")
    .option("--public-key <key>", "public API key (IMAGEKIT_PUBLIC_KEY)")
    .option("--url-endpoint <url>", "URL endpoint, e.g. https://ik.imagekit.io/your_id (IMAGEKIT_URL_ENDPOINT)")
    .option("--api-base <url>", "API base (IMAGEKIT_API_BASE; the emulator's for local work)")
    .option("--upload-base <url>", "upload API base (IMAGEKIT_UPLOAD_BASE; default: the API base when set)")
    .option("--config <file>", "config file (default: $XDG_CONFIG_HOME/ikit/config.json or ~/.config/ikit/config.json)")
    .option("--retries <n>", "retries of each request that may be repeated", "6")
    .option("--timeout <ms>", "milliseconds each request may take", "60000")
    .option("--json", "machine-readable output on stdout (errors as JSON on stderr)")
    .option("-q, --quiet", "only the data asked for and errors")
    .option("-v, --verbose", "also each HTTP request on stderr")
    .showSuggestionAfterError()
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void out.stdout.write(text),
      writeErr: (text) => onError(text),
    })
    .addHelpText(
      "after",
      "\nExit codes: 0 ok, 1 internal, 2 usage, 3 config/auth, 4 not found, 5 conflict, 6 partial,\n7 not confirmed, 8 remote/network, 130 interrupted.",
    );
  program.hook("preAction", (_program, action) => {
    const flags = action.optsWithGlobals<GlobalFlags>();
    out.mode.json = flags.json === true;
    out.mode.quiet = flags.quiet === true;
    out.mode.verbose = flags.verbose === true;
    context = createContext(out, flags, env, signal);
  });
  for (const register of [
    registerLs,
    registerMkdir,
    registerUpload,
    registerSync,
    registerDownload,
    registerRm,
    registerMoveCopy,
    registerTag,
    registerDetails,
    registerPurge,
    registerUsage,
    registerUrls,
    registerFields,
  ]) {
    register(program, ctx);
  }
  return program;
}

/**
 * Runs `ikit` with `args` (without `node` and the script) and resolves to its exit code; never throws, never
 * calls `process.exit`.
 *
 * @example
 * ```ts
 * import { EXIT, run } from "@ikit/cli";
 * const code = await run(["ls", "/products", "--json"]);
 * if (code !== EXIT.OK) console.error("ls failed with", code);
 * ```
 */
export async function run(args: readonly string[], io: RunIO = {}): Promise<ExitCode> {
  const env = io.env ?? process.env;
  const out = new Output(
    { json: args.includes("--json"), quiet: false, verbose: false },
    (io.stdout ?? process.stdout) as Output["stdout"],
    (io.stderr ?? process.stderr) as Output["stderr"],
  );
  out.secrets.push(...secretsOf(args, env));
  // With --json the parser's complaint becomes the JSON error below, instead of its own text.
  const program = build(out, env, io.signal ?? new AbortController().signal, (text) => {
    if (!out.mode.json) out.error(text.trimEnd());
  });
  try {
    await program.parseAsync([...args], { from: "user" });
    return EXIT.OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return EXIT.OK;
    }
    // Commander has printed its own message (through out.error, scrubbed) unless --json.
    if (error instanceof CommanderError && !out.mode.json) return EXIT.USAGE;
    const failure =
      error instanceof CommanderError
        ? new CliError("USAGE", error.message.replace(/^error: /, ""))
        : toCliError(error);
    if (out.mode.json) {
      out.error(
        JSON.stringify({ error: { code: failure.code, message: failure.message, exitCode: failure.exitCode } }),
      );
    } else {
      out.error(`ikit: ${failure.message}`);
      if (failure.code === "INTERNAL" && out.mode.verbose && error instanceof Error && error.stack)
        out.debug(error.stack);
    }
    return failure.exitCode;
  }
}
