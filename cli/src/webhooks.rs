//! `zavu webhooks verify`: checks a delivery with core's `webhooks::unwrap`.

use std::io::{IsTerminal, Read, Write};

use clap::{Args, Subcommand};
use zavu_core::webhooks::{self, EventData, WebhookEvent};

use crate::output::{CliResult, local_error, rfc3339, write_fields, write_json};

#[derive(Args)]
pub struct WebhooksCommand {
    #[command(subcommand)]
    pub action: WebhooksAction,
}

#[derive(Subcommand)]
pub enum WebhooksAction {
    /// Verify a webhook delivery: the raw body on stdin, its X-Zavu-Signature header as
    /// --signature. Prints the event, or why it was refused (exit 1).
    Verify(VerifyArgs),
}

#[derive(Args)]
pub struct VerifyArgs {
    /// The signing secret (whsec_...) from creating the webhook. Prefer the environment
    /// variable: arguments are visible to other users of the machine.
    #[arg(long, env = "ZAVUDEV_WEBHOOK_SECRET", hide_env_values = true)]
    secret: String,
    /// The X-Zavu-Signature header value (t=...,v1=...,v2=...); a whole
    /// `X-Zavu-Signature: ...` line is accepted too.
    #[arg(long, value_name = "HEADER")]
    signature: String,
}

pub fn run(action: WebhooksAction, json: bool) -> CliResult {
    match action {
        WebhooksAction::Verify(args) => verify(args, json),
    }
}

fn verify(args: VerifyArgs, json: bool) -> CliResult {
    let mut stdin = std::io::stdin().lock();
    if stdin.is_terminal() {
        eprintln!("reading the webhook body from stdin (end with Ctrl-D)");
    }
    let mut body = Vec::new();
    stdin
        .read_to_end(&mut body)
        .map_err(|e| local_error("io_error", format!("cannot read the body from stdin: {e}")))?;
    let header = header_value(&args.signature);
    // The secret only goes to core, which never puts it in an error message.
    let event = webhooks::unwrap(&body, header, &args.secret)?;
    let mut out = std::io::stdout().lock();
    if json {
        write_json(&mut out, &event.to_json())?;
    } else {
        write_event(&mut out, &event)?;
    }
    Ok(())
}

/// Accepts the bare value or a copied `X-Zavu-Signature: value` header line.
fn header_value(text: &str) -> &str {
    let text = text.trim();
    match text.split_once(':') {
        Some((name, value)) if name.trim().eq_ignore_ascii_case(webhooks::SIGNATURE_HEADER) => {
            value.trim()
        }
        _ => text,
    }
}

fn write_event(out: &mut impl Write, event: &WebhookEvent) -> std::io::Result<()> {
    writeln!(out, "signature verified")?;
    let mut fields = vec![
        ("event", Some(event.id.clone())),
        ("type", Some(event.event_type.clone())),
        ("occurred", event.occurred_at().map(rfc3339)),
        ("project", event.project_id.clone()),
    ];
    match &event.data {
        EventData::InvitationStatusChanged(data) => {
            let status = match &data.previous_status {
                Some(previous) => format!("{previous} -> {}", data.current_status),
                None => data.current_status.to_string(),
            };
            fields.extend([
                ("invitation", Some(data.invitation_id.clone())),
                ("status", Some(status)),
                ("client name", data.client_name.clone()),
                ("client email", data.client_email.clone()),
                (
                    "connection",
                    data.connection_type.as_ref().map(ToString::to_string),
                ),
                (
                    "sender",
                    data.sender_id.clone().or_else(|| event.sender_id.clone()),
                ),
                (
                    "account",
                    data.connected_account
                        .as_ref()
                        .map(|a| format!("{} ({})", a.id, a.channel)),
                ),
                ("waba account", data.waba_account_id.clone()),
                (
                    "failure",
                    data.failure_reason.as_ref().map(ToString::to_string),
                ),
            ]);
            write_fields(out, &fields)
        }
        EventData::SenderCreated(sender) => {
            fields.extend([
                ("sender", Some(sender.id.clone())),
                ("name", Some(sender.name.clone())),
                ("phone number", Some(sender.phone_number.clone())),
            ]);
            write_fields(out, &fields)
        }
        EventData::Other(data) => {
            fields.push(("sender", event.sender_id.clone()));
            write_fields(out, &fields)?;
            writeln!(out, "data:")?;
            write_json(out, data)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::header_value;

    #[test]
    fn header_lines_and_bare_values() {
        assert_eq!(header_value(" t=1,v2=ab "), "t=1,v2=ab");
        assert_eq!(header_value("X-Zavu-Signature: t=1,v2=ab"), "t=1,v2=ab");
        assert_eq!(header_value("x-zavu-signature:t=1"), "t=1");
    }
}
