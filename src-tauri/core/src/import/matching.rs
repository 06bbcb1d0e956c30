//! Finding the app's word for a spreadsheet's word: exactly, then ignoring case, punctuation
//! and articles, then by the closest label. Used for column names and for coded values alike.

/// How a spreadsheet's word was matched to one of the app's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// The same text, or the option's code.
    Exact(usize),
    /// The same words once case, punctuation and the articles "a", "an" and "the" are set
    /// aside ("Learning culture" for "A learning culture").
    Loose(usize),
    /// The one option whose words hold all of the value's (or the reverse: "Children in care"
    /// for "Named professionals for children in care"), or a near spelling ("Reasonble").
    Closest(usize),
    /// No confident match; this option is the nearest, to offer the person.
    Suggest(usize),
    Nothing,
}

/// Similarity (0 to 1) above which a spelling counts as the same word with a slip in it.
const NEAR_SPELLING: f64 = 0.8;
/// Below this, an option is too unlike the value to be worth suggesting.
const WORTH_SUGGESTING: f64 = 0.4;

/// The words of `text` that carry meaning, in lower case: punctuation, "a", "an" and "the"
/// set aside, "&" read as "and".
pub fn words(text: &str) -> Vec<String> {
    text.replace('&', " and ")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !matches!(w.as_str(), "a" | "an" | "the"))
        .collect()
}

/// `words` run together: the key two texts share when they differ only in case, spacing,
/// punctuation or articles.
pub fn key(text: &str) -> String {
    words(text).concat()
}

/// Finds `value` among `options`, each given as (code, label).
pub fn find(value: &str, options: &[(&str, &str)]) -> Found {
    let value = value.trim();
    if value.is_empty() {
        return Found::Nothing;
    }
    if let Some(i) = options
        .iter()
        .position(|(code, label)| *label == value || *code == value)
    {
        return Found::Exact(i);
    }
    let wanted = key(value);
    if wanted.is_empty() {
        return Found::Nothing;
    }
    if let Some(i) = options
        .iter()
        .position(|(code, label)| key(label) == wanted || key(code) == wanted)
    {
        return Found::Loose(i);
    }
    let value_words = words(value);
    let holding: Vec<usize> = options
        .iter()
        .enumerate()
        .filter(|(_, (_, label))| {
            let label_words = words(label);
            !label_words.is_empty()
                && (contains_all(&label_words, &value_words)
                    || contains_all(&value_words, &label_words))
        })
        .map(|(i, _)| i)
        .collect();
    if let [only] = holding.as_slice() {
        return Found::Closest(*only);
    }
    let mut scored: Vec<(usize, f64)> = options
        .iter()
        .enumerate()
        .map(|(i, (_, label))| (i, similarity(label, value)))
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
    match scored.as_slice() {
        [] => Found::Nothing,
        [(best, score), rest @ ..] => {
            let runner_up = rest.first().map_or(0.0, |r| r.1);
            if *score >= NEAR_SPELLING && score - runner_up >= 0.03 {
                Found::Closest(*best)
            } else if let Some(first) = holding.first() {
                // Several options hold the value's words: offer the best spelled of them.
                let pick = scored
                    .iter()
                    .find(|(i, _)| holding.contains(i))
                    .map_or(*first, |(i, _)| *i);
                Found::Suggest(pick)
            } else if *score >= WORTH_SUGGESTING {
                Found::Suggest(*best)
            } else {
                Found::Nothing
            }
        }
    }
}

/// How alike two texts are (0 to 1), by the letter pairs they share once case, punctuation
/// and articles are set aside: a slip of one letter keeps most pairs, a different phrase few.
fn similarity(a: &str, b: &str) -> f64 {
    strsim::sorensen_dice(&words(a).join(" "), &words(b).join(" "))
}

/// Whether every word of `part` appears in `whole`.
fn contains_all(whole: &[String], part: &[String]) -> bool {
    !part.is_empty() && part.iter().all(|w| whole.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    const AREAS: &[(&str, &str)] = &[
        ("saaf-1", "Named professionals for children in care"),
        ("saaf-2", "A learning culture"),
        ("saaf-3", "Safeguarding training"),
        ("saaf-4", "Safeguarding supervision"),
    ];

    #[test]
    fn a_spreadsheets_own_words_find_the_apps_label() {
        assert_eq!(find("A learning culture", AREAS), Found::Exact(1));
        assert_eq!(find("saaf-3", AREAS), Found::Exact(2));
        assert_eq!(find("learning-culture", AREAS), Found::Loose(1));
        assert_eq!(find("THE Learning Culture", AREAS), Found::Loose(1));
        assert_eq!(find("Children in care", AREAS), Found::Closest(0));
        assert_eq!(find("Safeguarding trainng", AREAS), Found::Closest(2));
    }

    #[test]
    fn an_ambiguous_or_unrelated_word_is_only_suggested_or_left_unknown() {
        // "Safeguarding" is in two labels: neither is taken on trust.
        assert!(matches!(find("Safeguarding", AREAS), Found::Suggest(2 | 3)));
        assert_eq!(find("Estates and facilities", AREAS), Found::Nothing);
        assert_eq!(find("  ", AREAS), Found::Nothing);
        assert_eq!(find("???", AREAS), Found::Nothing);
    }

    #[test]
    fn words_set_aside_case_punctuation_and_articles() {
        assert_eq!(
            words("The Child's voice & the family"),
            ["child", "s", "voice", "and", "family"]
        );
        assert_eq!(key("Face-to-face"), key("face to FACE"));
    }
}
