//! `zavu phone-numbers ...`: the onboarding steps before and after `purchase` (search, a number's
//! requirements, list, get, update, release), each one core call.

use std::io::Write;

use clap::{Args, Subcommand};
use zavu_core::{
    AvailablePhoneNumber, ListPhoneNumbersParams, PhoneNumber, PhoneNumberRequirementsParams,
    PhoneNumberStatus, PhoneNumberType, PurchasePhoneNumberParams, RequestOptions,
    SearchAvailablePhoneNumbersParams, UpdatePhoneNumberParams,
};

use crate::Connection;
use crate::output::{self, CliResult, write_phone_number, write_table};

#[derive(Args)]
pub struct PhoneNumbersCommand {
    #[command(flatten)]
    pub connection: Connection,
    #[command(subcommand)]
    pub action: PhoneNumbersAction,
}

#[derive(Subcommand)]
pub enum PhoneNumbersAction {
    /// Search numbers you can buy in a country (the first onboarding step).
    Search(SearchArgs),
    /// Show the regulatory information buying a number needs (nothing for US/CA numbers).
    Requirements(RequirementsArgs),
    /// Buy a phone number for your team, to pre-assign to invitations.
    Purchase {
        /// The number to buy, E.164 (e.g. +14155551234; see `zavu phone-numbers search`).
        phone: String,
        /// A label for the number, e.g. "Client: Acme Corp".
        #[arg(long)]
        name: Option<String>,
        /// Idempotency-Key of the request [default: a fresh one per command].
        #[arg(long, value_name = "KEY")]
        idempotency_key: Option<String>,
    },
    /// List your team's numbers, newest first (one page, or every page with --all).
    List(ListArgs),
    /// Show one of your numbers.
    Get {
        /// The phone number's id.
        id: String,
    },
    /// Rename a number or (un)assign it to a sender.
    Update(UpdateArgs),
    /// Release a number (it must not be assigned to a sender).
    Release {
        /// The phone number's id.
        id: String,
    },
}

#[derive(Args)]
pub struct SearchArgs {
    /// ISO 3166 alpha-2 country code, e.g. US.
    country: String,
    /// Number type: local, national, mobile or tollFree.
    #[arg(long = "type", value_name = "TYPE")]
    number_type: Option<String>,
    /// Digits the number must contain.
    #[arg(long, value_name = "DIGITS")]
    contains: Option<String>,
    /// Comma-separated capabilities it must have: sms, voice, mms.
    #[arg(long, value_name = "LIST")]
    capabilities: Option<String>,
    /// At most this many results (1 to 100) [default: 20].
    #[arg(long, value_name = "N")]
    limit: Option<i64>,
}

#[derive(Args)]
pub struct RequirementsArgs {
    /// The number you mean to buy, E.164 (preferred: exactly what its purchase checks).
    #[arg(long, value_name = "PHONE", required_unless_present = "country")]
    phone: Option<String>,
    /// Or a country, ISO 3166 alpha-2.
    #[arg(long, value_name = "CODE")]
    country: Option<String>,
    /// Number type: local, national, mobile or tollFree [default: local].
    #[arg(long = "type", value_name = "TYPE")]
    number_type: Option<String>,
}

#[derive(Args)]
pub struct ListArgs {
    /// Only numbers with this status: active, suspended or pending.
    #[arg(long)]
    status: Option<String>,
    /// Items per page (1 to 100) [default: 50].
    #[arg(long, value_name = "N")]
    limit: Option<i64>,
    /// Start after this cursor (printed after a page that has more).
    #[arg(long, value_name = "CURSOR")]
    cursor: Option<String>,
    /// Every page, fetched as it is printed.
    #[arg(long, conflicts_with = "cursor")]
    all: bool,
}

#[derive(Args)]
pub struct UpdateArgs {
    /// The phone number's id.
    id: String,
    /// A new label.
    #[arg(long, conflicts_with = "clear_name")]
    name: Option<String>,
    /// Remove the label.
    #[arg(long)]
    clear_name: bool,
    /// Assign the number to this sender.
    #[arg(long, value_name = "ID", conflicts_with = "unassign")]
    sender: Option<String>,
    /// Unassign the number from its sender.
    #[arg(long)]
    unassign: bool,
}

const OWNED_HEADERS: [&str; 5] = ["ID", "NUMBER", "STATUS", "NAME", "SENDER"];
const AVAILABLE_HEADERS: [&str; 6] = ["NUMBER", "TYPE", "LOCALITY", "PER MONTH", "FREE", "CAN"];

fn owned_row(number: &PhoneNumber) -> Vec<String> {
    let dash = || "-".to_string();
    vec![
        number.id.clone(),
        number.phone_number.clone(),
        number.status.to_string(),
        number.name.clone().unwrap_or_else(dash),
        number.sender_id.clone().unwrap_or_else(dash),
    ]
}

fn available_row(number: &AvailablePhoneNumber, kind: &str) -> Vec<String> {
    let c = &number.capabilities;
    let can: Vec<&str> = [("sms", c.sms), ("voice", c.voice), ("mms", c.mms)]
        .into_iter()
        .filter(|(_, on)| *on == Some(true))
        .map(|(name, _)| name)
        .collect();
    vec![
        number.phone_number.clone(),
        kind.to_string(),
        number.locality.clone().unwrap_or_else(|| "-".into()),
        number
            .pricing
            .monthly_price
            .map(|p| format!("{p:.2}"))
            .unwrap_or_else(|| "-".into()),
        match number.pricing.is_free_eligible {
            Some(true) => "yes".into(),
            _ => "no".into(),
        },
        can.join(","),
    ]
}

pub async fn run(action: PhoneNumbersAction, connection: &Connection, json: bool) -> CliResult {
    let client = connection.client()?;
    let mut out = std::io::stdout().lock();
    let numbers = client.phone_numbers();
    match action {
        PhoneNumbersAction::Search(args) => {
            let kind = args.number_type.clone();
            let params = SearchAvailablePhoneNumbersParams {
                country_code: args.country,
                capabilities: args.capabilities,
                contains: args.contains,
                limit: args.limit,
                number_type: args.number_type.map(PhoneNumberType::from),
            };
            let found = numbers.search_available(&params).await?;
            if json {
                output::write_json(&mut out, &serde_json::json!({ "items": found }))?;
            } else if found.is_empty() {
                writeln!(out, "No numbers available.")?;
            } else {
                let kind = kind.unwrap_or_else(|| "any".into());
                let rows: Vec<Vec<String>> =
                    found.iter().map(|n| available_row(n, &kind)).collect();
                write_table(&mut out, &AVAILABLE_HEADERS, &rows)?;
            }
        }
        PhoneNumbersAction::Requirements(args) => {
            let params = PhoneNumberRequirementsParams {
                country_code: args.country,
                phone_number: args.phone,
                number_type: args.number_type.map(PhoneNumberType::from),
            };
            let groups = numbers.requirements(&params).await?;
            if json {
                output::write_json(&mut out, &serde_json::json!({ "items": groups }))?;
            } else if groups.is_empty() {
                writeln!(out, "No regulatory information needed: buy it directly.")?;
            } else {
                let rows: Vec<Vec<String>> = groups
                    .iter()
                    .flat_map(|g| {
                        g.requirement_types.iter().map(move |t| {
                            vec![
                                t.id.clone(),
                                t.r#type.clone(),
                                t.name.clone(),
                                format!("{} {}", g.country_code, g.phone_number_type),
                            ]
                        })
                    })
                    .collect();
                write_table(&mut out, &["REQUIREMENT", "KIND", "NAME", "FOR"], &rows)?;
            }
        }
        PhoneNumbersAction::Purchase {
            phone,
            name,
            idempotency_key,
        } => {
            let client = client.with_options(&RequestOptions {
                idempotency_key,
                ..RequestOptions::default()
            });
            let params = PurchasePhoneNumberParams {
                phone_number: phone,
                name,
            };
            let number = client.phone_numbers().purchase(&params).await?;
            write_phone_number(&mut out, &number, json)?;
        }
        PhoneNumbersAction::List(args) => {
            let params = ListPhoneNumbersParams {
                status: args.status.map(PhoneNumberStatus::from),
                limit: args.limit,
                cursor: args.cursor,
            };
            if args.all {
                let mut pager = numbers.walk(&params);
                let mut items = Vec::new();
                while let Some(number) = pager.next_item().await? {
                    items.push(number);
                }
                write_list(&mut out, &items, None, json)?;
            } else {
                let page = numbers.list(&params).await?;
                write_list(&mut out, &page.items, page.next_cursor.as_deref(), json)?;
                if !json && let Some(cursor) = &page.next_cursor {
                    eprintln!("more: zavu phone-numbers list --cursor {cursor} (or --all)");
                }
            }
        }
        PhoneNumbersAction::Get { id } => {
            let number = numbers.retrieve(&id).await?;
            write_phone_number(&mut out, &number, json)?;
        }
        PhoneNumbersAction::Update(args) => {
            let params = UpdatePhoneNumberParams {
                name: if args.clear_name {
                    Some(None)
                } else {
                    args.name.map(Some)
                },
                sender_id: if args.unassign {
                    Some(None)
                } else {
                    args.sender.map(Some)
                },
            };
            let number = numbers.update(&args.id, &params).await?;
            write_phone_number(&mut out, &number, json)?;
        }
        PhoneNumbersAction::Release { id } => {
            numbers.release(&id).await?;
            if json {
                output::write_json(&mut out, &serde_json::json!({ "id": id, "released": true }))?;
            } else {
                writeln!(out, "Released {id}.")?;
            }
        }
    }
    Ok(())
}

fn write_list(
    out: &mut impl Write,
    items: &[PhoneNumber],
    next_cursor: Option<&str>,
    json: bool,
) -> CliResult {
    if json {
        output::write_json(
            out,
            &serde_json::json!({ "items": items, "nextCursor": next_cursor }),
        )?;
    } else if items.is_empty() {
        writeln!(out, "No phone numbers.")?;
    } else {
        let rows: Vec<Vec<String>> = items.iter().map(owned_row).collect();
        write_table(out, &OWNED_HEADERS, &rows)?;
    }
    Ok(())
}
