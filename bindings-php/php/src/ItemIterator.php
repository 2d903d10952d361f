<?php

declare(strict_types=1);

namespace Zavudev;

use Zavudev\Internal\Native;

/**
 * Every item of a list, across pages, fetched a page at a time (one page in memory, one native
 * crossing per page) only when the previous page is used up. `foreach` it, or call
 * `iterator_to_array()`.
 *
 * A failed page fetch throws; nothing is lost or skipped: the next step (`valid()`, or another
 * `foreach` over the same iterator, which goes on where it stopped) fetches the same page again.
 * Not rewindable: a second `foreach` continues the walk.
 *
 * @template T of Model
 * @implements \Iterator<int, T>
 */
final class ItemIterator implements \Iterator
{
    /** @var list<array<string,mixed>> */
    private array $batch;
    private int $position = 0;
    private int $key = 0;
    private bool $finished = false;
    /** @var \Zavudev\Native\Pager|null */
    private ?object $pager = null;

    /**
     * @param \Closure(): \Zavudev\Native\Pager|null $openPager opens the native walk of the
     *     following pages, or null when there are none
     * @param class-string<T> $model
     * @param list<T> $first items already in hand (a page's own items)
     * @internal
     */
    public function __construct(
        private ?\Closure $openPager,
        private readonly string $model,
        private readonly array $first = [],
    ) {
        $this->batch = [];
        $this->finished = $openPager === null;
    }

    /** Starts the walk; later calls do nothing (the walk is not rewound). */
    public function rewind(): void
    {
    }

    /**
     * Whether an item is at hand, fetching the next page when the current one is used up.
     *
     * @throws ZavudevError when the page fetch fails (calling again retries the same page)
     */
    public function valid(): bool
    {
        if ($this->key < \count($this->first)) {
            return true;
        }
        while ($this->position >= \count($this->batch)) {
            if ($this->finished) {
                return false;
            }
            $this->fetch();
        }
        return true;
    }

    /** @return T the current item */
    public function current(): Model
    {
        if ($this->key < \count($this->first)) {
            return $this->first[$this->key];
        }
        if (!$this->valid()) {
            throw new \OutOfBoundsException('the walk is over');
        }
        return ($this->model)::fromArray($this->batch[$this->position]);
    }

    /** The item's position in the walk (0, 1, 2, ...). */
    public function key(): int
    {
        return $this->key;
    }

    /** Moves to the next item (fetched when `valid()` or `current()` needs it). */
    public function next(): void
    {
        if ($this->key >= \count($this->first)) {
            $this->position++;
        }
        $this->key++;
    }

    /** Ends the walk and frees its page; later steps find no more items. */
    public function close(): void
    {
        $this->pager?->close();
        $this->pager = null;
        $this->openPager = null;
        $this->batch = [];
        $this->position = 0;
        $this->finished = true;
    }

    private function fetch(): void
    {
        if ($this->pager === null) {
            $opened = ($this->openPager)();
            if (\is_array($opened)) {
                throw Native::error($opened);
            }
            $this->pager = $opened;
        }
        // On an error nothing below runs: the walk stays where it was, and the next step
        // fetches the same page again (core's pager keeps its cursor).
        $batch = Native::value($this->pager->nextBatch());
        $this->position = 0;
        if ($batch === null) {
            $this->batch = [];
            $this->finished = true;
            $this->pager = null;
            return;
        }
        $this->batch = $batch;
    }
}
