# frozen_string_literal: true

# A real sandbox: `target/debug/zavu-sandbox --port 0` (or ZAVU_SANDBOX_BIN), its address and
# keys read from its first lines, and its control API. No HTTP mocks anywhere.

require "json"
require "net/http"
require "uri"
require "timeout"

ROOT = File.expand_path("../..", __dir__)

# A running `zavu-sandbox` process and helpers for its control API.
class Sandbox
  attr_reader :base_url, :keys

  def self.binary
    path = ENV["ZAVU_SANDBOX_BIN"] || File.join(ROOT, "target", "debug", "zavu-sandbox")
    raise "sandbox binary not found at #{path}: run `cargo build -p zavu-sandbox`" unless File.exist?(path)

    path
  end

  def initialize(*args)
    @io = IO.popen([Sandbox.binary, "--port", "0", *args], "r", err: File::NULL)
    Timeout.timeout(20) do
      first = @io.gets
      match = first&.match(%r{listening on (http://\S+)})
      raise "unexpected first line from the sandbox: #{first.inspect}" unless match

      @base_url = match[1].chomp("/")
      @keys = []
      while @keys.size < 2
        line = @io.gets or raise "the sandbox exited while starting"
        key = line.match(/api key: (\S+)/)
        @keys << key[1] if key
      end
    end
    # Keep reading stdout so the sandbox never blocks on a full pipe.
    @drain = Thread.new { @io.each_line { nil } rescue nil }
  end

  def api_key = @keys[0]
  def other_key = @keys[1]

  def client(**options)
    Zavudev::Client.new(api_key: api_key, base_url: base_url, **options)
  end

  # A request to the sandbox's control API: [status, parsed JSON body].
  def request(method, path, body = nil)
    uri = URI.join(base_url + "/", path.delete_prefix("/"))
    http = Net::HTTP.new(uri.host, uri.port)
    request = Net::HTTPGenericRequest.new(method.upcase, !body.nil?, true, uri.request_uri,
                                          body.nil? ? {} : { "Content-Type" => "application/json" })
    # No nesting limit: tests hand the sandbox deliberately deep bodies.
    request.body = JSON.generate(body, max_nesting: false) unless body.nil?
    response = http.request(request)
    text = response.body.to_s
    [response.code.to_i, text.empty? ? nil : (JSON.parse(text) rescue text)]
  end

  def fault(rule)
    status, body = request("POST", "/sandbox/faults", rule)
    raise "fault refused: #{status} #{body}" unless status.between?(200, 299)

    body
  end

  def requests
    request("GET", "/sandbox/requests")[1]
  end

  def stop
    Process.kill("TERM", @io.pid)
    Process.wait(@io.pid)
  rescue Errno::ESRCH, Errno::ECHILD
    nil
  ensure
    @io.close unless @io.closed?
  end
end
