# frozen_string_literal: true

module Zavudev
  # One page of a list: `items` (this page's models) and `next_cursor` (nil on the last page).
  #
  # A page is also `Enumerable` over every item of every page from this one on: `each`,
  # `map`, `first(n)`, `lazy`... fetch later pages only when the walk reaches them, one page in
  # memory at a time. A failed page fetch raises; walking on retries that same page.
  class Page
    include Enumerable

    attr_reader :items, :next_cursor

    # @api private
    def initialize(native, model)
      @native = native
      @model = model
      @items = native.items.map! { |wire| model.new(wire) }.freeze
      @next_cursor = native.next_cursor
    end

    # Whether another page follows this one.
    def next_page?
      !@next_cursor.nil?
    end
    alias has_next_page? next_page?

    # The next page, or nil after the last one.
    def next_page
      native = @native.next_page
      native && Page.new(native, @model)
    end

    # Every item from this page on, across pages, fetched lazily.
    def each(&block)
      return enum_for(:each) unless block

      @items.each(&block)
      return self unless next_page?

      pager = @native.pager
      while (batch = pager.next_batch)
        batch.each { |wire| yield @model.new(wire) }
      end
      self
    end
    alias auto_paging_each each

    # Each page from this one on.
    def each_page
      return enum_for(:each_page) unless block_given?

      page = self
      while page
        yield page
        page = page.next_page
      end
      self
    end

    def to_h
      { items: @items.map(&:to_h), next_cursor: @next_cursor }
    end

    def inspect
      "#<#{self.class.name} items=#{@items.size} next_cursor=#{@next_cursor.inspect}>"
    end
  end
end
