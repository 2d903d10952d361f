<?php

declare(strict_types=1);

namespace Zavudev;

use Zavudev\Internal\Native;

/**
 * One page of a list: `items` and `nextCursor`. `foreach ($page as $item)` walks every item
 * from this page on, fetching later pages one at a time only when the previous one is used up
 * (one page in memory); `foreach ($page->items as $item)` stays on this page.
 *
 * @template T of Model
 * @implements \IteratorAggregate<int, T>
 */
final class Page implements \IteratorAggregate, \Countable
{
    /**
     * @param list<T> $items the items of this page
     * @param ?string $nextCursor the cursor of the next page, or null on the last one
     * @param \Closure(?string): Page<T> $fetch fetches the page at a cursor
     * @param \Closure(string): \Generator<int, T> $walk walks every item from a cursor on
     */
    public function __construct(
        public readonly array $items,
        public readonly ?string $nextCursor,
        private readonly \Closure $fetch,
        private readonly \Closure $walk,
    ) {
    }

    /** @return list<T> the items of this page (the published SDK's name) */
    public function getItems(): array
    {
        return $this->items;
    }

    /** Whether another page follows this one. */
    public function hasNextPage(): bool
    {
        return $this->nextCursor !== null;
    }

    /**
     * The next page, or null after the last one.
     *
     * @return Page<T>|null
     * @throws ZavudevError
     */
    public function getNextPage(): ?Page
    {
        return $this->nextCursor === null ? null : ($this->fetch)($this->nextCursor);
    }

    /**
     * Every item from this page on, across pages.
     *
     * @return \Generator<int, T>
     * @throws ZavudevError
     */
    public function pagingEachItem(): \Generator
    {
        yield from $this->items;
        if ($this->nextCursor !== null) {
            yield from ($this->walk)($this->nextCursor);
        }
    }

    /** @return \Generator<int, T> */
    public function getIterator(): \Generator
    {
        return $this->pagingEachItem();
    }

    /** The number of items on this page. */
    public function count(): int
    {
        return \count($this->items);
    }

    /**
     * The page as its wire array: `['items' => [...], 'nextCursor' => ...]`.
     *
     * @return array{items: list<array<string,mixed>>, nextCursor: ?string}
     */
    public function toArray(): array
    {
        return [
            'items' => \array_map(static fn (Model $m) => $m->toArray(), $this->items),
            'nextCursor' => $this->nextCursor,
        ];
    }

    /**
     * Every item of a native pager, a page per crossing.
     *
     * @template M of Model
     * @param \Zavudev\Native\Pager|array<string,mixed> $pager
     * @param class-string<M> $model
     * @return \Generator<int, M>
     * @internal
     */
    public static function walkPager(mixed $pager, string $model): \Generator
    {
        if (\is_array($pager)) {
            throw Native::error($pager);
        }
        try {
            while (($batch = Native::value($pager->nextBatch())) !== null) {
                foreach ($batch as $item) {
                    yield $model::fromArray($item);
                }
            }
        } finally {
            $pager->close();
        }
    }
}
