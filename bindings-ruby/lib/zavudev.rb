# frozen_string_literal: true

# Zavu Partner Invitations client for Ruby.
#
#   require "zavudev"
#   client = Zavudev::Client.new(api_key: ENV["ZAVUDEV_API_KEY"])
#   invitation = client.invitations.create(client_name: "Acme Corp", expires_in_days: 7)
#
# Everything runs in the SDK's Rust core (the native extension `zavudev_native`): validation,
# retries with idempotency keys, pagination, waiting and webhook signatures behave the same in
# every language. This Ruby half gives it Ruby's shape: keyword arguments, models with `Time`s,
# `Enumerable` pages and the error classes.

require "time"
require "json"

require_relative "zavudev/version"
require_relative "zavudev/errors"
require_relative "zavudev/zavudev_native"
require_relative "zavudev/fork"
require_relative "zavudev/models"
require_relative "zavudev/page"
require_relative "zavudev/webhooks"
require_relative "zavudev/resources"
require_relative "zavudev/client"

module Zavudev
  # Every error code core knows, in core's order (`e.code` may also be a newer server code).
  KNOWN_CODES = Native::KNOWN_CODES.map(&:freeze).freeze
end
