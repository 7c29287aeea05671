import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, it } from "vitest";
import { routeTable } from "../../src/http/routes.js";

it("documents every route of the route table in the README, with its method, path and auth", () => {
  const readme = readFileSync(resolve(import.meta.dirname, "../../README.md"), "utf8");
  const documented = [...readme.matchAll(/^\| `([\w.]+)` \| `(\w+) ([^`]+)` \| `([\w-]+)` \|$/gm)].map(
    ([, name, method, path, auth]) => `${method} ${path?.replace("<urlEndpoint>", "/emulator")} ${name} ${auth}`,
  );
  const routes = routeTable("/emulator").map((route) => `${route.method} ${route.path} ${route.name} ${route.auth}`);
  expect(documented).toEqual(routes);
});
