# frozen_string_literal: true

module Zavudev
  # Webhook signatures (`X-Zavu-Signature`: v2 over "<t>.<body>", else v1 over the body; constant
  # time; a 300 s window). `headers` is the request's headers as a Hash (any case), a Rack `env`
  # (`HTTP_X_ZAVU_SIGNATURE`), an object with `env` (a `Rack::Request`, an `ActionDispatch::Request`)
  # or the signature String itself. `payload` is the raw body: a String or an IO (`rack.input`).
  #
  #   event = Zavudev::Webhooks.unwrap(request.body, request.env, ENV["ZAVU_WEBHOOK_SECRET"])
  class Webhooks
    # Verifies a delivery; returns nil or raises `Zavudev::WebhookVerificationError`.
    def verify(payload, headers, secret, now: nil)
      Native.webhook_verify(Webhooks.body(payload), Webhooks.headers(headers), secret, now)
      nil
    end

    # Verifies a delivery, then returns its event (`Zavudev::Models::WebhookEvent`).
    def unwrap(payload, headers, secret, now: nil)
      wire = Native.webhook_unwrap(Webhooks.body(payload), Webhooks.headers(headers), secret, now)
      Models::WebhookEvent.new(wire)
    end

    # The `X-Zavu-Signature` value for `payload` (for tests of your own handler).
    # `scheme`: "v1", "v2" or "both" (the default).
    def sign(payload, secret, timestamp: nil, scheme: nil)
      Native.webhook_sign(Webhooks.body(payload), secret, timestamp, scheme)
    end

    def inspect
      "#<#{self.class.name}>"
    end

    DEFAULT = new

    class << self
      def verify(...) = DEFAULT.verify(...)
      def unwrap(...) = DEFAULT.unwrap(...)
      def sign(...) = DEFAULT.sign(...)

      # @api private: an IO body (Rack's `rack.input`) read whole and rewound; anything else
      # as given (the native side checks it is a String).
      def body(payload)
        return payload unless payload.respond_to?(:read) && !payload.is_a?(String)

        text = payload.read
        payload.rewind if payload.respond_to?(:rewind)
        text
      end

      # @api private: a Rack env (or an object with one) as header pairs; anything else as given.
      def headers(headers)
        headers = headers.env if !headers.is_a?(Hash) && headers.respond_to?(:env)
        return headers unless headers.is_a?(Hash) && headers.keys.any? { |k| k.is_a?(String) && k.start_with?("HTTP_") }

        headers.each_with_object({}) do |(key, value), out|
          next unless key.is_a?(String) && key.start_with?("HTTP_") && value.is_a?(String)

          out[key.delete_prefix("HTTP_").tr("_", "-")] = value
        end
      end
    end
  end
end
