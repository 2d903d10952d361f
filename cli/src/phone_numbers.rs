//! `zavu phone-numbers purchase`.

use clap::{Args, Subcommand};
use zavu_core::{PurchasePhoneNumberParams, RequestOptions};

use crate::Connection;
use crate::output::{CliResult, write_phone_number};

#[derive(Args)]
pub struct PhoneNumbersCommand {
    #[command(flatten)]
    pub connection: Connection,
    #[command(subcommand)]
    pub action: PhoneNumbersAction,
}

#[derive(Subcommand)]
pub enum PhoneNumbersAction {
    /// Buy a phone number for your team, to pre-assign to invitations.
    Purchase {
        /// The number to buy, E.164 (e.g. +14155551234).
        phone: String,
        /// A label for the number, e.g. "Client: Acme Corp".
        #[arg(long)]
        name: Option<String>,
        /// Idempotency-Key of the request [default: a fresh one per command].
        #[arg(long, value_name = "KEY")]
        idempotency_key: Option<String>,
    },
}

pub async fn run(action: PhoneNumbersAction, connection: &Connection, json: bool) -> CliResult {
    let client = connection.client()?;
    let mut out = std::io::stdout().lock();
    match action {
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
    }
    Ok(())
}
