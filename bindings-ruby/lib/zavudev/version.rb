# frozen_string_literal: true

module Zavudev
  VERSION = "0.1.0"
end
