//! The closed lists of the board register (nations, organisation types, member kinds and the
//! senior-manager framework roles), each with a stable code for storage and a label for people.

use serde::Serialize;
use ts_rs::TS;

/// One entry of a closed list, as offered to the UI.
#[derive(Debug, Clone, Serialize, TS)]
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
                let wanted = $crate::board::codes::loose(t);
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| $crate::board::codes::loose(v.code()) == wanted || $crate::board::codes::loose(v.label()) == wanted)
                    .ok_or_else(|| {
                        let codes: Vec<&str> = Self::ALL.iter().map(|v| v.code()).collect();
                        $crate::error::CoreError::validation(
                            field,
                            format!("Unknown {} '{}'. Choose one of: {}.", $what, $crate::error::shown(t), codes.join(", ")),
                        )
                    })
            }

            pub fn choices() -> Vec<$crate::board::codes::Choice<$name>> {
                Self::ALL.iter().map(|v| $crate::board::codes::Choice { value: *v, label: v.label().to_string() }).collect()
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

// Other domains define their closed lists with the same macro.
pub(crate) use coded;

coded!(
    /// The four UK nations: each has its own safeguarding guidance and job titles.
    Nation, "nation", {
        England => "england", "England";
        Scotland => "scotland", "Scotland";
        Wales => "wales", "Wales";
        NorthernIreland => "northern-ireland", "Northern Ireland";
    }
);

coded!(
    /// What kind of body the board governs.
    OrgType, "organisation type", {
        Icb => "icb", "Integrated care board (ICB)";
        NhsTrust => "nhs-trust", "NHS trust";
        HealthBoard => "health-board", "Health board";
        HscTrust => "hsc-trust", "Health and social care (HSC) trust";
        ThirdSectorOrIndependent => "third-sector-or-independent", "Third-sector or independent provider";
    }
);

coded!(
    /// Executive or non-executive seat on the board.
    MemberKind, "member type", {
        Executive => "executive", "Executive";
        NonExecutive => "non-executive", "Non-executive";
    }
);

coded!(
    /// The roles named by the senior-manager safeguarding competency framework.
    FrameworkRole, "role", {
        Chair => "chair", "Chair";
        ChiefExecutive => "chief-executive", "Chief Executive";
        ChiefExecutiveOfficer => "chief-executive-officer", "Chief Executive Officer";
        ExecutiveLead => "executive-lead", "Executive Lead / Executive Director";
        LeadExecutiveOfficer => "lead-executive-officer", "Lead Executive Officer";
        NonExecutiveLead => "non-executive-lead", "Non-Executive Lead";
        ResponsibleOfficer => "responsible-officer", "Responsible Officer";
    }
);

impl FrameworkRole {
    /// The seat a role belongs to, where the framework ties it to one; `None` for roles held
    /// from either side of the board.
    pub fn required_kind(self) -> Option<MemberKind> {
        use FrameworkRole::*;
        match self {
            Chair | NonExecutiveLead => Some(MemberKind::NonExecutive),
            ChiefExecutive | ChiefExecutiveOfficer | ExecutiveLead | LeadExecutiveOfficer => {
                Some(MemberKind::Executive)
            }
            ResponsibleOfficer => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_json_and_text() {
        for r in FrameworkRole::ALL {
            let json = serde_json::to_string(r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.code()));
            assert_eq!(FrameworkRole::parse("roles", r.code()).unwrap(), *r);
            assert_eq!(FrameworkRole::parse("roles", r.label()).unwrap(), *r);
        }
    }

    #[test]
    fn spacing_case_and_hyphens_do_not_matter() {
        assert_eq!(
            FrameworkRole::parse("roles", "non executive lead").unwrap(),
            FrameworkRole::NonExecutiveLead
        );
        assert_eq!(
            MemberKind::parse("kind", "NON-EXECUTIVE").unwrap(),
            MemberKind::NonExecutive
        );
    }

    #[test]
    fn an_unknown_role_names_the_valid_ones() {
        let e = FrameworkRole::parse("roles", "treasurer").unwrap_err();
        assert_eq!(e.field.as_deref(), Some("roles"));
        assert!(e.message.contains("Unknown role 'treasurer'"));
        assert!(e.message.contains("non-executive-lead"));
    }
}
