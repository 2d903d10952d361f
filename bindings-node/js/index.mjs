// ESM entry of @zavudev/sdk: the CommonJS module, re-exported with a default and named exports,
// so `import Zavudev, { ZavuError } from '@zavudev/sdk'` sees the very same classes as `require`.
import sdk from './index.js';

export default sdk.default;
export const {
  Zavudev,
  Page,
  PagePromise,
  Webhooks,
  VERSION,
  ERROR_CODES,
  CLASS_BY_KIND,
  ZavuError,
  InvalidRequestError,
  AuthenticationError,
  PermissionDeniedError,
  PaymentRequiredError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  ServerError,
  APIConnectionError,
  APITimeoutError,
  InvalidResponseError,
  WebhookVerificationError,
  APIUserAbortError,
  InternalError,
} = sdk;
