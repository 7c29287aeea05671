// Type tests, checked by `tsc` (the package's typecheck script): literal unions catch typos at compile time.
import {
  buildSrc,
  div,
  type Expression,
  type IkitErrorCode,
  type SrcOptions,
  type Transformation,
  url,
} from "../src/index.js";
import { buildSrc as strictBuildSrc, url as strictUrl } from "../src/strict.js";

const urlEndpoint = "https://ik.imagekit.io/demo";

buildSrc({ urlEndpoint, src: "/a.jpg", transformation: [{ width: div("iw", 4), crop: "at_max", format: "avif" }] });
url({ urlEndpoint, path: "/a.jpg", transformation: [{ effectSharpen: "-", rotate: 90, width: 300 }] });

// @ts-expect-error a misspelt parameter name is a compile error
buildSrc({ urlEndpoint, src: "/a.jpg", transformation: [{ widht: 300 }] });
// @ts-expect-error crop takes ImageKit's strategies only
buildSrc({ urlEndpoint, src: "/a.jpg", transformation: [{ crop: "fit" }] });
// @ts-expect-error the seed's names belong to url(), not buildSrc()
buildSrc({ urlEndpoint, src: "/a.jpg", transformation: [{ effectSharpen: "-" }] });
// @ts-expect-error overlays need their type's required field
buildSrc({ urlEndpoint, src: "/a.jpg", transformation: [{ overlay: { type: "image" } }] });
// @ts-expect-error expression helpers take ImageKit's variables
div("width", 2);

const expression: Expression = div("iw", 4);
const step: Transformation = {
  height: expression,
  overlay: { type: "text", text: "Hi", position: { anchorPoint: "top_left" } },
};
const code: IkitErrorCode = "MISSING_URL_ENDPOINT";
// @ts-expect-error error codes are a closed union
const unknownCode: IkitErrorCode = "NOPE";

// The strict entry takes the same options as the permissive builders.
const options: SrcOptions = { urlEndpoint, src: "/a.jpg", transformation: [{ width: 300 }] };
const checked: string = strictBuildSrc(options);
strictUrl({ urlEndpoint, path: "/a.jpg", transformation: [{ effectSharpen: "-" }] });
// @ts-expect-error strict mode is an import, not an option
buildSrc({ urlEndpoint, src: "/a.jpg", strict: true });

export { checked, code, step, unknownCode };
