# frozen_string_literal: true

# Test support: a real sandbox (`target/debug/zavu-sandbox --port 0`, or ZAVU_SANDBOX_BIN)
# started per test class or per scenario, and clients pointed at it. No HTTP mocks.

require "minitest/autorun"
require "rbconfig"

$LOAD_PATH.unshift(File.expand_path("../lib", __dir__)) unless ENV["ZAVU_TEST_INSTALLED_GEM"]
require "zavudev"

require_relative "sandbox"

# One sandbox for every test of a class (started on first use, stopped at exit).
module SharedSandbox
  def sandbox
    self.class.sandbox
  end

  def client(**options)
    sandbox.client(**options)
  end

  def self.included(base)
    base.extend(ClassMethods)
  end

  module ClassMethods
    def sandbox
      @sandbox ||= begin
        box = Sandbox.new
        Minitest.after_run { box.stop }
        box
      end
    end
  end
end
