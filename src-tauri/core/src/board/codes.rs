//! The closed lists of the board register (nations, organisation types, member kinds and the
//! senior-manager framework roles), each with a stable code for storage and a label for people.

use crate::codes::coded;

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
