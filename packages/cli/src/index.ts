// @ikit/cli: the `ikit` command, and the same from code (`run`), with its exit codes.
export { CliError, type CliErrorCode } from "./errors.js";
export { EXIT, type ExitCode } from "./exit-codes.js";
export { type RunIO, run } from "./program.js";
