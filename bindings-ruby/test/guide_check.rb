# frozen_string_literal: true

# Runs examples/guide.rb (the guide's Ruby blocks, verbatim and in order) as its own Ruby
# process against a fresh sandbox, with ZAVUDEV_API_KEY and ZAVUDEV_BASE_URL pointing at it, and
# checks it prints what the guide says. Used by test_guide.rb and, standalone, by the dist check
# (`ruby test/guide_check.rb` with GEM_HOME set to the installed gem).
#
# The guide's get and cancel use its literal id "jh7am5bng9p3v2x1k4r8", which no sandbox
# invitation has: the sandbox is told (fault rules) to answer those two requests with the guide's
# own sample invitation, so the snippets run unchanged over real HTTP.

require "open3"
require "rbconfig"
require_relative "sandbox"

module GuideCheck
  GUIDE = File.expand_path("../examples/guide.rb", __dir__)
  GUIDE_ID = "jh7am5bng9p3v2x1k4r8"

  module_function

  def guide_invitation(status)
    { "invitation" => {
      "id" => GUIDE_ID, "url" => "https://dashboard.zavu.dev/invite/abc123xyz", "token" => "abc123xyz",
      "clientName" => "Acme Corp", "clientEmail" => "contact@acme.com", "phoneNumberId" => nil,
      "status" => status, "senderId" => nil, "expiresAt" => "2025-01-22T00:00:00.000Z",
      "createdAt" => "2025-01-15T12:00:00.000Z"
    } }
  end

  # What the guide's Ruby prints, in order.
  def expected(base)
    b = Regexp.escape(base)
    /\AInvitation\ URL:\ #{b}\/invite\/(\S+)\n
       Token:\ \1\n
       Expires:\ \d{4}-\d\d-\d\d\ \d\d:\d\d:\d\d\ UTC\n
       Invitation\ URL:\ #{b}\/invite\/\S+\n
       Acme\ Corp\ pending\ #{b}\/invite\/\S+\n
       Acme\ Corp\ pending\ #{b}\/invite\/\S+\n
       Status:\ pending\n
       Client:\ Acme\ Corp\n
       Phone\ number\ not\ found\n\z/x
  end

  # Runs the guide; returns [output, problems].
  def run(env: {}, ruby_args: [])
    sandbox = Sandbox.new
    sandbox.fault("path" => "/v1/invitations/#{GUIDE_ID}", "method" => "GET", "count" => 1,
                  "fault" => { "kind" => "status", "status" => 200, "body" => guide_invitation("pending") })
    sandbox.fault("path" => "/v1/invitations/#{GUIDE_ID}/cancel", "method" => "POST", "count" => 1,
                  "fault" => { "kind" => "status", "status" => 200, "body" => guide_invitation("cancelled") })
    full_env = { "ZAVUDEV_API_KEY" => sandbox.api_key, "ZAVUDEV_BASE_URL" => sandbox.base_url }.merge(env)
    output, status = Open3.capture2e(full_env, RbConfig.ruby, *ruby_args, GUIDE)
    problems = []
    problems << "the guide's Ruby exited with #{status.exitstatus}" unless status.success?
    problems << "the output is not what the guide prints" unless output.match?(expected(sandbox.base_url))
    invitations = sandbox.request("GET", "/sandbox/invitations")[1]
    items = invitations.is_a?(Hash) ? invitations["items"] || invitations["invitations"] : invitations
    preassigned = Array(items).count { |inv| inv.is_a?(Hash) && inv["phoneNumberId"].to_s.start_with?("pn_") }
    problems << "no invitation was created with the purchased phone number" unless preassigned == 1
    rules = sandbox.request("GET", "/sandbox/faults")[1]
    left = Array(rules.is_a?(Hash) ? rules["rules"] : rules).sum { |rule| rule["remaining"].to_i }
    problems << "the guide's get and cancel did not both reach the sandbox" unless left.zero?
    [output, problems]
  ensure
    sandbox&.stop
  end
end

if $PROGRAM_NAME == __FILE__
  output, problems = GuideCheck.run
  puts output
  if problems.empty?
    puts "guide check: the guide's Ruby printed what the guide says"
  else
    warn "guide check FAILED: #{problems.join('; ')}"
    exit 1
  end
end
