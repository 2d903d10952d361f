# frozen_string_literal: true

module Zavudev
  # The Zavu API client. Thread-safe: share one client across threads (each call releases the
  # GVL while it waits) and across `fork` (the child rebuilds the connection pool).
  #
  # Options: api_key (default ENV["ZAVUDEV_API_KEY"]), base_url (ENV["ZAVUDEV_BASE_URL"], then
  # https://api.zavu.dev), timeout (seconds per attempt, default 60), max_retries (default 2),
  # default_headers (a Hash), and connect_timeout, allow_insecure_http, disable_rate_limit_wait.
  class Client
    DEFAULT_MAX_RETRIES = 2
    DEFAULT_TIMEOUT_IN_SECONDS = 60.0

    attr_reader :invitations, :phone_numbers, :senders, :webhooks

    def initialize(api_key: nil, base_url: nil, timeout: nil, max_retries: nil,
                   default_headers: nil, **options)
      given = { api_key: api_key, base_url: base_url, timeout: timeout,
                max_retries: max_retries, default_headers: default_headers }.compact
      @native = Native::Client.new(given.merge(options))
      @invitations = Resources::Invitations.new(self)
      @phone_numbers = Resources::PhoneNumbers.new(self)
      @senders = Resources::Senders.new(self)
      @webhooks = Webhooks::DEFAULT
    end

    # A new client with other options (api_key:, base_url:, timeout:, max_retries:,
    # default_headers:) on top of this one's, sharing its connection pool; this one is
    # unchanged. `copy` is the same, as the published SDKs name it.
    def with_options(**overrides)
      derived = allocate_like
      derived.__send__(:adopt, @native.with_options(overrides))
      derived
    end
    alias copy with_options

    def base_url
      @native.base_url
    end

    # Seconds per attempt.
    def timeout
      @native.timeout
    end

    def max_retries
      @native.max_retries
    end

    # Releases the connection pool; later calls raise ClientClosedError.
    def close
      @native.close
      nil
    end

    def closed?
      @native.closed?
    end

    def inspect
      "#<#{self.class.name} base_url=#{base_url.inspect} timeout=#{timeout} max_retries=#{max_retries}>"
    end
    alias to_s inspect

    private

    attr_reader :native

    def allocate_like
      self.class.allocate
    end

    def adopt(native)
      @native = native
      @invitations = Resources::Invitations.new(self)
      @phone_numbers = Resources::PhoneNumbers.new(self)
      @senders = Resources::Senders.new(self)
      @webhooks = Webhooks::DEFAULT
    end
  end
end
