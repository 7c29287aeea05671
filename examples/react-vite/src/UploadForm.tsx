import { UploadDropZone, useUpload } from "@ikit/react";
import { useEffect, useRef } from "react";
import { type ExampleConfig, missing } from "./config.ts";
import { Missing } from "./Missing.tsx";

/**
 * Uploads straight from the browser: tokens from @ikit/worker's /auth (the provider's workerUrl), fetched before
 * every attempt; files from the drop zone's input, a drop or a paste; progress and status as they change. Each file
 * uploaded is handed to the gallery.
 */
export function UploadForm({ config, onUploaded }: { config: ExampleConfig; onUploaded: (path: string) => void }) {
  const unset = missing(config, ["workerUrl", "uploadUrl", "publicKey"]);
  return (
    <section data-testid="upload" aria-labelledby="upload-title">
      <h2 id="upload-title">Upload</h2>
      {unset.length > 0 ? <Missing variables={unset} /> : <Uploader onUploaded={onUploaded} />}
    </section>
  );
}

function Uploader({ onUploaded }: { onUploaded: (path: string) => void }) {
  const { items, progress, status, add, abort, retry } = useUpload({ folder: "/uploads", accept: ["image/*"] });
  // Hand each finished file to the gallery once.
  const announced = useRef(new Set<number>());
  useEffect(() => {
    for (const item of items) {
      if (item.status !== "done" || !item.result?.filePath || announced.current.has(item.id)) continue;
      announced.current.add(item.id);
      onUploaded(item.result.filePath);
    }
  }, [items, onUploaded]);
  const failed = items.find((item) => item.status === "failed");
  return (
    <UploadDropZone
      className="dropzone"
      onFiles={(files) => add(files)}
      accept="image/*"
      label="Choose images to upload"
      hint="or drop them here, or paste a screenshot"
    >
      <progress data-testid="upload-progress" max={1} value={progress.fraction} aria-label="Upload progress" />
      <p data-testid="upload-status" aria-live="polite">
        {status === "error" ? `error: ${failed?.error?.message ?? "upload failed"}` : status}
      </p>
      <ul className="uploads">
        {items.map((item) => (
          <li key={item.id} data-status={item.status}>
            {item.name}:{" "}
            {item.error ? item.error.message : `${item.status} ${Math.round(item.progress.fraction * 100)}%`}
            {item.status === "uploading" && (
              <button type="button" onClick={() => abort(item.id)}>
                Cancel
              </button>
            )}
            {item.status === "failed" && (
              <button type="button" onClick={() => retry(item.id)}>
                Retry
              </button>
            )}
          </li>
        ))}
      </ul>
    </UploadDropZone>
  );
}
