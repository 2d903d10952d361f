// Hand-written: the error class names every Zavu SDK uses (core's ERROR_CLASSES), as Kotlin type
// aliases of the generated `ZavuException` variants. uniffi gives Kotlin one sealed exception
// class with one subclass per core kind, not a class tree, so:
//   - each class that core raises for a kind is an alias of that kind's variant
//     (`catch (e: NotFoundError)` is `catch (e: ZavuException.NotFound)`);
//   - the root `ZavudevError` (and its alias `ZavuError`) is `ZavuException` itself;
//   - the classes that only group others in the tree (`APIError`, `APIStatusError`,
//     `BadRequestError`) and the parent links (`UnprocessableEntityError` under
//     `InvalidRequestError`) cannot be expressed as Kotlin types: ask the error instead,
//     `e.isA("APIStatusError")`, and read its class with `e.className()`.
// ErrorClassesTest checks these aliases against the table the native library exports.
package dev.zavu.sdk

/** Core's error kind (generated in `dev.zavu.sdk.core` from core's own enum). */
typealias ErrorKind = dev.zavu.sdk.core.ErrorKind

typealias ZavudevError = ZavuException
typealias ZavuError = ZavuException
typealias InvalidRequestError = ZavuException.InvalidRequest
typealias UnprocessableEntityError = ZavuException.UnprocessableEntity
typealias AuthenticationError = ZavuException.Authentication
typealias PaymentRequiredError = ZavuException.PaymentRequired
typealias PermissionDeniedError = ZavuException.PermissionDenied
typealias NotFoundError = ZavuException.NotFound
typealias ConflictError = ZavuException.Conflict
typealias RateLimitError = ZavuException.RateLimit
typealias InternalServerError = ZavuException.Server
typealias ServerError = ZavuException.Server
typealias APIConnectionError = ZavuException.Connection
typealias APITimeoutError = ZavuException.Timeout
typealias APIResponseValidationError = ZavuException.InvalidResponse
typealias InvalidResponseError = ZavuException.InvalidResponse
typealias APIUserAbortError = ZavuException.Cancelled
typealias RequestCancelledError = ZavuException.Cancelled
typealias WebhookVerificationError = ZavuException.WebhookVerification
typealias WaitTimeoutError = ZavuException.WaitTimeout
typealias ClientClosedError = ZavuException.ClientClosed
typealias InternalError = ZavuException.Internal
