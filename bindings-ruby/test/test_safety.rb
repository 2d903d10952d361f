# frozen_string_literal: true

# Secrets (the API key, webhook secrets) never appear in logs at ZAVUDEV_LOG=trace, in inspect
# output or in error messages.

require_relative "test_helper"
require "open3"

class TestSafety < Minitest::Test
  include SharedSandbox

  def test_nothing_prints_the_api_key_or_webhook_secret_at_trace
    script = <<~RUBY
      require "zavudev"
      key, base = ARGV
      client = Zavudev::Client.new(api_key: key, base_url: base)
      p client
      p client.invitations
      inv = client.invitations.create(client_name: "Acme Corp")
      p inv
      p client.invitations.list
      hook = client.invitations.create_webhook(url: "https://example.com/hook")
      p hook
      puts hook.inspect, hook.to_s
      header = Zavudev::Webhooks.sign("{}", hook.secret, timestamp: 1)
      begin
        Zavudev::Webhooks.verify("{}", header, hook.secret + "x", now: 1)
      rescue Zavudev::Error => e
        p e
        puts e.message
      end
      begin
        Zavudev::Client.new(api_key: key + "wrong", base_url: base, max_retries: 0).invitations.list
      rescue Zavudev::Error => e
        p e
        puts e.message, e.body.to_s
      end
      puts "secret:" + hook.secret.length.to_s
    RUBY
    env = { "ZAVUDEV_LOG" => "trace" }
    out, status = Open3.capture2e(env, RbConfig.ruby, "-I", File.expand_path("../lib", __dir__), "-e", script,
                                  sandbox.api_key, sandbox.base_url)
    assert status.success?, out
    assert_match(/secret:\d+/, out)
    assert_operator out.lines.count { |l| l =~ /TRACE|DEBUG|trace|debug/ }, :>, 3, "ZAVUDEV_LOG=trace logged nothing:\n#{out}"
    refute_includes out, sandbox.api_key
    secrets = sandbox.request("GET", "/sandbox/requests")[1].to_s.scan(/whsec_\w+/)
    refute_match(/whsec_[A-Za-z0-9]{8,}/, out)
    secrets.each { |s| refute_includes out, s }
  end

  def test_inspect_hides_the_key
    c = client
    refute_includes c.inspect, sandbox.api_key
    refute_includes c.to_s, sandbox.api_key
    refute_includes c.send(:native).inspect, sandbox.api_key
    refute_includes c.instance_variables.map { |v| c.instance_variable_get(v).inspect }.join, sandbox.api_key
    refute c.respond_to?(:api_key), "the key is not readable back from the client"
  end

  def test_an_echoed_key_is_scrubbed_from_errors
    key = sandbox.api_key
    sandbox.fault("path" => "/v1/invitations", "method" => "GET", "count" => 1,
                  "fault" => { "kind" => "status", "status" => 400, "body" => { "code" => "invalid_request", "message" => "bad key #{key}" } })
    error = assert_raises(Zavudev::InvalidRequestError) { client.invitations.list }
    refute_includes error.message, key
    refute_includes error.body.to_s, key
    refute_includes error.inspect, key
  end
end
