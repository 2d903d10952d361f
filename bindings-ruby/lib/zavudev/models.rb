# frozen_string_literal: true

module Zavudev
  module Models
    # A model of the API: read-only fields as methods (snake_case), timestamps as `Time` (UTC),
    # nested models typed. Fields this version does not name are kept: `to_h` and `[]` give them,
    # and `to_wire` gives the object exactly as the API sent it (camelCase keys).
    class Base
      class << self
        # { ruby_name => [wire_name, type] } of this model's known fields.
        def fields
          @fields ||= {}
        end

        private

        # Declares a field. `type`: nil (as sent), :time (a `Time`), a model class, or
        # [model class] (an Array of them).
        def field(name, type = nil, wire: nil)
          wire ||= name.to_s.gsub(/_([a-z])/) { Regexp.last_match(1).upcase }
          fields[name] = [wire.freeze, type].freeze
          define_method(name) { read(name) }
        end
      end

      # From the API's Hash (camelCase String keys, as `to_wire` gives), or from Ruby names for a
      # test's own models: `Invitation.new(id: "inv_1", status: "pending", expires_at: Time.now)`
      # (see `from_hash`).
      def initialize(wire = {}, **fields)
        raise TypeError, "#{self.class.name} takes the API's Hash" unless wire.is_a?(Hash)

        wire = Base.wire_hash(self.class, wire.merge(fields)) unless fields.empty? && wire.each_key.all?(String)
        @wire = wire
        @cache = {}
      end

      # A model from a Hash with Ruby names (`client_name:`) or wire names (`"clientName"`),
      # values as Ruby has them (`Time`s, nested models or Hashes): for tests that build the
      # answers their code handles.
      def self.from_hash(hash)
        raise TypeError, "#{name}.from_hash takes a Hash" unless hash.is_a?(Hash)

        new(wire_hash(self, hash))
      end

      # @api private
      def self.wire_hash(model, hash)
        hash.to_h do |key, value|
          name = key.to_sym
          wire, = model.fields[name] || model.fields[snake(key).to_sym]
          [wire || camel(key.to_s), wire_value(value)]
        end
      end

      # @api private
      def self.wire_value(value)
        case value
        when Base then value.to_wire
        when Time then value.utc.iso8601(3)
        when Array then value.map { |item| wire_value(item) }
        when Hash then value.to_h { |k, v| [k.is_a?(Symbol) ? camel(k.to_s) : k, wire_value(v)] }
        when Symbol then value.to_s
        else value
        end
      end

      # The object as the API sent it (camelCase String keys).
      def to_wire
        @wire
      end

      def to_json(*args)
        @wire.to_json(*args)
      end

      # Every field, known or not, with snake_case Symbol keys; `Time`s and nested models as
      # Ruby values (nested models as Hashes).
      def to_h
        out = {}
        self.class.fields.each_key do |name|
          value = read(name)
          out[name] = Base.plain(value) unless value.nil?
        end
        extra.each { |key, value| out[Base.snake(key).to_sym] = value }
        out
      end
      alias to_hash to_h

      # Fields the API sent that this version does not name (wire names and values).
      def extra
        known = self.class.fields.each_value.map(&:first)
        @wire.reject { |key, _| known.include?(key) }
      end

      # A field by Ruby name (`:client_name`) or wire name (`"clientName"`), known or not.
      def [](key)
        name = key.to_sym
        return read(name) if self.class.fields.key?(name)

        @wire.fetch(key.to_s) { @wire[Base.camel(key.to_s)] }
      end

      def ==(other)
        other.class == self.class && other.to_wire == @wire
      end
      alias eql? ==

      def hash
        [self.class, @wire].hash
      end

      def inspect
        shown = self.class.fields.each_key.filter_map do |name|
          value = inspect_value(name)
          "#{name}=#{value.inspect}" unless value.nil?
        end
        "#<#{self.class.name} #{shown.join(' ')}>"
      end
      alias to_s inspect

      def deconstruct_keys(keys)
        keys ? to_h.slice(*keys) : to_h
      end

      def self.snake(name)
        name.to_s.gsub(/([a-z0-9])([A-Z])/, '\1_\2').downcase
      end

      def self.camel(name)
        name.to_s.gsub(/_([a-z])/) { Regexp.last_match(1).upcase }
      end

      def self.plain(value)
        case value
        when Base then value.to_h
        when Array then value.map { |item| plain(item) }
        else value
        end
      end

      private

      def inspect_value(name)
        read(name)
      end

      def read(name)
        @cache.fetch(name) do
          wire, type = self.class.fields.fetch(name)
          @cache[name] = convert(@wire[wire], type)
        end
      end

      def convert(value, type)
        return value if value.nil? || type.nil?

        case type
        when :time then value.is_a?(String) ? Time.iso8601(value).utc : value
        when Array then value.is_a?(Array) ? value.map { |item| convert(item, type.first) } : value
        else value.is_a?(Hash) ? type.new(value) : value
        end
      end
    end

    # The account a completed invitation connected.
    class ConnectedAccount < Base
      field :id
      field :channel
      field :name
    end

    # A partner invitation: a link a client opens to connect their WhatsApp or Messenger account.
    class Invitation < Base
      # Statuses after which an invitation never changes again.
      FINAL_STATUSES = %w[completed expired cancelled].freeze

      field :id
      field :url
      field :token
      field :status
      field :client_name
      field :client_email
      field :client_phone
      field :phone_number_id
      field :sender_id
      field :connection_type
      field :allowed_phone_countries
      field :connected_account, ConnectedAccount
      field :failure_reason
      field :expires_at, :time
      field :created_at, :time
      field :updated_at, :time
      field :viewed_at, :time
      field :started_at, :time
      field :completed_at, :time
      field :failed_at, :time

      %w[pending in_progress completed expired cancelled failed].each do |status|
        define_method(:"#{status}?") { self.status == status }
      end

      # Whether the status is final (`completed`, `expired` or `cancelled`).
      def final?
        FINAL_STATUSES.include?(status)
      end
    end

    # What a phone number costs.
    class PhoneNumberPricing < Base
      field :is_free_number
      field :monthly_cost
      field :monthly_price
      field :upfront_cost
    end

    # A Zavu phone number owned by the team.
    class PhoneNumber < Base
      field :id
      field :phone_number
      field :name
      field :status
      field :capabilities
      field :pricing, PhoneNumberPricing
      field :sender_id
      field :created_at, :time
      field :updated_at, :time
      field :next_renewal_date, :time
      field :regulatory_status
    end

    # What an available number can do.
    class PhoneNumberCapabilities < Base
      field :sms
      field :voice
      field :mms
    end

    # What an available number would cost.
    class AvailablePhoneNumberPricing < Base
      field :is_free_eligible
      field :monthly_price
      field :upfront_price
    end

    # A number the team can buy (`phone_numbers.search_available`).
    class AvailablePhoneNumber < Base
      field :phone_number
      field :capabilities, PhoneNumberCapabilities
      field :pricing, AvailablePhoneNumberPricing
      field :friendly_name
      field :locality
      field :region
    end

    # One piece of information a purchase needs; send its `id` as `requirement_type`.
    class RequirementType < Base
      field :id
      field :name
      field :description
      field :type
      field :acceptance_criteria
      field :example
    end

    # The regulatory information buying a number needs (`phone_numbers.requirements`).
    class Requirement < Base
      field :id
      field :action
      field :country_code
      field :phone_number_type
      field :requirement_types, [RequirementType]
    end

    # A sender: a connected WhatsApp or Messenger identity that sends messages.
    class Sender < Base
      field :id
      field :name
      field :phone_number
      field :channels
      field :is_default
      field :webhook
      field :whatsapp
      field :created_at, :time
      field :updated_at, :time
    end

    # The project webhook that receives invitation events. `secret` (whsec_...) is returned
    # only when the webhook is created; `inspect` never shows it.
    class WebhookConfig < Base
      field :url
      field :events
      field :secret
      field :active

      private

      def inspect_value(name)
        name == :secret && read(:secret) ? "[redacted]" : super
      end
    end

    # `data` of an `invitation.status_changed` event.
    class InvitationStatusChangedData < Base
      field :invitation_id
      field :client_name
      field :client_email
      field :connection_type
      field :previous_status
      field :current_status
      field :sender_id
      field :connected_account, ConnectedAccount
      field :waba_account_id
      field :failure_reason
    end

    # A verified webhook delivery. `data` is typed for the event types this version knows
    # (`invitation.status_changed`, `sender.created`) and a Hash otherwise.
    class WebhookEvent < Base
      DATA_TYPES = {
        "invitation.status_changed" => InvitationStatusChangedData,
        "sender.created" => Sender
      }.freeze

      field :id
      field :type
      # Unix milliseconds, as sent; see `occurred_at`.
      field :timestamp
      field :project_id
      field :sender_id

      def data
        @cache.fetch(:data) do
          raw = @wire["data"]
          type = DATA_TYPES[self.type]
          @cache[:data] = type && raw.is_a?(Hash) ? type.new(raw) : raw
        end
      end

      # When the event happened, as a `Time`.
      def occurred_at
        timestamp.is_a?(Integer) ? Time.at(timestamp / 1000, timestamp % 1000, :millisecond).utc : nil
      end

      def to_h
        super.merge(data: Base.plain(data))
      end

      def inspect
        "#<#{self.class.name} id=#{id.inspect} type=#{type.inspect} data=#{data.inspect}>"
      end
    end
  end

  # The models at the top level too, as the published gem has them (`Zavudev::Invitation`).
  Invitation = Models::Invitation
  ConnectedAccount = Models::ConnectedAccount
  PhoneNumber = Models::PhoneNumber
  PhoneNumberPricing = Models::PhoneNumberPricing
  Sender = Models::Sender
  WebhookConfig = Models::WebhookConfig
  WebhookEvent = Models::WebhookEvent
  InvitationStatusChangedData = Models::InvitationStatusChangedData
  AvailablePhoneNumber = Models::AvailablePhoneNumber
  PhoneNumberCapabilities = Models::PhoneNumberCapabilities
  AvailablePhoneNumberPricing = Models::AvailablePhoneNumberPricing
  Requirement = Models::Requirement
  RequirementType = Models::RequirementType
end
