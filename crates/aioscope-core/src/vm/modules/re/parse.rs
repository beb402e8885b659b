//! Pattern text → syntax tree, with the `re.error` messages and positions
//! CPython's `sre_parse` gives for the common mistakes.

/// Flags, as CPython's `re` numbers them.
pub const IGNORECASE: u32 = 2;
/// `^`/`$` match at line boundaries.
pub const MULTILINE: u32 = 8;
/// `.` matches a newline too.
pub const DOTALL: u32 = 16;
/// Whitespace and `#` comments in the pattern are ignored.
pub const VERBOSE: u32 = 64;
/// `\w`, `\d`, `\s`, `\b` are ASCII-only.
pub const ASCII: u32 = 256;

/// A class item.
#[derive(Clone, Debug)]
pub enum ClassItem {
    /// One character.
    Char(char),
    /// An inclusive range.
    Range(char, char),
    /// `\d`, `\w`, `\s` (or negated).
    Category(Category, bool),
}

/// The built-in categories.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    /// `\d`.
    Digit,
    /// `\w`.
    Word,
    /// `\s`.
    Space,
}

/// Zero-width assertions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// `^`.
    Start,
    /// `$`.
    End,
    /// `\A`.
    StringStart,
    /// `\Z`.
    StringEnd,
    /// `\b`.
    WordBoundary,
    /// `\B`.
    NotWordBoundary,
}

/// A syntax tree node.
#[derive(Clone, Debug)]
pub enum Node {
    /// Matches the empty string.
    Empty,
    /// One literal character.
    Char(char),
    /// `.`.
    Any,
    /// `[...]`, negated or not.
    Class(Vec<ClassItem>, bool),
    /// A category escape outside a class.
    Category(Category, bool),
    /// A zero-width assertion.
    Anchor(Anchor),
    /// Items in order.
    Concat(Vec<Node>),
    /// Alternatives in priority order.
    Alt(Vec<Node>),
    /// A capturing group (its number, from 1).
    Group(usize, Box<Node>),
    /// A repetition: min, max (None: unbounded), greedy.
    Repeat(Box<Node>, u32, Option<u32>, bool),
    /// `\N` or `(?P=name)`.
    Backref(usize),
    /// Lookahead (`behind == false`) or lookbehind, positive or negative.
    Look(Box<Node>, bool, bool),
}

/// A parse error: CPython's message and the position in the pattern.
#[derive(Debug)]
pub struct ParseError {
    /// The message without the position.
    pub msg: String,
    /// The character position.
    pub pos: usize,
}

/// The parsed pattern.
pub struct Parsed {
    /// Its tree.
    pub node: Node,
    /// Number of capturing groups.
    pub groups: usize,
    /// Group names with their numbers, in definition order.
    pub names: Vec<(String, usize)>,
    /// Flags, including inline ones.
    pub flags: u32,
}

struct Parser<'a> {
    chars: &'a [char],
    pos: usize,
    flags: u32,
    groups: usize,
    names: Vec<(String, usize)>,
    open: Vec<usize>,
    depth: u32,
}

fn err<T>(msg: impl Into<String>, pos: usize) -> Result<T, ParseError> {
    Err(ParseError {
        msg: msg.into(),
        pos,
    })
}

/// Parses `pattern` with `flags`.
pub fn parse(pattern: &str, flags: u32) -> Result<Parsed, ParseError> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut p = Parser {
        chars: &chars,
        pos: 0,
        flags,
        groups: 0,
        names: Vec::new(),
        open: Vec::new(),
        depth: 0,
    };
    // Global inline flags at the very start, e.g. (?i).
    let node = p.alternation()?;
    if p.pos < chars.len() {
        // Only a stray ')' stops the top level.
        return err("unbalanced parenthesis", p.pos);
    }
    Ok(Parsed {
        node,
        groups: p.groups,
        names: p.names,
        flags: p.flags,
    })
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn verbose(&self) -> bool {
        self.flags & VERBOSE != 0
    }

    fn skip_verbose(&mut self) {
        if !self.verbose() {
            return;
        }
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.pos += 1;
            } else if c == '#' {
                while let Some(c) = self.peek() {
                    self.pos += 1;
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    fn alternation(&mut self) -> Result<Node, ParseError> {
        self.depth += 1;
        if self.depth > 200 {
            return err("too many nested groups", self.pos);
        }
        let mut alts = vec![self.concat()?];
        while self.eat('|') {
            alts.push(self.concat()?);
        }
        self.depth -= 1;
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(alts)
        })
    }

    fn concat(&mut self) -> Result<Node, ParseError> {
        let mut items = Vec::new();
        loop {
            self.skip_verbose();
            match self.peek() {
                None | Some('|') => break,
                Some(')') => {
                    if self.open.is_empty() {
                        return err("unbalanced parenthesis", self.pos);
                    }
                    break;
                }
                _ => {}
            }
            let start = self.pos;
            let atom = self.atom()?;
            let atom = self.quantifiers(atom, start)?;
            items.push(atom);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    fn quantifiers(&mut self, mut atom: Node, start: usize) -> Result<Node, ParseError> {
        let mut repeated = false;
        loop {
            self.skip_verbose();
            let here = self.pos;
            let (min, max) = match self.peek() {
                Some('*') => {
                    self.pos += 1;
                    (0, None)
                }
                Some('+') => {
                    self.pos += 1;
                    (1, None)
                }
                Some('?') => {
                    self.pos += 1;
                    (0, Some(1))
                }
                Some('{') => match self.braces()? {
                    Some(r) => r,
                    None => return Ok(atom),
                },
                _ => return Ok(atom),
            };
            if repeated {
                return err("multiple repeat", here);
            }
            if matches!(atom, Node::Empty | Node::Anchor(_)) || matches!(atom, Node::Look(..)) {
                return err("nothing to repeat", here);
            }
            let _ = start;
            let greedy = !self.eat('?');
            if self.peek() == Some('+') {
                return err("possessive quantifiers are not supported yet", self.pos);
            }
            atom = Node::Repeat(Box::new(atom), min, max, greedy);
            repeated = true;
        }
    }

    /// `{m,n}` at the cursor: `None` (and the cursor unmoved) when it is
    /// not a repeat, which makes `{` a literal.
    fn braces(&mut self) -> Result<Option<(u32, Option<u32>)>, ParseError> {
        let open = self.pos;
        let mut i = open + 1;
        let mut lo = String::new();
        while let Some(c) = self.chars.get(i).filter(|c| c.is_ascii_digit()) {
            lo.push(*c);
            i += 1;
        }
        let mut hi: Option<String> = None;
        if self.chars.get(i) == Some(&',') {
            i += 1;
            let mut h = String::new();
            while let Some(c) = self.chars.get(i).filter(|c| c.is_ascii_digit()) {
                h.push(*c);
                i += 1;
            }
            hi = Some(h);
        }
        if self.chars.get(i) != Some(&'}') || (lo.is_empty() && hi.is_none()) {
            return Ok(None);
        }
        self.pos = i + 1;
        let min: u32 = if lo.is_empty() {
            0
        } else {
            lo.parse().unwrap_or(u32::MAX)
        };
        let max = match hi {
            None => Some(min),
            Some(h) if h.is_empty() => None,
            Some(h) => Some(h.parse().unwrap_or(u32::MAX)),
        };
        if let Some(m) = max {
            if m < min {
                return err("min repeat greater than max repeat", open + 1);
            }
        }
        if min > 1000 || max.is_some_and(|m| m > 1000) {
            return err("repetition counts above 1000 are not supported yet", open);
        }
        Ok(Some((min, max)))
    }

    fn atom(&mut self) -> Result<Node, ParseError> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Ok(Node::Empty);
        };
        self.pos += 1;
        match c {
            '.' => Ok(Node::Any),
            '^' => Ok(Node::Anchor(Anchor::Start)),
            '$' => Ok(Node::Anchor(Anchor::End)),
            '(' => self.group(start),
            '[' => self.class(start),
            '\\' => self.escape(start, false).map(|e| match e {
                Escaped::Node(n) => n,
                Escaped::Char(c) => Node::Char(c),
            }),
            '*' | '+' | '?' => err("nothing to repeat", start),
            '{' => {
                self.pos = start;
                if self.braces()?.is_some() {
                    return err("nothing to repeat", start);
                }
                self.pos = start + 1;
                Ok(Node::Char('{'))
            }
            c => Ok(Node::Char(c)),
        }
    }

    fn group(&mut self, start: usize) -> Result<Node, ParseError> {
        let mut capture = true;
        let mut name = None;
        let mut look: Option<(bool, bool)> = None;
        if self.eat('?') {
            match self.peek() {
                Some(':') => {
                    self.pos += 1;
                    capture = false;
                }
                Some('P') => {
                    self.pos += 1;
                    if self.eat('<') {
                        let name_start = self.pos;
                        let mut n = String::new();
                        loop {
                            match self.peek() {
                                Some('>') => {
                                    self.pos += 1;
                                    break;
                                }
                                Some(c) => {
                                    n.push(c);
                                    self.pos += 1;
                                }
                                None => return err("missing >, unterminated name", name_start),
                            }
                        }
                        if n.is_empty() {
                            return err("missing group name", name_start);
                        }
                        if !is_identifier(&n) {
                            return err(format!("bad character in group name '{}'", n), name_start);
                        }
                        if self.names.iter().any(|(x, _)| *x == n) {
                            return err(
                                format!(
                                    "redefinition of group name '{}' as group {}; was group {}",
                                    n,
                                    self.groups + 1,
                                    self.names
                                        .iter()
                                        .find(|(x, _)| *x == n)
                                        .map_or(0, |(_, g)| *g)
                                ),
                                name_start,
                            );
                        }
                        name = Some(n);
                    } else if self.eat('=') {
                        let name_start = self.pos;
                        let mut n = String::new();
                        loop {
                            match self.peek() {
                                Some(')') => {
                                    self.pos += 1;
                                    break;
                                }
                                Some(c) => {
                                    n.push(c);
                                    self.pos += 1;
                                }
                                None => return err("missing ), unterminated name", name_start),
                            }
                        }
                        return match self.names.iter().find(|(x, _)| *x == n) {
                            Some((_, g)) => Ok(Node::Backref(*g)),
                            None => err(format!("unknown group name '{}'", n), name_start),
                        };
                    } else {
                        return err("unknown extension ?P", start + 1);
                    }
                }
                Some('=') => {
                    self.pos += 1;
                    look = Some((false, true));
                }
                Some('!') => {
                    self.pos += 1;
                    look = Some((false, false));
                }
                Some('<') => {
                    self.pos += 1;
                    match self.peek() {
                        Some('=') => look = Some((true, true)),
                        Some('!') => look = Some((true, false)),
                        _ => return err("unknown extension ?<", start + 1),
                    }
                    self.pos += 1;
                }
                Some('#') => {
                    while let Some(c) = self.peek() {
                        self.pos += 1;
                        if c == ')' {
                            return Ok(Node::Empty);
                        }
                    }
                    return err("missing ), unterminated comment", start);
                }
                Some(c) if "aiLmsux-".contains(c) => {
                    let mut on = 0;
                    while let Some(c) = self.peek() {
                        let f = match c {
                            'i' => IGNORECASE,
                            'm' => MULTILINE,
                            's' => DOTALL,
                            'x' => VERBOSE,
                            'a' => ASCII,
                            'u' | 'L' => 0,
                            _ => break,
                        };
                        on |= f;
                        self.pos += 1;
                    }
                    if self.eat(')') {
                        if start != 0 {
                            return err("global flags not at the start of the expression", start);
                        }
                        self.flags |= on;
                        return Ok(Node::Empty);
                    }
                    return err("scoped inline flags are not supported yet", start);
                }
                Some(c) => return err(format!("unknown extension ?{}", c), start + 1),
                None => return err("unexpected end of pattern", self.pos),
            }
        }
        let number = if capture && look.is_none() {
            self.groups += 1;
            if let Some(n) = name {
                self.names.push((n, self.groups));
            }
            Some(self.groups)
        } else {
            None
        };
        self.open.push(start);
        let inner = self.alternation()?;
        self.open.pop();
        if !self.eat(')') {
            return err("missing ), unterminated subpattern", start);
        }
        Ok(match (number, look) {
            (_, Some((behind, positive))) => {
                if behind && width(&inner).is_none() {
                    return err("look-behind requires fixed-width pattern", start);
                }
                Node::Look(Box::new(inner), behind, positive)
            }
            (Some(n), None) => Node::Group(n, Box::new(inner)),
            (None, None) => inner,
        })
    }

    fn class(&mut self, start: usize) -> Result<Node, ParseError> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let here = self.pos;
            let Some(c) = self.peek() else {
                return err("unterminated character set", start);
            };
            self.pos += 1;
            if c == ']' && !first {
                break;
            }
            first = false;
            let lo = match c {
                '\\' => match self.escape(here, true)? {
                    Escaped::Char(c) => c,
                    Escaped::Node(Node::Category(cat, neg)) => {
                        items.push(ClassItem::Category(cat, neg));
                        continue;
                    }
                    Escaped::Node(_) => return err("bad escape in a character set", here),
                },
                c => c,
            };
            if self.peek() == Some('-') && self.chars.get(self.pos + 1).is_some_and(|c| *c != ']') {
                self.pos += 1;
                let hi_pos = self.pos;
                let Some(h) = self.peek() else {
                    return err("unterminated character set", start);
                };
                self.pos += 1;
                let hi = if h == '\\' {
                    match self.escape(hi_pos, true)? {
                        Escaped::Char(c) => c,
                        Escaped::Node(_) => {
                            let text: String = self.chars[here..self.pos].iter().collect();
                            return err(format!("bad character range {}", text), here);
                        }
                    }
                } else {
                    h
                };
                if hi < lo {
                    let text: String = self.chars[here..self.pos].iter().collect();
                    return err(format!("bad character range {}", text), here);
                }
                items.push(ClassItem::Range(lo, hi));
            } else {
                items.push(ClassItem::Char(lo));
            }
        }
        Ok(Node::Class(items, negated))
    }

    fn escape(&mut self, start: usize, in_class: bool) -> Result<Escaped, ParseError> {
        let Some(c) = self.peek() else {
            return err("bad escape (end of pattern)", start);
        };
        self.pos += 1;
        let simple = |c: char| Ok(Escaped::Char(c));
        match c {
            'd' => Ok(Escaped::Node(Node::Category(Category::Digit, false))),
            'D' => Ok(Escaped::Node(Node::Category(Category::Digit, true))),
            'w' => Ok(Escaped::Node(Node::Category(Category::Word, false))),
            'W' => Ok(Escaped::Node(Node::Category(Category::Word, true))),
            's' => Ok(Escaped::Node(Node::Category(Category::Space, false))),
            'S' => Ok(Escaped::Node(Node::Category(Category::Space, true))),
            'n' => simple('\n'),
            't' => simple('\t'),
            'r' => simple('\r'),
            'f' => simple('\u{c}'),
            'v' => simple('\u{b}'),
            'a' => simple('\u{7}'),
            'b' if in_class => simple('\u{8}'),
            'b' => Ok(Escaped::Node(Node::Anchor(Anchor::WordBoundary))),
            'B' if !in_class => Ok(Escaped::Node(Node::Anchor(Anchor::NotWordBoundary))),
            'A' if !in_class => Ok(Escaped::Node(Node::Anchor(Anchor::StringStart))),
            'Z' if !in_class => Ok(Escaped::Node(Node::Anchor(Anchor::StringEnd))),
            'x' | 'u' | 'U' => {
                let n = match c {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut v = 0u32;
                for k in 0..n {
                    match self.chars.get(self.pos + k).and_then(|d| d.to_digit(16)) {
                        Some(d) => v = v * 16 + d,
                        None => {
                            let text: String = self.chars
                                [start..(self.pos + k).min(self.chars.len())]
                                .iter()
                                .collect();
                            return err(format!("incomplete escape {}", text), start);
                        }
                    }
                }
                self.pos += n;
                match char::from_u32(v) {
                    Some(ch) => simple(ch),
                    None => err("bad escape", start),
                }
            }
            '0' => {
                let mut v = 0u32;
                let mut k = 0;
                while k < 2 {
                    match self.peek().and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            self.pos += 1;
                            k += 1;
                        }
                        None => break,
                    }
                }
                simple(char::from_u32(v).unwrap_or('\0'))
            }
            '1'..='9' if !in_class => {
                let mut n = c.to_digit(10).unwrap_or(0) as usize;
                if let Some(d) = self.peek().and_then(|d| d.to_digit(10)) {
                    n = n * 10 + d as usize;
                    self.pos += 1;
                }
                if n > self.groups {
                    return err(format!("invalid group reference {}", n), start + 1);
                }
                Ok(Escaped::Node(Node::Backref(n)))
            }
            c if c.is_ascii_alphanumeric() => err(format!("bad escape \\{}", c), start),
            c => simple(c),
        }
    }
}

enum Escaped {
    Char(char),
    Node(Node),
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// The fixed width of a node in characters, if it has one (lookbehind).
pub fn width(node: &Node) -> Option<usize> {
    Some(match node {
        Node::Empty | Node::Anchor(_) | Node::Look(..) => 0,
        Node::Char(_) | Node::Any | Node::Class(..) | Node::Category(..) => 1,
        Node::Concat(items) => {
            let mut total = 0;
            for i in items {
                total += width(i)?;
            }
            total
        }
        Node::Alt(alts) => {
            let first = width(alts.first()?)?;
            for a in alts {
                if width(a)? != first {
                    return None;
                }
            }
            first
        }
        Node::Group(_, inner) => width(inner)?,
        Node::Repeat(inner, min, max, _) => {
            if Some(*min) != *max {
                return None;
            }
            width(inner)? * *min as usize
        }
        Node::Backref(_) => return None,
    })
}
