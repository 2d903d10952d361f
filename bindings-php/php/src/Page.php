<?php

declare(strict_types=1);

namespace Zavudev;

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
     * @param \Closure(string): mixed $walk opens the native walk from a cursor on
     * @param class-string<T> $model the items' class
     */
    public function __construct(
        public readonly array $items,
        public readonly ?string $nextCursor,
        private readonly \Closure $fetch,
        private readonly \Closure $walk,
        private readonly string $model = Model::class,
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
     * Every item from this page on, across pages (later pages fetched as the walk needs them).
     *
     * @return ItemIterator<T>
     */
    public function pagingEachItem(): ItemIterator
    {
        $cursor = $this->nextCursor;
        $walk = $this->walk;
        return new ItemIterator(
            $cursor === null ? null : static fn () => $walk($cursor),
            $this->model,
            $this->items,
        );
    }

    /** @return ItemIterator<T> */
    public function getIterator(): ItemIterator
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
}
