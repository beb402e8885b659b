//! How a name is loaded, stored or deleted depends on what the scope
//! analysis found it to be (local, cell or free variable, global, or a
//! name in a class or module namespace). The choice is made here once, so
//! statements, targets and expressions only ask for a name.

use std::rc::Rc;

use crate::lang::bytecode::{CodeKind, Instr};
use crate::lang::symtable::Binding;

use super::Compiler;

impl<'a> Compiler<'a> {
    fn binding(&self, name: &str) -> Binding {
        let u = self.units.last().expect("unit stack never empty");
        self.table.scope(u.key).binding(name)
    }

    pub(super) fn var_idx(&mut self, name: &Rc<str>) -> u32 {
        let u = self.u();
        match u.varnames.iter().position(|v| v == name) {
            Some(i) => i as u32,
            None => {
                u.varnames.push(name.clone());
                (u.varnames.len() - 1) as u32
            }
        }
    }

    pub(super) fn cell_idx(&mut self, name: &str) -> u32 {
        let u = self.u();
        u.cellnames
            .iter()
            .position(|v| &**v == name)
            .expect("symtable lists every cell") as u32
    }

    pub(super) fn load_name(&mut self, name: &Rc<str>) {
        self.name_op(name, NameOp::Load);
    }

    pub(super) fn store_name(&mut self, name: &Rc<str>) {
        self.name_op(name, NameOp::Store);
    }

    pub(super) fn delete_name(&mut self, name: &Rc<str>) {
        self.name_op(name, NameOp::Delete);
    }

    /// Emits the load, store or delete of `name` that its binding calls for.
    fn name_op(&mut self, name: &Rc<str>, op: NameOp) {
        use NameOp::*;
        let name = &self.mangle(name);
        let kind = self.u().kind;
        let instr = match (self.binding(name), kind) {
            (Binding::Local, _) => {
                let i = self.var_idx(name);
                match op {
                    Load => Instr::LoadFast(i),
                    Store => Instr::StoreFast(i),
                    Delete => Instr::DeleteFast(i),
                }
            }
            (Binding::Cell | Binding::Free, k) => {
                let i = self.cell_idx(name);
                match op {
                    Load if k == CodeKind::Function => Instr::LoadDeref(i),
                    // A class body looks in its namespace before the cell.
                    Load => Instr::LoadClassDeref(i),
                    Store => Instr::StoreDeref(i),
                    Delete => Instr::DeleteDeref(i),
                }
            }
            (Binding::GlobalExplicit | Binding::GlobalImplicit, _)
            | (Binding::Name, CodeKind::Module) => {
                let i = self.name_idx(name);
                match op {
                    Load => Instr::LoadGlobal(i),
                    Store => Instr::StoreGlobal(i),
                    Delete => Instr::DeleteGlobal(i),
                }
            }
            (Binding::Name, _) => {
                let i = self.name_idx(name);
                match op {
                    Load => Instr::LoadName(i),
                    Store => Instr::StoreName(i),
                    Delete => Instr::DeleteName(i),
                }
            }
        };
        self.emit(instr);
    }

    /// `__qualname__` of a lambda or comprehension defined here: the path
    /// of enclosing definitions, where a function's (or lambda's) locals
    /// show as `<locals>` and a comprehension's do not (CPython's
    /// `<listcomp>.<lambda>`).
    pub(super) fn qualname_for(&self, name: &str) -> Rc<str> {
        let u = self.units.last().expect("unit stack never empty");
        match u.kind {
            CodeKind::Module => name.into(),
            CodeKind::Class => format!("{}.{}", u.qualname, name).into(),
            CodeKind::Function if is_comprehension(&u.name) => {
                format!("{}.{}", u.qualname, name).into()
            }
            CodeKind::Function => format!("{}.<locals>.{}", u.qualname, name).into(),
        }
    }

    /// `__qualname__` of a `def` or `class` named `name` here: as
    /// [`Self::qualname_for`], except that one declared `global` where it is
    /// defined is known by its bare name.
    pub(super) fn qualname_for_def(&self, name: &str) -> Rc<str> {
        let mangled = self.mangle(&Rc::from(name));
        if matches!(self.binding(&mangled), Binding::GlobalExplicit) {
            return name.into();
        }
        self.qualname_for(name)
    }
}

fn is_comprehension(name: &str) -> bool {
    matches!(
        name,
        "<listcomp>" | "<setcomp>" | "<dictcomp>" | "<genexpr>"
    )
}

#[derive(Clone, Copy)]
enum NameOp {
    Load,
    Store,
    Delete,
}
