//! Greedy line breaking: words fill a line until the next would overflow; a word longer than
//! a whole line (a URL, a long reference) is broken between characters rather than spilling
//! over the margin. Line breaks in the text are kept.

/// Breaks `text` into lines no wider than `max` by `width`.
pub fn wrap(text: &str, max: f32, width: impl Fn(&str) -> f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if width(&candidate) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if width(word) <= max {
                line = word.to_string();
            } else {
                // Too long for any line: break it where it reaches the edge.
                for c in word.chars() {
                    line.push(c);
                    if width(&line) > max && line.chars().count() > 1 {
                        line.pop();
                        lines.push(std::mem::take(&mut line));
                        line.push(c);
                    }
                }
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    /// Every character one unit wide.
    fn w(s: &str) -> f32 {
        s.chars().count() as f32
    }

    #[test]
    fn words_fill_lines_without_passing_the_edge() {
        let lines = wrap("the board asked for the audit", 10.0, w);
        assert_eq!(lines, ["the board", "asked for", "the audit"]);
        assert!(lines.iter().all(|l| w(l) <= 10.0));
    }

    #[test]
    fn a_word_longer_than_a_line_is_broken_not_spilled() {
        let lines = wrap("see abcdefghijklmnop", 6.0, w);
        assert_eq!(lines, ["see", "abcdef", "ghijkl", "mnop"]);
    }

    #[test]
    fn line_breaks_in_the_text_are_kept_and_blank_text_is_one_empty_line() {
        assert_eq!(wrap("one\ntwo", 50.0, w), ["one", "two"]);
        assert_eq!(wrap("", 50.0, w), [""]);
    }
}
