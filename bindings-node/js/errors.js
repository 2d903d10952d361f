'use strict';
// The error classes of @zavudev/sdk. Core decides every error's code, kind and class
// (`zavu_core::ERROR_CLASSES`, the same tree in every language); this file only declares the
// classes, and a test compares them with core's table.

const native = require('../native/index.js');

/**
 * Every error code core knows (`zavu_core::KNOWN_CODES`, same order). Codes the server invents
 * later still arrive verbatim in `err.code`.
 */
const ERROR_CODES = Object.freeze(native.knownCodes());

/** An error from the Zavu SDK: a stable `code`, a human `message`, and what is known of the cause. */
class ZavudevError extends Error {
  constructor(fields = {}) {
    super(fields.message ?? fields.code ?? 'Zavu error');
    this.name = new.target.name;
    /** The stable code, for example `not_found` or `invalid_request`. */
    this.code = fields.code ?? 'api_error';
    /** The HTTP status, when the error came from a response. */
    this.status = fields.status ?? undefined;
    /** The raw response body, when there was one. */
    this.body = fields.body ?? undefined;
    /** The refused parameter (camelCase, as you wrote it), for validation errors. */
    this.param = fields.param ?? undefined;
    /** Seconds the server asked to wait before retrying (429, 503). */
    this.retryAfter = fields.retryAfter ?? undefined;
    /** The server's `X-Request-Id`, when it sent one. */
    this.requestId = fields.requestId ?? undefined;
    /** The error's family as core names it (`not_found`, `rate_limit`, `timeout`, ...). */
    this.kind = fields.kind ?? 'api';
  }

  /** The HTTP status; the published SDK's name for `status`. */
  get statusCode() {
    return this.status;
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

/** An error of a call to the API (any status, or none). */
class APIError extends ZavudevError {}
/** The API answered with an error status this SDK has no narrower class for. */
class APIStatusError extends APIError {}
/** The request was refused as malformed (400). */
class BadRequestError extends APIStatusError {}
/** Bad parameters, refused locally (`param` names the argument) or by the API (400). */
class InvalidRequestError extends BadRequestError {}
/** Parameters the API understood but refused (422). */
class UnprocessableEntityError extends InvalidRequestError {}
/** A missing or refused API key (401, `missing_api_key`). */
class AuthenticationError extends APIStatusError {}
/** The team's plan does not allow this (402, `paid_plan_required`). */
class PaymentRequiredError extends APIStatusError {}
/** The key may not do this (403). */
class PermissionDeniedError extends APIStatusError {}
/** The resource does not exist (404). */
class NotFoundError extends APIStatusError {}
/** The resource is not in a state that allows this (409, `already_completed`). */
class ConflictError extends APIStatusError {}
/** Too many requests (429); see `retryAfter`. */
class RateLimitError extends APIStatusError {}
/** The server failed (5xx). */
class InternalServerError extends APIStatusError {}
/** The request never got an answer (DNS, connect, reset, dropped connection). */
class APIConnectionError extends APIError {}
/** An attempt ran out of time (`timeout`). */
class APITimeoutError extends APIConnectionError {}
/** A 2xx answer that is not what the API promises. */
class APIResponseValidationError extends APIError {}
/** The call was cancelled through its `AbortSignal` (code `cancelled`). */
class APIUserAbortError extends APIError {}
/** A webhook whose signature, timestamp or payload was refused. */
class WebhookVerificationError extends ZavudevError {}
/** `waitForCompletion` gave up before the invitation was final (`wait_timeout`). */
class WaitTimeoutError extends ZavudevError {}
/** The client was closed (`client_closed`). */
class ClientClosedError extends ZavudevError {}
/** A bug inside the SDK, caught before it could crash the process (`internal_panic`). */
class InternalError extends ZavudevError {}

/** Every class by name, aliases included (core's table names both). */
const CLASSES = Object.freeze({
  ZavudevError,
  APIError,
  APIStatusError,
  BadRequestError,
  InvalidRequestError,
  UnprocessableEntityError,
  AuthenticationError,
  PaymentRequiredError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  APITimeoutError,
  APIResponseValidationError,
  APIUserAbortError,
  WebhookVerificationError,
  WaitTimeoutError,
  ClientClosedError,
  InternalError,
  // Earlier names of this SDK.
  ZavuError: ZavudevError,
  ServerError: InternalServerError,
  InvalidResponseError: APIResponseValidationError,
  RequestCancelledError: APIUserAbortError,
});

/** The typed error for the fields core sent across the boundary (`className` is core's). */
function errorFromNative(fields) {
  const Class = CLASSES[fields.className] ?? ZavudevError;
  return new Class(fields);
}

module.exports = { ERROR_CODES, CLASSES, errorFromNative, ...CLASSES };
