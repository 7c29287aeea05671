import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Emulator } from "../src/index.js";
import { api, blob, png, start, upload } from "./helpers.js";

// ImageKit's OpenAPI contract, read from ../shared (never copied into the package).
const SPEC = resolve(import.meta.dirname, "../../../../shared/reference/imagekit-openapi-v1.yaml");
const doc = parse(readFileSync(SPEC, "utf8"));
// The file writes nullable types as `type: [array, null]`, which YAML reads as the null value, not "null".
(function fixNullTypes(node: unknown): void {
  if (Array.isArray(node)) node.forEach(fixNullTypes);
  else if (node && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if (Array.isArray(record.type)) record.type = record.type.map((type) => (type === null ? "null" : type));
    Object.values(record).forEach(fixNullTypes);
  }
})(doc);
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
ajv.addFormat("binary", true);
ajv.addSchema(doc, "openapi");

function pointer(...parts: string[]): string {
  return parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
}

/** Checks that the status is documented for the operation and that the body matches its JSON schema. */
function expectContract(method: string, path: string, status: number, body: unknown): void {
  const operation = doc.paths[path]?.[method.toLowerCase()];
  expect(operation, `${method} ${path} is in the OpenAPI file`).toBeDefined();
  const response = operation.responses[String(status)];
  expect(response, `${method} ${path} documents status ${status}`).toBeDefined();
  const base = response.$ref
    ? response.$ref.replace("#/", "")
    : pointer("paths", path, method.toLowerCase(), "responses", String(status));
  const resolved = response.$ref ? doc.components.responses[response.$ref.split("/").pop()] : response;
  if (!resolved.content?.["application/json"]?.schema) return;
  const validate = ajv.getSchema(`openapi#/${base}/content/${pointer("application/json")}/schema`);
  expect(validate, "schema compiles").toBeDefined();
  const ok = validate?.(body);
  expect(ok, JSON.stringify(validate?.errors?.slice(0, 3))).toBe(true);
}

let emu: Emulator;
let fileId: string;
beforeAll(async () => {
  emu = await start({ bulkJobDelayMs: 0 });
  await api(emu, "POST", "/v1/customMetadataFields", {
    name: "color",
    label: "Color",
    schema: { type: "Text", maxLength: 10 },
  });
  const uploaded = await upload(emu, {
    file: blob(await png(20, 20)),
    fileName: "c.png",
    folder: "/contract",
    tags: "a,b",
    customMetadata: '{"color":"red"}',
    responseFields: "tags,customCoordinates,isPrivateFile,isPublished,customMetadata,metadata",
    useUniqueFileName: "false",
  });
  fileId = String(uploaded.body.fileId);
  expectContract("POST", "/api/v1/files/upload", uploaded.status, uploaded.body);
  await upload(emu, {
    file: blob(await png(10, 10)),
    fileName: "c.png",
    folder: "/contract",
    useUniqueFileName: "false",
  });
});
afterAll(() => emu.close());

describe("responses match ImageKit's OpenAPI schemas and documented statuses", () => {
  it("upload errors", async () => {
    const missing = await upload(emu, { fileName: "x.png" });
    expectContract("POST", "/api/v1/files/upload", missing.status, missing.body);
    const unauthorised = await upload(emu, { file: blob("x"), fileName: "x.txt" }, { auth: null });
    expectContract("POST", "/api/v1/files/upload", unauthorised.status, unauthorised.body);
    const forbidden = await upload(
      emu,
      { file: blob("x"), fileName: "x.txt" },
      { auth: `Basic ${Buffer.from("nope:").toString("base64")}` },
    );
    expectContract("POST", "/api/v1/files/upload", forbidden.status, forbidden.body);
  });

  it("file list, details, update and versions", async () => {
    const cases: [string, string, string, unknown?][] = [
      ["GET", "/v1/files", "/v1/files?type=all"],
      ["GET", "/v1/files", "/v1/files?type=file-version"],
      ["GET", "/v1/files", "/v1/files?limit=0"],
      ["GET", "/v1/files/{fileId}/details", `/v1/files/${fileId}/details`],
      ["GET", "/v1/files/{fileId}/details", "/v1/files/000000000000000000000000/details"],
      [
        "PATCH",
        "/v1/files/{fileId}/details",
        `/v1/files/${fileId}/details`,
        { tags: ["x"], customMetadata: { color: "blue" } },
      ],
      [
        "PATCH",
        "/v1/files/{fileId}/details",
        `/v1/files/${fileId}/details`,
        { customMetadata: { color: "far too long a colour" } },
      ],
      ["GET", "/v1/files/{fileId}/versions", `/v1/files/${fileId}/versions`],
      ["GET", "/v1/files/{fileId}/metadata", `/v1/files/${fileId}/metadata`],
      ["GET", "/v1/metadata", `/v1/metadata?url=${encodeURIComponent(`${emu.urlEndpoint}/contract/c.png`)}`],
      ["GET", "/v1/metadata", `/v1/metadata?url=${encodeURIComponent("https://example.com/a.png")}`],
      ["POST", "/v1/files/addTags", "/v1/files/addTags", { fileIds: [fileId], tags: ["y"] }],
      ["POST", "/v1/files/addTags", "/v1/files/addTags", { fileIds: [], tags: ["y"] }],
      ["POST", "/v1/files/removeTags", "/v1/files/removeTags", { fileIds: ["000000000000000000000000"], tags: ["y"] }],
      ["POST", "/v1/files/removeAITags", "/v1/files/removeAITags", { fileIds: [fileId], AITags: ["car"] }],
      ["GET", "/v1/customMetadataFields", "/v1/customMetadataFields"],
      [
        "POST",
        "/v1/customMetadataFields",
        "/v1/customMetadataFields",
        { name: "color", label: "Again", schema: { type: "Text" } },
      ],
      ["POST", "/v1/files/purge", "/v1/files/purge", { url: `${emu.urlEndpoint}/contract/c.png` }],
      ["POST", "/v1/files/purge", "/v1/files/purge", { url: "https://example.com/a.png" }],
      ["GET", "/v1/accounts/usage", "/v1/accounts/usage?startDate=2026-01-01&endDate=2026-02-01"],
      ["GET", "/v1/accounts/usage", "/v1/accounts/usage?startDate=2026-01-01"],
      ["POST", "/v1/folder", "/v1/folder", { folderName: "made", parentFolderPath: "/contract" }],
      [
        "POST",
        "/v1/bulkJobs/copyFolder",
        "/v1/bulkJobs/copyFolder",
        { sourceFolderPath: "/contract", destinationPath: "/copies" },
      ],
      [
        "POST",
        "/v1/bulkJobs/copyFolder",
        "/v1/bulkJobs/copyFolder",
        { sourceFolderPath: "/nothing-here", destinationPath: "/copies" },
      ],
      ["POST", "/v1/bulkJobs/renameFolder", "/v1/bulkJobs/renameFolder", { folderPath: "/", newFolderName: "x" }],
      ["GET", "/v1/bulkJobs/{jobId}", "/v1/bulkJobs/unknown"],
      ["PUT", "/v1/files/rename", "/v1/files/rename", { filePath: "/contract/c.png", newFileName: "c.png" }],
      ["PUT", "/v1/files/rename", "/v1/files/rename", { filePath: "/contract/none.png", newFileName: "d.png" }],
      ["POST", "/v1/files/copy", "/v1/files/copy", { sourceFilePath: "/contract/none.png", destinationPath: "/x" }],
      ["DELETE", "/v1/folder", "/v1/folder", { folderPath: "/not-there" }],
    ];
    for (const [method, template, path, body] of cases) {
      const result = await api(emu, method, path, body);
      expect(result.headers.get("x-request-id"), path).toBeTruthy();
      const text = JSON.stringify(result.body ?? "");
      expect(text.includes(emu.privateKey) || text.includes(emu.webhookSecret), `${path} leaks a secret`).toBe(false);
      expectContract(method, template, result.status, result.body);
    }
  });

  it("unauthorised and forbidden answers on the media API", async () => {
    const none = await api(emu, "GET", "/v1/files", undefined, null);
    expect(none.status).toBe(401);
    expectContract("GET", "/v1/files", none.status, none.body);
    const wrong = await api(
      emu,
      "GET",
      "/v1/files",
      undefined,
      `Basic ${Buffer.from("private_x:").toString("base64")}`,
    );
    expect(wrong.status).toBe(403);
    expectContract("GET", "/v1/files", wrong.status, wrong.body);
  });

  it("bulk job status and deletes", async () => {
    const job = await api(emu, "POST", "/v1/bulkJobs/moveFolder", {
      sourceFolderPath: "/contract/made",
      destinationPath: "/elsewhere",
    });
    expectContract("POST", "/v1/bulkJobs/moveFolder", job.status, job.body);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const status = await api(emu, "GET", `/v1/bulkJobs/${job.body.jobId}`);
    expectContract("GET", "/v1/bulkJobs/{jobId}", status.status, status.body);
    expect(status.body).toEqual({ jobId: job.body.jobId, type: "MOVE_FOLDER", status: "Completed" });
    const batch = await api(emu, "POST", "/v1/files/batch/deleteByFileIds", { fileIds: [fileId] });
    expectContract("POST", "/v1/files/batch/deleteByFileIds", batch.status, batch.body);
    const gone = await api(emu, "DELETE", `/v1/files/${fileId}`);
    expectContract("DELETE", "/v1/files/{fileId}", gone.status, gone.body);
  });
});
