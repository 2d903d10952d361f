# frozen_string_literal: true

# Every method of the gem against a real sandbox.

require_relative "test_helper"

class TestResources < Minitest::Test
  def setup
    @sandbox = Sandbox.new
    @client = @sandbox.client
  end

  def teardown
    @sandbox.stop
  end

  def test_create_with_every_field_returns_a_typed_invitation
    inv = @client.invitations.create(client_name: "Acme Corp", client_email: "contact@acme.com",
                                     client_phone: "+14155550000", expires_in_days: 14,
                                     connection_type: "whatsapp_waba", allowed_phone_countries: ["US", "MX"])
    assert_kind_of Zavudev::Models::Invitation, inv
    assert_match(/\Ainv_/, inv.id)
    assert_equal "pending", inv.status
    assert inv.pending?
    refute inv.final?
    assert_equal "Acme Corp", inv.client_name
    assert_equal "contact@acme.com", inv.client_email
    assert_equal "+14155550000", inv.client_phone
    assert_equal %w[US MX], inv.allowed_phone_countries
    assert_equal "#{@sandbox.base_url}/invite/#{inv.token}", inv.url
    assert_kind_of Time, inv.expires_at
    assert_kind_of Time, inv.created_at
    assert inv.expires_at.utc?
    assert_in_delta 14 * 86_400, inv.expires_at - inv.created_at, 2
    assert_nil inv.sender_id
    assert_nil inv.phone_number_id
  end

  # A page's items cross as JSON text read by Ruby's JSON.parse, whose default nesting limit
  # (100) is below what core accepts (serde_json's 128): an unknown field nested 110 deep must
  # still reach Ruby, not raise JSON::NestingError.
  def test_a_deeply_nested_unknown_field_in_a_page_reaches_ruby
    created = @client.invitations.create(client_name: "Deep")
    deep = 110.times.reduce(1) { |inner, _| [inner] }
    @sandbox.fault("path" => "/v1/invitations", "method" => "GET", "count" => 1,
                   "fault" => { "kind" => "status", "status" => 200,
                                "body" => { "items" => [created.to_wire.merge("futureField" => deep)],
                                            "nextCursor" => nil } })
    item = @sandbox.client(max_retries: 0).invitations.list.items.first
    assert_equal created.id, item.id
    assert_equal [1], item.to_wire["futureField"].flatten
  end

  def test_create_with_no_arguments
    inv = @client.invitations.create
    assert_equal "pending", inv.status
  end

  def test_list_page_next_page_and_enumerable_over_every_page
    @sandbox.request("POST", "/sandbox/invitations/seed", { "count" => 45 })
    page = @client.invitations.list(limit: 20)
    assert_kind_of Zavudev::Page, page
    assert_equal 20, page.items.size
    assert page.next_page?
    refute_nil page.next_cursor
    second = page.next_page
    assert_equal 20, second.items.size
    third = second.next_page
    assert_equal 5, third.items.size
    refute third.next_page?
    assert_nil third.next_page
    all = page.to_a
    assert_equal 45, all.size
    assert_equal 45, all.map(&:id).uniq.size
    assert_equal page.items.map(&:id) + second.items.map(&:id) + third.items.map(&:id), all.map(&:id)
    assert_equal 3, page.each_page.count
    # Lazy: taking 3 items fetches no later page.
    before = @sandbox.requests["items"].size
    assert_equal 3, @client.invitations.list(limit: 20).first(3).size
    assert_equal before + 1, @sandbox.requests["items"].size
    # And the cursor is usable directly.
    assert_equal second.items.map(&:id), @client.invitations.list(limit: 20, cursor: page.next_cursor).items.map(&:id)
  end

  def test_a_failed_page_fetch_raises_and_the_walk_retries_that_page
    @sandbox.request("POST", "/sandbox/invitations/seed", { "count" => 30 })
    page = @client.invitations.list(limit: 10)
    seen = []
    enum = page.each
    10.times { seen << enum.next.id }
    @sandbox.fault("path" => "/v1/invitations", "method" => "GET", "count" => 1,
                   "fault" => { "kind" => "status", "status" => 400, "body" => { "code" => "invalid_request", "message" => "boom" } })
    assert_raises(Zavudev::InvalidRequestError) { enum.next }
    # An Enumerator that raised is finished; a new walk starts over and sees every item.
    assert_equal 30, page.map(&:id).uniq.size
  end

  def test_list_filters_by_status_string_or_symbol
    a = @client.invitations.create(client_name: "A")
    @client.invitations.create(client_name: "B")
    @client.invitations.cancel(invitation_id: a.id)
    assert_equal [a.id], @client.invitations.list(status: "cancelled").map(&:id)
    assert_equal [a.id], @client.invitations.list(status: :cancelled).map(&:id)
    assert_equal ["B"], @client.invitations.list(status: "pending").items.map(&:client_name)
  end

  def test_get_retrieve_positional_and_keyword
    inv = @client.invitations.create(client_name: "Acme Corp")
    assert_equal inv, @client.invitations.get(invitation_id: inv.id)
    assert_equal inv.id, @client.invitations.retrieve(inv.id).id
    assert_equal inv.id, @client.invitations.get(inv.id, timeout: 5, max_retries: 0).id
    assert_equal inv.id, @client.invitations.get(inv.id, request_options: { timeout: 5.5, extra_headers: { "X-Trace" => "1" } }).id
    error = assert_raises(Zavudev::NotFoundError) { @client.invitations.get(invitation_id: "inv_missing") }
    assert_equal "not_found", error.code
    assert_equal 404, error.status
  end

  def test_cancel_and_cancel_completed_is_a_conflict
    inv = @client.invitations.create(client_name: "Acme Corp")
    cancelled = @client.invitations.cancel(invitation_id: inv.id)
    assert_equal "cancelled", cancelled.status
    assert cancelled.final?
    done = @client.invitations.create(client_name: "Done")
    @sandbox.request("POST", "/sandbox/invitations/#{done.id}/start")
    @sandbox.request("POST", "/sandbox/invitations/#{done.id}/complete")
    error = assert_raises(Zavudev::ConflictError) { @client.invitations.cancel(done.id) }
    assert_equal "already_completed", error.code
  end

  def test_wait_for_completion
    inv = @client.invitations.create(client_name: "Acme Corp")
    @sandbox.request("POST", "/sandbox/invitations/#{inv.id}/start")
    @sandbox.request("POST", "/sandbox/invitations/#{inv.id}/complete")
    done = @client.invitations.wait_for_completion(invitation_id: inv.id, timeout: 5, poll_interval: 0.05)
    assert_equal "completed", done.status
    assert_match(/\Asnd_/, done.sender_id)
    assert_kind_of Zavudev::Models::ConnectedAccount, done.connected_account
    assert_kind_of Time, done.completed_at
    sender = @client.senders.get(sender_id: done.sender_id)
    assert_kind_of Zavudev::Models::Sender, sender
    assert_equal done.sender_id, sender.id
    assert_equal sender.id, @client.senders.retrieve(done.sender_id).id
    assert_includes @client.senders.list.map(&:id), sender.id
    assert_equal [sender.id], @client.senders.list(limit: 1).items.map(&:id)

    pending = @client.invitations.create(client_name: "Slow")
    started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    error = assert_raises(Zavudev::WaitTimeoutError) do
      @client.invitations.wait_for_completion(pending.id, timeout: 0.3, poll_interval: 0.05)
    end
    assert_equal "wait_timeout", error.code
    assert_operator Process.clock_gettime(Process::CLOCK_MONOTONIC) - started, :<, 3
  end

  def test_purchase_phone_number_then_preassign
    number = @client.phone_numbers.purchase(phone_number: "+14155551234", name: "Client: Acme Corp")
    assert_kind_of Zavudev::Models::PhoneNumber, number
    assert_match(/\Apn_/, number.id)
    assert_equal "+14155551234", number.phone_number
    assert_equal "Client: Acme Corp", number.name
    assert_kind_of Time, number.created_at
    inv = @client.invitations.create(client_name: "Acme Corp", phone_number_id: number.id)
    assert_equal number.id, inv.phone_number_id
    other = Zavudev::Client.new(api_key: @sandbox.other_key, base_url: @sandbox.base_url)
    error = assert_raises(Zavudev::InvalidRequestError) { other.invitations.create(phone_number_id: number.id) }
    assert_equal "phone_number_wrong_team", error.code
  end

  def test_project_webhook
    hook = @client.invitations.create_webhook(url: "https://example.com/hooks/zavu")
    assert_kind_of Zavudev::Models::WebhookConfig, hook
    assert_equal "https://example.com/hooks/zavu", hook.url
    assert_equal ["invitation.status_changed"], hook.events
    assert_match(/\Awhsec_/, hook.secret)
    refute_includes hook.inspect, hook.secret
    assert_includes hook.inspect, "[redacted]"
    fetched = @client.invitations.get_webhook
    assert_nil fetched.secret
    updated = @client.invitations.update_webhook(active: false)
    assert_equal false, updated.active
    assert_nil @client.invitations.delete_webhook
    assert_raises(Zavudev::NotFoundError) { @client.invitations.get_webhook }
  end

  def test_idempotency_key_and_extra_headers_are_sent
    @client.invitations.create(client_name: "A", idempotency_key: "ruby-key-1", extra_headers: { "X-Ruby" => "yes" })
    again = @client.invitations.create(client_name: "A", idempotency_key: "ruby-key-1")
    assert_equal 1, @client.invitations.list.count, "the same idempotency key made two invitations"
    assert_equal "A", again.client_name
  end

  def test_client_options_and_close
    client = @sandbox.client(timeout: 12.5, max_retries: 4, default_headers: { "X-Team" => "ruby" })
    assert_equal 12.5, client.timeout
    assert_equal 4, client.max_retries
    assert_equal @sandbox.base_url, client.base_url
    client.invitations.list
    agent = @sandbox.requests["items"].last["userAgent"]
    assert_includes agent, "ruby/#{RUBY_VERSION}"
    refute client.closed?
    client.close
    assert client.closed?
    error = assert_raises(Zavudev::ClientClosedError) { client.invitations.list }
    assert_equal "client_closed", error.code
  end

  def test_environment_fallbacks
    old = ENV.to_h.slice("ZAVUDEV_API_KEY", "ZAVUDEV_BASE_URL")
    ENV["ZAVUDEV_API_KEY"] = @sandbox.api_key
    ENV["ZAVUDEV_BASE_URL"] = @sandbox.base_url
    assert_equal "pending", Zavudev::Client.new.invitations.create.status
    ENV.delete("ZAVUDEV_API_KEY")
    error = assert_raises(Zavudev::AuthenticationError) { Zavudev::Client.new(api_key: nil) }
    assert_equal "missing_api_key", error.code
    assert_equal "api_key", error.param
  ensure
    %w[ZAVUDEV_API_KEY ZAVUDEV_BASE_URL].each { |k| old&.key?(k) ? ENV[k] = old[k] : ENV.delete(k) }
  end
end
