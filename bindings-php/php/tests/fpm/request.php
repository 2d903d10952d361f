<?php

declare(strict_types=1);

// One php-fpm request as an application writes it: build a client, make a call, answer.
// Reports the worker's pid, resident memory, PHP heap, and what the (shared) connection pool has
// sent so far, so the test sees connection reuse and memory across requests.

require __DIR__ . '/../autoload.php';

$client = new Zavudev\Client(apiKey: getenv('ZAVUDEV_API_KEY'));
$invitation = $client->invitations->create(['clientName' => 'fpm ' . ($_GET['n'] ?? '?')]);
$again = $client->invitations->get($invitation->id);

preg_match('~^VmRSS:\s+(\d+) kB~m', (string) file_get_contents('/proc/self/status'), $rss);
header('Content-Type: application/json');
echo json_encode([
    'pid' => getmypid(),
    'rssKb' => (int) ($rss[1] ?? 0),
    'heap' => memory_get_usage(),
    'requests' => $client->stats()['requests'],
    'id' => $again->id,
    'status' => $again->status,
]);
