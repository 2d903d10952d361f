<?php

$client = new Zavudev\Client(apiKey: getenv('ZAVUDEV_API_KEY'));

$invitation = $client->invitations->create([
    'clientName' => 'Acme Corp',
    'clientEmail' => 'contact@acme.com',
    'expiresInDays' => 7,
]);

echo "Invitation URL: {$invitation->url}\n";
echo "Token: {$invitation->token}\n";
echo "Expires: {$invitation->expiresAt}\n";

// First, purchase a phone number
$phoneNumber = $client->phoneNumbers->purchase([
    'phoneNumber' => '+14155551234',
    'name' => 'Client: Acme Corp',
]);

// Then create the invitation with the phone number
$invitation = $client->invitations->create([
    'clientName' => 'Acme Corp',
    'clientEmail' => 'contact@acme.com',
    'phoneNumberId' => $phoneNumber->id,
    'expiresInDays' => 14,
]);

echo "Invitation URL: {$invitation->url}\n";

// List all invitations
$result = $client->invitations->list();

// Filter by status
$pending = $client->invitations->list(['status' => 'pending']);

foreach ($pending->items as $inv) {
    echo "{$inv->clientName} {$inv->status} {$inv->url}\n";
}

$invitation = $client->invitations->get('jh7am5bng9p3v2x1k4r8');

echo "Status: {$invitation->status}\n";
echo "Client: {$invitation->clientName}\n";

if ($invitation->status === 'completed') {
    echo "Sender ID: {$invitation->senderId}\n";
}

$client->invitations->cancel('jh7am5bng9p3v2x1k4r8');

try {
    $invitation = $client->invitations->create([
        'clientName' => 'Acme Corp',
        'phoneNumberId' => 'pn_invalid',
    ]);
} catch (Zavudev\Error $e) {
    if ($e->code === 'not_found') {
        echo "Phone number not found\n";
    } elseif ($e->code === 'invalid_request') {
        echo "Invalid request: {$e->getMessage()}\n";
    } else {
        echo "Unexpected error: {$e}\n";
    }
}
