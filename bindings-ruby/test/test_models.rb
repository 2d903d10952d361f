# frozen_string_literal: true

# Models: Ruby readers, Times, to_h / to_wire / [] / extra, unknown fields and values kept,
# equality, pattern matching, inspect; the gem's shape (version, Native, require).

require_relative "test_helper"

class TestModels < Minitest::Test
  WIRE = {
    "id" => "inv_1", "url" => "https://x/invite/t", "token" => "t", "status" => "paused",
    "clientName" => "Acme", "createdAt" => "2025-01-15T12:00:00.000Z", "expiresAt" => "2025-01-22T00:00:00Z",
    "connectedAccount" => { "id" => "waba_1", "channel" => "whatsapp", "name" => "Acme" },
    "brandNew" => { "a" => 1 }
  }.freeze

  def test_readers_times_and_unknown_values
    inv = Zavudev::Models::Invitation.new(WIRE)
    assert_equal "paused", inv.status
    refute inv.final?
    assert_equal Time.utc(2025, 1, 22), inv.expires_at
    assert_equal Time.utc(2025, 1, 15, 12), inv.created_at
    assert_nil inv.viewed_at
    assert_equal "waba_1", inv.connected_account.id
    assert_equal({ "a" => 1 }, inv[:brand_new])
    assert_equal({ "a" => 1 }, inv["brandNew"])
    assert_equal "Acme", inv[:client_name]
    assert_equal({ "brandNew" => { "a" => 1 } }, inv.extra)
    assert_same WIRE, inv.to_wire
    assert_equal WIRE, JSON.parse(inv.to_json)
  end

  def test_to_h_equality_and_pattern_matching
    inv = Zavudev::Models::Invitation.new(WIRE)
    h = inv.to_h
    assert_equal "inv_1", h[:id]
    assert_equal Time.utc(2025, 1, 22), h[:expires_at]
    assert_equal({ id: "waba_1", channel: "whatsapp", name: "Acme" }, h[:connected_account])
    assert_equal({ "a" => 1 }, h[:brand_new])
    refute h.key?(:sender_id)
    assert_equal inv, Zavudev::Models::Invitation.new(WIRE.dup)
    assert_equal 1, [inv, Zavudev::Models::Invitation.new(WIRE.dup)].uniq.size
    case inv
    in { status: "paused", client_name: String => name }
      assert_equal "Acme", name
    end
    assert_match(/#<Zavudev::Models::Invitation id="inv_1" .*status="paused"/, inv.inspect)
    assert_raises(TypeError) { Zavudev::Models::Invitation.new("nope") }
  end

  def test_gem_shape
    assert_equal Zavudev::VERSION, Zavudev::Native::VERSION
    assert_same Zavudev::Models::Invitation, Zavudev::Invitation
    assert_equal "invitation_id", Zavudev::Native.param_name("invitationId")
    assert_equal "ZAVUDEV_CUSTOM_HEADERS", Zavudev::Native.param_name("ZAVUDEV_CUSTOM_HEADERS")
    assert_includes Process.singleton_class.ancestors, Zavudev::ForkHook
  end
end
