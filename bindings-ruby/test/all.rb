# frozen_string_literal: true

# Every test file of the suite (run-tests.sh runs this; minitest options pass through ARGV).
Dir[File.join(__dir__, "test_*.rb")].sort.each { |file| require file }
