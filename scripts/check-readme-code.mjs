#!/usr/bin/env node
// Type-checks every ```ts and ```tsx block of the root README and packages/*/README.md against the workspace packages'
// sources (```tsx with the automatic JSX runtime, its React types found from the README's package),
// so the docs cannot drift from the code. A block is checked as its own module, with:
// - the exports of the README's own package imported for it (those the block imports or declares itself excepted),
// - the names that README examples take as given declared in scripts/readme-globals.d.ts (urlEndpoint, env, …).
// A block that is deliberately not compilable says so in its info string: ```ts nocheck. Keep those rare.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const packages = readdirSync(join(root, "packages"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const dir = join(root, "packages", entry.name);
    return { dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) };
  })
  .map(({ dir, manifest }) => ({ dir, name: manifest.name, entries: entriesOf(dir, manifest) }));
const readmes = [{ dir: root, name: undefined }, ...packages].map((pkg) => ({
  ...pkg,
  file: join(pkg.dir, "README.md"),
}));

/**
 * Each import specifier a package exports (`@ikit/core`, `@ikit/core/strict`) with the source file its build comes
 * from: `dist/<name>.js` is built from `src/<name>.ts`.
 */
function entriesOf(dir, manifest) {
  const entries = {};
  for (const [key, target] of Object.entries(manifest.exports ?? { ".": manifest.main })) {
    const built = typeof target === "string" ? target : target?.default;
    const name = /^\.\/dist\/(.+)\.js$/.exec(built ?? "")?.[1];
    if (name) entries[key === "." ? manifest.name : `${manifest.name}/${key.slice(2)}`] = [join(dir, `src/${name}.ts`)];
  }
  return entries;
}

/** The value and type names a package's `src/index.ts` exports by name (not `export *`). */
function exportsOf(dir) {
  const file = join(dir, "src/index.ts");
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const names = [];
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) names.push(element.name.text);
    }
  }
  return names;
}

/** Names a block binds at its top level: its own imports and declarations. */
function boundNames(code, extension = "ts") {
  const source = ts.createSourceFile(`block.${extension}`, code, ts.ScriptTarget.Latest);
  const names = new Set();
  const bind = (name) => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else if (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name)) {
      for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
    }
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause) {
      const { name, namedBindings } = statement.importClause;
      if (name) names.add(name.text);
      if (namedBindings && ts.isNamespaceImport(namedBindings)) names.add(namedBindings.name.text);
      if (namedBindings && ts.isNamedImports(namedBindings)) {
        for (const element of namedBindings.elements) names.add(element.name.text);
      }
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) bind(declaration.name);
    } else if (statement.name && ts.isIdentifier(statement.name)) {
      names.add(statement.name.text);
    }
  }
  return names;
}

/** The ```ts and ```tsx blocks of a Markdown file, with the line each one's code starts on. */
function blocksOf(markdown) {
  const blocks = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(\s*)```(ts|typescript|tsx)\b(.*)$/.exec(lines[i]);
    if (!fence) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end])) end++;
    blocks.push({
      line: start + 1,
      code: lines.slice(start, end).join("\n"),
      skip: /\bnocheck\b/.test(fence[3]),
      extension: fence[2] === "tsx" ? "tsx" : "ts",
    });
    i = end;
  }
  return blocks;
}

const virtual = new Map();
const origins = new Map();
let skipped = 0;
for (const readme of readmes) {
  let markdown;
  try {
    markdown = readFileSync(readme.file, "utf8");
  } catch {
    continue;
  }
  const own = readme.name ? exportsOf(readme.dir) : [];
  for (const block of blocksOf(markdown)) {
    if (block.skip) {
      skipped++;
      continue;
    }
    const bound = boundNames(block.code, block.extension);
    const names = own.filter((name) => !bound.has(name));
    const prelude = names.length ? `import { ${names.join(", ")} } from "${readme.name}"; ` : "";
    // One line of prelude, so a diagnostic's line maps straight onto the README.
    const file = join(readme.dir, `README.md.line-${block.line}.${block.extension}`);
    virtual.set(file, `${prelude}export {};\n${block.code}\n`);
    origins.set(file, { readme: readme.file, line: block.line });
  }
}

const options = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: true,
  noEmit: true,
  jsx: ts.JsxEmit.ReactJSX,
  types: ["node"],
  typeRoots: [join(root, "node_modules/@types")],
  // The workspace packages as their sources, so a README is checked against the code of this commit.
  paths: Object.assign({}, ...packages.map((pkg) => pkg.entries)),
};
const host = ts.createCompilerHost(options);
const { fileExists, readFile, getSourceFile } = host;
host.fileExists = (file) => virtual.has(file) || fileExists.call(host, file);
host.readFile = (file) => virtual.get(file) ?? readFile.call(host, file);
host.getSourceFile = (file, language, ...rest) =>
  virtual.has(file)
    ? ts.createSourceFile(file, virtual.get(file), language)
    : getSourceFile.call(host, file, language, ...rest);

const program = ts.createProgram([...virtual.keys(), join(root, "scripts/readme-globals.d.ts")], options, host);
const problems = ts.getPreEmitDiagnostics(program).filter((d) => d.file && virtual.has(d.file.fileName));
for (const diagnostic of problems) {
  const origin = origins.get(diagnostic.file.fileName);
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n  ");
  console.error(`${relative(root, origin.readme)}:${origin.line + line - 1}: TS${diagnostic.code} ${text}`);
}
const others = ts.getPreEmitDiagnostics(program).filter((d) => !d.file || !virtual.has(d.file.fileName));
for (const diagnostic of others) console.error(ts.formatDiagnostic(diagnostic, host));
const count = `${virtual.size} README code blocks type-checked${skipped ? `, ${skipped} marked nocheck` : ""}`;
if (problems.length || others.length) {
  console.error(`✖ ${problems.length + others.length} type errors in ${count}`);
  process.exit(1);
}
console.log(`✓ ${count}`);
