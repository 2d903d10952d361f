# frozen_string_literal: true

# The error classes are core's ERROR_CLASSES table exactly, every error carries core's fields, and
# KNOWN_CODES is core's list.

require_relative "test_helper"

class TestErrors < Minitest::Test
  include SharedSandbox

  def test_classes_are_cores_table_exactly
    table = Zavudev::Native.error_classes
    assert_equal Zavudev::ERROR_CLASS_NAMES, table.map(&:first)
    table.each do |name, parent, _kind, aliases|
      klass = Zavudev.const_get(name)
      assert_kind_of Class, klass
      assert_equal "Zavudev::#{name}", klass.name
      if parent
        assert_equal Zavudev.const_get(parent), klass.superclass, "#{name} extends #{parent}"
      else
        assert_equal StandardError, klass.superclass
      end
      aliases.each { |a| assert_same klass, Zavudev.const_get(a), "#{a} is #{name}" }
      assert_same klass, Zavudev::Errors.const_get(name)
    end
    declared = Zavudev.constants.select { |c| Zavudev.const_get(c).is_a?(Class) && Zavudev.const_get(c) <= Zavudev::ZavudevError }
    expected = table.map(&:first) + table.flat_map(&:last) + ["Error"]
    assert_equal expected.sort, declared.map(&:to_s).sort
    assert_same Zavudev::ZavudevError, Zavudev::Error
    assert_same Zavudev::ZavudevError, Zavudev::Errors::Error
  end

  def test_every_kind_has_its_class
    table = Zavudev::Native.error_classes
    kinds = table.map { |row| row[2] }.compact
    assert_equal kinds.uniq, kinds
    assert_operator kinds.size, :>=, 18
  end

  def test_known_codes_are_cores
    assert_equal Zavudev::Native::KNOWN_CODES, Zavudev::KNOWN_CODES
    assert_includes Zavudev::KNOWN_CODES, "not_found"
    assert Zavudev::KNOWN_CODES.frozen?
  end

  def test_a_server_error_carries_every_field
    error = assert_raises(Zavudev::NotFoundError) { client.invitations.get(invitation_id: "inv_nope") }
    assert_kind_of Zavudev::APIStatusError, error
    assert_kind_of Zavudev::APIError, error
    assert_kind_of Zavudev::Error, error
    assert_kind_of StandardError, error
    assert_equal "not_found", error.code
    assert_equal "not_found", error.kind
    assert_equal 404, error.status
    assert_equal 404, error.status_code
    assert_kind_of String, error.message
    refute_empty error.message
    assert_equal error.message, error.to_s
    assert_kind_of String, error.body
    assert_equal({ code: "not_found", status: 404 }, error.to_h.slice(:code, :status))
    refute error.retryable?
    assert_match(/#<Zavudev::NotFoundError code="not_found" status=404/, error.inspect)
  end

  def test_rate_limit_carries_retry_after_in_seconds
    sandbox.fault("path" => "/v1/invitations", "method" => "GET", "count" => 1,
                  "fault" => { "kind" => "status", "status" => 429, "headers" => { "Retry-After" => "7", "Retry-After-Ms" => "7000" } })
    error = assert_raises(Zavudev::RateLimitError) { client(max_retries: 0).invitations.list }
    assert_equal "rate_limited", error.code
    assert_equal 429, error.status
    assert_equal 7.0, error.retry_after
    assert error.retryable?
  end

  def test_local_validation_names_the_ruby_parameter
    error = assert_raises(Zavudev::InvalidRequestError) { client.invitations.create(expires_in_days: 31) }
    assert_equal "expires_in_days", error.param
    assert_equal "invalid_request", error.code
    assert_nil error.status
    assert_includes error.message, "expires_in_days"
    refute_includes error.message, "expiresInDays"
  end

  def test_timeout_and_connection_errors
    sandbox.fault("path" => "/v1/invitations", "method" => "GET", "count" => 1, "fault" => { "kind" => "delay", "ms" => 2000 })
    error = assert_raises(Zavudev::APITimeoutError) { client.invitations.list(timeout: 0.2, max_retries: 0) }
    assert_kind_of Zavudev::APIConnectionError, error
    assert_equal "timeout", error.code
    dead = Zavudev::Client.new(api_key: "zk_test_x", base_url: "http://127.0.0.1:9", max_retries: 0)
    error = assert_raises(Zavudev::APIConnectionError) { dead.invitations.list }
    assert_equal "connection_error", error.code
  end

  def test_the_guides_rescue
    out = []
    begin
      client.invitations.create(client_name: "Acme Corp", phone_number_id: "pn_invalid")
    rescue Zavudev::Error => e
      out << e.code
    end
    assert_equal ["not_found"], out
  end

  def test_errors_can_be_built_by_hand
    error = Zavudev::NotFoundError.new("gone", code: "not_found", status: 404)
    assert_equal "gone", error.message
    assert_equal 404, error.status
    assert_nil Zavudev::Error.new("x").code
  end
end
