# frozen_string_literal: true

# Issue 17 in Ruby against a real sandbox: with_raw_response, with_options / copy, per-call
# extra_headers / extra_query / extra_body, the phone-number onboarding steps, from_hash models.

require_relative "test_helper"

class TestMigrationFeatures < Minitest::Test
  def setup
    @sandbox = Sandbox.new
    @client = @sandbox.client
  end

  def teardown
    @sandbox.stop
  end

  def logged(path)
    @sandbox.request("GET", "/sandbox/requests?path=#{path}")[1]["items"]
  end

  def test_with_raw_response
    response = @client.invitations.with_raw_response.create(client_name: "Acme Corp")
    assert_kind_of Zavudev::RawResponse, response
    assert_equal 200, response.status_code
    refute_nil response.request_id
    assert_equal response.request_id, response.headers["x-request-id"]
    refute_nil response.rate_limit.remaining
    refute_nil response.rate_limit.limit
    invitation = response.parse
    assert_kind_of Zavudev::Models::Invitation, invitation
    assert_equal "Acme Corp", invitation.client_name

    page = @client.invitations.with_raw_response.list(limit: 1)
    assert_equal 200, page.status
    assert_equal 1, page.parse.items.size

    error = assert_raises(Zavudev::NotFoundError) { @client.invitations.with_raw_response.get("inv_missing") }
    refute_nil error.request_id
    assert_raises(NoMethodError) { @client.invitations.with_raw_response.no_such_method }
  end

  def test_with_options_and_copy
    mine = @client.invitations.create(client_name: "Acme Corp")
    other = @client.with_options(api_key: @sandbox.other_key, max_retries: 0, timeout: 5)
    assert_equal 0, other.max_retries
    assert_in_delta 5.0, other.timeout
    assert_raises(Zavudev::NotFoundError) { other.invitations.get(mine.id) }
    assert_equal mine.id, @client.invitations.get(mine.id).id
    assert_equal 2, @client.max_retries
    assert_equal 1, @client.copy(max_retries: 1).max_retries

    error = assert_raises(Zavudev::InvalidRequestError) { @client.with_options(timeout: -1) }
    assert_equal "timeout", error.param
    error = assert_raises(Zavudev::InvalidRequestError) { @client.with_options(base_url: "not a url") }
    assert_equal "base_url", error.param
    error = assert_raises(Zavudev::InvalidRequestError) { @client.with_options(extra_query: { "a" => "b" }) }
    assert_equal "extra_query", error.param
  end

  def test_per_call_extras
    inv = @client.invitations.create(client_name: "Acme Corp", extra_headers: { "User-Agent" => "migrating-app/1.0" },
                                     extra_query: { "trace" => "abc" },
                                     extra_body: { clientName: "From extra body" })
    # The escape hatch wins over the method's own field, as in the published SDKs.
    assert_equal "From extra body", inv.client_name
    last = logged("/v1/invitations").last
    assert_equal "migrating-app/1.0", last["userAgent"]
    assert_includes last["query"], "trace=abc"
    # The published gem's request_options: form.
    inv = @client.invitations.create(client_name: "Acme Corp",
                                     request_options: { extra_body: { "clientName" => "Nested" } })
    assert_equal "Nested", inv.client_name

    before = @sandbox.requests["items"].size
    error = assert_raises(Zavudev::InvalidRequestError) { @client.invitations.get(inv.id, extra_body: { a: 1 }) }
    assert_equal "extra_body", error.param
    error = assert_raises(Zavudev::InvalidRequestError) { @client.invitations.create(extra_body: [1]) }
    assert_equal "extra_body", error.param
    error = assert_raises(Zavudev::InvalidRequestError) { @client.invitations.create(extra_body: { a: Object.new }) }
    assert_equal "extra_body", error.param
    assert_equal before, @sandbox.requests["items"].size
  end

  def test_phone_number_onboarding
    numbers = @client.phone_numbers
    found = numbers.search_available(country_code: "US", limit: 3)
    assert found.size.between?(1, 3)
    assert_kind_of Zavudev::AvailablePhoneNumber, found.first
    assert found.first.phone_number.start_with?("+1")
    requirements = numbers.requirements(phone_number: found.first.phone_number)
    assert_kind_of Array, requirements

    bought = numbers.purchase(phone_number: found.first.phone_number, name: "Support")
    assert_equal "Support", numbers.get(bought.id).name
    assert_equal "Sales", numbers.update(bought.id, name: "Sales").name
    assert_nil numbers.update(bought.id, name: nil).name
    assert_equal [bought.id], numbers.list.map(&:id)
    assert_raises(Zavudev::NotFoundError) { @client.with_options(api_key: @sandbox.other_key).phone_numbers.get(bought.id) }
    assert_nil numbers.release(bought.id)
    assert_empty numbers.list.items

    error = assert_raises(Zavudev::InvalidRequestError) { numbers.search_available(country_code: "") }
    assert_equal "country_code", error.param
    error = assert_raises(Zavudev::InvalidRequestError) { numbers.search_available }
    assert_equal "country_code", error.param
    error = assert_raises(Zavudev::InvalidRequestError) { numbers.release("") }
    assert_equal "phone_number_id", error.param
  end

  def test_models_a_test_can_build
    at = Time.utc(2026, 1, 2, 3, 4, 5)
    inv = Zavudev::Invitation.new(id: "inv_1", status: "pending", client_name: "Acme Corp", expires_at: at)
    assert_equal "Acme Corp", inv.client_name
    assert_equal at, inv.expires_at
    assert_equal "Acme Corp", inv.to_wire["clientName"]
    same = Zavudev::Invitation.from_hash("clientName" => "Acme Corp", id: "inv_1", status: :pending, expires_at: at)
    assert_equal inv, same
    number = Zavudev::PhoneNumber.from_hash(id: "pn_1", pricing: { monthly_price: 1.5 }, future_field: 1)
    assert_in_delta 1.5, number.pricing.monthly_price
    assert_equal 1, number[:future_field]
    available = Zavudev::AvailablePhoneNumber.new(phone_number: "+15551234567",
                                                  capabilities: Zavudev::PhoneNumberCapabilities.new(sms: true))
    assert available.capabilities.sms
  end
end
