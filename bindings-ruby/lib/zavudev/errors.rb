# frozen_string_literal: true

module Zavudev
  # The root of every error the SDK raises. `rescue Zavudev::Error => e` catches them all.
  #
  # Fields: `code` (stable, for example "not_found"; `Zavudev::KNOWN_CODES`), `message`,
  # `status` (HTTP status or nil), `param` (the refused argument, as Ruby spells it), `retry_after`
  # (seconds, Float), `request_id`, `body` (the raw response body) and `kind` (the family, which
  # picks the class). The class tree is core's `ERROR_CLASSES`, the same in every language.
  class ZavudevError < StandardError
    attr_reader :code, :status, :param, :retry_after, :request_id, :body, :kind

    def initialize(message = nil, code: nil, status: nil, param: nil, retry_after: nil,
                   request_id: nil, body: nil, kind: nil)
      super(message)
      @code = code
      @status = status
      @param = param
      @retry_after = retry_after
      @request_id = request_id
      @body = body
      @kind = kind
    end

    # The published SDKs' name for `status`.
    def status_code
      status
    end

    # Whether the same call may usefully be tried again later.
    def retryable?
      %w[rate_limit server connection timeout].include?(kind)
    end

    def to_h
      { code: code, message: message, status: status, param: param, retry_after: retry_after,
        request_id: request_id, body: body, kind: kind }
    end

    def inspect
      fields = { code: code, status: status, param: param }.compact
                                                         .map { |k, v| "#{k}=#{v.inspect}" }
      "#<#{self.class.name} #{fields.join(' ')} message=#{message.inspect}>"
    end
  end

  ZavuError = ZavudevError
  Error = ZavudevError

  class APIError < ZavudevError; end
  class APIStatusError < APIError; end
  class BadRequestError < APIStatusError; end
  class InvalidRequestError < BadRequestError; end
  class UnprocessableEntityError < InvalidRequestError; end
  class AuthenticationError < APIStatusError; end
  class PaymentRequiredError < APIStatusError; end
  class PermissionDeniedError < APIStatusError; end
  class NotFoundError < APIStatusError; end
  class ConflictError < APIStatusError; end
  class RateLimitError < APIStatusError; end
  class InternalServerError < APIStatusError; end
  ServerError = InternalServerError
  class APIConnectionError < APIError; end
  class APITimeoutError < APIConnectionError; end
  class APIResponseValidationError < APIError; end
  InvalidResponseError = APIResponseValidationError
  class APIUserAbortError < APIError; end
  RequestCancelledError = APIUserAbortError
  class WebhookVerificationError < ZavudevError; end
  class WaitTimeoutError < ZavudevError; end
  class ClientClosedError < ZavudevError; end
  class InternalError < ZavudevError; end

  # The names of every error class (and alias), as the published gem also exposes them under
  # `Zavudev::Errors` (`Zavudev::Errors::NotFoundError`, `Zavudev::Errors::Error`).
  ERROR_CLASS_NAMES = %w[
    ZavudevError APIError APIStatusError BadRequestError InvalidRequestError
    UnprocessableEntityError AuthenticationError PaymentRequiredError PermissionDeniedError
    NotFoundError ConflictError RateLimitError InternalServerError APIConnectionError
    APITimeoutError APIResponseValidationError APIUserAbortError WebhookVerificationError
    WaitTimeoutError ClientClosedError InternalError
  ].freeze
  ERROR_ALIASES = {
    "ZavuError" => "ZavudevError", "Error" => "ZavudevError", "ServerError" => "InternalServerError",
    "InvalidResponseError" => "APIResponseValidationError",
    "RequestCancelledError" => "APIUserAbortError"
  }.freeze

  module Errors
    (ERROR_CLASS_NAMES + ERROR_ALIASES.keys).each do |name|
      const_set(name, Zavudev.const_get(name))
    end
  end
end
