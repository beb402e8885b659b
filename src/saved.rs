//! The user's programs kept in this browser, so their work is never lost:
//! the editor's text (saved as it is typed), the earlier program that
//! "Start over" or keeping a link's program replaced (one, so every
//! replacement can be undone), and a fingerprint of the last program run
//! from the editor (so a reload of the page's own link keeps edits not yet
//! run). A link's program is not saved until the user keeps it.

/// The editor's text.
pub const CODE_KEY: &str = "aioscope.code";
/// The program the editor's text replaced.
pub const EARLIER_KEY: &str = "aioscope.code.earlier";
/// [`fingerprint`] of the last program run from the editor.
pub const RAN_KEY: &str = "aioscope.code.ran";

/// A short fingerprint of a program (its length and FNV-1a hash): cheap
/// to keep, and two programs that differ have different ones in practice.
pub fn fingerprint(program: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in program.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{}:{:016x}", program.len(), h)
}

/// Where a link's program goes when the page opens it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkProgram {
    /// It is the user's own (their saved text, or the program their last
    /// run made the link of): the editor keeps the saved text, edits not
    /// yet run included.
    Own,
    /// Someone else's: the editor shows it beside the user's own, which
    /// stays saved until the user chooses.
    Beside,
}

/// Where the link's program `linked` goes, given the saved text and the
/// fingerprint of the last program run.
pub fn link_program(linked: &str, saved: Option<&str>, ran: Option<&str>) -> LinkProgram {
    let own = saved == Some(linked) || ran.is_some_and(|r| r == fingerprint(linked));
    if own || saved.is_none() {
        LinkProgram::Own
    } else {
        LinkProgram::Beside
    }
}

/// The user's programs as the page holds them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Kept {
    /// While a link's program is in the editor: the user's own program,
    /// still the saved one.
    pub own: Option<String>,
    /// The program the editor's text replaced, if any.
    pub earlier: Option<String>,
}

/// What a change to the kept programs asks the page to store.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Writes {
    /// A new saved text.
    pub code: Option<String>,
    /// A new earlier program.
    pub earlier: Option<String>,
}

impl Kept {
    /// The user typed `text`: it is saved. Typing into a link's program
    /// keeps it, and the user's own becomes the earlier program.
    pub fn typed(&mut self, text: &str) -> Writes {
        let earlier = self.own.take();
        if let Some(e) = &earlier {
            self.earlier = Some(e.clone());
        }
        Writes {
            code: Some(text.to_string()),
            earlier,
        }
    }

    /// The editor's text `current` is replaced by a fresh start: what it
    /// held (the user's own program, if a link's was shown) is kept as the
    /// earlier program.
    pub fn start_over(&mut self, current: &str) -> Writes {
        let before = self.own.take().unwrap_or_else(|| current.to_string());
        self.earlier = Some(before.clone());
        Writes {
            code: None,
            earlier: Some(before),
        }
    }

    /// Swaps the editor's text `current` with the earlier program: the
    /// text to show, if there is an earlier one. Pressed twice, nothing
    /// changed.
    pub fn bring_back(&mut self, current: &str) -> Option<(String, Writes)> {
        let earlier = self.earlier.take()?;
        let before = self.own.take().unwrap_or_else(|| current.to_string());
        self.earlier = Some(before.clone());
        Some((
            earlier.clone(),
            Writes {
                code: Some(earlier),
                earlier: Some(before),
            },
        ))
    }

    /// Back to the user's own program from a link's: the text to show.
    pub fn back_to_own(&mut self) -> Option<String> {
        self.own.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_to_the_users_own_program_keeps_their_unrun_edits() {
        let ran = fingerprint("print(1)\n");
        assert_eq!(
            link_program("print(1)\n", Some("print(2)\n"), Some(&ran)),
            LinkProgram::Own
        );
        assert_eq!(
            link_program("print(1)\n", Some("print(1)\n"), None),
            LinkProgram::Own
        );
        assert_eq!(
            link_program("print(3)\n", Some("print(2)\n"), Some(&ran)),
            LinkProgram::Beside
        );
        // Nothing saved yet: nothing to keep beside it.
        assert_eq!(link_program("print(3)\n", None, None), LinkProgram::Own);
        assert_ne!(fingerprint("ab"), fingerprint("ba"));
    }

    #[test]
    fn typing_into_a_links_program_keeps_it_and_the_own_one_as_earlier() {
        let mut k = Kept {
            own: Some("mine".into()),
            earlier: None,
        };
        let w = k.typed("theirs!");
        assert_eq!(w.code.as_deref(), Some("theirs!"));
        assert_eq!(w.earlier.as_deref(), Some("mine"));
        assert_eq!(k.own, None);
        // Typing on does not touch the earlier program again.
        let w = k.typed("theirs!!");
        assert_eq!(w.earlier, None);
        assert_eq!(k.earlier.as_deref(), Some("mine"));
        // And it comes back, undoably.
        let (text, w) = k.bring_back("theirs!!").unwrap();
        assert_eq!(text, "mine");
        assert_eq!(w.earlier.as_deref(), Some("theirs!!"));
        let (text, _) = k.bring_back("mine").unwrap();
        assert_eq!(text, "theirs!!");
    }

    #[test]
    fn start_over_can_be_undone() {
        let mut k = Kept::default();
        assert_eq!(k.bring_back("x"), None);
        let w = k.start_over("my work");
        assert_eq!(w.earlier.as_deref(), Some("my work"));
        let (text, w) = k.bring_back("starter").unwrap();
        assert_eq!(text, "my work");
        assert_eq!(w.code.as_deref(), Some("my work"));
        // Over a link's program, it is the user's own that is kept.
        let mut k = Kept {
            own: Some("mine".into()),
            earlier: None,
        };
        k.start_over("theirs");
        assert_eq!(k.earlier.as_deref(), Some("mine"));
        assert_eq!(k.back_to_own(), None);
    }
}
