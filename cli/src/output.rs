//! How results and errors are shown: aligned tables and fields for people, JSON for scripts.

use std::io::{self, Write};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use zavu_core::{Invitation, PhoneNumber};

/// What a command can fail with. Every failure that is not a broken stdout is a core error with
/// a stable code, so people and scripts see one shape whatever went wrong. Boxed because core's
/// error is large and every `Result` of the CLI carries it.
#[derive(Debug)]
pub enum Failure {
    Api(Box<zavu_core::Error>),
    Io(io::Error),
}

impl From<zavu_core::Error> for Failure {
    fn from(error: zavu_core::Error) -> Self {
        Failure::Api(Box::new(error))
    }
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Failure::Io(error)
    }
}

pub type CliResult<T = ()> = Result<T, Failure>;

/// A failure of the CLI itself (not the API), shown with the same `error[code]` shape.
pub fn local_error(code: &str, message: impl Into<String>) -> Failure {
    Failure::Api(Box::new(zavu_core::Error::new(code, message)))
}

/// Prints an error on stderr: `error[code]: message` and what else is known, or one JSON object.
pub fn print_error(error: &zavu_core::Error, json: bool) {
    let mut err = io::stderr().lock();
    // Nothing useful can be done when stderr itself is gone.
    let _ = if json {
        let value = serde_json::json!({
            "error": {
                "code": error.code(),
                "message": error.message(),
                "status": error.status(),
                "param": error.param(),
            }
        });
        writeln!(err, "{value}")
    } else {
        write_error(&mut err, error)
    };
}

fn write_error(w: &mut impl Write, error: &zavu_core::Error) -> io::Result<()> {
    writeln!(w, "error[{}]: {}", error.code(), error.message())?;
    if let Some(param) = error.param() {
        writeln!(w, "  param: {param}")?;
    }
    if let Some(status) = error.status() {
        writeln!(w, "  status: {status}")?;
    }
    if let Some(request_id) = error.request_id() {
        writeln!(w, "  request id: {request_id}")?;
    }
    Ok(())
}

/// `dt` in UTC, RFC 3339, to the second: sub-second digits only add noise in a table.
pub fn rfc3339(dt: OffsetDateTime) -> String {
    let utc = dt.to_offset(time::UtcOffset::UTC);
    let utc = utc.replace_nanosecond(0).unwrap_or(utc);
    utc.format(&Rfc3339).unwrap_or_else(|_| utc.to_string())
}

fn opt_time(dt: Option<OffsetDateTime>) -> Option<String> {
    dt.map(rfc3339)
}

/// Pretty JSON of any model, followed by a newline.
pub fn write_json(w: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    writeln!(w, "{text}")
}

/// `label  value` lines with the values aligned; absent values are left out. The width counts
/// absent labels too, so every invitation lines its values up in the same column.
pub fn write_fields(w: &mut impl Write, fields: &[(&str, Option<String>)]) -> io::Result<()> {
    let width = fields
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    for (key, value) in fields {
        if let Some(value) = value {
            writeln!(w, "{key:<width$}  {value}")?;
        }
    }
    Ok(())
}

/// Every field of an invitation a person may want, in reading order.
pub fn invitation_fields(inv: &Invitation) -> Vec<(&'static str, Option<String>)> {
    vec![
        ("id", Some(inv.id.clone())),
        ("status", Some(inv.status.to_string())),
        ("url", Some(inv.url.clone())),
        ("token", Some(inv.token.clone())),
        ("client name", inv.client_name.clone()),
        ("client email", inv.client_email.clone()),
        ("client phone", inv.client_phone.clone()),
        ("phone number", inv.phone_number_id.clone()),
        (
            "connection",
            inv.connection_type.as_ref().map(ToString::to_string),
        ),
        (
            "countries",
            inv.allowed_phone_countries.as_ref().map(|c| c.join(",")),
        ),
        ("sender", inv.sender_id.clone()),
        (
            "account",
            inv.connected_account
                .as_ref()
                .map(|a| format!("{} ({})", a.id, a.channel)),
        ),
        (
            "failure",
            inv.failure_reason.as_ref().map(ToString::to_string),
        ),
        ("created", Some(rfc3339(inv.created_at))),
        ("expires", Some(rfc3339(inv.expires_at))),
        ("viewed", opt_time(inv.viewed_at)),
        ("started", opt_time(inv.started_at)),
        ("completed", opt_time(inv.completed_at)),
        ("failed", opt_time(inv.failed_at)),
    ]
}

/// An invitation as JSON for scripts, or as aligned fields for people.
pub fn write_invitation(w: &mut impl Write, inv: &Invitation, json: bool) -> io::Result<()> {
    if json {
        write_json(w, inv)
    } else {
        write_fields(w, &invitation_fields(inv))
    }
}

/// A purchased phone number as JSON or fields.
pub fn write_phone_number(w: &mut impl Write, number: &PhoneNumber, json: bool) -> io::Result<()> {
    if json {
        return write_json(w, number);
    }
    let price = number
        .pricing
        .monthly_price
        .map(|p| format!("{p:.2} per month"));
    write_fields(
        w,
        &[
            ("id", Some(number.id.clone())),
            ("phone number", Some(number.phone_number.clone())),
            ("name", number.name.clone()),
            ("status", Some(number.status.to_string())),
            ("capabilities", Some(number.capabilities.join(","))),
            ("price", price),
            ("sender", number.sender_id.clone()),
            ("created", Some(rfc3339(number.created_at))),
            ("renews", opt_time(number.next_renewal_date)),
        ],
    )
}

/// Columns of the invitations table.
pub const INVITATION_HEADERS: [&str; 6] =
    ["ID", "STATUS", "CLIENT", "SENDER", "CREATED", "EXPIRES"];

/// One invitation as a table row.
pub fn invitation_row(inv: &Invitation) -> Vec<String> {
    let dash = || "-".to_string();
    vec![
        inv.id.clone(),
        inv.status.to_string(),
        inv.client_name.clone().unwrap_or_else(dash),
        inv.sender_id.clone().unwrap_or_else(dash),
        rfc3339(inv.created_at),
        rfc3339(inv.expires_at),
    ]
}

/// A table whose columns are padded to fixed widths. Rows wider than a column push the rest of
/// their line right instead of being cut, so no value is ever hidden.
pub struct Table {
    widths: Vec<usize>,
}

impl Table {
    /// Widths that fit the headers and every row given.
    pub fn fitting(headers: &[&str], rows: &[Vec<String>]) -> Table {
        let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
        for row in rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        Table { widths }
    }

    /// Fixed widths, for tables printed while their rows are still arriving.
    pub fn with_widths(widths: Vec<usize>) -> Table {
        Table { widths }
    }

    pub fn write_header(&self, w: &mut impl Write, headers: &[&str]) -> io::Result<()> {
        let cells: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
        self.write_row(w, &cells)
    }

    pub fn write_row(&self, w: &mut impl Write, cells: &[String]) -> io::Result<()> {
        let mut line = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                line.push_str(cell);
            } else {
                let width = self.widths.get(i).copied().unwrap_or(0);
                let pad = width.saturating_sub(cell.chars().count());
                line.push_str(cell);
                line.push_str(&" ".repeat(pad + 2));
            }
        }
        writeln!(w, "{}", line.trim_end())
    }
}

/// Prints a whole table: header, then rows.
pub fn write_table(w: &mut impl Write, headers: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let table = Table::fitting(headers, rows);
    table.write_header(w, headers)?;
    for row in rows {
        table.write_row(w, row)?;
    }
    Ok(())
}

/// A spinner on stderr while something is awaited, shown only to a person at a terminal so
/// logs and pipes stay clean.
pub fn spinner(message: impl Into<String>) -> Option<ProgressBar> {
    use std::io::IsTerminal;
    if !io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    bar.set_style(style);
    bar.set_message(message.into());
    bar.enable_steady_tick(Duration::from_millis(100));
    Some(bar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_and_trim() {
        let mut out = Vec::new();
        write_table(
            &mut out,
            &["ID", "NAME"],
            &[
                vec!["a".into(), "x".into()],
                vec!["long_id".into(), "y".into()],
            ],
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "ID       NAME\na        x\nlong_id  y\n"
        );
    }

    #[test]
    fn times_are_rfc3339_utc_to_the_second() {
        let dt = time::macros::datetime!(2025-01-15 12:00:00.123 +02:00);
        assert_eq!(rfc3339(dt), "2025-01-15T10:00:00Z");
    }

    #[test]
    fn fields_skip_absent_values() {
        let mut out = Vec::new();
        write_fields(&mut out, &[("id", Some("1".into())), ("longer", None)]).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "id      1\n");
    }
}
