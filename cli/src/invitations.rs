//! `zavu invitations ...`: create, list, get, cancel and wait, each one core call.

use std::io::Write;
use std::time::Duration;

use clap::{Args, Subcommand};
use zavu_core::{
    ConnectionType, CreateInvitationParams, InvitationStatus, ListInvitationsParams, RequestOptions,
};

use crate::Connection;
use crate::duration::parse_duration;
use crate::output::{
    self, CliResult, INVITATION_HEADERS, Table, invitation_row, write_invitation, write_table,
};

#[derive(Args)]
pub struct InvitationsCommand {
    #[command(flatten)]
    pub connection: Connection,
    #[command(subcommand)]
    pub action: InvitationsAction,
}

#[derive(Subcommand)]
pub enum InvitationsAction {
    /// Create an invitation link to send to a client.
    Create(CreateArgs),
    /// List invitations, newest first (one page, or every page with --all).
    List(ListArgs),
    /// Show one invitation.
    Get {
        /// The invitation's id.
        id: String,
    },
    /// Cancel a pending or in-progress invitation.
    Cancel {
        /// The invitation's id.
        id: String,
    },
    /// Wait until an invitation is completed, expired or cancelled, then show it.
    ///
    /// --timeout bounds the whole wait (default 10m); it fails with wait_timeout past it.
    Wait(WaitArgs),
}

#[derive(Args)]
pub struct CreateArgs {
    /// Name to identify the client (at most 100 characters).
    #[arg(long, value_name = "NAME")]
    client_name: Option<String>,
    /// The client's email address.
    #[arg(long, value_name = "EMAIL")]
    client_email: Option<String>,
    /// The client's phone number, E.164 (e.g. +14155551234).
    #[arg(long, value_name = "PHONE")]
    client_phone: Option<String>,
    /// A Zavu phone number of your team to pre-assign (see `zavu phone-numbers purchase`).
    #[arg(long, value_name = "ID")]
    phone_number_id: Option<String>,
    /// How long the link stays valid, 1 to 30 days [API default: 7].
    #[arg(long, value_name = "DAYS", allow_negative_numbers = true)]
    expires_in_days: Option<i64>,
    /// whatsapp_waba (the API's default) or messenger.
    #[arg(long, value_name = "TYPE")]
    connection_type: Option<String>,
    /// ISO 3166 alpha-2 codes the client may choose a number from: `US,CA` or repeated.
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    allowed_phone_countries: Vec<String>,
    /// Idempotency-Key of the request: repeating a create with the same key and fields returns
    /// the first invitation instead of making a second [default: a fresh one per command].
    #[arg(long, value_name = "KEY")]
    idempotency_key: Option<String>,
}

#[derive(Args)]
pub struct ListArgs {
    /// Only invitations with this status: pending, in_progress, completed, expired, cancelled
    /// or failed.
    #[arg(long)]
    status: Option<String>,
    /// Invitations per page, 1 to 100 [API default: 50].
    #[arg(long, allow_negative_numbers = true)]
    limit: Option<i64>,
    /// Start at this page (the cursor a previous page printed).
    #[arg(long)]
    cursor: Option<String>,
    /// Walk every page, printing invitations as they arrive.
    #[arg(long)]
    all: bool,
}

#[derive(Args)]
pub struct WaitArgs {
    /// The invitation's id.
    id: String,
    /// First pause between polls; it grows by half each time [default: 2s].
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    poll_interval: Option<Duration>,
}

pub async fn run(action: InvitationsAction, connection: &Connection, json: bool) -> CliResult {
    let client = connection.client()?;
    let mut out = std::io::stdout().lock();
    match action {
        InvitationsAction::Create(args) => {
            let params = CreateInvitationParams {
                client_name: args.client_name,
                client_email: args.client_email,
                client_phone: args.client_phone,
                phone_number_id: args.phone_number_id,
                expires_in_days: args.expires_in_days,
                connection_type: args.connection_type.map(ConnectionType::from),
                allowed_phone_countries: if args.allowed_phone_countries.is_empty() {
                    None
                } else {
                    Some(args.allowed_phone_countries)
                },
            };
            let client = match args.idempotency_key {
                Some(key) => client.with_options(&RequestOptions {
                    idempotency_key: Some(key),
                    ..RequestOptions::default()
                }),
                None => client,
            };
            let invitation = client.invitations().create(&params).await?;
            write_invitation(&mut out, &invitation, json)?;
        }
        InvitationsAction::List(args) => {
            let params = ListInvitationsParams {
                status: args.status.map(InvitationStatus::from),
                limit: args.limit,
                cursor: args.cursor,
            };
            if args.all {
                list_all(&client, &params, &mut out, json).await?;
            } else {
                let page = client.invitations().list(&params).await?;
                if json {
                    let value = serde_json::json!({
                        "items": page.items,
                        "nextCursor": page.next_cursor,
                    });
                    output::write_json(&mut out, &value)?;
                } else if page.items.is_empty() {
                    writeln!(out, "No invitations.")?;
                } else {
                    let rows: Vec<Vec<String>> = page.items.iter().map(invitation_row).collect();
                    write_table(&mut out, &INVITATION_HEADERS, &rows)?;
                }
                // The hint goes to stderr so the table on stdout stays machine-readable.
                if !json && let Some(cursor) = &page.next_cursor {
                    eprintln!("more: zavu invitations list --cursor {cursor} (or --all)");
                }
            }
        }
        InvitationsAction::Get { id } => {
            let invitation = client.invitations().get(&id).await?;
            write_invitation(&mut out, &invitation, json)?;
        }
        InvitationsAction::Cancel { id } => {
            let invitation = client.invitations().cancel(&id).await?;
            write_invitation(&mut out, &invitation, json)?;
        }
        InvitationsAction::Wait(args) => {
            let options = zavu_core::ffi::wait_options(connection.timeout, args.poll_interval);
            let spinner = output::spinner(format!("waiting for invitation {}", args.id));
            let result = client
                .invitations()
                .wait_for_completion(&args.id, options)
                .await;
            if let Some(spinner) = spinner {
                spinner.finish_and_clear();
            }
            write_invitation(&mut out, &result?, json)?;
        }
    }
    Ok(())
}

/// Width of each column while rows are still arriving: enough for the usual ids and RFC 3339
/// times, so most tables line up without knowing every row in advance.
const STREAM_WIDTHS: [usize; 6] = [24, 11, 20, 24, 20, 20];

/// Prints every invitation through core's lazy walk, one page fetched at a time. With --json the
/// output is still one document, `{"items": [...], "nextCursor": null}`, the shape of a last page.
async fn list_all(
    client: &zavu_core::Client,
    params: &ListInvitationsParams,
    out: &mut impl Write,
    json: bool,
) -> CliResult {
    let mut pager = client.invitations().list_all(params).await?;
    let table = Table::with_widths(STREAM_WIDTHS.to_vec());
    let mut count = 0usize;
    if json {
        write!(out, "{{\"items\":[")?;
    }
    loop {
        let item = match pager.next_item().await {
            Ok(item) => item,
            Err(e) => {
                if json {
                    // Close the document so what was printed still parses; the error follows on
                    // stderr and the exit code says the list is incomplete.
                    writeln!(out, "\n],\"nextCursor\":null}}")?;
                }
                return Err(e.into());
            }
        };
        let Some(invitation) = item else { break };
        if json {
            let text = serde_json::to_string(&invitation).map_err(std::io::Error::other)?;
            let separator = if count == 0 { "\n" } else { ",\n" };
            write!(out, "{separator}{text}")?;
        } else {
            if count == 0 {
                table.write_header(out, &INVITATION_HEADERS)?;
            }
            table.write_row(out, &invitation_row(&invitation))?;
        }
        out.flush()?;
        count += 1;
    }
    if json {
        writeln!(out, "\n],\"nextCursor\":null}}")?;
    } else if count == 0 {
        writeln!(out, "No invitations.")?;
    }
    Ok(())
}
