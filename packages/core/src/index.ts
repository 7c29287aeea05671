// @ikit/core: ImageKit transformations → URL → signature, and back. Zero dependencies; browsers, workerd, Node 20+.

export type * from "./api/shapes.js";
export {
  type AuthenticationOptions,
  type AuthenticationParameters,
  getAuthenticationParameters,
} from "./auth.js";
export { buildSrc, type SrcOptions } from "./build-src.js";
export { IkitError, type IkitErrorCode } from "./errors.js";
export {
  add,
  div,
  type Expression,
  type ExpressionOperator,
  type ExpressionVariable,
  isExpression,
  mod,
  mul,
  type Operand,
  pow,
  sub,
} from "./expression.js";
export { imageSize } from "./image-size.js";
export { type ParsedUrl, type ParseUrlOptions, parseUrl } from "./parse.js";
export { type ParsedTransformation, parseTransformation } from "./parse-transformation.js";
export { pHashDistance } from "./phash.js";
export {
  type GetImageAttributesOptions,
  getResponsiveImageAttributes,
  type ResponsiveImageAttributes,
  type ResponsiveImageOptions,
} from "./responsive.js";
export { type RetryHeaders, retryAfterMs } from "./retry-after.js";
export { NO_EXPIRY, type SignOptions, signUrl, signUrlSync } from "./sign.js";
export { buildTransformationString, legacyTransformationString } from "./transformation.js";
export type * from "./types.js";
export { type UrlOptions, url } from "./url.js";
export {
  type VerifiedWebhook,
  verifyStandardWebhook,
  verifyWebhookEvent,
  type WebhookBody,
  type WebhookEvent,
  type WebhookHeaders,
  type WebhookVerifyOptions,
} from "./webhook.js";
