//! Assignment and `del` targets, unpacking with a starred element
//! included. Assignments, `for` loops, `with ... as` and comprehensions all
//! store through here.

use crate::lang::ast::*;
use crate::lang::bytecode::Instr;
use crate::lang::error::SyntaxError;

use super::{err, Compiler};

impl<'a> Compiler<'a> {
    pub(super) fn store(&mut self, t: &'a Expr) -> Result<(), SyntaxError> {
        let saved = self.u().line;
        self.u().line = t.span.line;
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_idx(attr);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred(_)));
                match star {
                    Some(pos) => {
                        if items
                            .iter()
                            .filter(|e| matches!(e.kind, ExprKind::Starred(_)))
                            .count()
                            > 1
                        {
                            return Err(err("multiple starred expressions in assignment", t.span));
                        }
                        self.emit(Instr::UnpackEx {
                            before: pos as u32,
                            after: (items.len() - pos - 1) as u32,
                        });
                    }
                    None => {
                        self.emit(Instr::UnpackSequence(items.len() as u32));
                    }
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.store(inner)?,
                        _ => self.store(item)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(err(
                    "starred assignment target must be in a list or tuple",
                    t.span,
                ))
            }
            _ => return Err(err("cannot assign to expression", t.span)),
        }
        self.u().line = saved;
        Ok(())
    }

    pub(super) fn delete(&mut self, t: &'a Expr) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_idx(attr);
                self.emit(Instr::DeleteAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::DeleteSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(i)?;
                }
            }
            _ => return Err(err("cannot delete expression", t.span)),
        }
        Ok(())
    }
}
