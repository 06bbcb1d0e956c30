//! Closed lists: an enum whose every value has a stable code (for storage, files and IPC) and
//! a label (for people), read back from either in any case. Every domain defines its lists
//! with `coded!`.

use serde::Serialize;
use ts_rs::TS;

/// One entry of a closed list, as offered to the UI.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Choice<T> {
    pub value: T,
    pub label: String,
}

/// Defines a closed list: the enum, its kebab-case codes (serde and SQL), and its labels.
macro_rules! coded {
    ($(#[$doc:meta])* $name:ident, $what:literal, { $($variant:ident => $code:literal, $label:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        #[ts(export)]
        pub enum $name {
            $(#[serde(rename = $code)] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            /// Reads a code or a label (any case), naming the valid choices when it fails.
            pub fn parse(field: &str, text: &str) -> $crate::error::Result<$name> {
                // Stored codes are exact: the common case, read on every row, costs no allocation.
                if let Some(v) = Self::ALL.iter().copied().find(|v| v.code() == text) {
                    return Ok(v);
                }
                let t = text.trim();
                let wanted = $crate::codes::loose(t);
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| $crate::codes::loose(v.code()) == wanted || $crate::codes::loose(v.label()) == wanted)
                    .ok_or_else(|| {
                        let codes: Vec<&str> = Self::ALL.iter().map(|v| v.code()).collect();
                        $crate::error::CoreError::validation(
                            field,
                            format!("Unknown {} '{}'. Choose one of: {}.", $what, $crate::error::shown(t), codes.join(", ")),
                        )
                    })
            }

            pub fn choices() -> Vec<$crate::codes::Choice<$name>> {
                Self::ALL.iter().map(|v| $crate::codes::Choice { value: *v, label: v.label().to_string() }).collect()
            }
        }
    };
}

/// A code or label reduced to its letters and digits in lower case, so "Face to face",
/// "face-to-face" and "FACE-TO-FACE" all match.
pub fn loose(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A label as a stable code: lower-case words joined by hyphens ("Expert adviser" →
/// "expert-adviser"), for levels and kinds people add themselves.
pub fn slug(label: &str) -> String {
    label
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

pub(crate) use coded;
