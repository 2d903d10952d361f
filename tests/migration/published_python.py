# The published zavudev Python SDK's README patterns, with its invitation and phone-number calls
# (see SOURCES.md). Reads ZAVUDEV_API_KEY and ZAVUDEV_BASE_URL from the environment.
import os

import zavudev
from zavudev import Zavudev

client = Zavudev(
    api_key=os.environ.get("ZAVUDEV_API_KEY"),  # This is the default and can be omitted
)

# -- Invitations ------------------------------------------------------------------------------
res = client.invitations.create(
    client_name="Acme Corp",
    client_email="contact@acme.com",
    expires_in_days=7,
)
print(res.invitation.url)

fetched = client.invitations.retrieve(res.invitation.id)
print(fetched.invitation.status)

all_invitations = []
# Automatically fetches more pages as needed.
for invitation in client.invitations.list(limit=2):
    all_invitations.append(invitation)
print(len(all_invitations))

first_page = client.invitations.list(limit=1)
if first_page.has_next_page():
    print(f"will fetch next page using these details: {first_page.next_cursor}")

# Retries and timeouts for one request
client.with_options(max_retries=5).invitations.retrieve(res.invitation.id)
client.with_options(timeout=20.0).invitations.retrieve(res.invitation.id)

# Accessing raw response data (e.g. headers)
response = client.invitations.with_raw_response.create(client_name="Acme Corp")
print(response.headers.get("X-Request-Id"))
created = response.parse()  # get the object that `invitations.create()` would have returned
print(created.invitation.id)

# Undocumented request params
client.invitations.create(
    client_name="Acme Corp",
    extra_headers={"X-Trace": "onboarding"},
    extra_query={"source": "crm"},
    extra_body={"clientEmail": "ops@acme.com"},
)

cancelled = client.invitations.cancel(res.invitation.id)
print(cancelled.invitation.status)

# Handling errors
try:
    client.invitations.retrieve("inv_does_not_exist")
except zavudev.APIConnectionError as e:
    print("The server could not be reached")
    print(e.__cause__)  # an underlying Exception, likely raised within httpx.
except zavudev.RateLimitError as e:
    print("A 429 status code was received; we should back off a bit.")
except zavudev.APIStatusError as e:
    print("Another non-200-range status code was received")
    print(e.status_code)
    print(e.response)

# -- Phone numbers ----------------------------------------------------------------------------
available = client.phone_numbers.search_available(country_code="US", type="local", limit=5)
candidate = available.items[0]
requirements = client.phone_numbers.requirements(phone_number=candidate.phone_number)
if not requirements.items:
    purchased = client.phone_numbers.purchase(
        phone_number=candidate.phone_number,
        name="Client: Acme Corp",
    )
    print(purchased.phone_number.id)

    number = client.phone_numbers.retrieve(purchased.phone_number.id)
    print(number.phone_number.phone_number)

    updated = client.phone_numbers.update(purchased.phone_number.id, name="Support line")
    print(updated.phone_number.name)

    for owned in client.phone_numbers.list():
        print(owned.phone_number)

    client.phone_numbers.release(purchased.phone_number.id)

RESULT = {"invitation_url": res.invitation.url, "released": purchased.phone_number.id}
