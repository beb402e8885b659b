//! Scope analysis: decides for every name in every body whether it is a
//! fast local, a cell shared with inner functions, a free variable taken
//! from an enclosing function, or a global — Python's rules, done before
//! compiling so the compiler can emit the right load/store instruction.

use std::collections::HashMap;
use std::rc::Rc;

use super::ast::*;
use super::error::SyntaxError;

/// Identifies a scope: the address of the AST node that opens it. The AST
/// is borrowed unchanged between analysis and compilation, so addresses
/// are stable keys.
pub type ScopeKey = usize;

/// The key of a function definition's scope.
pub fn key_of_def(def: &FunctionDef) -> ScopeKey {
    def as *const FunctionDef as usize
}

/// The key of a class definition's scope.
pub fn key_of_class(def: &ClassDef) -> ScopeKey {
    def as *const ClassDef as usize
}

/// The key of a lambda's or comprehension's scope.
pub fn key_of_expr(expr: &Expr) -> ScopeKey {
    expr as *const Expr as usize
}

/// CPython's private name mangling: inside class `C` (and the functions
/// in it), an identifier `__x` that does not end in `__` stands for
/// `_C__x` (the class name's leading underscores dropped).
pub fn mangle(private: Option<&str>, name: &Rc<str>) -> Rc<str> {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.clone();
    }
    match private.map(|c| c.trim_start_matches('_')) {
        Some(class) if !class.is_empty() => format!("_{}{}", class, name).into(),
        _ => name.clone(),
    }
}

/// What kind of body a scope is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// The module's top level.
    Module,
    /// A class body.
    Class,
    /// A function, lambda or comprehension.
    Function,
}

/// Where a name lives, as seen from one scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Binding {
    /// A fast local of a function.
    Local,
    /// A local of this function that inner functions capture.
    Cell,
    /// Captured from an enclosing function.
    Free,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound here nor in an enclosing function: module global or builtin.
    GlobalImplicit,
    /// Bound in a class or module body (namespace lookup).
    Name,
}

#[derive(Clone, Copy, Debug, Default)]
struct Flags {
    assigned: bool,
    param: bool,
    used: bool,
    global: bool,
    nonlocal: bool,
    annotated: bool,
}

/// The analysis of one scope.
#[derive(Debug)]
pub struct Scope {
    /// Module, class or function.
    pub kind: ScopeKind,
    /// The enclosing scope.
    pub parent: Option<ScopeKey>,
    /// Parameters then other fast locals, in order of first appearance.
    pub varnames: Vec<Rc<str>>,
    /// Locals captured by inner functions, in order of first appearance.
    pub cellvars: Vec<Rc<str>>,
    /// Variables captured from enclosing functions.
    pub freevars: Vec<Rc<str>>,
    /// Contains `yield` (a generator).
    pub is_generator: bool,
    /// A comprehension's own scope.
    is_comprehension: bool,
    /// A comprehension's iteration variables, and the names its
    /// assignment expressions bind outside it: neither may rebind the
    /// other.
    comp_iters: Vec<Rc<str>>,
    walrus_targets: Vec<Rc<str>>,
    /// Inside a comprehension's iterable, where `:=` is refused.
    comp_iter_expr: u32,
    /// The class whose private names this scope's names are mangled with.
    private: Option<Rc<str>>,
    order: Vec<Rc<str>>,
    flags: HashMap<Rc<str>, Flags>,
    bindings: HashMap<Rc<str>, Binding>,
}

impl Scope {
    fn new(kind: ScopeKind, parent: Option<ScopeKey>, private: Option<Rc<str>>) -> Self {
        Scope {
            kind,
            parent,
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            is_generator: false,
            is_comprehension: false,
            comp_iters: Vec::new(),
            walrus_targets: Vec::new(),
            comp_iter_expr: 0,
            private,
            order: Vec::new(),
            flags: HashMap::new(),
            bindings: HashMap::new(),
        }
    }

    fn entry(&mut self, name: &Rc<str>) -> &mut Flags {
        let name = mangle(self.private.as_deref(), name);
        if !self.flags.contains_key(&name) {
            self.order.push(name.clone());
        }
        self.flags.entry(name).or_default()
    }

    fn is_bound_here(&self, name: &str) -> bool {
        self.flags
            .get(name)
            .is_some_and(|f| (f.assigned || f.param) && !f.global && !f.nonlocal)
    }

    /// Where `name` lives as seen from this scope.
    pub fn binding(&self, name: &str) -> Binding {
        if let Some(b) = self.bindings.get(name) {
            return *b;
        }
        match self.kind {
            ScopeKind::Function => Binding::GlobalImplicit,
            _ => Binding::Name,
        }
    }
}

/// The scopes of a whole module, by key; the module itself has key 0.
#[derive(Debug)]
pub struct SymbolTable {
    /// Every scope, keyed by the address of the node that opens it.
    pub scopes: HashMap<ScopeKey, Scope>,
}

/// Key of the module scope.
pub const MODULE_KEY: ScopeKey = 0;

impl SymbolTable {
    /// Analyses a module.
    pub fn build(module: &Module) -> Result<SymbolTable, SyntaxError> {
        let mut b = Builder {
            scopes: HashMap::new(),
            stack: vec![MODULE_KEY],
        };
        b.scopes
            .insert(MODULE_KEY, Scope::new(ScopeKind::Module, None, None));
        b.stmts(&module.body)?;
        let mut table = SymbolTable { scopes: b.scopes };
        table.resolve()?;
        Ok(table)
    }

    /// The scope opened at `key`.
    pub fn scope(&self, key: ScopeKey) -> &Scope {
        &self.scopes[&key]
    }

    fn resolve(&mut self) -> Result<(), SyntaxError> {
        let mut keys: Vec<ScopeKey> = self.scopes.keys().copied().collect();
        keys.sort_unstable();
        // Bound names first, so that free-variable resolution can see them.
        for key in &keys {
            let scope = self.scopes.get_mut(key).expect("scope exists");
            let names = scope.order.clone();
            for name in names {
                let f = scope.flags[&name];
                let b = if f.global {
                    Some(Binding::GlobalExplicit)
                } else if f.nonlocal {
                    None
                } else if f.assigned || f.param {
                    Some(match scope.kind {
                        ScopeKind::Function => Binding::Local,
                        _ => Binding::Name,
                    })
                } else {
                    None
                };
                if let Some(b) = b {
                    scope.bindings.insert(name.clone(), b);
                    if b == Binding::Local {
                        scope.varnames.push(name.clone());
                    }
                }
            }
            // Parameters come first in varnames, in declaration order.
            let order = scope.order.clone();
            let params: Vec<Rc<str>> = order
                .iter()
                .filter(|n| scope.flags[*n].param)
                .cloned()
                .collect();
            scope.varnames.retain(|n| !params.contains(n));
            let mut v = params;
            v.append(&mut scope.varnames);
            scope.varnames = v;
        }
        // Then names used but not bound: free or global.
        for key in &keys {
            let (names, parent, kind) = {
                let s = &self.scopes[key];
                (s.order.clone(), s.parent, s.kind)
            };
            for name in names {
                let f = self.scopes[key].flags[&name];
                if f.global || (!f.nonlocal && (f.assigned || f.param)) {
                    continue;
                }
                if !(f.used || f.nonlocal) {
                    continue;
                }
                match self.find_defining(parent, &name) {
                    Some(def) => self.capture(*key, def, &name),
                    None if f.nonlocal => {
                        return Err(SyntaxError::new(
                            format!("no binding for nonlocal '{}' found", name),
                            1,
                            1,
                        ));
                    }
                    None => {
                        let b = match kind {
                            ScopeKind::Function => Binding::GlobalImplicit,
                            _ => Binding::Name,
                        };
                        self.scopes
                            .get_mut(key)
                            .expect("scope exists")
                            .bindings
                            .insert(name.clone(), b);
                    }
                }
            }
        }
        Ok(())
    }

    /// The nearest enclosing function scope binding `name`, skipping class
    /// bodies (their names are not visible to nested functions).
    fn find_defining(&self, mut at: Option<ScopeKey>, name: &str) -> Option<ScopeKey> {
        while let Some(key) = at {
            let s = &self.scopes[&key];
            match s.kind {
                ScopeKind::Module => return None,
                ScopeKind::Class => {
                    if name == "__class__" && s.is_bound_here(name) {
                        return Some(key);
                    }
                }
                ScopeKind::Function => {
                    if s.is_bound_here(name) {
                        return Some(key);
                    }
                    if s.flags.get(name).is_some_and(|f| f.global) {
                        return None;
                    }
                }
            }
            at = s.parent;
        }
        None
    }

    /// Marks `name` a cell in `def` and free in every scope from `user` up to
    /// (not including) `def`.
    fn capture(&mut self, user: ScopeKey, def: ScopeKey, name: &Rc<str>) {
        {
            let d = self.scopes.get_mut(&def).expect("scope exists");
            if d.bindings.get(name) != Some(&Binding::Cell) {
                d.bindings.insert(name.clone(), Binding::Cell);
                d.varnames.retain(|n| n != name || d.flags[n].param);
                d.cellvars.push(name.clone());
            }
        }
        let mut at = Some(user);
        while let Some(key) = at {
            if key == def {
                break;
            }
            let s = self.scopes.get_mut(&key).expect("scope exists");
            if !s.freevars.contains(name) {
                s.freevars.push(name.clone());
            }
            // A class body that only passes a variable through still binds
            // its own assignments by name.
            if !(s.kind == ScopeKind::Class && s.is_bound_here(name)) {
                s.bindings.insert(name.clone(), Binding::Free);
            }
            at = s.parent;
        }
    }
}

/// CPython's error for `global n` or `nonlocal n` (`what`) where `n`
/// was already a parameter, annotated, declared the other way, assigned or
/// used, in that order of precedence.
fn declaration_error(f: &Flags, n: &str, what: &str) -> Option<String> {
    let other = if what == "global" {
        f.nonlocal
    } else {
        f.global
    };
    if f.param {
        Some(format!("name '{}' is parameter and {}", n, what))
    } else if other {
        Some(format!("name '{}' is nonlocal and global", n))
    } else if f.annotated {
        Some(format!("annotated name '{}' can't be {}", n, what))
    } else if f.assigned {
        Some(format!(
            "name '{}' is assigned to before {} declaration",
            n, what
        ))
    } else if f.used {
        Some(format!(
            "name '{}' is used prior to {} declaration",
            n, what
        ))
    } else {
        None
    }
}

struct Builder {
    scopes: HashMap<ScopeKey, Scope>,
    stack: Vec<ScopeKey>,
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        let key = *self.stack.last().expect("scope stack never empty");
        self.scopes.get_mut(&key).expect("scope exists")
    }

    fn assign(&mut self, name: &Rc<str>) {
        self.cur().entry(name).assigned = true;
    }

    fn use_name(&mut self, name: &Rc<str>) {
        self.cur().entry(name).used = true;
    }

    /// Opens a scope; `class` names the class of a class body, whose
    /// private names it and the functions in it mangle.
    fn push(&mut self, key: ScopeKey, kind: ScopeKind, class: Option<&Rc<str>>) {
        let parent = *self.stack.last().expect("scope stack never empty");
        let private = match class {
            Some(c) => Some(c.clone()),
            None => self.scopes[&parent].private.clone(),
        };
        self.scopes
            .insert(key, Scope::new(kind, Some(parent), private));
        self.stack.push(key);
    }

    fn pop(&mut self) {
        self.stack.pop();
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn params_defaults(&mut self, params: &Params) -> Result<(), SyntaxError> {
        for p in params.args.iter().chain(params.kwonly.iter()) {
            if let Some(d) = &p.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    /// A `def`'s annotations are evaluated where it runs.
    fn annotations(&mut self, params: &Params, returns: &Option<Expr>) -> Result<(), SyntaxError> {
        let all = params
            .args
            .iter()
            .chain(params.vararg.iter())
            .chain(params.kwonly.iter())
            .chain(params.kwarg.iter());
        for p in all {
            if let Some(a) = &p.annotation {
                self.expr(a)?;
            }
        }
        if let Some(r) = returns {
            self.expr(r)?;
        }
        Ok(())
    }

    fn declare_params(&mut self, params: &Params) -> Result<(), SyntaxError> {
        // CPython orders varnames: positional, keyword-only, *args, **kwargs.
        let mut ordered: Vec<&Param> = params.args.iter().collect();
        ordered.extend(params.kwonly.iter());
        ordered.extend(params.vararg.iter());
        ordered.extend(params.kwarg.iter());
        for p in ordered {
            let f = self.cur().entry(&p.name);
            if f.param {
                return Err(SyntaxError::new(
                    format!("duplicate argument '{}' in function definition", p.name),
                    p.span.line,
                    p.span.col,
                ));
            }
            f.param = true;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.use_name(n);
                }
                self.target(target)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                if let ExprKind::Name(n) = &target.kind {
                    let f = self.cur().entry(n);
                    if f.global || f.nonlocal {
                        let what = if f.global { "global" } else { "nonlocal" };
                        return Err(SyntaxError::new(
                            format!("annotated name '{}' can't be {}", n, what),
                            s.span.line,
                            s.span.col,
                        ));
                    }
                    f.annotated = true;
                }
                if let Some(v) = value {
                    self.expr(v)?;
                    self.target(target)?;
                } else if let ExprKind::Name(n) = &target.kind {
                    self.assign(n);
                }
                // Module and class bodies evaluate a name's annotation (the
                // compiler stores it in `__annotations__`).
                if matches!(target.kind, ExprKind::Name(_))
                    && self.cur().kind != ScopeKind::Function
                {
                    self.expr(annotation)?;
                }
                Ok(())
            }
            StmtKind::FunctionDef(def) => {
                for d in &def.decorators {
                    self.expr(d)?;
                }
                self.params_defaults(&def.params)?;
                self.annotations(&def.params, &def.returns)?;
                self.assign(&def.name);
                self.push(key_of_def(def), ScopeKind::Function, None);
                self.declare_params(&def.params)?;
                self.stmts(&def.body)?;
                self.pop();
                Ok(())
            }
            StmtKind::ClassDef(def) => {
                for d in &def.decorators {
                    self.expr(d)?;
                }
                for b in &def.bases {
                    self.expr(b)?;
                }
                for k in &def.keywords {
                    self.expr(&k.value)?;
                }
                self.assign(&def.name);
                self.push(key_of_class(def), ScopeKind::Class, Some(&def.name));
                self.stmts(&def.body)?;
                self.pop();
                Ok(())
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
                Ok(())
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => Ok(()),
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
                Ok(())
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.assign(n);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.expr(&item.context_expr)?;
                    if let Some(t) = &item.optional_vars {
                        self.target(t)?;
                    }
                }
                self.stmts(body)
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let local: Rc<str> = match &a.asname {
                        Some(n) => n.clone(),
                        None => a.name.split('.').next().unwrap_or("").into(),
                    };
                    self.assign(&local);
                }
                Ok(())
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        continue;
                    }
                    let local: Rc<str> = match &a.asname {
                        Some(n) => n.clone(),
                        None => a.name.as_str().into(),
                    };
                    self.assign(&local);
                }
                Ok(())
            }
            StmtKind::Global(names) => {
                for n in names {
                    let f = self.cur().entry(n);
                    if let Some(msg) = declaration_error(f, n, "global") {
                        return Err(SyntaxError::new(msg, s.span.line, s.span.col));
                    }
                    f.global = true;
                }
                Ok(())
            }
            StmtKind::Nonlocal(names) => {
                if self.cur().kind == ScopeKind::Module {
                    return Err(SyntaxError::new(
                        "nonlocal declaration not allowed at module level",
                        s.span.line,
                        s.span.col,
                    ));
                }
                for n in names {
                    let f = self.cur().entry(n);
                    if let Some(msg) = declaration_error(f, n, "nonlocal") {
                        return Err(SyntaxError::new(msg, s.span.line, s.span.col));
                    }
                    f.nonlocal = true;
                }
                Ok(())
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.target(t)?;
                }
                Ok(())
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
                Ok(())
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for c in cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
                Ok(())
            }
        }
    }

    /// A pattern binds its capture names and reads its values and classes.
    fn pattern(&mut self, p: &Pattern) -> Result<(), SyntaxError> {
        match &p.kind {
            PatternKind::Value(e) => self.expr(e),
            PatternKind::Singleton(_) => Ok(()),
            PatternKind::Sequence(items) | PatternKind::Or(items) => {
                for i in items {
                    self.pattern(i)?;
                }
                Ok(())
            }
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => {
                for k in keys {
                    self.expr(k)?;
                }
                for i in patterns {
                    self.pattern(i)?;
                }
                if let Some(r) = rest {
                    self.assign(r);
                }
                Ok(())
            }
            PatternKind::Class {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls)?;
                for i in patterns.iter().chain(kwd_patterns) {
                    self.pattern(i)?;
                }
                Ok(())
            }
            PatternKind::Star(name) => {
                if let Some(n) = name {
                    self.assign(n);
                }
                Ok(())
            }
            PatternKind::As { pattern, name } => {
                if let Some(inner) = pattern {
                    self.pattern(inner)?;
                }
                if let Some(n) = name {
                    self.assign(n);
                }
                Ok(())
            }
        }
    }

    fn target(&mut self, t: &Expr) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Name(n) => {
                self.assign(n);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i)?;
                }
                Ok(())
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(t),
        }
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        generators: &[Comprehension],
        elts: &[&Expr],
    ) -> Result<(), SyntaxError> {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(first) = generators.first() {
            self.comp_iterable(&first.iter)?;
        }
        self.push(key_of_expr(e), ScopeKind::Function, None);
        self.cur().is_comprehension = true;
        let dot0: Rc<str> = ".0".into();
        self.cur().entry(&dot0).param = true;
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.comp_iterable(&g.iter)?;
            }
            self.comp_target(&g.target)?;
            self.target(&g.target)?;
            for cond in &g.ifs {
                self.expr(cond)?;
            }
        }
        for elt in elts {
            self.expr(elt)?;
        }
        if matches!(e.kind, ExprKind::GeneratorExp { .. }) {
            self.cur().is_generator = true;
        }
        self.pop();
        Ok(())
    }

    /// A comprehension's iterable, where an assignment expression is a
    /// `SyntaxError`.
    fn comp_iterable(&mut self, iter: &Expr) -> Result<(), SyntaxError> {
        self.cur().comp_iter_expr += 1;
        let r = self.expr(iter);
        self.cur().comp_iter_expr -= 1;
        r
    }

    /// Records a comprehension's iteration variables, refusing one that an
    /// earlier assignment expression of the comprehension binds.
    fn comp_target(&mut self, t: &Expr) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Name(n) => {
                if self.cur().walrus_targets.contains(n) {
                    return Err(SyntaxError::new(
                        format!(
                            "comprehension inner loop cannot rebind assignment expression target '{}'",
                            n
                        ),
                        t.span.line,
                        t.span.col,
                    ));
                }
                self.cur().comp_iters.push(n.clone());
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.comp_target(i)?;
                }
                Ok(())
            }
            ExprKind::Starred(inner) => self.comp_target(inner),
            _ => Ok(()),
        }
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Name(n) => {
                self.use_name(n);
                if &**n == "super" {
                    self.class_cell_for_super();
                }
                Ok(())
            }
            ExprKind::Constant(_) => Ok(()),
            ExprKind::JoinedStr(parts) => self.fstring(parts),
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                for i in items {
                    self.expr(i)?;
                }
                Ok(())
            }
            ExprKind::Dict(pairs) => {
                for (k, v) in pairs {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
                Ok(())
            }
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)
            }
            ExprKind::Slice { lower, upper, step } => {
                for p in [lower, upper, step].into_iter().flatten() {
                    self.expr(p)?;
                }
                Ok(())
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                for a in args {
                    self.expr(a)?;
                }
                for k in keywords {
                    self.expr(&k.value)?;
                }
                Ok(())
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v)?;
                }
                Ok(())
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                for c in comparators {
                    self.expr(c)?;
                }
                Ok(())
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Lambda { params, body } => {
                self.params_defaults(params)?;
                self.push(key_of_expr(e), ScopeKind::Function, None);
                self.declare_params(params)?;
                self.expr(body)?;
                self.pop();
                Ok(())
            }
            ExprKind::Await(v) | ExprKind::Starred(v) => self.expr(v),
            ExprKind::Yield(v) => {
                self.cur().is_generator = true;
                if let Some(v) = v {
                    self.expr(v)?;
                }
                Ok(())
            }
            ExprKind::YieldFrom(v) => {
                self.cur().is_generator = true;
                self.expr(v)
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, generators, &[elt])
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, generators, &[key, value]),
            ExprKind::NamedExpr { target, value } => {
                let at = |msg: String| SyntaxError::new(msg, e.span.line, e.span.col);
                if self.cur().comp_iter_expr > 0 {
                    return Err(at(
                        "assignment expression cannot be used in a comprehension iterable expression"
                            .into(),
                    ));
                }
                self.expr(value)?;
                // The walrus binds in the nearest non-comprehension scope.
                let mut idx = self.stack.len() - 1;
                while idx > 0 {
                    let key = self.stack[idx];
                    let scope = self.scopes.get_mut(&key).expect("scope exists");
                    if !scope.is_comprehension {
                        break;
                    }
                    if scope.comp_iters.contains(target) {
                        return Err(at(format!(
                            "assignment expression cannot rebind comprehension iteration variable '{}'",
                            target
                        )));
                    }
                    scope.walrus_targets.push(target.clone());
                    idx -= 1;
                }
                let key = self.stack[idx];
                if idx != self.stack.len() - 1 && self.scopes[&key].kind == ScopeKind::Class {
                    return Err(at(
                        "assignment expression within a comprehension cannot be used in a class body"
                            .into(),
                    ));
                }
                self.scopes
                    .get_mut(&key)
                    .expect("scope exists")
                    .entry(target)
                    .assigned = true;
                if idx != self.stack.len() - 1 {
                    self.use_name(target);
                }
                Ok(())
            }
        }
    }

    /// Zero-argument `super()` reads the implicit `__class__` cell that the
    /// nearest enclosing class body provides.
    fn class_cell_for_super(&mut self) {
        if self.cur().kind != ScopeKind::Function {
            return;
        }
        let class_key = self
            .stack
            .iter()
            .rev()
            .find(|k| self.scopes[*k].kind == ScopeKind::Class)
            .copied();
        if let Some(key) = class_key {
            let name: Rc<str> = "__class__".into();
            self.use_name(&name);
            self.scopes
                .get_mut(&key)
                .expect("scope exists")
                .entry(&name)
                .assigned = true;
        }
    }

    fn fstring(&mut self, parts: &[FStringPart]) -> Result<(), SyntaxError> {
        for p in parts {
            if let FStringPart::Field {
                value, format_spec, ..
            } = p
            {
                self.expr(value)?;
                if let Some(spec) = format_spec {
                    self.fstring(spec)?;
                }
            }
        }
        Ok(())
    }
}
