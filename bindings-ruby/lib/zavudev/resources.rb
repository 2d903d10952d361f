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

      private

      def call(name, params)
        @client.__send__(:native).call(name, params)
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

    # `client.phone_numbers`.
    class PhoneNumbers < Resource
      # Buys a phone number (phone_number:, E.164; name:).
      def purchase(**params)
        Models::PhoneNumber.new(call("phone_numbers.purchase", params))
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
  end
end
