# frozen_string_literal: true

# The fault soak's Ruby runner: the workload of tests/soak/spec.json on threads sharing one
# client. Run by tests/soak/soak.py, which sets the sandbox's faults up and checks the record
# this writes; see that file for the environment and the counting rules. `host_cancelled_create`
# ends the create with Timeout.timeout after a random delay (often while core waits to retry after
# the server acted), then, every `retryEvery`-th time, creates again with the same
# Idempotency-Key.

require "json"
require "timeout"
require "zavudev"

SPEC = JSON.parse(File.read(ENV.fetch("ZAVU_SOAK_SPEC")))["soak"]
LABEL = ENV.fetch("ZAVU_SOAK_LABEL")
def now = Process.clock_gettime(Process::CLOCK_MONOTONIC)
DEADLINE = now + Float(ENV.fetch("ZAVU_SOAK_SECONDS"))
BOUND = SPEC["callBoundMs"] / 1000.0
LOCK = Mutex.new
RECORD = { "calls" => 0, "hangs" => 0, "slowestMs" => 0, "errors" => Hash.new(0), "created" => {},
           "failed" => [], "cancelled" => [], "retried" => {}, "retryFailed" => [] }

# Times one call; returns [value, nil], [nil, error] or [nil, :cancelled].
def call
  started = now
  outcome = begin
    [yield, nil]
  rescue Zavudev::Error => e
    [nil, e]
  rescue Timeout::Error
    [nil, :cancelled]
  end
  elapsed = now - started
  LOCK.synchronize do
    RECORD["calls"] += 1
    RECORD["slowestMs"] = [RECORD["slowestMs"], (elapsed * 1000).to_i].max
    RECORD["hangs"] += 1 if elapsed > BOUND
    RECORD["errors"][outcome[1].code] += 1 if outcome[1].is_a?(Zavudev::Error)
  end
  outcome
end

def note = LOCK.synchronize { yield RECORD }

def host_cancelled_create(client, name, again)
  key = "key-#{name}"
  hc = SPEC["hostCancel"]
  after = (hc["minMs"] + rand * (hc["maxMs"] - hc["minMs"])) / 1000.0
  inv, error = call { Timeout.timeout(after) { client.invitations.create(client_name: name, idempotency_key: key) } }
  return note { |r| r["created"][name] = inv.id } if inv
  return note { |r| r["failed"] << name } && nil unless error == :cancelled
  return note { |r| r["cancelled"] << name } && nil unless again

  inv, = call { client.invitations.create(client_name: name, idempotency_key: key) }
  return note { |r| r["retryFailed"] << name } && nil unless inv

  note { |r| r["retried"][name] = inv.id }
end

def worker(client, w)
  mine = []
  cancelled_creates = 0
  ops = SPEC["ops"]
  i = -1
  while now < DEADLINE
    i += 1
    name = "soak-#{LABEL}-#{w}-#{i}"
    case ops[i % ops.size]
    when "host_cancelled_create"
      cancelled_creates += 1
      id = host_cancelled_create(client, name, (cancelled_creates % SPEC["hostCancel"]["retryEvery"]).zero?)
      mine << id if id
    when "create"
      inv, = call { client.invitations.create(client_name: name) }
      if inv
        note { |r| r["created"][name] = inv.id }
        mine << inv.id
      else
        note { |r| r["failed"] << name }
      end
    when "read"
      call { mine.empty? ? client.invitations.list(limit: SPEC["listLimit"]) : client.invitations.get(mine.last) }
    when "cancel"
      id = mine.pop
      call { client.invitations.cancel(id) } if id
    end
  end
end

client = Zavudev::Client.new(api_key: ENV.fetch("ZAVU_SOAK_API_KEY"), base_url: ENV.fetch("ZAVU_SOAK_BASE_URL"),
                             timeout: SPEC["client"]["timeoutMs"] / 1000.0, max_retries: SPEC["client"]["maxRetries"])
Array.new(SPEC["workers"][LABEL]) { |w| Thread.new { worker(client, w) } }.each(&:join)
File.write(ENV.fetch("ZAVU_SOAK_RECORD"), JSON.generate(RECORD))
