//! Human durations on the command line: `500ms`, `30s`, `5m`, `1h30m`, or plain seconds.

use std::time::Duration;

/// Parses a duration such as `30s`, `5m`, `1h30m`, `250ms` or `45` (seconds). Zero is refused
/// because every duration the CLI takes bounds a wait, and a zero wait can never succeed.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("expected a duration such as 30s, 5m or 1h".into());
    }
    if let Ok(seconds) = text.parse::<u64>() {
        return nonzero(Duration::from_secs(seconds), text);
    }
    let mut total = Duration::ZERO;
    let mut rest = text;
    while !rest.is_empty() {
        let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return Err(format!(
                "'{text}' is not a duration (use e.g. 500ms, 30s, 5m, 1h30m)"
            ));
        }
        let (number, tail) = rest.split_at(digits);
        let value: u64 = number
            .parse()
            .map_err(|_| format!("'{text}' is too large a duration"))?;
        let unit_len = tail.chars().take_while(|c| c.is_ascii_alphabetic()).count();
        let (unit, tail) = tail.split_at(unit_len);
        let unit_millis: u64 = match unit {
            "ms" => 1,
            "s" | "sec" | "secs" => 1_000,
            "m" | "min" | "mins" => 60_000,
            "h" | "hr" | "hrs" => 3_600_000,
            "d" => 86_400_000,
            _ => {
                return Err(format!(
                    "'{text}' has an unknown unit '{unit}' (use ms, s, m, h or d)"
                ));
            }
        };
        let millis = value
            .checked_mul(unit_millis)
            .ok_or_else(|| format!("'{text}' is too large a duration"))?;
        total = total
            .checked_add(Duration::from_millis(millis))
            .ok_or_else(|| format!("'{text}' is too large a duration"))?;
        rest = tail;
    }
    nonzero(total, text)
}

fn nonzero(duration: Duration, text: &str) -> Result<Duration, String> {
    if duration.is_zero() {
        Err(format!("'{text}' must be longer than zero"))
    } else {
        Ok(duration)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_units_and_compounds() {
        assert_eq!(parse_duration("45"), Ok(Duration::from_secs(45)));
        assert_eq!(parse_duration("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("5m"), Ok(Duration::from_secs(300)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
    }

    #[test]
    fn refuses_garbage_zero_and_overflow() {
        for bad in [
            "",
            "abc",
            "5x",
            "m5",
            "0",
            "0s",
            "-3s",
            "99999999999999999999h",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad} should be refused");
        }
    }
}
