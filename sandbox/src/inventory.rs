//! The numbers the sandbox offers for sale and the regulatory requirements of buying them: a
//! fixed, deterministic catalogue, so tests can search, pick a number and buy it without a
//! network. Whether a number is already owned is the store's business, not this module's.

use serde_json::json;
use zavu_core::models::{
    AvailablePhoneNumber, AvailablePhoneNumberPricing, Extra, PhoneNumberCapabilities,
    PhoneNumberType, Requirement, RequirementType,
};

/// A country the catalogue stocks: calling code, the area prefix of its numbers, and where they
/// are.
struct Market {
    country: &'static str,
    calling_code: &'static str,
    prefix: &'static str,
    locality: &'static str,
    region: &'static str,
    monthly_price: f64,
}

const MARKETS: &[Market] = &[
    Market {
        country: "US",
        calling_code: "1",
        prefix: "415555",
        locality: "San Francisco",
        region: "CA",
        monthly_price: 1.15,
    },
    Market {
        country: "CA",
        calling_code: "1",
        prefix: "604555",
        locality: "Vancouver",
        region: "BC",
        monthly_price: 1.3,
    },
    Market {
        country: "GB",
        calling_code: "44",
        prefix: "207946",
        locality: "London",
        region: "England",
        monthly_price: 1.5,
    },
    Market {
        country: "MX",
        calling_code: "52",
        prefix: "5512",
        locality: "Mexico City",
        region: "CDMX",
        monthly_price: 4.0,
    },
    Market {
        country: "BR",
        calling_code: "55",
        prefix: "1140",
        locality: "São Paulo",
        region: "SP",
        monthly_price: 6.0,
    },
    Market {
        country: "ES",
        calling_code: "34",
        prefix: "9123",
        locality: "Madrid",
        region: "Madrid",
        monthly_price: 2.5,
    },
    Market {
        country: "DE",
        calling_code: "49",
        prefix: "3012",
        locality: "Berlin",
        region: "Berlin",
        monthly_price: 2.0,
    },
    Market {
        country: "FR",
        calling_code: "33",
        prefix: "1842",
        locality: "Paris",
        region: "Île-de-France",
        monthly_price: 2.2,
    },
];

/// Numbers per market in the catalogue.
const STOCK: u32 = 30;
/// The API's default number of search results.
pub(crate) const DEFAULT_SEARCH_LIMIT: usize = 20;

fn number_type(market: &Market, index: u32) -> PhoneNumberType {
    let north_american = market.calling_code == "1";
    match index {
        0..=19 => PhoneNumberType::Local,
        20..=24 if north_american => PhoneNumberType::Local,
        20..=24 => PhoneNumberType::Mobile,
        _ if north_american => PhoneNumberType::TollFree,
        _ => PhoneNumberType::National,
    }
}

fn offer(market: &Market, index: u32) -> (PhoneNumberType, AvailablePhoneNumber) {
    let kind = number_type(market, index);
    // Spread the last four digits so `contains` searches find different numbers.
    // The first US number is the guide's +14155551234.
    let line = 1000 + (234 + index * 271) % 9000;
    let toll_free = kind == PhoneNumberType::TollFree;
    let national = format!(
        "{}{line:04}",
        if toll_free { "888555" } else { market.prefix }
    );
    let phone_number = format!("+{}{national}", market.calling_code);
    let monthly_price = market.monthly_price + if toll_free { 1.0 } else { 0.0 };
    let north_american = market.calling_code == "1";
    let capabilities = PhoneNumberCapabilities {
        sms: Some(kind != PhoneNumberType::National),
        voice: Some(true),
        mms: Some(north_american && kind == PhoneNumberType::Local),
        extra: Extra::new(),
    };
    let number = AvailablePhoneNumber {
        friendly_name: Some(format!("+{} {national}", market.calling_code)),
        phone_number,
        capabilities,
        pricing: AvailablePhoneNumberPricing {
            is_free_eligible: Some(north_american && monthly_price <= 20.0),
            monthly_price: Some(monthly_price),
            upfront_price: Some(0.0),
            extra: Extra::new(),
        },
        locality: (!toll_free).then(|| market.locality.to_string()),
        region: Some(market.region.to_string()),
        extra: Extra::new(),
    };
    (kind, number)
}

/// What a search asks for, already validated by core.
pub(crate) struct Search<'a> {
    pub country: &'a str,
    pub number_type: Option<&'a PhoneNumberType>,
    pub capabilities: Vec<&'a str>,
    pub contains: Option<&'a str>,
    pub limit: usize,
}

/// The catalogue's numbers matching `search`, in catalogue order, skipping those `owned` says
/// are taken. A country the catalogue does not stock has none.
pub(crate) fn search(
    search: &Search<'_>,
    owned: impl Fn(&str) -> bool,
) -> Vec<AvailablePhoneNumber> {
    let Some(market) = MARKETS.iter().find(|m| m.country == search.country) else {
        return Vec::new();
    };
    (0..STOCK)
        .map(|index| offer(market, index))
        .filter(|(kind, _)| search.number_type.is_none_or(|t| t == kind))
        .map(|(_, number)| number)
        .filter(|n| {
            search.capabilities.iter().all(|c| match *c {
                "sms" => n.capabilities.sms == Some(true),
                "voice" => n.capabilities.voice == Some(true),
                "mms" => n.capabilities.mms == Some(true),
                _ => false,
            })
        })
        .filter(|n| {
            search
                .contains
                .is_none_or(|digits| n.phone_number[1..].contains(digits))
        })
        .filter(|n| !owned(&n.phone_number))
        .take(search.limit)
        .collect()
}

/// The country a number belongs to, by its calling code and area prefix, then by calling code.
pub(crate) fn country_of(phone_number: &str) -> Option<&'static str> {
    let digits = phone_number.strip_prefix('+')?;
    MARKETS
        .iter()
        .find(|m| digits.starts_with(&format!("{}{}", m.calling_code, m.prefix)))
        .or_else(|| MARKETS.iter().find(|m| digits.starts_with(m.calling_code)))
        .map(|m| m.country)
}

/// The regulatory requirements of buying a number of `number_type` in `country`: none for US and
/// Canadian numbers, an address and an identity document elsewhere.
pub(crate) fn requirements(country: &str, number_type: &PhoneNumberType) -> Vec<Requirement> {
    if matches!(country, "US" | "CA") {
        return Vec::new();
    }
    let code = country.to_ascii_lowercase();
    let kind = number_type.as_str();
    vec![Requirement {
        id: format!("req_{code}_{kind}"),
        action: "purchase".into(),
        country_code: country.into(),
        phone_number_type: kind.into(),
        requirement_types: vec![
            RequirementType {
                id: format!("rt_{code}_address"),
                name: "Business address".into(),
                description: format!("A street address of the business in {country}"),
                r#type: "address".into(),
                acceptance_criteria: None,
                example: None,
                extra: Extra::new(),
            },
            RequirementType {
                id: format!("rt_{code}_identity"),
                name: "Proof of identity".into(),
                description: "A document proving the identity of the business owner".into(),
                r#type: "document".into(),
                acceptance_criteria: Some(json!({ "allowedFileTypes": ["pdf", "jpg", "png"] })),
                example: None,
                extra: Extra::new(),
            },
        ],
        extra: Extra::new(),
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn us(limit: usize) -> Search<'static> {
        Search {
            country: "US",
            number_type: None,
            capabilities: vec![],
            contains: None,
            limit,
        }
    }

    #[test]
    fn catalogue_numbers_are_valid_and_unique() {
        for market in MARKETS {
            let numbers: Vec<String> = (0..STOCK)
                .map(|i| offer(market, i).1.phone_number)
                .collect();
            for n in &numbers {
                assert!(zavu_core::validation::is_e164(n), "{n}");
                let expected = if n.starts_with("+1888") {
                    "US"
                } else {
                    market.country
                };
                assert_eq!(country_of(n), Some(expected), "{n}");
            }
            let mut unique = numbers.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), numbers.len());
        }
    }

    #[test]
    fn search_filters_and_skips_owned_numbers() {
        let all = search(&us(100), |_| false);
        assert_eq!(all.len(), STOCK as usize);
        let first = all[0].phone_number.clone();
        let rest = search(&us(100), |n| n == first);
        assert_eq!(rest.len(), all.len() - 1);
        let toll_free = search(
            &Search {
                number_type: Some(&PhoneNumberType::TollFree),
                ..us(100)
            },
            |_| false,
        );
        assert_eq!(toll_free.len(), 5);
        assert!(
            search(
                &Search {
                    country: "JP",
                    ..us(10)
                },
                |_| false
            )
            .is_empty()
        );
        assert_eq!(search(&us(3), |_| false).len(), 3);
    }

    #[test]
    fn requirements_by_country() {
        assert!(requirements("US", &PhoneNumberType::Local).is_empty());
        let gb = requirements("GB", &PhoneNumberType::Mobile);
        assert_eq!(gb[0].phone_number_type, "mobile");
        assert_eq!(gb[0].requirement_types.len(), 2);
    }
}
