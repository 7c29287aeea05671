import { div, mul } from "@ikit/core";
import { Image } from "@ikit/react";
import { type ExampleConfig, missing } from "./config.ts";
import { Missing } from "./Missing.tsx";

/**
 * Transformations from @ikit/core's types: text and image overlays, and a crop written as an arithmetic expression
 * (`ih_div_2`: half the original's height), which ImageKit evaluates per image.
 */
export function Transformations({ config }: { config: ExampleConfig }) {
  const unset = missing(config, ["urlEndpoint", "samples"]);
  const [first = "", second = first] = config.samples;
  return (
    <section data-testid="transformations" aria-labelledby="transformations-title">
      <h2 id="transformations-title">Transformations</h2>
      {unset.length > 0 ? (
        <Missing variables={unset} />
      ) : (
        <div className="grid">
          <figure data-testid="overlay" data-path={first}>
            <Image
              src={first}
              width={320}
              height={240}
              alt="Text and image overlays"
              transformation={[
                { width: 640, height: 480 },
                { overlay: { type: "text", text: "ikit ✓", position: { x: 16, y: mul("bh", 0.8) } } },
                {
                  overlay: {
                    type: "image",
                    input: second,
                    transformation: [{ width: 120 }],
                    position: { focus: "top_right" },
                  },
                },
              ]}
            />
            <figcaption>
              Text and image overlays (the emulator serves the base image; ImageKit draws the layers)
            </figcaption>
          </figure>
          <figure data-testid="expression-crop" data-path={first}>
            <Image
              src={first}
              width={320}
              height={120}
              alt="The top half, cropped by expression"
              transformation={[{ height: div("ih", 2), width: "iw", crop: "force" }]}
            />
            <figcaption>
              Crop by expression: <code>h-{div("ih", 2)}</code>
            </figcaption>
          </figure>
        </div>
      )}
    </section>
  );
}
