# frozen_string_literal: true

# The product guide's Ruby (onboarding-clients-via-api.md), verbatim in examples/guide.rb, run as
# its own process against the sandbox; and a check that the file is still the guide's text.

require_relative "test_helper"
require_relative "guide_check"

class TestGuide < Minitest::Test
  def guide_blocks
    [File.join(ROOT, "docs", "onboarding-clients-via-api.md"),
     File.join(ROOT, "..", "shared", "reference", "onboarding-clients-via-api.md")].each do |path|
      next unless File.exist?(path)

      blocks = File.read(path).scan(/```ruby Ruby theme=\{null\}\n(.*?)```/m).map { |(b)| b.gsub(/^  /, "") }
      return blocks
    end
    nil
  end

  def test_examples_file_is_the_guides_ruby_verbatim
    blocks = guide_blocks
    flunk "the guide (docs/onboarding-clients-via-api.md) is missing" if blocks.nil?
    assert_equal 6, blocks.size
    assert_equal blocks.join("\n"), File.read(GuideCheck::GUIDE)
  end

  def test_the_guides_ruby_runs_and_prints_what_the_guide_says
    env = {}
    env["RUBYLIB"] = [File.expand_path("../lib", __dir__), ENV["RUBYLIB"]].compact.join(":") unless ENV["ZAVU_TEST_INSTALLED_GEM"]
    output, problems = GuideCheck.run(env: env)
    assert_empty problems, "output was:\n#{output}"
  end
end
