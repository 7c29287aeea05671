// What each part of `import { upload }` costs (the README's table under "Size and speed"): cuts one part's code out
// of the minified bundle that `pnpm size` weighs and weighs it again (gzip -9 bytes). Parts share code, so they do
// not add up exactly. Run after `pnpm build`: `node packages/upload/bench/size-parts.mjs`. The cuts are patterns on
// minified code ("@" stands for any minified name); one that no longer matches stops the script: update it.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { bundleEntry } from "../../../scripts/bundle-size.mjs";

const dist = resolve(import.meta.dirname, "../dist/index.js");
if (!existsSync(dist)) {
  console.error(`✖ ${dist} is missing: build first (pnpm --filter @ikit/upload run build).`);
  process.exit(1);
}
const text = await bundleEntry(esbuild, dist, "upload");
const gzip = (code) => gzipSync(code, { level: 9 }).length;

/** A pattern on minified code: "@" is one minified name, the rest is a regular expression. */
const min = (source) => new RegExp(source.replace(/@/g, "[\\w$]+"));

const messages = [
  [min("`authenticator failed: \\$\\{@\\}`"), '""'],
  ['"authenticator must resolve to { token, expire, signature }"', '""'],
  [min('"Token expired":(@\\.has\\(@\\))&&"authenticator repeated a token"'), "1:$1&&1"],
  ['"Upload aborted"', '""'],
  [min('`ImageKit answered \\$\\{@\\}: \\$\\{@\\?"a body that is not JSON":@\\?\\.message\\}`'), '""'],
  [min("`No progress for \\$\\{@\\} ms \\(timeout\\)`"), '""'],
  ['"Connection failed or cut"', '""'],
  [`'fileName must be a plain name like "a.jpg" (no path)'`, '""'],
  ['"publicKey is required"', '""'],
  ['"Pass authenticator, or token, expire and signature"', '""'],
  ['"file must be a Blob, bytes, a URL or base64"', '""'],
  [min("`file has \\$\\{@\\} bytes, over maxFileSize`"), '""'],
  [min("`\\$\\{@\\|\\|@\\} is not in accept`"), '""'],
  ['"tags must be strings without % or commas, \\u2264 500 characters in all"', '""'],
  ['"transformation must be { pre?: string, post?: [{ type, value }] }"', '""'],
  ['"customMetadata must be a plain object of JSON values"', '""'],
];

/** Each part: the cuts ([pattern, replacement]) that leave the bundle without it. */
const parts = {
  "every error message (codes, values and checks kept)": messages,
  "  of which the validation messages": messages.slice(7),
  "validation: customMetadata is JSON": [
    [min('var @=\\(@,@=0\\)=>typeof @=="object"\\?.*?Number\\.isFinite\\(@\\);'), ""],
    [
      min(
        ',@&&!\\(@\\(@\\)&&!Array\\.isArray\\(@\\)\\)&&@\\("customMetadata must be a plain object of JSON values",@\\)',
      ),
      "",
    ],
  ],
  "validation: transformation.post item types": [
    [min("var @=@=>Array\\.isArray\\(@\\)&&@\\.every\\(.*?\\}\\);"), ""],
    [min("&&\\(!@\\.post\\|\\|@\\(@\\.post\\)\\)"), ""],
  ],
  "validation: accept": [
    [min("function @\\(@,@,@\\)\\{let @=@\\.trim\\(\\)\\.toLowerCase\\(\\);.*?\\}"), ""],
    [min(",@\\?\\.length&&!@\\.some\\(@=>@\\(@,@,@\\)\\)&&@\\(`\\$\\{@\\|\\|@\\} is not in accept`,@\\)"), ""],
    [min('@=@ instanceof Blob\\?@\\.type:"",'), ""],
  ],
  "validation: tags": [[min(',@&&!\\(Array\\.isArray\\(@\\)&&@\\.join\\(""\\)\\.length<=500.*?in all",@\\)'), ""]],
  "validation: file name rule (presence kept)": [
    [min('\\(typeof (@)!="string"\\|\\|!/.*?/\\.test\\(@\\)\\)&&'), "!$1&&"],
  ],
  "validation: maxFileSize": [[min(",@>\\(@\\?\\?@\\)&&@\\(`file has \\$\\{@\\} bytes, over maxFileSize`,@\\)"), ""]],
  "retries: backoff with jitter, onRetry, abortable wait": [
    [min("function @\\(@,@,@,@,@\\)\\{let @=Math\\.min\\(3e4.*?clearTimeout\\(@\\)\\}\\)\\}"), ""],
    [min("await @\\(\\+\\+@,@,@,@,@\\)"), "throw 0"],
  ],
  "Retry-After / X-RateLimit-Reset (@ikit/core's retryAfterMs)": [
    [min("function @\\(@,@=Date\\.now\\(\\)\\)\\{.*?:void 0\\}"), ""],
    [min("retryAfter:@\\(@\\),"), ""],
  ],
  "fetch transport (Workers, Node, Deno, Bun)": [[min("else fetch\\(.*?\\.then\\(@,@\\)"), ""]],
  "tokens: single use and expiry checked": [
    [
      min('let @=@\\*1e3<=Date\\.now\\(\\)\\?"Token expired".*?\\{retryable:!0\\}\\);return @\\.add\\(@\\),'),
      "return ",
    ],
  ],
  "AUTH answers told apart (and refreshed once)": [
    [min("var @=/expire\\|signature\\|token\\|authenticat/i;"), ""],
    [min("let (@)=@===401\\|\\|@===403\\|\\|@===400&&@\\.test\\(@\\?\\.message\\);"), "let $1=0;"],
  ],
  "inactivity timeout": [
    [min("(@)=\\(\\)=>\\{clearTimeout\\(@\\),@&&\\(@=setTimeout\\(.*?\\)\\};@\\(\\);"), "$1=()=>0;"],
    [min("@\\.upload\\.onload=\\(\\)=>clearTimeout\\(@\\),"), ""],
  ],
  "progress never going down, end of a fetch upload": [
    [
      min(
        "(@)=\\((@),(@)\\)=>\\{@=@;let @=@\\?Math\\.min\\(1,@/@\\):1;@>@&&\\(@=@,(@)\\?\\.\\(\\{loaded:@,total:@,fraction:@\\}\\)\\)\\}",
      ),
      "$1=($2,$3)=>$4?.({loaded:$2,total:$3})",
    ],
  ],
  "requestId and help on errors": [[min('requestId:@\\("x-request-id"\\)\\?\\?void 0,help:@\\?\\.help,'), ""]],
};

const whole = gzip(text);
console.log(`import { upload }: ${whole} bytes min+gzip; what each part costs (bytes it saves when cut):`);
for (const [name, cuts] of Object.entries(parts)) {
  let cut = text;
  for (const [pattern, replacement] of cuts) {
    const next = cut.replace(pattern, replacement);
    if (next === cut) {
      console.error(`✖ "${name}": ${pattern} no longer matches the bundle; update the pattern.`);
      process.exit(1);
    }
    cut = next;
  }
  // A cut must leave code that still parses, or its figure would weigh a broken bundle.
  await esbuild.transform(cut, { loader: "js", format: "esm" });
  console.log(`${name.padEnd(62)} ${String(whole - gzip(cut)).padStart(4)}`);
}
