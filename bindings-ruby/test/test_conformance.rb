# frozen_string_literal: true

# The Ruby runner of tests/conformance/: every scenario against a fresh sandbox, each call mapped
# to the idiomatic Ruby API (camelCase args become snake_case keyword arguments; milliseconds
# become seconds), results turned back into wire JSON (camelCase) and matched as
# tests/conformance/README.md describes. Then the hostile-arguments file.

require_relative "test_helper"

module Conformance
  SCENARIOS = Dir[File.join(ROOT, "tests", "conformance", "scenarios", "*.json")].sort
  HOSTILE = File.join(ROOT, "tests", "conformance", "hostile", "arguments.json")

  module_function

  def snake(name)
    name.to_s.gsub(/([a-z0-9])([A-Z])/, '\1_\2').downcase
  end

  def kwargs(args)
    args.to_h { |k, v| [snake(k).to_sym, v] }
  end

  def seconds(ms)
    ms.nil? ? nil : ms / 1000.0
  end

  def wire(value)
    case value
    when Zavudev::Models::Base then value.to_wire
    when Array then value.map { |v| wire(v) }
    else value
    end
  end

  def page_json(page)
    { "items" => page.items.map(&:to_wire), "nextCursor" => page.next_cursor }
  end

  def matches(expected, actual, at)
    fail_at = ->(why) { raise Minitest::Assertion, "at #{at}: #{why}" }
    return if expected == "$any"

    if expected == "$present"
      fail_at.("expected a value, got nothing") if actual.nil?
      return
    end
    if expected == "$absent"
      fail_at.("expected nothing, got #{actual.inspect}") unless actual.nil?
      return
    end
    if expected.is_a?(Hash) && expected.keys.any? { |k| k.start_with?("$") }
      expected.each do |key, arg|
        case key
        when "$len"
          length = actual.is_a?(Array) || actual.is_a?(String) ? actual.length : nil
          fail_at.("expected length #{arg}, got #{length.inspect}") unless length == arg
        when "$minLen"
          length = actual.is_a?(Array) ? actual.length : 0
          fail_at.("expected at least #{arg} items, got #{length}") if length < arg
        when "$startsWith"
          fail_at.("expected a string starting with #{arg.inspect}, got #{actual.inspect}") unless actual.is_a?(String) && actual.start_with?(arg)
        when "$each"
          (actual.is_a?(Array) ? actual : []).each_with_index { |item, i| matches(arg, item, "#{at}[#{i}]") }
        when "$sameField"
          items = actual.is_a?(Array) ? actual : []
          fail_at.("expected every #{arg} to be equal") if items.any? { |item| item[arg] != items[0][arg] }
        else
          fail_at.("unknown matcher #{key}")
        end
      end
      return
    end
    if expected.is_a?(Hash)
      expected.each { |key, value| matches(value, actual.is_a?(Hash) ? actual[key] : nil, "#{at}.#{key}") }
      return
    end
    if expected.is_a?(Array)
      fail_at.("expected an array, got #{actual.inspect}") unless actual.is_a?(Array)
      fail_at.("expected #{expected.length} items, got #{actual.length}") unless actual.length == expected.length
      expected.zip(actual).each_with_index { |(e, a), i| matches(e, a, "#{at}[#{i}]") }
      return
    end
    if expected.is_a?(Numeric)
      fail_at.("expected #{expected.inspect}, got #{actual.inspect}") unless actual.is_a?(Numeric) && actual.to_f == expected.to_f
      return
    end
    fail_at.("expected #{expected.inspect}, got #{actual.inspect}") unless expected == actual
  end

  # One scenario's state: its sandbox, client options and saved results.
  class Run
    def initialize(sandbox, client_options)
      @sandbox = sandbox
      @client_options = client_options
      @saved = {}
    end

    attr_reader :saved

    def builtins
      { "sandbox" => { "baseUrl" => @sandbox.base_url },
        "keys" => { "default" => @sandbox.api_key, "other" => @sandbox.other_key },
        "now" => Time.now.to_i }
    end

    def lookup(path)
      head, *parts = path.split(".")
      scope = builtins.merge(@saved)
      raise KeyError, "unknown reference ${#{path}}" unless scope.key?(head)

      parts.reduce(scope[head]) { |value, part| value.is_a?(Array) ? value[Integer(part)] : value[part] }
    end

    def interpolate(value)
      case value
      when String
        if (whole = value.match(/\A\$\{([^${}]+)\}\z/))
          return lookup(whole[1])
        end

        value.gsub(/\$\{([^}]+)\}/) do
          found = lookup(Regexp.last_match(1))
          found.is_a?(String) ? found : JSON.generate(found)
        end
      when Array then value.map { |v| interpolate(v) }
      when Hash then value.transform_values { |v| interpolate(v) }
      else value
      end
    end

    def client_kwargs(overrides)
      options = @client_options.merge(overrides || {})
      { api_key: options.fetch("apiKey", @sandbox.api_key),
        base_url: options.fetch("baseUrl", @sandbox.base_url),
        max_retries: options["maxRetries"],
        timeout: Conformance.seconds(options["timeoutMs"]) }
    end

    def call(name, args, step)
      if name == "client.new"
        Zavudev::Client.new(**client_kwargs(args))
        return nil
      end
      return webhook_call(name, args) if name.start_with?("webhooks.")

      options = step["options"] || {}
      opts = { timeout: Conformance.seconds(options["timeoutMs"]), max_retries: options["maxRetries"] }.compact
      opts[:idempotency_key] = options["idempotencyKey"] if options.key?("idempotencyKey")
      zavu = Zavudev::Client.new(**client_kwargs(step["client"]))
      inv = zavu.invitations
      snd = zavu.senders
      a = Conformance.kwargs(args).merge(opts)
      case name
      when "invitations.create" then Conformance.wire(inv.create(**a))
      when "invitations.list" then Conformance.page_json(inv.list(**a))
      when "invitations.listAll" then { "items" => inv.list(**a).map(&:to_wire) }
      when "invitations.get" then Conformance.wire(inv.get(**a))
      when "invitations.cancel" then Conformance.wire(inv.cancel(**a))
      when "invitations.waitForCompletion" then Conformance.wire(inv.wait_for_completion(**wait_kwargs(args), **opts))
      when "invitations.createWebhook" then Conformance.wire(inv.create_webhook(**a))
      when "invitations.getWebhook" then Conformance.wire(inv.get_webhook(**opts))
      when "invitations.updateWebhook" then Conformance.wire(inv.update_webhook(**a))
      when "invitations.deleteWebhook" then inv.delete_webhook(**opts)
      when "phoneNumbers.purchase" then Conformance.wire(zavu.phone_numbers.purchase(**a))
      when "phoneNumbers.searchAvailable" then { "items" => zavu.phone_numbers.search_available(**a).map(&:to_wire) }
      when "phoneNumbers.requirements" then { "items" => zavu.phone_numbers.requirements(**a).map(&:to_wire) }
      when "phoneNumbers.list" then Conformance.page_json(zavu.phone_numbers.list(**a))
      when "phoneNumbers.listAll" then { "items" => zavu.phone_numbers.list(**a).map(&:to_wire) }
      when "phoneNumbers.retrieve" then Conformance.wire(zavu.phone_numbers.get(**a))
      when "phoneNumbers.update" then Conformance.wire(zavu.phone_numbers.update(**a))
      when "phoneNumbers.release" then zavu.phone_numbers.release(**a)
      when "senders.get" then Conformance.wire(snd.get(**a))
      when "senders.list" then Conformance.page_json(snd.list(**a))
      when "senders.listAll" then { "items" => snd.list(**a).map(&:to_wire) }
      else raise Minitest::Assertion, "unknown call #{name}"
      end
    end

    def wait_kwargs(args)
      out = { invitation_id: args["invitationId"] }
      out[:timeout] = args["timeoutMs"] / 1000.0 if args.key?("timeoutMs")
      out[:poll_interval] = args["pollIntervalMs"] / 1000.0 if args.key?("pollIntervalMs")
      out
    end

    def webhook_call(name, args)
      hooks = Zavudev::Webhooks
      case name
      when "webhooks.sign"
        { "header" => hooks.sign(args["payload"], args["secret"], timestamp: args["timestamp"], scheme: args["scheme"]) }
      when "webhooks.verify"
        hooks.verify(args["payload"], args.fetch("headers") { args["signature"] }, args["secret"], now: args["now"])
      when "webhooks.unwrap"
        hooks.unwrap(args["payload"], args.fetch("headers") { args["signature"] }, args["secret"], now: args["now"]).to_wire
      else raise Minitest::Assertion, "unknown call #{name}"
      end
    end
  end

  def error_json(error)
    { "code" => error.code, "message" => error.message, "status" => error.status,
      "param" => error.param, "kind" => error.kind, "body" => error.body }
  end

  def run_scenario(path)
    scenario = JSON.parse(File.read(path))
    sandbox = Sandbox.new
    run = Run.new(sandbox, scenario["client"] || {})
    scenario["steps"].each_with_index do |raw_step, index|
      step = run.interpolate(raw_step)
      expect = step["expect"] || {}
      label = "step #{index}"
      started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
      failed = nil
      result = nil
      if step.key?("sandbox")
        spec = step["sandbox"]
        status, result = sandbox.request(spec.fetch("method", "GET"), spec["path"], spec["body"])
        wanted = expect["status"]
        raise Minitest::Assertion, "#{label}: sandbox answered #{status}, expected #{wanted}: #{result}" if wanted && wanted != status
        raise Minitest::Assertion, "#{label}: sandbox answered #{status}: #{result}" if wanted.nil? && !status.between?(200, 299)
      else
        begin
          result = run.call(step["call"], step["args"] || {}, step)
        rescue Zavudev::Error => e
          failed = error_json(e)
        end
      end
      elapsed_ms = (Process.clock_gettime(Process::CLOCK_MONOTONIC) - started) * 1000
      if expect.key?("minElapsedMs") && elapsed_ms < expect["minElapsedMs"]
        raise Minitest::Assertion, "#{label}: took #{elapsed_ms.round} ms, expected at least #{expect['minElapsedMs']} ms"
      end
      raise Minitest::Assertion, "#{label}: expected error #{expect['error']}, got success #{result.inspect}" if failed.nil? && expect.key?("error")
      raise Minitest::Assertion, "#{label}: unexpected error #{failed}" if failed && !expect.key?("error")

      begin
        if failed
          wanted = expect["error"]
          # Scenario files name parameters on the wire (camelCase); Ruby's errors name them as
          # Ruby does, by core's own rule.
          wanted = wanted.merge("param" => Zavudev::Native.param_name(wanted["param"])) if wanted["param"].is_a?(String)
          matches(wanted, failed, "error")
        elsif expect.key?("result")
          matches(expect["result"], result, "result")
        end
      rescue Minitest::Assertion => e
        raise Minitest::Assertion, "#{label}: #{e.message}; got #{(failed || result).inspect[0, 600]}"
      end
      run.saved[step["save"]] = result if step.key?("save") && failed.nil?
    end
  ensure
    sandbox&.stop
  end
end

class TestConformance < Minitest::Test
  def test_scenarios_are_there
    assert_operator Conformance::SCENARIOS.size, :>=, 30
  end

  Conformance::SCENARIOS.each do |path|
    name = File.basename(path, ".json")
    define_method(:"test_scenario_#{name}") { Conformance.run_scenario(path) }
  end
end
