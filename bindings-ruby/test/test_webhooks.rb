# frozen_string_literal: true

# Webhook verification and unwrapping from a raw body and the request's headers: a Hash in any
# case, a Rack env, an object with `env`, an IO body; and every refusal.

require_relative "test_helper"
require "stringio"

class TestWebhooks < Minitest::Test
  SECRET = "whsec_ruby_test_secret"
  BODY = JSON.generate("id" => "evt_1", "type" => "invitation.status_changed", "timestamp" => 1_700_000_000_000,
                       "projectId" => "prj_1",
                       "data" => { "invitationId" => "inv_1", "previousStatus" => "in_progress",
                                   "currentStatus" => "completed", "senderId" => "snd_1", "newField" => 1 })

  def signed(body = BODY, at: Time.now.to_i, scheme: nil)
    Zavudev::Webhooks.sign(body, SECRET, timestamp: at, scheme: scheme)
  end

  def test_sign_verify_unwrap_with_a_headers_hash_in_any_case
    header = signed
    assert_match(/\At=\d+,v1=\h+,v2=\h+\z/, header)
    assert_nil Zavudev::Webhooks.verify(BODY, { "X-Zavu-Signature" => header }, SECRET)
    assert_nil Zavudev::Webhooks.verify(BODY, { "x-zavu-signature" => header, "content-type" => "application/json" }, SECRET)
    event = Zavudev::Webhooks.unwrap(BODY, { "X-ZAVU-SIGNATURE" => header }, SECRET)
    assert_kind_of Zavudev::Models::WebhookEvent, event
    assert_equal "evt_1", event.id
    assert_equal "invitation.status_changed", event.type
    assert_equal "prj_1", event.project_id
    assert_equal Time.at(1_700_000_000).utc, event.occurred_at
    assert_kind_of Zavudev::Models::InvitationStatusChangedData, event.data
    assert_equal "completed", event.data.current_status
    assert_equal "snd_1", event.data.sender_id
    assert_equal 1, event.data[:new_field]
    assert_equal JSON.parse(BODY), event.to_wire
    pairs = [["Content-Type", "application/json"], ["X-Zavu-Signature", header]]
    assert_equal "evt_1", Zavudev::Webhooks.unwrap(BODY, pairs, SECRET).id
    error = assert_raises(Zavudev::InvalidRequestError) { Zavudev::Webhooks.verify(BODY, [["X-Zavu-Signature"]], SECRET) }
    assert_equal "headers", error.param
    error = assert_raises(Zavudev::InvalidRequestError) { Zavudev::Webhooks.verify(BODY, header, SECRET, now: 2.5) }
    assert_equal "now", error.param
  end

  def test_rack_env_and_request_objects_and_io_bodies
    header = signed
    env = { "REQUEST_METHOD" => "POST", "HTTP_X_ZAVU_SIGNATURE" => header, "CONTENT_TYPE" => "application/json",
            "rack.input" => StringIO.new(BODY) }
    event = Zavudev::Webhooks.unwrap(env["rack.input"], env, SECRET)
    assert_equal "evt_1", event.id
    assert_equal BODY, env["rack.input"].read, "the body is rewound for the app"
    request = Struct.new(:env).new(env)
    assert_equal "evt_1", Zavudev::Webhooks.unwrap(BODY, request, SECRET).id
    client = Zavudev::Client.new(api_key: "zk_test_unused", base_url: "http://127.0.0.1:9")
    assert_equal "evt_1", client.webhooks.unwrap(BODY, header, SECRET).id
  end

  def test_v1_v2_and_symbols
    %w[v1 v2 both].each do |scheme|
      assert_nil Zavudev::Webhooks.verify(BODY, signed(scheme: scheme), SECRET)
    end
    assert_nil Zavudev::Webhooks.verify(BODY, signed(scheme: :v2), SECRET)
  end

  def test_refusals
    header = signed
    error = assert_raises(Zavudev::WebhookVerificationError) { Zavudev::Webhooks.verify(BODY + " ", header, SECRET) }
    assert_equal "invalid_signature", error.code
    assert_equal "webhook_verification", error.kind
    error = assert_raises(Zavudev::WebhookVerificationError) { Zavudev::Webhooks.verify(BODY, header, "whsec_other") }
    assert_equal "invalid_signature", error.code
    error = assert_raises(Zavudev::WebhookVerificationError) { Zavudev::Webhooks.verify(BODY, signed(at: Time.now.to_i - 3600), SECRET) }
    assert_equal "stale_signature", error.code
    assert_nil Zavudev::Webhooks.verify(BODY, signed(at: 1_000), SECRET, now: 1_010)
    error = assert_raises(Zavudev::WebhookVerificationError) { Zavudev::Webhooks.verify(BODY, { "Content-Type" => "x" }, SECRET) }
    assert_equal "invalid_signature", error.code
    assert_includes error.message, "X-Zavu-Signature"
    error = assert_raises(Zavudev::InvalidRequestError) { Zavudev::Webhooks.verify(JSON.parse(BODY), header, SECRET) }
    assert_equal "payload", error.param
    error = assert_raises(Zavudev::InvalidRequestError) { Zavudev::Webhooks.verify(BODY, 42, SECRET) }
    assert_equal "headers", error.param
  end

  def test_sender_created_event_is_typed_and_unknown_types_are_hashes
    body = JSON.generate("id" => "evt_2", "type" => "sender.created", "timestamp" => 1, "projectId" => "p",
                         "data" => { "id" => "snd_9", "name" => "Acme", "phoneNumber" => "+14155550000" })
    event = Zavudev::Webhooks.unwrap(body, signed(body, at: 5), SECRET, now: 5)
    assert_kind_of Zavudev::Models::Sender, event.data
    assert_equal "+14155550000", event.data.phone_number
    body = JSON.generate("id" => "evt_3", "type" => "brand.new", "timestamp" => 1, "data" => { "a" => 1 })
    assert_equal({ "a" => 1 }, Zavudev::Webhooks.unwrap(body, signed(body, at: 5), SECRET, now: 5).data)
  end
end
