//! Typed models of the Zavu API (docs/wire.md). Every model keeps the fields it does not know in
//! `extra`, and every enum keeps values it does not know in `Other`, so a newer server never
//! breaks an older client.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use time::OffsetDateTime;

/// Fields of a JSON object that the model does not name, kept as they came.
pub type Extra = Map<String, Value>;

/// Keeps a model's unknown fields in its `extra` without `#[serde(flatten)]` on deserialization.
///
/// A flattened field makes serde's derive buffer every object into its generic `Content` form
/// and deserialize the fields from that copy: most of a list page's parse time (issue 19). This
/// lets the derive parse the object directly and only sets the keys it does not name aside, as
/// `Value`s, through [`unknown_fields::Collect`]. Serialization keeps `flatten` (it does not
/// buffer). A model opts in with three edits:
///
/// ```ignore
/// #[derive(Serialize, Deserialize)]
/// #[serde(rename_all = "camelCase", remote = "Self")] // the derive writes inherent fns
/// pub struct Model {
///     pub id: String,
///     #[serde(flatten, skip_deserializing)]             // filled by the macro's impl
///     pub extra: Extra,
/// }
/// keeps_unknown_fields!(Model);
/// ```
macro_rules! keeps_unknown_fields {
    ($name:ident) => {
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let mut extra = Extra::new();
                // The inherent `deserialize` is the derive's (`remote = "Self"`).
                let mut model =
                    $name::deserialize(unknown_fields::Collect::new(deserializer, &mut extra))?;
                model.extra = extra;
                Ok(model)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $name::serialize(self, serializer)
            }
        }
    };
}

/// The deserializer wrapper behind [`keeps_unknown_fields!`]. The derive matches each key of the
/// object itself and skips the value of a key it does not name with `IgnoredAny` (what serde's
/// derive does for a struct without `deny_unknown_fields`); the wrapper reads that value into
/// `extra` instead. `unknown_fields_mechanism_keeps_what_the_model_does_not_name` checks it.
pub mod unknown_fields {
    use super::Extra;
    use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
    use serde::{Deserialize, Deserializer};
    use serde_json::Value;
    use std::borrow::Cow;
    use std::fmt;

    /// Wraps a deserializer so that the values of the keys the struct it deserializes does not
    /// name go to `extra` instead of being skipped.
    pub struct Collect<'a, D> {
        inner: D,
        extra: &'a mut Extra,
    }

    impl<'a, D> Collect<'a, D> {
        /// Unknown keys of the next struct go to `extra`.
        pub fn new(inner: D, extra: &'a mut Extra) -> Self {
            Collect { inner, extra }
        }
    }

    impl<'de, D: Deserializer<'de>> Deserializer<'de> for Collect<'_, D> {
        type Error = D::Error;

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            name: &'static str,
            fields: &'static [&'static str],
            visitor: V,
        ) -> Result<V::Value, D::Error> {
            self.inner.deserialize_struct(
                name,
                fields,
                CollectVisitor {
                    inner: visitor,
                    extra: self.extra,
                },
            )
        }

        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.inner.deserialize_any(visitor)
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }

    struct CollectVisitor<'a, V> {
        inner: V,
        extra: &'a mut Extra,
    }

    impl<'de, V: Visitor<'de>> Visitor<'de> for CollectVisitor<'_, V> {
        type Value = V::Value;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.inner.expecting(f)
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
            self.inner.visit_map(CollectMap {
                inner: map,
                key: None,
                extra: self.extra,
            })
        }

        // A model with unknown fields is an object only, as it was with `flatten`: an array
        // of field values is refused rather than read by position.
        fn visit_seq<A: SeqAccess<'de>>(self, _seq: A) -> Result<V::Value, A::Error> {
            Err(de::Error::invalid_type(de::Unexpected::Seq, &self))
        }
    }

    struct CollectMap<'a, 'de, A> {
        inner: A,
        /// The last key read, kept until its value is: the model's visitor skips the value of a
        /// key it does not name (with `IgnoredAny`), and [`Capture`] keeps that value instead.
        /// The derive's own field matching decides what is known: no second lookup in its
        /// field list (that search was ~6-10% of a list page's parse, issue 19).
        key: Option<Cow<'de, str>>,
        extra: &'a mut Extra,
    }

    impl<'de, A: MapAccess<'de>> MapAccess<'de> for CollectMap<'_, 'de, A> {
        type Error = A::Error;

        fn next_key_seed<K: DeserializeSeed<'de>>(
            &mut self,
            seed: K,
        ) -> Result<Option<K::Value>, A::Error> {
            let Some(key) = self.inner.next_key_seed(KeySeed)? else {
                return Ok(None);
            };
            let field = seed.deserialize(de::value::StrDeserializer::<A::Error>::new(&key))?;
            self.key = Some(key);
            Ok(Some(field))
        }

        fn next_value_seed<S: DeserializeSeed<'de>>(
            &mut self,
            seed: S,
        ) -> Result<S::Value, A::Error> {
            self.inner.next_value_seed(Capture {
                seed,
                key: self.key.take(),
                extra: self.extra,
            })
        }

        fn size_hint(&self) -> Option<usize> {
            self.inner.size_hint()
        }
    }

    /// The value of the last key: deserialized by `seed` as it asks, except that a value it
    /// skips (`deserialize_ignored_any`: the model does not name the key) is read as a `Value`
    /// into `extra`. A repeated unknown key keeps its last value, as serde_json's own maps do.
    struct Capture<'a, 'de, S> {
        seed: S,
        key: Option<Cow<'de, str>>,
        extra: &'a mut Extra,
    }

    impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Capture<'_, 'de, S> {
        type Value = S::Value;

        fn deserialize<D: Deserializer<'de>>(self, inner: D) -> Result<S::Value, D::Error> {
            self.seed.deserialize(CaptureDeserializer {
                inner,
                key: self.key,
                extra: self.extra,
            })
        }
    }

    struct CaptureDeserializer<'a, 'de, D> {
        inner: D,
        key: Option<Cow<'de, str>>,
        extra: &'a mut Extra,
    }

    /// Every method but `deserialize_ignored_any` is the inner deserializer's, as it is.
    macro_rules! forward {
        ($($method:ident($($arg:ident: $ty:ty),*))*) => {
            $(
                fn $method<V: Visitor<'de>>(
                    self,
                    $($arg: $ty,)*
                    visitor: V,
                ) -> Result<V::Value, D::Error> {
                    self.inner.$method($($arg,)* visitor)
                }
            )*
        };
    }

    impl<'de, D: Deserializer<'de>> Deserializer<'de> for CaptureDeserializer<'_, 'de, D> {
        type Error = D::Error;

        fn deserialize_ignored_any<V: Visitor<'de>>(
            self,
            visitor: V,
        ) -> Result<V::Value, D::Error> {
            let value = Value::deserialize(self.inner)?;
            if let Some(key) = self.key {
                self.extra.insert(key.into_owned(), value);
            }
            visitor.visit_unit()
        }

        fn is_human_readable(&self) -> bool {
            self.inner.is_human_readable()
        }

        forward! {
            deserialize_any() deserialize_bool() deserialize_i8() deserialize_i16()
            deserialize_i32() deserialize_i64() deserialize_i128() deserialize_u8()
            deserialize_u16() deserialize_u32() deserialize_u64() deserialize_u128()
            deserialize_f32() deserialize_f64() deserialize_char() deserialize_str()
            deserialize_string() deserialize_bytes() deserialize_byte_buf()
            deserialize_option() deserialize_unit() deserialize_seq() deserialize_map()
            deserialize_identifier()
            deserialize_unit_struct(name: &'static str)
            deserialize_newtype_struct(name: &'static str)
            deserialize_tuple(len: usize)
            deserialize_tuple_struct(name: &'static str, len: usize)
            deserialize_struct(name: &'static str, fields: &'static [&'static str])
            deserialize_enum(name: &'static str, variants: &'static [&'static str])
        }
    }

    /// A key, borrowed from the input when it can be (serde_json: no escapes).
    struct KeySeed;

    impl<'de> DeserializeSeed<'de> for KeySeed {
        type Value = Cow<'de, str>;

        fn deserialize<D: Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_str(KeySeed)
        }
    }

    impl<'de> Visitor<'de> for KeySeed {
        type Value = Cow<'de, str>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a field name")
        }

        fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(Cow::Borrowed(v))
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v.to_owned()))
        }

        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v))
        }
    }
}

/// Reads a [`string_enum!`] value from a JSON string, matching a borrowed or scratch string in
/// place (no allocation unless the value is unknown) and taking a string the deserializer
/// already owns. Accepts exactly what `String::deserialize` accepts, with the same error for
/// anything else.
struct EnumVisitor<T>(std::marker::PhantomData<T>);

impl<T: for<'a> From<&'a str> + From<String>> serde::de::Visitor<'_> for EnumVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // What `String`'s own visitor says, so errors read as before.
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        Ok(T::from(v))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<T, E> {
        Ok(T::from(v))
    }

    fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<T, E> {
        match std::str::from_utf8(v) {
            Ok(s) => Ok(T::from(s)),
            Err(_) => Err(E::invalid_value(serde::de::Unexpected::Bytes(v), &self)),
        }
    }

    fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<T, E> {
        match String::from_utf8(v) {
            Ok(s) => Ok(T::from(s)),
            Err(e) => Err(E::invalid_value(
                serde::de::Unexpected::Bytes(&e.into_bytes()),
                &self,
            )),
        }
    }
}

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A value this version of the SDK does not know, kept verbatim.
            Other(String),
        }

        impl $name {
            /// Every value this version knows, in wire form.
            pub const KNOWN: &'static [&'static str] = &[$($wire),+];

            /// The value as it goes over the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)+
                    $name::Other(other) => other.as_str(),
                }
            }

            /// Whether this is a value this version of the SDK knows.
            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Other(_))
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $($wire => $name::$variant,)+
                    other => $name::Other(other.to_string()),
                }
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                match value.as_str() {
                    $($wire => $name::$variant,)+
                    _ => $name::Other(value),
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;
            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok($name::from(value))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                // A known value is matched in place; only an unknown one is copied (issue 19:
                // `String::deserialize` allocated and freed a string for every status).
                deserializer.deserialize_string(EnumVisitor(std::marker::PhantomData))
            }
        }
    };
}

string_enum! {
    /// Where an invitation is in its lifecycle.
    InvitationStatus {
        /// Created, not yet started by the client.
        Pending => "pending",
        /// The client started the connection flow.
        InProgress => "in_progress",
        /// The sender was created (final).
        Completed => "completed",
        /// The link ran out of time (final).
        Expired => "expired",
        /// Cancelled by the partner (final).
        Cancelled => "cancelled",
        /// The client abandoned or Meta refused; the same link can be retried.
        Failed => "failed",
    }
}

impl InvitationStatus {
    /// `completed`, `expired` and `cancelled` never change again; `failed` can be retried.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            InvitationStatus::Completed | InvitationStatus::Expired | InvitationStatus::Cancelled
        )
    }
}

string_enum! {
    /// Which channel the client connects.
    ConnectionType {
        /// WhatsApp Business (embedded signup); the default.
        WhatsappWaba => "whatsapp_waba",
        /// Facebook Messenger.
        Messenger => "messenger",
    }
}

string_enum! {
    /// The channel of a connected account.
    Channel {
        /// WhatsApp.
        Whatsapp => "whatsapp",
        /// Facebook Messenger.
        Messenger => "messenger",
    }
}

string_enum! {
    /// Why an invitation failed.
    FailureReason {
        /// The client cancelled Facebook's dialog.
        FbCancelled => "fb_cancelled",
        /// The client did not grant the permissions asked.
        FbNotAuthorized => "fb_not_authorized",
        /// The client left the signup without finishing.
        SignupAbandoned => "signup_abandoned",
        /// The client has no Facebook Page to connect (Messenger).
        MetaNoPages => "meta_no_pages",
        /// Zavu failed while connecting the account.
        InternalError => "internal_error",
    }
}

string_enum! {
    /// The state of a purchased phone number.
    PhoneNumberStatus {
        /// In use.
        Active => "active",
        /// Suspended: it cannot be used until it is active again.
        Suspended => "suspended",
        /// Being provisioned.
        Pending => "pending",
    }
}

/// The account a completed invitation connected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct ConnectedAccount {
    /// The connected account's id.
    pub id: String,
    /// `whatsapp` or `messenger`.
    pub channel: Channel,
    /// The account's display name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Fields this version does not name, kept as they came.
    #[serde(flatten, skip_deserializing)]
    pub extra: Extra,
}
keeps_unknown_fields!(ConnectedAccount);

/// A partner invitation: a link a client opens to connect their WhatsApp or Messenger account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct Invitation {
    /// The invitation's id (`inv_...`).
    pub id: String,
    /// The token in the invitation's link.
    pub token: String,
    /// The link to send to the client.
    pub url: String,
    /// Where the invitation is in its lifecycle.
    pub status: InvitationStatus,
    /// When the invitation was created.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Always sent by the API, though the guide's own sample omits it; tolerated when absent.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<OffsetDateTime>,
    /// When the link stops working.
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
    /// The client's name, as given on create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_name: Option<String>,
    /// The client's email address, as given on create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_email: Option<String>,
    /// The client's phone number, E.164, as given on create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_phone: Option<String>,
    /// The pre-assigned Zavu phone number, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number_id: Option<String>,
    /// The sender created when the invitation completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_id: Option<String>,
    /// `whatsapp_waba` or `messenger`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_type: Option<ConnectionType>,
    /// The countries the client may pick a number from (WhatsApp).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_phone_countries: Option<Vec<String>>,
    /// The account the client connected; set when completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connected_account: Option<ConnectedAccount>,
    /// When the client first opened the link.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub viewed_at: Option<OffsetDateTime>,
    /// When the client started connecting.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub started_at: Option<OffsetDateTime>,
    /// When the connection completed.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub completed_at: Option<OffsetDateTime>,
    /// When the connection last failed.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub failed_at: Option<OffsetDateTime>,
    /// Why the connection failed; set when failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_reason: Option<FailureReason>,
    /// Fields this version does not name, kept as they came.
    #[serde(flatten, skip_deserializing)]
    pub extra: Extra,
}
keeps_unknown_fields!(Invitation);

/// What a phone number costs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct PhoneNumberPricing {
    /// Whether the number is free of charge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_free_number: Option<bool>,
    /// The monthly cost to Zavu.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_cost: Option<f64>,
    /// The monthly price the team pays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_price: Option<f64>,
    /// The one-off price of buying the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upfront_cost: Option<f64>,
    /// Fields this version does not name, kept as they came.
    #[serde(flatten, skip_deserializing)]
    pub extra: Extra,
}
keeps_unknown_fields!(PhoneNumberPricing);

/// A Zavu phone number owned by the team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct PhoneNumber {
    /// The phone number's id, usable as `phoneNumberId` on create.
    pub id: String,
    /// The number, E.164.
    pub phone_number: String,
    /// What the number can be used for, as the API names it.
    #[serde(default)]
    pub capabilities: Vec<String>,
    /// `active`, `suspended` or `pending`.
    pub status: PhoneNumberStatus,
    /// What the number costs.
    #[serde(default)]
    pub pricing: PhoneNumberPricing,
    /// When the number was bought.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// The label given on purchase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The sender using this number, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_id: Option<String>,
    /// When the number renews (and is billed) next.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub next_renewal_date: Option<OffsetDateTime>,
    /// When the number last changed.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<OffsetDateTime>,
    /// Fields this version does not name, kept as they came.
    #[serde(flatten, skip_deserializing)]
    pub extra: Extra,
}
keeps_unknown_fields!(PhoneNumber);

/// A sender: a connected WhatsApp or Messenger identity that sends messages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct Sender {
    /// The sender's id (`snd_...`).
    pub id: String,
    /// The sender's name.
    pub name: String,
    /// The sender's phone number, E.164.
    pub phone_number: String,
    /// The channels the sender is connected to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channels: Option<Vec<String>>,
    /// When the sender was created.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<OffsetDateTime>,
    /// When the sender last changed.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<OffsetDateTime>,
    /// Whether this is the team's default sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
    /// The sender's own webhook settings, as the API sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook: Option<Value>,
    /// The sender's WhatsApp details, as the API sends them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whatsapp: Option<Value>,
    /// Fields this version does not name, kept as they came.
    #[serde(flatten, skip_deserializing)]
    pub extra: Extra,
}
keeps_unknown_fields!(Sender);

/// The project webhook that receives invitation events. `secret` is only returned on create.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct WebhookConfig {
    /// Where deliveries go.
    pub url: String,
    /// The event types delivered.
    #[serde(default)]
    pub events: Vec<String>,
    /// The signing secret (`whsec_...`); present only in the answer to create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// Whether deliveries are sent.
    #[serde(default = "default_true")]
    pub active: bool,
    /// Fields this version does not name, kept as they came.
    #[serde(flatten, skip_deserializing)]
    pub extra: Extra,
}
keeps_unknown_fields!(WebhookConfig);

fn default_true() -> bool {
    true
}

impl std::fmt::Debug for WebhookConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookConfig")
            .field("url", &self.url)
            .field("events", &self.events)
            .field("secret", &self.secret.as_ref().map(|_| "[redacted]"))
            .field("active", &self.active)
            .finish_non_exhaustive()
    }
}

/// One page of a list: its items and the cursor of the next page, if any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageData<T> {
    /// The page's items, in the API's order.
    #[serde(
        deserialize_with = "page_items",
        bound(deserialize = "T: Deserialize<'de>")
    )]
    pub items: Vec<T>,
    /// The cursor of the next page; `None` on the last page.
    #[serde(default)]
    pub next_cursor: Option<String>,
}

/// A page's items with room for the API's default page size (50) from the start: growing 0, 4,
/// 8, ... 64 moved the items four times, and with glibc each reallocation of that size also
/// consolidated the small chunks freed before it (~2.5% of a list call, issue 19). Otherwise
/// `Vec`'s own `Deserialize`: the same input accepted, the same errors.
fn page_items<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    struct Items<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Items<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a sequence")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            // serde_json gives no hint; a hint (a `Value`'s length) is capped like serde's own.
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(50).min(100));
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            // A short page (`limit` = 1) does not keep the room for 50 while it is held.
            if items.len() < items.capacity() / 4 {
                items.shrink_to_fit();
            }
            Ok(items)
        }
    }
    d.deserialize_seq(Items(std::marker::PhantomData))
}

// ---------------------------------------------------------------------------------------------
// Parameters

/// Parameters of `invitations.create`. Every field is optional; `{}` is a valid invitation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateInvitationParams {
    /// Name to identify the client, at most 100 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_name: Option<String>,
    /// The client's email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_email: Option<String>,
    /// The client's phone number, E.164.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_phone: Option<String>,
    /// A Zavu phone number of the team to pre-assign (WhatsApp only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number_id: Option<String>,
    /// Link validity in days, 1 to 30 (the API's default is 7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in_days: Option<i64>,
    /// `whatsapp_waba` (default) or `messenger`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_type: Option<ConnectionType>,
    /// ISO 3166 alpha-2 codes the client may pick a number from (WhatsApp only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_phone_countries: Option<Vec<String>>,
}

/// Parameters of `invitations.list`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListInvitationsParams {
    /// Only invitations with this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<InvitationStatus>,
    /// Items per page, 1 to 100 (the API's default is 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Where to start: a `next_cursor` from an earlier page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Parameters of `senders.list`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListSendersParams {
    /// Items per page, 1 to 100 (the API's default is 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Where to start: a `next_cursor` from an earlier page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Parameters of `phone_numbers.purchase`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PurchasePhoneNumberParams {
    /// The number to buy, E.164.
    pub phone_number: String,
    /// A label for the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The event the invitations webhook subscribes to.
pub const INVITATION_STATUS_CHANGED: &str = "invitation.status_changed";
/// The event type of the guide's `sender.created` example.
pub const SENDER_CREATED: &str = "sender.created";

/// Parameters of creating the project webhook for invitations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateWebhookParams {
    /// Where deliveries go: an absolute http(s) URL.
    pub url: String,
    /// Event types to deliver; defaults to `["invitation.status_changed"]`.
    #[serde(default = "default_events")]
    pub events: Vec<String>,
}

impl CreateWebhookParams {
    /// A webhook at `url` for `invitation.status_changed`.
    pub fn new(url: impl Into<String>) -> Self {
        CreateWebhookParams {
            url: url.into(),
            events: default_events(),
        }
    }
}

impl CreateWebhookParams {
    /// A webhook at `url` for `events`, or for the default `["invitation.status_changed"]` when
    /// the caller named none.
    pub fn with_events(url: impl Into<String>, events: Option<Vec<String>>) -> Self {
        CreateWebhookParams {
            url: url.into(),
            events: events.unwrap_or_else(default_events),
        }
    }
}

fn default_events() -> Vec<String> {
    vec![INVITATION_STATUS_CHANGED.to_string()]
}

/// Parameters of updating the project webhook; only the given fields change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateWebhookParams {
    /// A new delivery URL: an absolute http(s) URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The event types to deliver from now on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<String>>,
    /// Turns deliveries off (`false`) or on again (`true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

// ---------------------------------------------------------------------------------------------
// Response envelopes (results are unwrapped before they reach the caller)

#[derive(Deserialize)]
pub(crate) struct InvitationEnvelope {
    pub invitation: Invitation,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PhoneNumberEnvelope {
    pub phone_number: PhoneNumber,
}

#[derive(Deserialize)]
pub(crate) struct WebhookEnvelope {
    pub webhook: WebhookConfig,
}

// ---------------------------------------------------------------------------------------------
// Phone-number onboarding (issue 17): searching, requirements, owned numbers. Kept together here,
// after the older models, so they can be moved as one block.

string_enum! {
    /// The kind of a phone number, as the API names it.
    PhoneNumberType {
        /// A geographic number.
        Local => "local",
        /// A non-geographic national number.
        National => "national",
        /// A mobile number.
        Mobile => "mobile",
        /// A toll-free number.
        TollFree => "tollFree",
    }
}

/// What an available number can do.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct PhoneNumberCapabilities {
    /// Text messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms: Option<bool>,
    /// Calls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<bool>,
    /// Picture messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mms: Option<bool>,
    /// Fields this version does not name, kept as they came.
    #[serde(flatten, skip_deserializing)]
    pub extra: Extra,
}
keeps_unknown_fields!(PhoneNumberCapabilities);

/// What an available number would cost.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct AvailablePhoneNumberPricing {
    /// Whether the number qualifies as the one number a paid plan includes (a +1 number costing
    /// $20 a month or less).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_free_eligible: Option<bool>,
    /// Monthly price in USD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_price: Option<f64>,
    /// One-off purchase price in USD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upfront_price: Option<f64>,
    /// Fields this version does not name, kept as they came.
    #[serde(flatten, skip_deserializing)]
    pub extra: Extra,
}
keeps_unknown_fields!(AvailablePhoneNumberPricing);

/// A number that can be bought (`GET /v1/phone-numbers/available`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct AvailablePhoneNumber {
    /// The number, E.164: pass it to purchase.
    pub phone_number: String,
    /// What the number can do.
    #[serde(default)]
    pub capabilities: PhoneNumberCapabilities,
    /// What it would cost.
    #[serde(default)]
    pub pricing: AvailablePhoneNumberPricing,
    /// The number formatted for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub friendly_name: Option<String>,
    /// The city or area, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
    /// The region or state, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Fields this version does not name, kept as they came.
    #[serde(flatten, skip_deserializing)]
    pub extra: Extra,
}
keeps_unknown_fields!(AvailablePhoneNumber);

/// One piece of regulatory information a requirement group asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct RequirementType {
    /// The id to send back as `requirementType` on purchase.
    pub id: String,
    /// A short name.
    pub name: String,
    /// What is asked for.
    #[serde(default)]
    pub description: String,
    /// The kind of value: `textual`, `address`, `document` or `action`.
    pub r#type: String,
    /// What a value must satisfy, as the API sends it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acceptance_criteria: Option<Value>,
    /// An example value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    /// Fields this version does not name, kept as they came.
    #[serde(flatten, skip_deserializing)]
    pub extra: Extra,
}
keeps_unknown_fields!(RequirementType);

/// The regulatory information buying a number needs, for one country and number type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct Requirement {
    /// The group's id.
    pub id: String,
    /// What the information is for (`purchase`).
    pub action: String,
    /// ISO 3166 alpha-2 country code.
    pub country_code: String,
    /// The number type it applies to.
    pub phone_number_type: String,
    /// Each piece of information asked for.
    #[serde(default)]
    pub requirement_types: Vec<RequirementType>,
    /// Fields this version does not name, kept as they came.
    #[serde(flatten, skip_deserializing)]
    pub extra: Extra,
}
keeps_unknown_fields!(Requirement);

/// Parameters of `phone_numbers.search_available`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchAvailablePhoneNumbersParams {
    /// ISO 3166 alpha-2 country code (required).
    pub country_code: String,
    /// Comma-separated capabilities every result must have: `sms`, `voice`, `mms`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capabilities: Option<String>,
    /// Digits the number must contain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contains: Option<String>,
    /// At most this many results, 1 to 100 (the API's default is 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Only numbers of this type.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub number_type: Option<PhoneNumberType>,
}

/// Parameters of `phone_numbers.requirements`: a number, or a country (and type).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneNumberRequirementsParams {
    /// ISO 3166 alpha-2 country code; required unless `phone_number` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// An E.164 number from the search; takes precedence over `country_code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// The number type (default `local`).
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub number_type: Option<PhoneNumberType>,
}

/// Parameters of `phone_numbers.list`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListPhoneNumbersParams {
    /// Only numbers with this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PhoneNumberStatus>,
    /// Items per page, 1 to 100 (the API's default is 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    /// Where to start: a `next_cursor` from an earlier page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Parameters of `phone_numbers.update`: only the given fields change; a field given as null
/// (`Some(None)`) is cleared.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdatePhoneNumberParams {
    /// A new label, or `Some(None)` to clear it.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<Option<String>>,
    /// The sender to assign the number to, or `Some(None)` to unassign it.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub sender_id: Option<Option<String>>,
}

/// A field that is present (even as null) deserializes to `Some`, so null can mean "clear".
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(deserializer).map(Some)
}

#[derive(Deserialize)]
pub(crate) struct ItemsEnvelope<T> {
    pub items: Vec<T>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guides_sample_response_parses() {
        let body = r#"{"invitation":{"id":"jh7am5bng9p3v2x1k4r8","url":"https://dashboard.zavu.dev/invite/abc123xyz",
          "token":"abc123xyz","clientName":"Acme Corp","clientEmail":"contact@acme.com","phoneNumberId":null,
          "status":"pending","senderId":null,"expiresAt":"2025-01-22T00:00:00.000Z","createdAt":"2025-01-15T12:00:00.000Z"}}"#;
        let inv = serde_json::from_str::<InvitationEnvelope>(body)
            .unwrap()
            .invitation;
        assert_eq!(inv.status, InvitationStatus::Pending);
        assert_eq!(inv.client_name.as_deref(), Some("Acme Corp"));
        assert_eq!(inv.phone_number_id, None);
    }

    #[test]
    fn unknown_values_and_fields_are_kept() {
        let body = r#"{"id":"i","url":"u","token":"t","status":"paused","createdAt":"2025-01-15T12:00:00Z",
          "updatedAt":"2025-01-15T12:00:00Z","expiresAt":"2025-01-22T00:00:00Z","connectionType":"telegram","brandNew":{"a":1}}"#;
        let inv: Invitation = serde_json::from_str(body).unwrap();
        assert_eq!(inv.status, InvitationStatus::Other("paused".into()));
        assert_eq!(
            inv.connection_type,
            Some(ConnectionType::Other("telegram".into()))
        );
        assert_eq!(inv.extra["brandNew"]["a"], 1);
        let round_trip = serde_json::to_value(&inv).unwrap();
        assert_eq!(round_trip["status"], "paused");
        assert_eq!(round_trip["brandNew"]["a"], 1);
    }

    #[test]
    fn unknown_fields_mechanism_keeps_what_the_model_does_not_name() {
        // Every kind of unknown value, a nested model with its own unknowns, an escaped key (not
        // borrowable from the input) and a repeated unknown key (the last one wins).
        let body = r#"{"id":"a","brandNew":{"x":[1,2,{"y":null}]},"channel":"whatsapp","n":1.5,
          "flag":true,"nothing":null,"list":[],"esc\u0061ped":"s","flag":false,"name":"N"}"#;
        let account: ConnectedAccount = serde_json::from_str(body).unwrap();
        assert_eq!(account.id, "a");
        assert_eq!(account.channel, Channel::Whatsapp);
        assert_eq!(account.name.as_deref(), Some("N"));
        let expected = serde_json::json!({"brandNew":{"x":[1,2,{"y":null}]},"n":1.5,"flag":false,
          "nothing":null,"list":[],"escaped":"s"});
        assert_eq!(Value::Object(account.extra.clone()), expected);
        let mut round_trip = serde_json::to_value(&account).unwrap();
        let object = round_trip.as_object_mut().unwrap();
        assert_eq!(object.remove("id"), Some("a".into()));
        assert_eq!(object.remove("channel"), Some("whatsapp".into()));
        assert_eq!(object.remove("name"), Some("N".into()));
        assert_eq!(round_trip, expected);

        // The same through a `Value` (no borrowed keys) and nested in a page.
        let page: PageData<ConnectedAccount> = serde_json::from_value(serde_json::json!({
            "items": [{"id":"b","channel":"messenger","k":{"v":1}}], "nextCursor": null}))
        .unwrap();
        assert_eq!(page.items[0].extra["k"]["v"], 1);

        // The skipped field's own name is an unknown key like any other.
        let account: ConnectedAccount =
            serde_json::from_str(r#"{"extra":{"a":1},"id":"c","channel":"whatsapp"}"#).unwrap();
        assert_eq!(account.extra["extra"]["a"], 1);

        // Known fields keep their checks; an array is not read as a struct, as before.
        for bad in [
            r#"{"id":"a","channel":"whatsapp","id":"b"}"#,
            r#"{"channel":"whatsapp"}"#,
            r#"{"id":1,"channel":"whatsapp"}"#,
            r#"["a","whatsapp",null]"#,
            r#"{"id":"a","channel":"whatsapp","x":}"#,
            r#"{"id":"a","x":tru,"channel":"whatsapp"}"#,
        ] {
            assert!(
                serde_json::from_str::<ConnectedAccount>(bad).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn keys_are_found_in_any_order() {
        // Keys are matched by the derive, whatever their order (issue 19 changed how unknown keys
        // are found): the model's order, the reverse, and unknown keys in between read the same.
        let keys = [
            r#""id":"i""#,
            r#""token":"t""#,
            r#""url":"u""#,
            r#""status":"pending""#,
            r#""createdAt":"2025-01-15T12:00:00Z""#,
            r#""extraOne":1"#,
            r#""expiresAt":"2025-01-22T00:00:00Z""#,
            r#""clientName":"C""#,
            r#""failureReason":"fb_cancelled""#,
            r#""extraTwo":[true]"#,
            r#""connectedAccount":{"name":"N","x":2,"channel":"messenger","id":"a"}"#,
        ];
        let forward: Invitation = serde_json::from_str(&format!("{{{}}}", keys.join(","))).unwrap();
        let mut reversed = keys;
        reversed.reverse();
        let backward: Invitation =
            serde_json::from_str(&format!("{{{}}}", reversed.join(","))).unwrap();
        assert_eq!(forward, backward);
        assert_eq!(forward.client_name.as_deref(), Some("C"));
        assert_eq!(forward.failure_reason, Some(FailureReason::FbCancelled));
        assert_eq!(
            Value::Object(forward.extra.clone()),
            serde_json::json!({"extraOne": 1, "extraTwo": [true]})
        );
        let account = forward.connected_account.unwrap();
        assert_eq!(
            (account.id.as_str(), account.channel),
            ("a", Channel::Messenger)
        );
        assert_eq!(account.extra["x"], 2);
    }

    #[test]
    fn enum_values_read_as_strings_did() {
        // Borrowed, escaped (copied by serde_json) and owned (from a `Value`) strings.
        let borrowed: Channel = serde_json::from_str(r#""whatsapp""#).unwrap();
        let escaped: Channel = serde_json::from_str(r#""whats\u0061pp""#).unwrap();
        let owned: Channel = serde_json::from_value(Value::from("whatsapp")).unwrap();
        assert_eq!([&borrowed, &escaped, &owned], [&Channel::Whatsapp; 3]);
        let unknown: Channel = serde_json::from_str(r#""telegram""#).unwrap();
        assert_eq!(unknown, Channel::Other("telegram".into()));
        let unknown: Channel = serde_json::from_value(Value::from("telegram")).unwrap();
        assert_eq!(unknown, Channel::Other("telegram".into()));
        // Anything but a string is refused with the error a `String` field gives.
        for bad in ["5", "null", "[]", "{}", "true"] {
            assert_eq!(
                serde_json::from_str::<InvitationStatus>(bad)
                    .unwrap_err()
                    .to_string(),
                serde_json::from_str::<String>(bad).unwrap_err().to_string(),
                "{bad}"
            );
        }
    }

    #[test]
    fn page_items_read_as_a_vec_did() {
        let item = r#"{"id":"a","channel":"whatsapp"}"#;
        for count in [0, 1, 50, 51, 130] {
            let body = format!(
                r#"{{"items":[{}],"nextCursor":null}}"#,
                vec![item; count].join(",")
            );
            let page: PageData<ConnectedAccount> = serde_json::from_str(&body).unwrap();
            assert_eq!(page.items.len(), count);
            assert!(page.items.capacity() <= count.max(1) * 4, "{count}");
            let from_value: PageData<ConnectedAccount> =
                serde_json::from_value(serde_json::from_str(&body).unwrap()).unwrap();
            assert_eq!(from_value, page);
        }
        // The errors of the plain `Vec` field of `ItemsEnvelope`.
        for bad in [
            r#"{"items":5}"#,
            r#"{}"#,
            r#"{"items":[{"id":1}]}"#,
            r#"{"items":[}"#,
        ] {
            assert_eq!(
                serde_json::from_str::<PageData<ConnectedAccount>>(bad)
                    .unwrap_err()
                    .to_string(),
                serde_json::from_str::<ItemsEnvelope<ConnectedAccount>>(bad)
                    .err()
                    .unwrap()
                    .to_string(),
                "{bad}"
            );
        }
    }

    #[test]
    fn webhook_secret_is_redacted_in_debug() {
        let config = WebhookConfig {
            url: "https://example.com/hook".into(),
            events: vec![INVITATION_STATUS_CHANGED.into()],
            secret: Some("whsec_topsecret".into()),
            active: true,
            extra: Extra::new(),
        };
        assert!(!format!("{config:?}").contains("topsecret"));
    }
}
