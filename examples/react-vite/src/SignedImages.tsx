import { Image } from "@ikit/react";
import { type ExampleConfig, missing } from "./config.ts";
import { Missing } from "./Missing.tsx";

// The widths examples/worker allows: asking for exactly these, the srcset needs no snapping on the worker's side.
const WORKER_WIDTHS = [320, 640, 960, 1280, 1920];

/**
 * Private files, which ImageKit (and the emulator) serve only with a signature: the URLs point at @ikit/worker's
 * /img route, and the worker signs with the private key it holds. The browser never sees a key or a signature.
 */
export function SignedImages({ config }: { config: ExampleConfig }) {
  const unset = missing(config, ["workerUrl", "privateSamples"]);
  return (
    <section data-testid="signed" aria-labelledby="signed-title">
      <h2 id="signed-title">Signed through the worker</h2>
      {unset.length > 0 ? (
        <Missing variables={unset} />
      ) : (
        <div className="grid">
          {config.privateSamples.map((path) => (
            <figure key={path}>
              <Image
                src={path}
                signed
                // Mapped onto the worker's route (`?q=80`); examples/worker allows qualities 40, 60 and 80.
                transformation={[{ quality: 80 }]}
                width={320}
                height={240}
                deviceBreakpoints={WORKER_WIDTHS}
                imageBreakpoints={[]}
                alt={`${path}, signed by the worker`}
                data-testid="signed-image"
                data-path={path}
              />
              <figcaption>{path}</figcaption>
            </figure>
          ))}
        </div>
      )}
    </section>
  );
}
