# frozen_string_literal: true

module Zavudev
  module Resources
    # @api private
    class Resource
      def initialize(client)
        @client = client
      end

      def inspect
        "#<#{self.class.name}>"
      end

      # The same methods, each answering a RawResponse (status, headers, request id, rate
      # limit, and `parse` for the value), as the published SDKs' `with_raw_response`:
      #
      #   response = client.invitations.with_raw_response.create(client_name: "Acme Corp")
      #   response.status_code          # => 201
      #   response.headers["x-ratelimit-remaining"]
      #   invitation = response.parse
      def with_raw_response
        RawResponses.new(self)
      end

      # @api private: a copy whose calls record their answer (one per with_raw_response call,
      # so threads never share one).
      def recording
        copy = dup
        copy.instance_variable_set(:@recorded, nil)
        copy.instance_variable_set(:@record, true)
        copy
      end

      # @api private
      attr_reader :recorded

      private

      def call(name, params)
        native = @client.__send__(:native)
        return native.call(name, params) unless @record

        value, @recorded = native.call_raw(name, params)
        value
      end

      # An id given positionally (the published gem's `retrieve("inv_1")`) or by keyword (the
      # guide's `get(invitation_id: "inv_1")`).
      def with_id(key, positional, params)
        return params if positional.nil?

        if params.key?(key)
          raise InvalidRequestError.new("#{key} was given twice (positionally and by keyword)",
                                        code: "invalid_request", param: key.to_s,
                                        kind: "invalid_request")
        end
        params.merge(key => positional)
      end
    end

    # `client.invitations`: partner invitations.
    class Invitations < Resource
      # Creates an invitation. Every argument is optional: client_name, client_email,
      # client_phone, phone_number_id, expires_in_days (1-30), connection_type
      # ("whatsapp_waba" or "messenger"), allowed_phone_countries. Per call: timeout,
      # max_retries, idempotency_key, extra_headers (or request_options: {...}).
      def create(**params)
        Models::Invitation.new(call("invitations.create", params))
      end

      # One page of invitations, newest first (status:, limit:, cursor:). The page is also
      # Enumerable over every invitation of every page.
      def list(**params)
        Page.new(call("invitations.list", params), Models::Invitation)
      end

      # One invitation by id.
      def get(invitation_id = nil, **params)
        Models::Invitation.new(call("invitations.get", with_id(:invitation_id, invitation_id, params)))
      end
      alias retrieve get

      # Cancels a pending or in-progress invitation (a completed one raises ConflictError,
      # code "already_completed").
      def cancel(invitation_id = nil, **params)
        Models::Invitation.new(call("invitations.cancel", with_id(:invitation_id, invitation_id, params)))
      end

      # Polls until the invitation is final and returns it. `timeout` (seconds, default 600)
      # bounds the whole wait (then WaitTimeoutError); `poll_interval` (seconds, default 2) is
      # the first pause, growing by half each time.
      def wait_for_completion(invitation_id = nil, **params)
        Models::Invitation.new(call("invitations.wait_for_completion",
                                    with_id(:invitation_id, invitation_id, params)))
      end

      # Sets the project webhook (url:, events:); the answer is the only one with `secret`.
      def create_webhook(**params)
        Models::WebhookConfig.new(call("invitations.create_webhook", params))
      end

      def get_webhook(**params)
        Models::WebhookConfig.new(call("invitations.get_webhook", params))
      end
      alias retrieve_webhook get_webhook

      # Changes the given fields (url:, events:, active:).
      def update_webhook(**params)
        Models::WebhookConfig.new(call("invitations.update_webhook", params))
      end

      def delete_webhook(**params)
        call("invitations.delete_webhook", params)
        nil
      end
    end

    # `client.phone_numbers`: the onboarding journey (search, requirements, purchase) and the
    # team's numbers.
    class PhoneNumbers < Resource
      # Numbers the team can buy: country_code: (required), type:, contains:, capabilities:
      # ("sms,voice"), limit:. An Array of AvailablePhoneNumber.
      def search_available(**params)
        call("phone_numbers.search_available", params)["items"].map { |wire| Models::AvailablePhoneNumber.new(wire) }
      end

      # The regulatory information buying a number needs (phone_number:, or country_code: and
      # type:). An Array of Requirement; empty when none is needed.
      def requirements(**params)
        call("phone_numbers.requirements", params)["items"].map { |wire| Models::Requirement.new(wire) }
      end

      # Buys a phone number (phone_number:, E.164; name:).
      def purchase(**params)
        Models::PhoneNumber.new(call("phone_numbers.purchase", params))
      end

      # One page of the team's numbers (status:, limit:, cursor:), Enumerable over every one.
      def list(**params)
        Page.new(call("phone_numbers.list", params), Models::PhoneNumber)
      end

      # One of the team's numbers; another team's is NotFoundError.
      def get(phone_number_id = nil, **params)
        Models::PhoneNumber.new(call("phone_numbers.get", with_id(:phone_number_id, phone_number_id, params)))
      end
      alias retrieve get

      # Changes name: or sender_id: (given as nil: cleared, i.e. unnamed or unassigned).
      def update(phone_number_id = nil, **params)
        Models::PhoneNumber.new(call("phone_numbers.update", with_id(:phone_number_id, phone_number_id, params)))
      end

      # Releases a number; it leaves the list.
      def release(phone_number_id = nil, **params)
        call("phone_numbers.release", with_id(:phone_number_id, phone_number_id, params))
        nil
      end
    end

    # `client.senders`.
    class Senders < Resource
      def get(sender_id = nil, **params)
        Models::Sender.new(call("senders.get", with_id(:sender_id, sender_id, params)))
      end
      alias retrieve get

      # One page of senders (limit:, cursor:), Enumerable over every sender.
      def list(**params)
        Page.new(call("senders.list", params), Models::Sender)
      end
    end

    # `resource.with_raw_response`: every method of the resource, answering a RawResponse.
    class RawResponses
      def initialize(resource)
        @resource = resource
      end

      def respond_to_missing?(name, include_private = false)
        @resource.respond_to?(name) || super
      end

      def method_missing(name, *args, **kwargs, &block)
        return super unless @resource.respond_to?(name) && name != :with_raw_response

        recorder = @resource.recording
        value = recorder.public_send(name, *args, **kwargs, &block)
        RawResponse.new(value, recorder.recorded || {})
      end
    end
  end

  # What the API answered to one call, beside its value: `status_code`, `headers` (a Hash,
  # lower-case names), `request_id`, `rate_limit` (`limit`, `remaining`, `reset`) and `parse`,
  # the value the plain call returns.
  class RawResponse
    RateLimit = Struct.new(:limit, :remaining, :reset, keyword_init: true)

    attr_reader :status_code, :headers, :request_id, :rate_limit, :attempts

    def initialize(value, meta)
      @value = value
      @status_code = meta["status"]
      @headers = {}
      (meta["headers"] || []).each do |name, v|
        @headers[name] = @headers.key?(name) ? "#{@headers[name]}, #{v}" : v
      end
      @headers.freeze
      @request_id = meta["request_id"]
      limits = meta["rate_limit"] || {}
      @rate_limit = RateLimit.new(limit: limits["limit"], remaining: limits["remaining"], reset: limits["reset"])
      @attempts = meta["attempts"]
    end
    alias status status_code

    # The parsed value, as the plain call returns it.
    def parse
      @value
    end

    def inspect
      "#<#{self.class.name} status_code=#{@status_code} request_id=#{@request_id.inspect}>"
    end
  end
end
