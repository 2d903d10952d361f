//! The API's parameter rules (docs/wire.md), checked before sending. The sandbox runs the same
//! functions, so a local refusal and a server refusal carry the same code, message and parameter.

use crate::error::{Error, Result};
use crate::models::{
    ConnectionType, CreateInvitationParams, CreateWebhookParams, InvitationStatus,
    ListInvitationsParams, ListPhoneNumbersParams, ListSendersParams,
    PhoneNumberRequirementsParams, PhoneNumberStatus, PhoneNumberType, PurchasePhoneNumberParams,
    SearchAvailablePhoneNumbersParams, UpdatePhoneNumberParams, UpdateWebhookParams,
};

/// Longest accepted `clientName`, in characters.
pub const MAX_CLIENT_NAME_CHARS: usize = 100;
/// Accepted range of `expiresInDays`.
pub const EXPIRES_IN_DAYS: std::ops::RangeInclusive<i64> = 1..=30;
/// Longest id accepted (an invitation, sender or phone number id), in bytes. Real ids are a few
/// dozen characters; anything longer is a mistake that must not travel as a 100 KB URL.
pub const MAX_ID_BYTES: usize = 256;
/// Longest cursor accepted, in bytes.
pub const MAX_CURSOR_BYTES: usize = 4096;
/// Longest URL (base URL or webhook URL) accepted, in bytes.
pub const MAX_URL_BYTES: usize = 2048;
/// Longest free-text value accepted where the API names no limit (event names, enum values), in
/// bytes.
pub const MAX_TEXT_BYTES: usize = 1024;
/// Accepted range of a list's `limit`.
pub const LIST_LIMIT: std::ops::RangeInclusive<i64> = 1..=100;

/// ISO 3166-1 alpha-2 codes, as assigned.
const ISO_COUNTRIES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ \
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR \
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP \
KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT \
MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW \
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG \
UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

/// Whether `code` is an assigned ISO 3166-1 alpha-2 country code (upper case).
pub fn is_country_code(code: &str) -> bool {
    code.len() == 2
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && ISO_COUNTRIES.split(' ').any(|c| c == code)
}

/// E.164: `+`, then 8 to 15 digits, the first not 0.
pub fn is_e164(phone: &str) -> bool {
    let Some(digits) = phone.strip_prefix('+') else {
        return false;
    };
    (8..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
}

/// A pragmatic email check: one `@`, a non-empty local part, a dotted domain, no spaces or
/// control characters, at most 254 characters.
pub fn is_email(email: &str) -> bool {
    if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    if local.is_empty() || local.len() > 64 || domain.contains('@') {
        return false;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

/// Refuses ids that cannot name one path segment: empty, `.` or `..`, or longer than
/// [`MAX_ID_BYTES`].
pub fn validate_id(param: &str, id: &str) -> Result<()> {
    too_long(param, id, MAX_ID_BYTES)?;
    if id.trim().is_empty() {
        return Err(Error::invalid_param(
            param,
            format!("{param} must not be empty"),
        ));
    }
    if id == "." || id == ".." {
        return Err(Error::invalid_param(
            param,
            format!("{param} must not be '.' or '..'"),
        ));
    }
    Ok(())
}

/// Rules of `POST /v1/invitations`.
pub fn validate_create_invitation(params: &CreateInvitationParams) -> Result<()> {
    if let Some(name) = &params.client_name
        && name.chars().count() > MAX_CLIENT_NAME_CHARS
    {
        return Err(Error::invalid_param(
            "clientName",
            format!("clientName must be at most {MAX_CLIENT_NAME_CHARS} characters"),
        ));
    }
    if let Some(email) = &params.client_email
        && !is_email(email)
    {
        return Err(Error::invalid_param(
            "clientEmail",
            "clientEmail must be a valid email address",
        ));
    }
    if let Some(phone) = &params.client_phone
        && !is_e164(phone)
    {
        return Err(Error::invalid_param(
            "clientPhone",
            "clientPhone must be in E.164 format (+ then 8 to 15 digits)",
        ));
    }
    if let Some(days) = params.expires_in_days
        && !EXPIRES_IN_DAYS.contains(&days)
    {
        return Err(Error::invalid_param(
            "expiresInDays",
            "expiresInDays must be between 1 and 30",
        ));
    }
    if let Some(email) = &params.client_email {
        too_long("clientEmail", email, MAX_TEXT_BYTES)?;
    }
    if let Some(connection_type) = &params.connection_type
        && !connection_type.is_known()
    {
        return Err(Error::invalid_param(
            "connectionType",
            format!(
                "connectionType must be one of {}",
                ConnectionType::KNOWN.join(", ")
            ),
        ));
    }
    if let Some(phone_number_id) = &params.phone_number_id {
        validate_id("phoneNumberId", phone_number_id)?;
    }
    if let Some(countries) = &params.allowed_phone_countries {
        if countries.is_empty() {
            return Err(Error::invalid_param(
                "allowedPhoneCountries",
                "allowedPhoneCountries must not be empty when given",
            ));
        }
        if let Some(bad) = countries.iter().find(|c| !is_country_code(c)) {
            return Err(Error::invalid_param(
                "allowedPhoneCountries",
                format!("allowedPhoneCountries: '{bad}' is not an ISO 3166 alpha-2 country code"),
            ));
        }
    }
    if params.connection_type == Some(ConnectionType::Messenger) {
        if params.phone_number_id.is_some() {
            return Err(Error::invalid_param(
                "phoneNumberId",
                "phoneNumberId is only allowed with connectionType whatsapp_waba",
            ));
        }
        if params.allowed_phone_countries.is_some() {
            return Err(Error::invalid_param(
                "allowedPhoneCountries",
                "allowedPhoneCountries is only allowed with connectionType whatsapp_waba",
            ));
        }
    }
    Ok(())
}

fn validate_limit(limit: Option<i64>) -> Result<()> {
    match limit {
        Some(limit) if !LIST_LIMIT.contains(&limit) => Err(Error::invalid_param(
            "limit",
            "limit must be between 1 and 100",
        )),
        _ => Ok(()),
    }
}

fn validate_cursor(cursor: Option<&str>) -> Result<()> {
    match cursor {
        Some("") => Err(Error::invalid_param("cursor", "cursor must not be empty")),
        Some(cursor) => too_long("cursor", cursor, MAX_CURSOR_BYTES),
        None => Ok(()),
    }
}

/// Refuses a value longer than `max` bytes, without echoing it.
pub fn too_long(param: &str, value: &str, max: usize) -> Result<()> {
    if value.len() > max {
        return Err(Error::invalid_param(
            param,
            format!("{param} must be at most {max} bytes (got {})", value.len()),
        ));
    }
    Ok(())
}

/// `value` cut to at most 80 characters for an error message, so a huge argument never becomes a
/// huge message.
pub fn excerpt(value: &str) -> String {
    let mut short: String = value.chars().take(80).collect();
    if short.len() < value.len() {
        short.push('…');
    }
    short
}

/// Rules of `GET /v1/invitations`.
pub fn validate_list_invitations(params: &ListInvitationsParams) -> Result<()> {
    validate_limit(params.limit)?;
    validate_cursor(params.cursor.as_deref())?;
    if let Some(status) = &params.status
        && !status.is_known()
    {
        return Err(Error::invalid_param(
            "status",
            format!(
                "status must be one of {}",
                InvitationStatus::KNOWN.join(", ")
            ),
        ));
    }
    Ok(())
}

/// Rules of `GET /v1/senders`.
pub fn validate_list_senders(params: &ListSendersParams) -> Result<()> {
    validate_limit(params.limit)?;
    validate_cursor(params.cursor.as_deref())
}

/// Rules of `POST /v1/phone-numbers`.
pub fn validate_purchase_phone_number(params: &PurchasePhoneNumberParams) -> Result<()> {
    if params.phone_number.is_empty() {
        return Err(Error::invalid_param(
            "phoneNumber",
            "phoneNumber is required",
        ));
    }
    if !is_e164(&params.phone_number) {
        return Err(Error::invalid_param(
            "phoneNumber",
            "phoneNumber must be in E.164 format (+ then 8 to 15 digits)",
        ));
    }
    if let Some(name) = &params.name
        && name.chars().count() > MAX_CLIENT_NAME_CHARS
    {
        return Err(Error::invalid_param(
            "name",
            format!("name must be at most {MAX_CLIENT_NAME_CHARS} characters"),
        ));
    }
    Ok(())
}

fn validate_webhook_url(url: &str) -> Result<()> {
    too_long("url", url, MAX_URL_BYTES)?;
    let ok = url::Url::parse(url)
        .map(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
        .unwrap_or(false);
    if ok {
        Ok(())
    } else {
        Err(Error::invalid_param(
            "url",
            "url must be an absolute http or https URL",
        ))
    }
}

fn validate_events(events: &[String]) -> Result<()> {
    if events.is_empty() {
        return Err(Error::invalid_param("events", "events must not be empty"));
    }
    for event in events {
        too_long("events", event, MAX_TEXT_BYTES)?;
    }
    if events.iter().any(|e| e.trim().is_empty()) {
        return Err(Error::invalid_param(
            "events",
            "events must not contain empty names",
        ));
    }
    Ok(())
}

/// Rules of `POST /v1/invitations/webhook`.
pub fn validate_create_webhook(params: &CreateWebhookParams) -> Result<()> {
    validate_webhook_url(&params.url)?;
    validate_events(&params.events)
}

/// Rules of `PATCH /v1/invitations/webhook`.
pub fn validate_update_webhook(params: &UpdateWebhookParams) -> Result<()> {
    if let Some(url) = &params.url {
        validate_webhook_url(url)?;
    }
    if let Some(events) = &params.events {
        validate_events(events)?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Phone-number onboarding

/// The capabilities `capabilities` may name in a search.
pub const PHONE_CAPABILITIES: &[&str] = &["sms", "voice", "mms"];
/// Longest `contains` accepted in a search, in characters (an E.164 number has at most 15 digits).
pub const MAX_CONTAINS_CHARS: usize = 15;

fn validate_country(param: &str, code: &str) -> Result<()> {
    too_long(param, code, MAX_TEXT_BYTES)?;
    if code.is_empty() {
        return Err(Error::invalid_param(param, format!("{param} is required")));
    }
    if !is_country_code(code) {
        return Err(Error::invalid_param(
            param,
            format!(
                "{param}: '{}' is not an ISO 3166 alpha-2 country code",
                excerpt(code)
            ),
        ));
    }
    Ok(())
}

fn validate_number_type(number_type: Option<&PhoneNumberType>) -> Result<()> {
    match number_type {
        Some(t) if !t.is_known() => Err(Error::invalid_param(
            "type",
            format!("type must be one of {}", PhoneNumberType::KNOWN.join(", ")),
        )),
        _ => Ok(()),
    }
}

/// Rules of `GET /v1/phone-numbers/available`.
pub fn validate_search_available_phone_numbers(
    params: &SearchAvailablePhoneNumbersParams,
) -> Result<()> {
    validate_country("countryCode", &params.country_code)?;
    if let Some(capabilities) = &params.capabilities {
        too_long("capabilities", capabilities, MAX_TEXT_BYTES)?;
        for capability in capabilities.split(',').map(str::trim) {
            if !PHONE_CAPABILITIES.contains(&capability) {
                return Err(Error::invalid_param(
                    "capabilities",
                    format!(
                        "capabilities must be a comma-separated list of {}",
                        PHONE_CAPABILITIES.join(", ")
                    ),
                ));
            }
        }
    }
    if let Some(contains) = &params.contains {
        too_long("contains", contains, MAX_TEXT_BYTES)?;
        if contains.is_empty()
            || contains.chars().count() > MAX_CONTAINS_CHARS
            || !contains.chars().all(|c| c.is_ascii_digit())
        {
            return Err(Error::invalid_param(
                "contains",
                format!("contains must be 1 to {MAX_CONTAINS_CHARS} digits"),
            ));
        }
    }
    validate_limit(params.limit)?;
    validate_number_type(params.number_type.as_ref())
}

/// Rules of `GET /v1/phone-numbers/requirements`: a number, or a country.
pub fn validate_phone_number_requirements(params: &PhoneNumberRequirementsParams) -> Result<()> {
    match (&params.phone_number, &params.country_code) {
        (Some(phone), _) => {
            too_long("phoneNumber", phone, MAX_TEXT_BYTES)?;
            if !is_e164(phone) {
                return Err(Error::invalid_param(
                    "phoneNumber",
                    "phoneNumber must be in E.164 format (+ then 8 to 15 digits)",
                ));
            }
            if let Some(country) = &params.country_code {
                validate_country("countryCode", country)?;
            }
        }
        (None, Some(country)) => validate_country("countryCode", country)?,
        (None, None) => {
            return Err(Error::invalid_param(
                "countryCode",
                "countryCode is required unless phoneNumber is given",
            ));
        }
    }
    validate_number_type(params.number_type.as_ref())
}

/// Rules of `GET /v1/phone-numbers`.
pub fn validate_list_phone_numbers(params: &ListPhoneNumbersParams) -> Result<()> {
    validate_limit(params.limit)?;
    validate_cursor(params.cursor.as_deref())?;
    if let Some(status) = &params.status
        && !status.is_known()
    {
        return Err(Error::invalid_param(
            "status",
            format!(
                "status must be one of {}",
                PhoneNumberStatus::KNOWN.join(", ")
            ),
        ));
    }
    Ok(())
}

/// Rules of `PATCH /v1/phone-numbers/{phoneNumberId}`.
pub fn validate_update_phone_number(params: &UpdatePhoneNumberParams) -> Result<()> {
    if let Some(Some(name)) = &params.name {
        too_long("name", name, MAX_TEXT_BYTES)?;
        if name.chars().count() > MAX_CLIENT_NAME_CHARS {
            return Err(Error::invalid_param(
                "name",
                format!("name must be at most {MAX_CLIENT_NAME_CHARS} characters"),
            ));
        }
    }
    if let Some(Some(sender_id)) = &params.sender_id {
        validate_id("senderId", sender_id)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_number_rules() {
        let search = |country: &str| SearchAvailablePhoneNumbersParams {
            country_code: country.into(),
            ..Default::default()
        };
        assert!(validate_search_available_phone_numbers(&search("US")).is_ok());
        let err = validate_search_available_phone_numbers(&search("")).unwrap_err();
        assert_eq!(err.param(), Some("countryCode"));
        let err = validate_search_available_phone_numbers(&SearchAvailablePhoneNumbersParams {
            capabilities: Some("sms,fax".into()),
            ..search("US")
        })
        .unwrap_err();
        assert_eq!(err.param(), Some("capabilities"));
        let err = validate_search_available_phone_numbers(&SearchAvailablePhoneNumbersParams {
            contains: Some("41a".into()),
            ..search("US")
        })
        .unwrap_err();
        assert_eq!(err.param(), Some("contains"));
        let err = validate_phone_number_requirements(&PhoneNumberRequirementsParams::default())
            .unwrap_err();
        assert_eq!(err.param(), Some("countryCode"));
        assert!(
            validate_phone_number_requirements(&PhoneNumberRequirementsParams {
                phone_number: Some("+442071234567".into()),
                ..Default::default()
            })
            .is_ok()
        );
        let err = validate_update_phone_number(&UpdatePhoneNumberParams {
            sender_id: Some(Some(String::new())),
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(err.param(), Some("senderId"));
    }

    #[test]
    fn e164() {
        assert!(is_e164("+14155551234"));
        assert!(is_e164("+12345678"));
        assert!(!is_e164("+1234567"));
        assert!(!is_e164("+1234567890123456"));
        assert!(!is_e164("14155551234"));
        assert!(!is_e164("+04155551234"));
        assert!(!is_e164("+1415555123a"));
    }

    #[test]
    fn email() {
        assert!(is_email("contact@acme.com"));
        assert!(is_email("a.b+c@sub.example.co"));
        assert!(!is_email("contact@acme"));
        assert!(!is_email("@acme.com"));
        assert!(!is_email("a b@acme.com"));
        assert!(!is_email("a@@acme.com"));
    }

    #[test]
    fn create_rules_name_the_parameter() {
        let cases: Vec<(CreateInvitationParams, &str)> = vec![
            (
                CreateInvitationParams {
                    client_name: Some("x".repeat(101)),
                    ..Default::default()
                },
                "clientName",
            ),
            (
                CreateInvitationParams {
                    client_email: Some("nope".into()),
                    ..Default::default()
                },
                "clientEmail",
            ),
            (
                CreateInvitationParams {
                    client_phone: Some("555".into()),
                    ..Default::default()
                },
                "clientPhone",
            ),
            (
                CreateInvitationParams {
                    expires_in_days: Some(0),
                    ..Default::default()
                },
                "expiresInDays",
            ),
            (
                CreateInvitationParams {
                    expires_in_days: Some(31),
                    ..Default::default()
                },
                "expiresInDays",
            ),
            (
                CreateInvitationParams {
                    connection_type: Some("sms".into()),
                    ..Default::default()
                },
                "connectionType",
            ),
            (
                CreateInvitationParams {
                    allowed_phone_countries: Some(vec!["XX".into()]),
                    ..Default::default()
                },
                "allowedPhoneCountries",
            ),
            (
                CreateInvitationParams {
                    connection_type: Some(ConnectionType::Messenger),
                    phone_number_id: Some("pn_1".into()),
                    ..Default::default()
                },
                "phoneNumberId",
            ),
            (
                CreateInvitationParams {
                    connection_type: Some(ConnectionType::Messenger),
                    allowed_phone_countries: Some(vec!["US".into()]),
                    ..Default::default()
                },
                "allowedPhoneCountries",
            ),
        ];
        for (params, param) in cases {
            let err = validate_create_invitation(&params).unwrap_err();
            assert_eq!(err.code(), "invalid_request");
            assert_eq!(err.param(), Some(param), "{params:?}");
        }
        assert!(validate_create_invitation(&CreateInvitationParams::default()).is_ok());
        let name_100 = CreateInvitationParams {
            client_name: Some("é".repeat(100)),
            ..Default::default()
        };
        assert!(validate_create_invitation(&name_100).is_ok());
    }

    #[test]
    fn ids() {
        for bad in ["", ".", "..", "  "] {
            assert_eq!(
                validate_id("invitationId", bad).unwrap_err().param(),
                Some("invitationId")
            );
        }
        assert!(validate_id("invitationId", "a/b").is_ok());
    }
}
