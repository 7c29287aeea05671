import { Image } from "@ikit/react";
import { type ExampleConfig, missing } from "./config.ts";
import { Missing } from "./Missing.tsx";

/**
 * Responsive images: each `<Image>` gets a 1x/2x `srcset` for its 320 px box, lazy loading and async decoding; the
 * first is above the fold (`priority`) and all of them fade in from a blurred 32 px placeholder.
 */
export function Gallery({ config, uploaded }: { config: ExampleConfig; uploaded: string[] }) {
  const unset = missing(config, ["urlEndpoint"]);
  const paths = [...config.samples, ...uploaded];
  return (
    <section data-testid="gallery" aria-labelledby="gallery-title">
      <h2 id="gallery-title">Gallery</h2>
      {unset.length > 0 ? (
        <Missing variables={unset} />
      ) : paths.length === 0 ? (
        <p>No images yet: set VITE_IKIT_SAMPLES, or upload one below.</p>
      ) : (
        <div className="grid">
          {paths.map((path, index) => (
            <figure key={path} data-testid="gallery-item" data-path={path}>
              <Image src={path} width={320} height={240} alt={path} priority={index === 0} placeholder="blur" />
              <figcaption>{path}</figcaption>
            </figure>
          ))}
        </div>
      )}
    </section>
  );
}
