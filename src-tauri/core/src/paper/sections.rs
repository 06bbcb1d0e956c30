//! Which parts of the safeguarding paper to print: the summary a board reads, and the
//! appendices a secretary chooses to add (the full scrutiny log, every open action, the whole
//! training matrix, the framework items and areas). Any one part may also be saved alone.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};

/// One part of the paper. The order here is the order they print in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PaperSection {
    /// Cover sheet, headline figures, assurance, the period's actions, training gaps and
    /// competency in a few pages.
    Summary,
    /// Every challenge of the period.
    Log,
    /// Every action not closed, whenever it was raised.
    Actions,
    /// The training matrix: every current member against every requirement.
    Training,
    /// Each member's competency coverage, the assurance areas and the framework items.
    Appendix,
}

impl PaperSection {
    pub const ALL: [PaperSection; 5] = [
        PaperSection::Summary,
        PaperSection::Log,
        PaperSection::Actions,
        PaperSection::Training,
        PaperSection::Appendix,
    ];

    /// The word used for it on the command line (`--sections summary,log`).
    pub fn code(self) -> &'static str {
        match self {
            PaperSection::Summary => "summary",
            PaperSection::Log => "log",
            PaperSection::Actions => "actions",
            PaperSection::Training => "training",
            PaperSection::Appendix => "appendix",
        }
    }

    /// Its heading, without the appendix letter.
    pub fn title(self) -> &'static str {
        match self {
            PaperSection::Summary => "Summary",
            PaperSection::Log => "Scrutiny log",
            PaperSection::Actions => "Open actions",
            PaperSection::Training => "Training compliance matrix",
            PaperSection::Appendix => "Framework items and assurance areas",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// The parts of the paper to print, at least one, each once, always in the paper's order.
/// The default is the summary alone. Read from a list (`["summary", "log"]`), which is checked
/// as it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(try_from = "Vec<PaperSection>", into = "Vec<PaperSection>")]
#[ts(export, as = "Vec<PaperSection>")]
pub struct PaperSections(u8);

impl Default for PaperSections {
    fn default() -> Self {
        PaperSections::summary()
    }
}

impl PaperSections {
    /// The summary alone: what a board reads.
    pub fn summary() -> PaperSections {
        PaperSections(PaperSection::Summary.bit())
    }

    /// The summary and every appendix.
    pub fn all() -> PaperSections {
        PaperSections::new(&PaperSection::ALL).expect("not empty")
    }

    /// One part alone, as its own document.
    pub fn only(section: PaperSection) -> PaperSections {
        PaperSections(section.bit())
    }

    /// The parts named, in any order, each at most once; refused when empty.
    pub fn new(sections: &[PaperSection]) -> Result<PaperSections> {
        let mut bits = 0u8;
        for s in sections {
            if bits & s.bit() != 0 {
                return Err(CoreError::validation(
                    "sections",
                    format!("'{}' is chosen twice; name each part once.", s.code()),
                ));
            }
            bits |= s.bit();
        }
        if bits == 0 {
            return Err(CoreError::validation(
                "sections",
                "Choose at least one part of the paper: the summary or an appendix.",
            ));
        }
        Ok(PaperSections(bits))
    }

    /// A comma-separated list as the command line takes it: `summary,log,actions`.
    pub fn parse(text: &str) -> Result<PaperSections> {
        let mut list = Vec::new();
        for word in text.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            let found = PaperSection::ALL
                .into_iter()
                .find(|s| s.code().eq_ignore_ascii_case(word))
                .ok_or_else(|| {
                    CoreError::validation(
                        "sections",
                        format!(
                            "'{}' is not a part of the paper. Use any of: {}.",
                            crate::error::shown(word),
                            PaperSection::ALL.map(PaperSection::code).join(", ")
                        ),
                    )
                })?;
            list.push(found);
        }
        PaperSections::new(&list)
    }

    pub fn includes(self, section: PaperSection) -> bool {
        self.0 & section.bit() != 0
    }

    /// The parts chosen, in the paper's order.
    pub fn list(self) -> Vec<PaperSection> {
        PaperSection::ALL
            .into_iter()
            .filter(|s| self.includes(*s))
            .collect()
    }

    /// The appendices chosen (every part but the summary), in order.
    pub fn appendices(self) -> Vec<PaperSection> {
        self.list()
            .into_iter()
            .filter(|s| *s != PaperSection::Summary)
            .collect()
    }

    /// The letter an appendix prints under ("A" for the first chosen), when the summary
    /// comes before it; `None` when it is not chosen or is saved without the summary.
    pub fn letter(self, section: PaperSection) -> Option<char> {
        if !self.includes(PaperSection::Summary) {
            return None;
        }
        self.appendices()
            .iter()
            .position(|s| *s == section)
            .map(|i| (b'A' + i as u8) as char)
    }

    /// The heading an appendix prints under: "Appendix A: Scrutiny log", or its title alone
    /// when it is saved without the summary.
    pub fn heading(self, section: PaperSection) -> String {
        match self.letter(section) {
            Some(l) => format!("Appendix {l}: {}", section.title()),
            None => section.title().to_string(),
        }
    }

    /// Where the summary sends a reader for the full version of `section`: "... is in
    /// Appendix A." when it is printed, or a note that it can be added or saved on its own.
    pub fn pointer(self, section: PaperSection, what: &str) -> String {
        match self.letter(section) {
            Some(l) => format!("{what} is in Appendix {l}."),
            None => format!(
                "{what} is not printed with this paper: add it as an appendix, or save it as a separate document."
            ),
        }
    }
}

impl TryFrom<Vec<PaperSection>> for PaperSections {
    type Error = String;

    fn try_from(list: Vec<PaperSection>) -> std::result::Result<Self, Self::Error> {
        PaperSections::new(&list).map_err(|e| e.message)
    }
}

impl From<PaperSections> for Vec<PaperSection> {
    fn from(s: PaperSections) -> Self {
        s.list()
    }
}

impl std::fmt::Display for PaperSections {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let codes: Vec<&str> = self.list().into_iter().map(PaperSection::code).collect();
        f.write_str(&codes.join(","))
    }
}
