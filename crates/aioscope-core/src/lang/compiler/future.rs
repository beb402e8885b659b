//! Future statements (`from __future__ import annotations`): directives to
//! the compiler, allowed only at the top of a module (after its docstring),
//! each naming a feature CPython knows. `annotations` (PEP 563) keeps
//! annotations as the text of their source instead of evaluating them.

use crate::lang::ast::{Expr, Stmt, StmtKind};

use super::{err, Compiler, SyntaxError};

/// Every feature name CPython 3.11 accepts; all but `annotations` are on
/// by default there.
const FEATURES: [&str; 10] = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

pub(super) fn is_future_import(s: &Stmt) -> bool {
    matches!(&s.kind, StmtKind::ImportFrom { module, level: 0, .. } if module == "__future__")
}

/// Checks the leading future statements of a module `body` (after its
/// docstring) and returns whether they turn on postponed annotations.
pub(super) fn leading_features(body: &[Stmt]) -> Result<bool, SyntaxError> {
    let mut annotations = false;
    for s in body.iter().take_while(|s| is_future_import(s)) {
        let StmtKind::ImportFrom { names, .. } = &s.kind else {
            continue;
        };
        for a in names {
            match a.name.as_str() {
                "braces" => return Err(err("not a chance", s.span)),
                "annotations" => annotations = true,
                name if FEATURES.contains(&name) => {}
                name => {
                    return Err(err(
                        format!("future feature {} is not defined", name),
                        s.span,
                    ))
                }
            }
        }
    }
    Ok(annotations)
}

impl<'a> Compiler<'a> {
    /// A future statement compiled where it stands: fine in the module's
    /// leading block, a SyntaxError anywhere else.
    pub(super) fn check_future_position(&self, s: &Stmt) -> Result<(), SyntaxError> {
        if is_future_import(s) && !self.leading_futures.contains(&(s.span.line, s.span.col)) {
            return Err(err(
                "from __future__ imports must occur at the beginning of the file",
                s.span,
            ));
        }
        Ok(())
    }

    /// Pushes an annotation's value: the expression, or under
    /// `from __future__ import annotations` its source text.
    pub(super) fn annotation(&mut self, e: &'a Expr) -> Result<(), SyntaxError> {
        if !self.postponed_annotations {
            return self.expr(e);
        }
        let text = self.source_text(e);
        let c = self.str_const(&text);
        self.emit(crate::lang::bytecode::Instr::LoadConst(c));
        Ok(())
    }

    /// The source text an expression spans, lines joined as written.
    fn source_text(&self, e: &Expr) -> String {
        let lines: Vec<&str> = self.source.lines().collect();
        let (l0, l1) = (e.span.line as usize, e.span.end_line as usize);
        let line = |n: usize| -> Vec<char> {
            lines
                .get(n.saturating_sub(1))
                .map(|l| l.chars().collect())
                .unwrap_or_default()
        };
        // Columns count characters from 1.
        let (c0, c1) = (
            (e.span.col as usize).saturating_sub(1),
            (e.span.end_col as usize).saturating_sub(1),
        );
        if l0 == l1 {
            let chars = line(l0);
            return chars[c0.min(chars.len())..c1.min(chars.len()).max(c0.min(chars.len()))]
                .iter()
                .collect();
        }
        let mut out = String::new();
        for n in l0..=l1 {
            let chars = line(n);
            let from = if n == l0 { c0.min(chars.len()) } else { 0 };
            let to = if n == l1 {
                c1.min(chars.len())
            } else {
                chars.len()
            };
            out.extend(chars[from..to.max(from)].iter());
            if n != l1 {
                out.push(' ');
            }
        }
        out
    }
}
