# frozen_string_literal: true

# The zavudev gem. Built by build-gem.sh (`make dist-ruby`) as a precompiled platform gem: the
# release extension (lib/zavudev/zavudev_native.so, Rust over zavu-core) is inside, so
# `gem install` needs no Rust toolchain, no compiler and no network.
require_relative "lib/zavudev/version"

Gem::Specification.new do |spec|
  spec.name = "zavudev"
  spec.version = Zavudev::VERSION
  spec.summary = "Zavu Partner Invitations client for Ruby (a thin binding of the Rust core)"
  spec.description = "Create, list, track and cancel Zavu partner invitations, buy phone numbers, " \
                     "read senders and verify webhooks. Validation, retries, idempotency, pagination and " \
                     "signatures run in the shared Rust core, so every language behaves the same."
  spec.authors = ["Zavu"]
  spec.license = "MIT"
  spec.homepage = "https://github.com/zavudev/zavu-sdk-hub"
  spec.metadata = { "source_code_uri" => spec.homepage, "rubygems_mfa_required" => "true" }

  native = File.join(__dir__, "lib", "zavudev", "zavudev_native.so")
  raise "build the extension first (build-gem.sh): #{native} is missing" unless File.exist?(native)

  # The extension is built against Ruby 3.1's ABI on x86_64 Linux (glibc).
  spec.platform = Gem::Platform.new("x86_64-linux")
  spec.required_ruby_version = "~> 3.1.0"
  spec.files = Dir.chdir(__dir__) do
    Dir["lib/**/*.rb"] + ["lib/zavudev/zavudev_native.so"] + Dir["sig/**/*.rbs"] + %w[README.md examples/guide.rb]
  end
  spec.require_paths = ["lib"]
end
