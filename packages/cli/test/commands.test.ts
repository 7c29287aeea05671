// Every command through the built binary against the emulator: output and exit code of each, in the order a user
// would run them (later tests use what earlier ones made).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { AdminClient } from "@ikit/admin";
import type { Emulator } from "@ikit/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ikit, PRIVATE_KEY, type Result, setup, writeTree } from "./support/cli.js";

let emu: Emulator;
let env: NodeJS.ProcessEnv;
let dir: string;
let admin: AdminClient;

beforeAll(async () => {
  ({ emu, env, dir, admin } = await setup());
  await writeTree(join(dir, "site"), {
    "index.html": "<h1>hi</h1>",
    "img/logo.txt": "logo",
    "img/summer sale.txt": "sale!",
  });
  await writeTree(dir, { "one.txt": "one", "two.txt": "two-two" });
});
afterAll(() => emu?.close());

const lines = (r: Result) => r.stdout.trim().split("\n").filter(Boolean);
const jsonLines = (r: Result) => lines(r).map((line) => JSON.parse(line));
function ok(r: Result): Result {
  expect(r.stderr).not.toContain(PRIVATE_KEY);
  expect(r.stdout).not.toContain(PRIVATE_KEY);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: r.stderr });
  return r;
}

describe("sync", () => {
  it("--dry-run lists what it would upload and changes nothing", async () => {
    const r = ok(await ikit(["sync", join(dir, "site"), "/site", "--dry-run"], env));
    expect(lines(r).slice(0, 3).sort()).toEqual([
      "would upload /site/img/logo.txt (new)",
      "would upload /site/img/summer_sale.txt (new)",
      "would upload /site/index.html (new)",
    ]);
    expect(await admin.listFiles({ path: "/site" })).toEqual([]);
  });

  it("uploads new files with --tags, names as ImageKit stores them, and a --json summary", async () => {
    const r = ok(
      await ikit(["sync", join(dir, "site"), "/site", "--tags", "web,v1", "--concurrency", "2", "--json"], env),
    );
    const out = jsonLines(r);
    expect(
      out
        .filter((o) => o.action === "uploaded")
        .map((o) => o.path)
        .sort(),
    ).toEqual(["/site/img/logo.txt", "/site/img/summer_sale.txt", "/site/index.html"]);
    expect(out.at(-1).summary).toMatchObject({ uploaded: 3, unchanged: 0, failed: 0, deleted: 0 });
    const files = await admin.listFiles({ path: "/site/img", sort: "ASC_NAME" });
    expect(files.map((f) => [f.name, f.type === "file" ? f.tags : []])).toEqual([
      ["logo.txt", ["web", "v1"]],
      ["summer_sale.txt", ["web", "v1"]],
    ]);
  });

  it("a second run sends nothing; a changed size is uploaded as a new version", async () => {
    ok(await ikit(["sync", join(dir, "site"), "/site", "--quiet"], env)).stdout;
    emu.requests.clear();
    const again = ok(await ikit(["sync", join(dir, "site"), "/site"], env));
    expect(again.stdout).toMatch(/sync: 0 uploaded, 0 deleted, 3 unchanged, 0 failed/);
    expect(emu.requests.list("upload")).toHaveLength(0);
    await writeTree(join(dir, "site"), { "index.html": "<h1>hello again</h1>" });
    const changed = ok(await ikit(["sync", join(dir, "site"), "/site"], env));
    expect(changed.stdout).toContain("uploaded /site/index.html");
    expect(changed.stdout).toMatch(/1 uploaded, 0 deleted, 2 unchanged/);
    const [index] = await admin.listFiles({ path: "/site", searchQuery: 'name = "index.html"' });
    expect(index?.type === "file" && index.versionInfo?.name).toBe("Version 2");
  });

  it("a folder name ImageKit changes (a space) is compared as stored: the second run sends nothing", async () => {
    const first = ok(await ikit(["sync", join(dir, "site"), "/my site", "--quiet", "--json"], env));
    expect(jsonLines(first).at(-1).summary).toMatchObject({ uploaded: 3 });
    expect(lines(ok(await ikit(["lsd", "/"], env)))).toContain("/my_site/");
    const second = ok(await ikit(["sync", join(dir, "site"), "/my site", "--quiet", "--json"], env));
    expect(jsonLines(second).at(-1).summary).toMatchObject({ uploaded: 0, unchanged: 3 });
    ok(await ikit(["rm", "-r", "/my_site", "--yes"], env));
  });

  it("--delete asks first: refused without a terminal (exit 7, nothing deleted), done with --yes", async () => {
    await admin.upload({ file: new Blob(["old"]), fileName: "old.txt", folder: "/site", useUniqueFileName: false });
    const refused = await ikit(["sync", join(dir, "site"), "/site", "--delete"], env);
    expect(refused.code).toBe(7);
    expect(refused.stderr).toContain("Pass --yes");
    expect((await admin.listFiles({ path: "/site", searchQuery: 'name = "old.txt"' })).length).toBe(1);
    const done = ok(await ikit(["sync", join(dir, "site"), "/site", "--delete", "--yes"], env));
    expect(done.stdout).toContain("deleted /site/old.txt");
    expect(await admin.listFiles({ path: "/site", searchQuery: 'name = "old.txt"' })).toEqual([]);
  });
});

describe("ls and lsd", () => {
  it("ls lists a folder: folders end with /", async () => {
    expect(lines(ok(await ikit(["ls", "/site"], env)))).toEqual(["/site/img/", "/site/index.html"]);
  });

  it("ls --recursive walks sub-folders; --json prints one object per line", async () => {
    const r = ok(await ikit(["ls", "/", "--recursive", "--json"], env));
    expect(jsonLines(r).map((o) => o.path)).toEqual([
      "/site/",
      "/site/img/",
      "/site/index.html",
      "/site/img/logo.txt",
      "/site/img/summer_sale.txt",
    ]);
    expect(jsonLines(r)[2]).toMatchObject({ type: "file", size: 20 });
  });

  it("ls --long prints type, size, date, id and path; --versions adds older versions", async () => {
    const r = ok(await ikit(["ls", "/site", "--long", "--versions"], env));
    const rows = lines(r).map((line) => line.split("\t"));
    expect(rows.map((row) => [row[0], row[1]])).toEqual([
      ["d", "-"],
      ["-", "20"],
      ["v", "11"],
    ]);
    expect(rows[1]?.[3]).toMatch(/^[0-9a-f]{24}$/);
    expect(rows[2]?.[4]).toMatch(/^\/site\/index\.html@[0-9a-f]{24}$/);
    const plain = lines(ok(await ikit(["ls", "/site", "--versions"], env)));
    expect(plain).toEqual(["/site/img/", "/site/index.html", rows[2]?.[4]]);
  });

  it("ls of a file shows the file; of nothing exits 4", async () => {
    expect(lines(ok(await ikit(["ls", "/site/index.html"], env)))).toEqual(["/site/index.html"]);
    const missing = await ikit(["ls", "/nowhere"], env);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain("/nowhere does not exist");
  });

  it("lsd lists folders only", async () => {
    expect(lines(ok(await ikit(["lsd", "/site"], env)))).toEqual(["/site/img/"]);
    expect(lines(ok(await ikit(["lsd", "/", "-R"], env)))).toEqual(["/site/", "/site/img/"]);
  });
});

describe("mkdir, upload, mv, cp, rm", () => {
  it("mkdir creates a folder with its parents", async () => {
    expect(ok(await ikit(["mkdir", "/a/b"], env)).stdout).toBe("created /a/b/\n");
    expect(lines(ok(await ikit(["lsd", "/a"], env)))).toEqual(["/a/b/"]);
  });

  it("upload sends files into a folder; a taken name exits 5 unless --overwrite", async () => {
    const r = ok(await ikit(["upload", join(dir, "one.txt"), join(dir, "two.txt"), "/a", "--tags", "x"], env));
    expect(lines(r).sort()).toEqual(["uploaded /a/one.txt", "uploaded /a/two.txt"]);
    const taken = await ikit(["upload", join(dir, "one.txt"), "/a"], env);
    expect(taken.code).toBe(5);
    expect(taken.stderr).toContain("/a/one.txt exists already; pass --overwrite");
    ok(await ikit(["upload", join(dir, "one.txt"), "/a", "--overwrite"], env));
    const [one] = await admin.listFiles({ path: "/a", searchQuery: 'name = "one.txt"' });
    expect(await admin.listVersions(one?.type === "file" ? (one.fileId ?? "") : "")).toHaveLength(2);
  });

  it("mv renames in place, and a rename onto a taken name is a 409: exit 5, nothing changed", async () => {
    ok(await ikit(["mv", "/a/two.txt", "/a/three.txt"], env));
    const conflict = await ikit(["mv", "/a/three.txt", "/a/one.txt"], env);
    expect(conflict.code).toBe(5);
    expect(conflict.stderr).toContain("already exists");
    expect(lines(ok(await ikit(["ls", "/a"], env)))).toEqual(["/a/b/", "/a/one.txt", "/a/three.txt"]);
  });

  it("mv moves a file and a folder into a folder (waiting for the folder's job)", async () => {
    ok(await ikit(["mv", "/a/three.txt", "/a/b/"], env));
    ok(await ikit(["mkdir", "/c"], env));
    const r = ok(await ikit(["mv", "/a/b", "/c", "--json"], env));
    expect(JSON.parse(r.stdout)).toMatchObject({ status: "Completed" });
    expect(lines(ok(await ikit(["ls", "/c", "-R"], env)))).toEqual(["/c/b/", "/c/b/three.txt"]);
  });

  it("cp copies a file, and a folder through a bulk job it waits for", async () => {
    ok(await ikit(["cp", "/a/one.txt", "/c"], env));
    const r = ok(await ikit(["cp", "/c", "/backup"], env));
    expect(r.stdout).toMatch(/copied \/c\/ into \/backup\/ \(job [0-9a-f]+ Completed\)/);
    expect(lines(ok(await ikit(["ls", "/backup", "-R"], env)))).toEqual([
      "/backup/c/",
      "/backup/c/b/",
      "/backup/c/one.txt",
      "/backup/c/b/three.txt",
    ]);
  });

  it("rm asks first, needs -r for a folder, and checks every path before deleting any", async () => {
    const noTerminal = await ikit(["rm", "/backup/c/one.txt"], env);
    expect(noTerminal.code).toBe(7);
    const folder = await ikit(["rm", "/backup", "--yes"], env);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain("pass -r");
    const oneMissing = await ikit(["rm", "/backup/c/one.txt", "/backup/nope.txt", "--yes"], env);
    expect(oneMissing.code).toBe(4);
    expect(lines(ok(await ikit(["ls", "/backup/c"], env)))).toContain("/backup/c/one.txt");
    expect(ok(await ikit(["rm", "/backup/c/one.txt", "--yes"], env)).stdout).toBe("deleted /backup/c/one.txt\n");
    ok(await ikit(["rm", "-r", "/backup", "--yes"], env));
    expect((await ikit(["ls", "/backup"], env)).code).toBe(4);
  });
});

describe("tags, details, metadata", () => {
  it("tag add and tag rm change tags by path or id; details shows them", async () => {
    ok(await ikit(["tag", "add", "red,blue", "/a/one.txt"], env));
    const id = JSON.parse(ok(await ikit(["details", "/a/one.txt", "--json"], env)).stdout).fileId as string;
    ok(await ikit(["tag", "rm", "red", id], env));
    const details = ok(await ikit(["details", id], env));
    expect(details.stdout).toContain("filePath: /a/one.txt");
    const tags = JSON.parse(/^tags: (.*)$/m.exec(details.stdout)?.[1] ?? "null");
    expect(tags).toContain("blue");
    expect(tags).not.toContain("red");
  });

  it("metadata takes a file id, a path or a URL", async () => {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR4nGP8z8DwnwEImBigAEYAAAz+AQSCUT1tAAAAAElFTkSuQmCC",
      "base64",
    );
    const up = await admin.upload({
      file: new Blob([png]),
      fileName: "dot.png",
      folder: "/img",
      useUniqueFileName: false,
    });
    const byId = JSON.parse(ok(await ikit(["metadata", up.fileId ?? "", "--json"], env)).stdout);
    expect(byId).toMatchObject({ width: 2, height: 2, format: "png" });
    expect(ok(await ikit(["metadata", "/img/dot.png"], env)).stdout).toContain("width: 2");
    const byUrl = JSON.parse(
      ok(await ikit(["metadata", `${emu.urlEndpoint}/tr:w-1/img/dot.png`, "--json"], env)).stdout,
    );
    expect(byUrl).toMatchObject({ width: 1 });
  });
});

describe("download and cat", () => {
  it("cat writes the bytes; download fetches a file and a folder", async () => {
    expect(ok(await ikit(["cat", "/site/img/logo.txt"], env)).stdout).toBe("logo");
    ok(await ikit(["download", "/site/img/logo.txt", join(dir, "logo.txt")], env));
    expect(await readFile(join(dir, "logo.txt"), "utf8")).toBe("logo");
    const r = ok(await ikit(["download", "/site", join(dir, "copy")], env));
    expect(r.stdout).toContain("downloaded 3 file(s)");
    expect(await readFile(join(dir, "copy/img/summer_sale.txt"), "utf8")).toBe("sale!");
  });

  it("--only-signed signs the URL, which an account restricting unsigned URLs needs", async () => {
    const strict = await setup({ restrictUnsignedUrls: true });
    try {
      await strict.admin.upload({
        file: new Blob(["secret"]),
        fileName: "s.txt",
        folder: "/p",
        useUniqueFileName: false,
      });
      const unsigned = await ikit(["cat", "/p/s.txt"], strict.env);
      expect(unsigned.code).toBe(8);
      expect(unsigned.stderr).toContain("pass --only-signed");
      expect(ok(await ikit(["cat", "/p/s.txt", "--only-signed"], strict.env)).stdout).toBe("secret");
      ok(await ikit(["download", "/p/s.txt", join(strict.dir, "s.txt"), "--only-signed"], strict.env));
      expect(await readFile(join(strict.dir, "s.txt"), "utf8")).toBe("secret");
    } finally {
      await strict.emu.close();
    }
  });
});

describe("URLs, auth, purge, usage", () => {
  it("url builds a transformed URL; sign signs it, with --expires", async () => {
    expect(ok(await ikit(["url", "/site/index.html", "--tr", "w-300,h-200:rt-90"], env)).stdout).toBe(
      `${emu.urlEndpoint}/tr:w-300,h-200:rt-90/site/index.html\n`,
    );
    const signed = ok(await ikit(["sign", "/site/img/logo.txt", "--expires", "60"], env)).stdout.trim();
    expect(signed).toMatch(/\/site\/img\/logo\.txt\?ik-t=\d+&ik-s=[0-9a-f]{40}$/);
    expect(await (await fetch(signed)).text()).toBe("logo");
    for (const tr of ["w-", "w-300/x", "w-300,,h-2", "w-3 00"]) {
      const bad = await ikit(["url", "/a.jpg", "--tr", tr], env);
      expect({ tr, code: bad.code }).toEqual({ tr, code: 2 });
      expect(bad.stderr).toContain("is not an ImageKit transformation");
    }
  });

  it("auth prints upload parameters the upload API accepts, with the public key and never the private one", async () => {
    const r = ok(await ikit(["auth", "--json"], env));
    const auth = JSON.parse(r.stdout);
    expect(Object.keys(auth).sort()).toEqual(["expire", "publicKey", "signature", "token"]);
    const form = new FormData();
    for (const [k, v] of Object.entries(auth)) form.append(k, String(v));
    form.append("file", new Blob(["x"]), "x.txt");
    form.append("fileName", "x.txt");
    expect((await fetch(emu.uploadUrl, { method: "POST", body: form })).status).toBe(200);
  });

  it("purge waits for the purge and prints its status", async () => {
    const r = ok(await ikit(["purge", `${emu.urlEndpoint}/site/index.html`], env));
    expect(r.stdout).toMatch(/^purge [0-9a-f]+: Completed\n$/);
  });

  it("usage takes --from and --to", async () => {
    const r = ok(await ikit(["usage", "--from", "2026-11-01", "--to", "2026-11-23", "--json"], env));
    expect(JSON.parse(r.stdout)).toHaveProperty("bandwidthBytes");
    expect((await ikit(["usage", "--from", "yesterday"], env)).code).toBe(2);
  });
});

describe("fields", () => {
  it("create, list, update and rm (which asks first)", async () => {
    const created = JSON.parse(
      ok(await ikit(["fields", "create", "price", "--type", "Number", "--min", "0", "--label", "Price", "--json"], env))
        .stdout,
    );
    expect(created).toMatchObject({ name: "price", label: "Price", schema: { type: "Number", minValue: 0 } });
    expect(lines(ok(await ikit(["fields", "list"], env)))).toEqual([`${created.id}\tprice\tPrice\tNumber`]);
    const updated = ok(await ikit(["fields", "update", created.id, "--label", "Price (EUR)", "--max", "100"], env));
    expect(updated.stdout).toContain("label: Price (EUR)");
    expect(updated.stdout).toContain('"maxValue":100');
    expect((await ikit(["fields", "rm", created.id], env)).code).toBe(7);
    ok(await ikit(["fields", "rm", created.id, "--yes"], env));
    expect(ok(await ikit(["fields", "list", "--json"], env)).stdout).toBe("[]\n");
  });
});

describe("global options", () => {
  it("--help works for every command", async () => {
    const commands = [
      "ls",
      "lsd",
      "mkdir",
      "upload",
      "sync",
      "download",
      "cat",
      "rm",
      "mv",
      "cp",
      "tag",
      "tag add",
      "tag rm",
      "details",
      "metadata",
      "purge",
      "usage",
      "sign",
      "url",
      "fields",
      "fields list",
      "fields create",
      "fields update",
      "fields rm",
      "auth",
    ];
    for (const command of commands) {
      const r = await ikit([...command.split(" "), "--help"], env);
      expect({ command, code: r.code }).toEqual({ command, code: 0 });
      expect(r.stdout).toContain(`Usage: ikit ${command}`);
    }
    const top = ok(await ikit(["--help"], env));
    expect(top.stdout).toContain("Exit codes:");
  });

  it("--quiet prints only the data; --verbose adds each request on stderr", async () => {
    expect(ok(await ikit(["mkdir", "/q", "--quiet"], env)).stdout).toBe("");
    const verbose = ok(await ikit(["ls", "/site", "--verbose"], env));
    expect(verbose.stderr).toMatch(/→ GET \/v1\/files\?path=%2Fsite.* 200 \(\d+ ms\)/);
    expect(verbose.stdout).toBe("/site/img/\n/site/index.html\n");
  });

  it("reads settings from a config file, with the environment and flags taking precedence", async () => {
    const file = join(dir, "ikit.json");
    await writeTree(dir, {
      "ikit.json": JSON.stringify({
        privateKey: PRIVATE_KEY,
        apiBase: emu.apiBase,
        urlEndpoint: "http://from-file.example",
      }),
    });
    const bare = { PATH: env.PATH, HOME: env.HOME };
    expect(lines(ok(await ikit(["--config", file, "lsd", "/"], bare)))).toContain("/site/");
    expect(ok(await ikit(["--config", file, "url", "/a.jpg"], bare)).stdout).toBe("http://from-file.example/a.jpg\n");
    expect(
      ok(await ikit(["--config", file, "url", "/a.jpg"], { ...bare, IMAGEKIT_URL_ENDPOINT: "http://env.example" }))
        .stdout,
    ).toBe("http://env.example/a.jpg\n");
    expect(
      ok(await ikit(["--config", file, "url", "/a.jpg", "--url-endpoint", "http://flag.example"], bare)).stdout,
    ).toBe("http://flag.example/a.jpg\n");
  });
});
