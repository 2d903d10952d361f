# frozen_string_literal: true

# Runs one benchmark workload with our Ruby gem (zavudev, installed by bench/run.py into its own
# GEM_HOME) and prints one JSON line: {"calls", "seconds", "rate"}.
#
#   ruby workload.rb --workload get|list|get16t --base-url URL [--seconds S]
#
# There is no published Ruby baseline: rubygems.org is out of reach here.

require "json"
require "optparse"
require "zavudev"

INVITATION_ID = "inv_bench_0001"
API_KEY = "zk_bench_key"
WARMUP = 0.5
THREADS = 16

options = { seconds: 10.0 }
OptionParser.new do |o|
  o.on("--workload W") { |v| options[:workload] = v }
  o.on("--base-url U") { |v| options[:base_url] = v }
  o.on("--seconds S", Float) { |v| options[:seconds] = v }
end.parse!

def now = Process.clock_gettime(Process::CLOCK_MONOTONIC)

client = Zavudev::Client.new(api_key: API_KEY, base_url: options.fetch(:base_url))
inv = client.invitations
calls = {
  "get" => -> { inv.get(invitation_id: INVITATION_ID).id },
  "list" => -> { inv.list.items.size },
  "get16t" => -> { inv.get(invitation_id: INVITATION_ID).id }
}
call = calls.fetch(options.fetch(:workload))
threads = options[:workload] == "get16t" ? THREADS : 1

# Each of `threads` threads calls in a loop for `duration`; returns [calls, elapsed].
def phase(call, threads, duration)
  stop = false
  start = now
  cpu = Process.clock_gettime(Process::CLOCK_PROCESS_CPUTIME_ID)
  workers = Array.new(threads) do
    Thread.new do
      n = 0
      until stop
        call.call
        n += 1
      end
      n
    end
  end
  sleep duration
  stop = true
  total = workers.sum(&:value)
  [total, now - start, Process.clock_gettime(Process::CLOCK_PROCESS_CPUTIME_ID) - cpu]
end

phase(call, threads, WARMUP)
count, elapsed, cpu = phase(call, threads, options[:seconds])
puts JSON.generate("calls" => count, "seconds" => elapsed, "rate" => count / elapsed, "cpu_s" => cpu)
