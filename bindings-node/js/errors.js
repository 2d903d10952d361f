'use strict';
// The error classes of @zavudev/sdk. Core decides every error's code and kind; this file only
// maps core's kind to a class, in one table.

/**
 * Every error code core knows (`zavu_core::KNOWN_CODES`, same order). A test checks that this
 * list equals core's; codes the server invents later still arrive verbatim in `err.code`.
 */
const ERROR_CODES = Object.freeze([
  'invalid_request',
  'not_found',
  'phone_number_wrong_team',
  'already_completed',
  'paid_plan_required',
  'unauthorized',
  'forbidden',
  'rate_limited',
  'conflict',
  'internal_error',
  'payment_required',
  'server_error',
  'missing_api_key',
  'connection_error',
  'timeout',
  'invalid_response',
  'invalid_signature',
  'stale_signature',
  'invalid_payload',
  'wait_timeout',
  'cancelled',
  'internal_panic',
  'client_closed',
]);

/** An error from the Zavu SDK: a stable `code`, a human `message`, and what is known of the cause. */
class ZavuError extends Error {
  constructor(fields = {}) {
    super(fields.message ?? fields.code ?? 'Zavu error');
    this.name = new.target.name;
    /** The stable code, for example `not_found` or `invalid_request`. */
    this.code = fields.code ?? 'api_error';
    /** The HTTP status, when the error came from a response. */
    this.status = fields.status ?? undefined;
    /** The raw response body, when there was one. */
    this.body = fields.body ?? undefined;
    /** The wire name of the refused parameter, for local validation errors. */
    this.param = fields.param ?? undefined;
    /** Seconds the server asked to wait before retrying (429, 503). */
    this.retryAfter = fields.retryAfter ?? undefined;
    /** The server's `X-Request-Id`, when it sent one. */
    this.requestId = fields.requestId ?? undefined;
    /** The error's family as core names it (`not_found`, `rate_limit`, `timeout`, ...). */
    this.kind = fields.kind ?? 'api';
  }

  toJSON() {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      param: this.param,
      retryAfter: this.retryAfter,
      requestId: this.requestId,
      kind: this.kind,
      body: this.body,
    };
  }
}

/** Bad parameters, refused locally or by the server (400, 422). */
class InvalidRequestError extends ZavuError {}
/** A missing or refused API key (401, `missing_api_key`). */
class AuthenticationError extends ZavuError {}
/** The key may not do this (403). */
class PermissionDeniedError extends ZavuError {}
/** The team's plan does not allow this (402, `paid_plan_required`). */
class PaymentRequiredError extends ZavuError {}
/** The resource does not exist (404). */
class NotFoundError extends ZavuError {}
/** The resource is not in a state that allows this (409, `already_completed`). */
class ConflictError extends ZavuError {}
/** Too many requests (429); see `retryAfter`. */
class RateLimitError extends ZavuError {}
/** The server failed (5xx). */
class ServerError extends ZavuError {}
/** The request never got an answer (DNS, connect, reset, dropped connection). */
class APIConnectionError extends ZavuError {}
/** An attempt (`timeout`) or a wait (`wait_timeout`) ran out of time. */
class APITimeoutError extends ZavuError {}
/** A 2xx answer that is not what the API promises. */
class InvalidResponseError extends ZavuError {}
/** A webhook whose signature, timestamp or payload was refused. */
class WebhookVerificationError extends ZavuError {}
/** The call was cancelled through its `AbortSignal` (code `cancelled`). */
class APIUserAbortError extends ZavuError {}
/** A bug inside the SDK, caught before it could crash the process (`internal_panic`). */
class InternalError extends ZavuError {}

/** Core's error kind → class. The only error classification in JavaScript. */
const CLASS_BY_KIND = Object.freeze({
  invalid_request: InvalidRequestError,
  authentication: AuthenticationError,
  permission_denied: PermissionDeniedError,
  payment_required: PaymentRequiredError,
  not_found: NotFoundError,
  conflict: ConflictError,
  rate_limit: RateLimitError,
  server: ServerError,
  connection: APIConnectionError,
  timeout: APITimeoutError,
  invalid_response: InvalidResponseError,
  webhook_verification: WebhookVerificationError,
  cancelled: APIUserAbortError,
  internal: InternalError,
  api: ZavuError,
});

/** The typed error for the fields core sent across the boundary. */
function errorFromNative(fields) {
  const Class = CLASS_BY_KIND[fields.kind] ?? ZavuError;
  return new Class(fields);
}

module.exports = {
  ERROR_CODES,
  CLASS_BY_KIND,
  errorFromNative,
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
};
