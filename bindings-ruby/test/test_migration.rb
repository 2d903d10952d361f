# frozen_string_literal: true

# The README's "Migrating from the published SDK" table, applied word for word to the published
# gem's idioms (test/published/published_example.rb.txt, sources noted in it), runs against the
# sandbox with this gem.

require_relative "test_helper"
require "open3"
require "tmpdir"
require "rbconfig"

class TestMigration < Minitest::Test
  # The README table's changes, in order: literal replacements, then the one rule with a pattern
  # (answers are unwrapped: `res.invitation.url` is `res.url`).
  MIGRATION = [
    ["found.items[0]", "found[0]"],
    ["requirements.items.length", "requirements.length"]
  ].freeze
  UNWRAPPED = /\b([a-z_]+)\.(invitation|phone_number)\.(?=[a-z])/

  def self.migrate(text)
    MIGRATION.reduce(text) { |out, (from, to)| out.gsub(from, to) }.gsub(UNWRAPPED, '\1.')
  end

  def published
    File.read(File.join(__dir__, "published", "published_example.rb.txt"))
  end

  def test_every_row_is_in_the_readme
    readme = File.read(File.join(__dir__, "..", "README.md"))
    MIGRATION.each { |from, _| assert_includes readme, "`#{from}`" }
    assert_includes readme, "`res.invitation.url`"
  end

  def test_the_migrated_example_runs_against_the_sandbox
    sandbox = Sandbox.new
    script = File.join(Dir.mktmpdir, "migrated.rb")
    File.write(script, self.class.migrate(published))
    env = { "ZAVUDEV_API_KEY" => sandbox.api_key, "ZAVUDEV_BASE_URL" => sandbox.base_url }
    out, status = Open3.capture2e(env, RbConfig.ruby, "-I", File.join(__dir__, "..", "lib"), script)
    assert status.success?, out
    ["Requirements: ", "Phone number: true\n", "Invitation for: Acme Corp\n", "Status: pending\n",
     "First: Acme Corp\n", "Listed: Acme Corp\n", "Owned: Support Line\n", "Not found: 404\n"].each do |want|
      assert_includes out, want
    end
  ensure
    sandbox&.stop
  end
end
