import { buildSrc, type QueryParameters, type Transformation, type TransformationPosition } from "@ikit/core";
import { computed, defineComponent, h, mergeProps, type PropType } from "vue";
import { useImageKit, withDefined } from "./config.js";

/**
 * An ImageKit `<video>`: `@imagekit/vue`'s `Video` under the same props (`src`, `urlEndpoint`, `transformation`,
 * `transformationPosition`, `queryParameters`), its URL built by `@ikit/core`. Other attributes (`controls`,
 * `poster`, `muted`, listeners) pass through.
 *
 * @example
 * ```ts
 * import { h } from "vue";
 *
 * h(IkVideo, { src: "/clips/intro.mp4", transformation: [{ width: 640 }], controls: true });
 * ```
 */
export const IkVideo = /* @__PURE__ */ defineComponent({
  name: "IkVideo",
  inheritAttrs: false,
  props: {
    /** A path under `urlEndpoint` or an absolute URL. */
    src: { type: String, required: true },
    urlEndpoint: String as PropType<string | undefined>,
    transformation: Array as PropType<Transformation[] | undefined>,
    transformationPosition: String as PropType<TransformationPosition | undefined>,
    queryParameters: Object as PropType<QueryParameters | undefined>,
  },
  setup(props, { attrs }) {
    const options = useImageKit();
    const src = computed(() => {
      const {
        urlEndpoint = "",
        transformation,
        transformationPosition,
        queryParameters,
      } = withDefined(options.value, props);
      return buildSrc({
        src: props.src,
        urlEndpoint,
        ...(transformation && { transformation }),
        ...(transformationPosition && { transformationPosition }),
        ...(queryParameters && { queryParameters: queryParameters as Record<string, string | number> }),
      });
    });
    return () => h("video", mergeProps(attrs, { src: src.value }));
  },
});
