//! The kinds of record the history chain keeps. The `entity` column of `record_history`
//! holds `Entity::code`; nothing else writes or compares those words, so a kind cannot be
//! spelt two ways.

use std::fmt;

macro_rules! entities {
    ($($variant:ident => $code:literal),+ $(,)?) => {
        /// A kind of record with a history.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Entity {
            $($variant),+
        }

        impl Entity {
            /// Every kind, in declaration order.
            pub const ALL: &'static [Entity] = &[$(Entity::$variant),+];

            /// The word stored in the history chain (and carried in exchange files).
            pub const fn code(self) -> &'static str {
                match self {
                    $(Entity::$variant => $code),+
                }
            }
        }
    };
}

entities! {
    Organisation => "organisation",
    Member => "member",
    MeetingKind => "meeting-kind",
    Meeting => "meeting",
    ScrutinyEntry => "scrutiny-entry",
    Action => "action",
    Training => "training",
    Assessment => "assessment",
    PlannedLearning => "planned-learning",
    Requirement => "requirement",
    AssuranceArea => "assurance-area",
    Framework => "framework",
    FrameworkAssignment => "framework-assignment",
    Settings => "settings",
    PackPlan => "pack-plan",
    CoverFields => "cover-fields",
    CoverSheet => "cover-sheet",
    Post => "post",
    PlannedQuestion => "planned-question",
    TrustedSigner => "trusted-signer",
    Database => "database",
}

impl Entity {
    /// The kind whose code this is.
    pub fn parse(code: &str) -> Option<Entity> {
        Entity::ALL.iter().copied().find(|e| e.code() == code)
    }

    /// The word the search index files this kind under, `None` for kinds that are not
    /// searched. A record of a searched kind is written with `history::record_searched`.
    pub const fn search_word(self) -> Option<&'static str> {
        match self {
            Entity::ScrutinyEntry => Some("challenge"),
            Entity::Action => Some("action"),
            Entity::Meeting => Some("meeting"),
            Entity::Training => Some("training"),
            Entity::Assessment => Some("assessment"),
            Entity::PlannedLearning => Some("plan"),
            Entity::Member => Some("member"),
            _ => None,
        }
    }
}

impl fmt::Display for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::Entity;

    #[test]
    fn every_code_reads_back_as_its_kind_and_no_two_share_one() {
        for e in Entity::ALL {
            assert_eq!(Entity::parse(e.code()), Some(*e));
        }
        let mut codes: Vec<_> = Entity::ALL.iter().map(|e| e.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), Entity::ALL.len());
        assert_eq!(Entity::parse("scrutiny entry"), None);
    }
}
