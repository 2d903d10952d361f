# frozen_string_literal: true

# tests/conformance/hostile/arguments.json: every bad value a Ruby caller can pass is refused
# where it crosses into Rust, as invalid_request naming the parameter as Ruby spells it, and no
# request reaches the sandbox.

require_relative "test_helper"

class TestHostileArguments < Minitest::Test
  FILE = JSON.parse(File.read(File.join(ROOT, "tests", "conformance", "hostile", "arguments.json")))

  VALUES = {
    "integer" => { "wrong_type" => "7", "negative" => -1, "fractional" => 2.5, "nan" => Float::NAN,
                   "infinite" => Float::INFINITY, "too_large" => 10**20 },
    "seconds" => { "wrong_type" => "60", "negative" => -1.0, "nan" => Float::NAN,
                   "infinite" => Float::INFINITY, "too_large" => 1e300 },
    "string" => { "wrong_type" => 123, "empty" => "", "too_long" => "x" * 100_000 },
    "string_list" => { "wrong_type" => "US", "wrong_container" => { "US" => true }, "wrong_item" => [123] },
    "boolean" => { "wrong_type" => "yes" },
    "headers" => { "wrong_container" => ["X-A: 1"], "wrong_item" => { "X-A" => 1 } },
    "body" => { "wrong_type" => { "id" => "evt_1" } }
  }.freeze

  def snake(name) = name.gsub(/([a-z0-9])([A-Z])/, '\1_\2').downcase

  def invoke(sandbox, call, args)
    kwargs = args.to_h { |k, v| [snake(k).to_sym, v] }
    client = -> { sandbox.client }
    case call
    when "client.new" then Zavudev::Client.new(api_key: sandbox.api_key, base_url: sandbox.base_url, **kwargs)
    when "invitations.create" then client.().invitations.create(**kwargs)
    when "invitations.list" then client.().invitations.list(**kwargs)
    when "invitations.get" then client.().invitations.get(**kwargs)
    when "invitations.cancel" then client.().invitations.cancel(**kwargs)
    when "invitations.waitForCompletion" then client.().invitations.wait_for_completion(**kwargs)
    when "invitations.createWebhook" then client.().invitations.create_webhook(**kwargs)
    when "invitations.updateWebhook" then client.().invitations.update_webhook(**kwargs)
    when "phoneNumbers.purchase" then client.().phone_numbers.purchase(**kwargs)
    when "senders.get" then client.().senders.get(**kwargs)
    when "senders.list" then client.().senders.list(**kwargs)
    when "webhooks.unwrap"
      Zavudev::Webhooks.unwrap(kwargs[:payload], kwargs[:signature], kwargs[:secret])
    when "webhooks.sign"
      Zavudev::Webhooks.sign(kwargs[:payload], kwargs[:secret], timestamp: kwargs[:timestamp], scheme: kwargs[:scheme])
    else flunk "unknown call #{call}"
    end
  end

  def test_every_hostile_value_is_refused_before_any_request
    sandbox = Sandbox.new
    expect = FILE.fetch("expect")
    checked = 0
    failures = []
    FILE.fetch("cases").each do |kase|
      wanted_param = Zavudev::Native.param_name(kase["param"])
      kase["bad"].each do |bad|
        value = VALUES.fetch(kase["type"]).fetch(bad)
        args = (kase["args"] || {}).merge(kase["param"] => value)
        label = "#{kase['call']} #{kase['param']}=#{bad}"
        begin
          invoke(sandbox, kase["call"], args)
          failures << "#{label}: no error"
        rescue Zavudev::Error => e
          got = [e.code, e.kind, e.param]
          want = [expect["code"], expect["kind"], wanted_param]
          failures << "#{label}: got #{got.inspect} (#{e.class}: #{e.message[0, 120]}), want #{want.inspect}" unless got == want
          failures << "#{label}: raised #{e.class}, not InvalidRequestError" unless e.is_a?(Zavudev::InvalidRequestError)
        rescue StandardError => e
          failures << "#{label}: raised #{e.class}: #{e.message[0, 120]}"
        end
        checked += 1
      end
    end
    reached = sandbox.requests.fetch("items")
    failures << "#{reached.size} request(s) reached the sandbox: #{reached.map { |r| "#{r['method']} #{r['path'].to_s[0, 60]}" }.uniq.join(', ')}" unless reached.empty?
    assert_empty failures, "of #{checked} hostile values, not refused as expected:\n#{failures.join("\n")}"
    assert_operator checked, :>=, 90
  ensure
    sandbox&.stop
  end

  def test_unknown_keyword_arguments_are_refused_by_name
    sandbox = Sandbox.new
    error = assert_raises(Zavudev::InvalidRequestError) { sandbox.client.invitations.create(client_nam: "Acme") }
    assert_equal "client_nam", error.param
    assert_equal "invalid_request", error.code
    error = assert_raises(Zavudev::InvalidRequestError) { sandbox.client(colour: "red") }
    assert_equal "colour", error.param
    error = assert_raises(Zavudev::InvalidRequestError) { sandbox.client.invitations.list(request_options: { retries: 1 }) }
    assert_equal "retries", error.param
    error = assert_raises(Zavudev::InvalidRequestError) { sandbox.client.invitations.get("inv_1", invitation_id: "inv_2") }
    assert_equal "invitation_id", error.param
    assert_equal [], sandbox.requests.fetch("items")
  ensure
    sandbox&.stop
  end
end
