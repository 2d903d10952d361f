# frozen_string_literal: true

# A panic inside core surfaces as Zavudev::InternalError (code internal_panic), never an abort,
# and the client keeps working. The panic is forced through core's `test-panic` feature
# (run-tests.sh builds the tested extension with it; gems never have it): any call whose path
# contains `__zavu_test_panic__` panics inside core.

require_relative "test_helper"

class TestPanic < Minitest::Test
  include SharedSandbox

  def test_a_panic_in_core_is_an_internal_error
    shared = client
    begin
      shared.invitations.get("__zavu_test_panic__")
    rescue Zavudev::InternalError => e
      assert_equal "internal_panic", e.code
      assert_equal "internal", e.kind
      assert_includes e.message, "internal error in the Zavu SDK"
    rescue Zavudev::NotFoundError
      skip "the extension was built without the test-panic feature (installed gem)" if ENV["ZAVU_TEST_INSTALLED_GEM"]
      flunk "the extension was built without the test-panic feature: run bindings-ruby/run-tests.sh"
    else
      flunk "no error"
    end
    assert_equal "pending", shared.invitations.create(client_name: "After").status
  end
end
