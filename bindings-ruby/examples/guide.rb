require "zavudev"

client = Zavudev::Client.new(api_key: ENV["ZAVUDEV_API_KEY"])

invitation = client.invitations.create(
  client_name: "Acme Corp",
  client_email: "contact@acme.com",
  expires_in_days: 7
)

puts "Invitation URL: #{invitation.url}"
puts "Token: #{invitation.token}"
puts "Expires: #{invitation.expires_at}"

# First, purchase a phone number
phone_number = client.phone_numbers.purchase(
  phone_number: "+14155551234",
  name: "Client: Acme Corp"
)

# Then create the invitation with the phone number
invitation = client.invitations.create(
  client_name: "Acme Corp",
  client_email: "contact@acme.com",
  phone_number_id: phone_number.id,
  expires_in_days: 14
)

puts "Invitation URL: #{invitation.url}"

# List all invitations
result = client.invitations.list

# Filter by status
pending = client.invitations.list(status: "pending")

pending.items.each do |inv|
  puts "#{inv.client_name} #{inv.status} #{inv.url}"
end

invitation = client.invitations.get(
  invitation_id: "jh7am5bng9p3v2x1k4r8"
)

puts "Status: #{invitation.status}"
puts "Client: #{invitation.client_name}"

if invitation.status == "completed"
  puts "Sender ID: #{invitation.sender_id}"
end

client.invitations.cancel(
  invitation_id: "jh7am5bng9p3v2x1k4r8"
)

begin
  invitation = client.invitations.create(
    client_name: "Acme Corp",
    phone_number_id: "pn_invalid"
  )
rescue Zavudev::Error => e
  case e.code
  when "not_found"
    puts "Phone number not found"
  when "invalid_request"
    puts "Invalid request: #{e.message}"
  else
    puts "Unexpected error: #{e}"
  end
end
