# frozen_string_literal: true

# Ruby's expectations of a blocking call: the GVL is released while it waits (other threads
# run), many threads share one client, and Thread#kill, Thread#raise, Timeout.timeout and Ctrl-C
# end a call in progress (core cancels it) without harming the client.

require_relative "test_helper"
require "rbconfig"

class TestConcurrency < Minitest::Test
  def setup
    @sandbox = Sandbox.new
    @client = @sandbox.client
    @inv = @client.invitations.create(client_name: "Acme Corp")
  end

  def teardown
    @sandbox.stop
  end

  def now = Process.clock_gettime(Process::CLOCK_MONOTONIC)

  def slow(ms, count: 1, path: "/v1/invitations", method: "GET")
    @sandbox.fault("path" => path, "method" => method, "count" => count, "fault" => { "kind" => "delay", "ms" => ms })
  end

  def test_other_threads_run_while_a_call_waits
    slow(800)
    ticks = 0
    call = Thread.new { @client.invitations.list }
    sleep 0.05
    ticker = Thread.new { ticks += 1 while call.alive? }
    started = now
    counted = 0
    counted += 1 while now - started < 0.3
    call.join
    ticker.join
    assert_operator ticks, :>, 1000, "a Ruby thread barely ran during the call (the GVL was held)"
    assert_operator counted, :>, 1000
  end

  def test_sixteen_threads_share_one_client_concurrently
    slow(600, count: 16, path: "/v1/invitations/#{@inv.id}")
    started = now
    results = Array.new(16) { Thread.new { @client.invitations.get(invitation_id: @inv.id).id } }.map(&:value)
    elapsed = now - started
    assert_equal [@inv.id] * 16, results
    assert_operator elapsed, :<, 3.0, "16 calls of 600 ms took #{elapsed.round(2)} s: they did not overlap"
    many = Array.new(16) { Thread.new { 10.times.map { @client.invitations.get(@inv.id).status } } }.flat_map(&:value)
    assert_equal ["pending"] * 160, many
  end

  def test_thread_kill_ends_a_call_in_progress
    slow(5_000)
    thread = Thread.new { @client.invitations.list }
    sleep 0.2
    started = now
    thread.kill
    assert thread.join(2), "Thread#kill did not end the call"
    assert_operator now - started, :<, 1.5
    assert_equal "pending", @client.invitations.get(@inv.id).status, "the client still works"
  end

  def test_a_killed_call_is_cancelled_in_core
    # wait_for_completion polls until told to stop: if killing the Ruby thread left core's task
    # running, the sandbox would keep seeing polls.
    polls = -> { @sandbox.requests["items"].count { |r| r["path"].to_s.end_with?(@inv.id) } }
    thread = Thread.new { @client.invitations.wait_for_completion(@inv.id, timeout: 30, poll_interval: 0.05) }
    sleep 0.4
    thread.kill
    assert thread.join(2)
    sleep 0.1
    after_kill = polls.()
    assert_operator after_kill, :>=, 2, "the wait never polled"
    sleep 0.6
    assert_equal after_kill, polls.(), "core kept polling after the Ruby thread was killed"
  end

  def test_thread_raise_and_timeout_end_a_call
    slow(5_000, count: 2)
    started = now
    assert_raises(Timeout::Error) { Timeout.timeout(0.3) { @client.invitations.list } }
    assert_operator now - started, :<, 1.5
    thread = Thread.new do
      @client.invitations.list
      :finished
    rescue RuntimeError => e
      e.message
    end
    sleep 0.2
    thread.raise(RuntimeError, "stop now")
    assert_equal "stop now", thread.value
    assert_equal "pending", @client.invitations.get(@inv.id).status
  end

  def test_ctrl_c_ends_a_blocked_call
    slow(10_000)
    script = <<~RUBY
      trap("INT", "DEFAULT") # a backgrounded shell starts children with SIGINT ignored
      require "zavudev"
      client = Zavudev::Client.new(api_key: ARGV[0], base_url: ARGV[1])
      $stdout.puts "calling"
      $stdout.flush
      begin
        client.invitations.list
        puts "returned"
      rescue Interrupt
        puts "interrupted"
        exit 42
      end
    RUBY
    IO.popen([RbConfig.ruby, "-I", File.expand_path("../lib", __dir__), "-e", script, @sandbox.api_key, @sandbox.base_url],
             "r", err: [:child, :out]) do |io|
      assert_equal "calling\n", io.gets
      sleep 0.3
      started = now
      Process.kill("INT", io.pid)
      rest = io.read
      Process.wait(io.pid)
      assert_equal "interrupted\n", rest
      assert_equal 42, $?.exitstatus
      assert_operator now - started, :<, 2
    end
  end

  def test_a_trap_handler_that_does_not_raise_leaves_the_call_running
    slow(600)
    hits = 0
    old = trap("USR1") { hits += 1 }
    thread = Thread.new { @client.invitations.list.items.size }
    sleep 0.2
    Process.kill("USR1", Process.pid)
    assert_equal 1, thread.value
    assert_equal 1, hits
  ensure
    trap("USR1", old || "DEFAULT")
  end
end
