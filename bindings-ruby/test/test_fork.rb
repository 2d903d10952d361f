# frozen_string_literal: true

# A process that forks after using the client (Puma or Unicorn with preload, Resque) works in
# the child: core's runtime is reset there by the Process._fork hook.

require_relative "test_helper"

class TestFork < Minitest::Test
  include SharedSandbox

  def wait_child(pid, seconds)
    deadline = Process.clock_gettime(Process::CLOCK_MONOTONIC) + seconds
    loop do
      done = Process.waitpid(pid, Process::WNOHANG)
      return $?.exitstatus if done
      if Process.clock_gettime(Process::CLOCK_MONOTONIC) > deadline
        Process.kill("KILL", pid)
        Process.wait(pid)
        return :hung
      end
      sleep 0.02
    end
  end

  def test_the_shared_client_works_in_a_forked_child_and_the_parent
    shared = client
    inv = shared.invitations.create(client_name: "Before fork")
    pid = fork do
      ok = shared.invitations.get(inv.id).id == inv.id &&
           shared.invitations.create(client_name: "In child").status == "pending" &&
           client.invitations.list.count >= 2
      exit!(ok ? 0 : 1)
    rescue Exception => e # rubocop:disable Lint/RescueException
      warn "child: #{e.class}: #{e.message}"
      exit!(2)
    end
    assert_equal 0, wait_child(pid, 15)
    assert_equal inv.id, shared.invitations.get(inv.id).id
    assert_includes shared.invitations.list.map(&:client_name), "In child"
  end

  def test_process_fork_and_nested_forks
    shared = client
    shared.invitations.list
    pid = Process.fork do
      inner = fork { exit!(shared.invitations.list.items.is_a?(Array) ? 0 : 1) }
      Process.wait(inner)
      exit!($?.exitstatus)
    end
    assert_equal 0, wait_child(pid, 15)
  end
end
