import { ImageKitProvider } from "@ikit/react";
import { useState } from "react";
import { type ExampleConfig, missing } from "./config.ts";
import { Gallery } from "./Gallery.tsx";
import { SectionBoundary } from "./Missing.tsx";
import { SignedImages } from "./SignedImages.tsx";
import { Transformations } from "./Transformations.tsx";
import { UploadForm } from "./UploadForm.tsx";

/**
 * The page: one provider with the endpoint, the worker and the upload settings, and four sections. Each section
 * checks the variables it needs, so one missing value costs one section, not the page.
 */
export function App({ config }: { config: ExampleConfig }) {
  // The gallery shows the samples, then every file uploaded from this page.
  const [uploaded, setUploaded] = useState<string[]>([]);
  const unset = missing(config, ["urlEndpoint", "workerUrl", "uploadUrl", "publicKey", "samples", "privateSamples"]);
  return (
    <ImageKitProvider
      {...(config.urlEndpoint && { urlEndpoint: config.urlEndpoint })}
      {...(config.workerUrl && { workerUrl: config.workerUrl })}
      {...(config.publicKey && { publicKey: config.publicKey })}
      {...(config.uploadUrl && { uploadEndpoint: config.uploadUrl })}
    >
      <header>
        <h1>ikit · React + Vite</h1>
        <p>
          <code>@ikit/react</code> against ImageKit (or the local emulator), with uploads and signed images through{" "}
          <code>@ikit/worker</code>.
        </p>
        {unset.length > 0 && (
          <p className="missing" role="alert" data-testid="config-summary">
            Missing configuration: {unset.join(", ")}. The sections that need them say so below.
          </p>
        )}
      </header>
      <main>
        <SectionBoundary>
          <Gallery config={config} uploaded={uploaded} />
        </SectionBoundary>
        <SectionBoundary>
          <Transformations config={config} />
        </SectionBoundary>
        <SectionBoundary>
          <UploadForm config={config} onUploaded={(path) => setUploaded((paths) => [...paths, path])} />
        </SectionBoundary>
        <SectionBoundary>
          <SignedImages config={config} />
        </SectionBoundary>
      </main>
    </ImageKitProvider>
  );
}
