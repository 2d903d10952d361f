<?php

declare(strict_types=1);

namespace Zavudev;

use Zavudev\Internal\Native;

/** `$client->senders`: the WhatsApp and Messenger identities invitations create. */
final class Senders
{
    use HasRawResponse;

    /** @internal */
    public function __construct(private readonly \Zavudev\Native\Client $native)
    {
    }

    /**
     * One sender: `get('snd_...')` (or `get(['senderId' => 'snd_...'])`).
     *
     * @param string|array{senderId: string} $senderId
     * @param array{timeout?: int|float, maxRetries?: int, idempotencyKey?: string, headers?: array<string,string>}|null $requestOptions
     * @throws ZavudevError
     */
    public function get(mixed $senderId, mixed $requestOptions = null): Sender
    {
        return Sender::fromArray(Native::value($this->native->getSender($senderId, $requestOptions)));
    }

    /**
     * One sender (the published SDK's name for `get`).
     *
     * @param string|array{senderId: string} $senderId
     * @param array{timeout?: int|float, maxRetries?: int, idempotencyKey?: string, headers?: array<string,string>}|null $requestOptions
     * @throws ZavudevError
     */
    public function retrieve(mixed $senderId, mixed $requestOptions = null): Sender
    {
        return $this->get($senderId, $requestOptions);
    }

    /**
     * One page of senders; `foreach` over the page walks every sender of every page.
     *
     * @param array{limit?: int, cursor?: string} $params
     * @param array{timeout?: int|float, maxRetries?: int, idempotencyKey?: string, headers?: array<string,string>}|null $requestOptions
     * @param mixed ...$fields the parameters as named arguments (`(clientName: 'Acme Corp')`, the
     *     published SDK's form), merged over `$params`
     * @return Page<Sender>
     * @throws ZavudevError
     */
    public function list(mixed $params = [], mixed $requestOptions = null, mixed ...$fields): Page
    {
        $params = Native::params($params, $fields);
        $data = Native::value($this->native->listSenders($params, $requestOptions));
        $params = \is_array($params) ? $params : [];
        return new Page(
            \array_map(static fn (array $item) => Sender::fromArray($item), $data['items']),
            $data['nextCursor'] ?? null,
            fn (string $cursor) => $this->list(['cursor' => $cursor] + $params, $requestOptions),
            fn (string $cursor) => $this->native->senderPager(['cursor' => $cursor] + $params, $requestOptions),
            Sender::class,
        );
    }

    /**
     * Every sender, across pages, a page at a time.
     *
     * @param array{limit?: int, cursor?: string} $params
     * @param array{timeout?: int|float, maxRetries?: int, idempotencyKey?: string, headers?: array<string,string>}|null $requestOptions
     * @return ItemIterator<Sender>
     * @throws ZavudevError
     */
    public function listAll(mixed $params = [], mixed $requestOptions = null): ItemIterator
    {
        $pager = $this->native->senderPager($params, $requestOptions);
        if (\is_array($pager)) {
            throw Native::error($pager);
        }
        return new ItemIterator(static fn () => $pager, Sender::class);
    }
}
