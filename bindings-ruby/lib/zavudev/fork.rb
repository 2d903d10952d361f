# frozen_string_literal: true

module Zavudev
  # A forked child (Puma or Unicorn with preload, Resque) inherits core's runtime without its
  # threads: calls there would hang. `Process._fork` (Ruby 3.1+) is what `fork`, `Process.fork`
  # and `Kernel#fork` all go through; in the child core forgets the old runtime and builds a
  # new one on first use, and each client rebuilds its connection pool.
  module ForkHook
    def _fork
      pid = super
      Zavudev::Native.after_fork if pid.zero?
      pid
    end
  end

  Process.singleton_class.prepend(ForkHook) if Process.respond_to?(:_fork)
end
