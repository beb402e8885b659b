//! `hash()` as CPython 3.11 computes it, so that sets (whose order follows
//! the hashes) iterate and print as CPython's do.
//!
//! Numbers hash by their value modulo the Mersenne prime 2**61 - 1, so that
//! equal ints, floats and bools hash equal (`hash(-1) == -2`: -1 is
//! CPython's error value). Tuples combine their items' hashes with
//! CPython's xxHash-based mix, frozensets with its order-independent
//! shuffle. What CPython leaves to chance we fix:
//!
//! * `str` and `bytes` hash with SipHash-1-3 keyed with zeros, which is
//!   CPython's own hash under `PYTHONHASHSEED=0` (a run with random seeds
//!   has no order to match; this one matches that reproducible run);
//! * objects hashed by identity (instances, functions, classes, futures...)
//!   hash as CPython hashes an address, `id >> 4`, where `id()` is the
//!   deterministic fake address their reprs show;
//! * `None`, `...` and `NotImplemented` (address-based in 3.11) take fixed
//!   values, `None` the constant Python 3.12 gives it;
//! * a float NaN hashes to 0 (its Python 3.9 hash; 3.10+ hash its address,
//!   and two NaNs are never equal anyway).

use num_traits::Signed;

use std::rc::Rc;

use super::bigint::BigInt;
use super::value::{Payload, PyErr, PyResult, Value};
use super::Vm;

/// The modulus of numeric hashes, 2**61 - 1.
pub const MODULUS: u64 = (1 << 61) - 1;
const BITS: u32 = 61;

/// `hash(inf)`; `hash(-inf)` is its negation.
pub const INF: i64 = 314_159;

/// `hash(None)`: the constant Python 3.12 gave it.
pub const NONE: i64 = 0xFCA8_6420;
/// `hash(...)`.
pub const ELLIPSIS: i64 = 0x7F00_1000_0E11 >> 4;
/// `hash(NotImplemented)`.
pub const NOT_IMPLEMENTED: i64 = 0x7F00_1000_0401 >> 4;

/// CPython's error value -1 becomes -2.
fn fix(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(i)` for an int that fits in 64 bits.
pub fn int(i: i64) -> i64 {
    let m = (i.unsigned_abs() % MODULUS) as i64;
    fix(if i < 0 { -m } else { m })
}

/// `hash(b)` for an int of any size.
pub fn bigint(b: &BigInt) -> i64 {
    let mut m: u64 = 0;
    // Horner's rule on 32-bit words, most significant first, mod 2**61 - 1.
    for w in b.magnitude().iter_u32_digits().rev() {
        m = (((m as u128) << 32 | w as u128) % MODULUS as u128) as u64;
    }
    let m = m as i64;
    fix(if b.is_negative() { -m } else { m })
}

/// `hash(f)`: the hash of the rational number it is, so that it equals the
/// hash of an equal int.
pub fn float(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { INF } else { -INF };
    }
    if f == 0.0 {
        return 0;
    }
    let bits = f.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    // f = mantissa * 2**e exactly.
    let (mantissa, e) = if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), exponent - 1075)
    };
    // 2**61 == 1 (mod 2**61 - 1): exponents reduce modulo 61.
    let e = e.rem_euclid(BITS as i64) as u32;
    let m = ((mantissa as u128) << e) % MODULUS as u128;
    let m = m as i64;
    fix(if f < 0.0 { -m } else { m })
}

/// SipHash-1-3 with a zero key: CPython 3.11's `str`/`bytes` hash under
/// `PYTHONHASHSEED=0`.
fn siphash13(data: &[u8]) -> u64 {
    let mut v0: u64 = 0x736f_6d65_7073_6575;
    let mut v1: u64 = 0x646f_7261_6e64_6f6d;
    let mut v2: u64 = 0x6c79_6765_6e65_7261;
    let mut v3: u64 = 0x7465_6462_7974_6573;
    let round = |v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64| {
        *v0 = v0.wrapping_add(*v1);
        *v1 = v1.rotate_left(13) ^ *v0;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v3);
        *v3 = v3.rotate_left(16) ^ *v2;
        *v0 = v0.wrapping_add(*v3);
        *v3 = v3.rotate_left(21) ^ *v0;
        *v2 = v2.wrapping_add(*v1);
        *v1 = v1.rotate_left(17) ^ *v2;
        *v2 = v2.rotate_left(32);
    };
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let m = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        v3 ^= m;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= m;
    }
    let mut last = (data.len() as u64) << 56;
    for (i, b) in chunks.remainder().iter().enumerate() {
        last |= (*b as u64) << (8 * i);
    }
    v3 ^= last;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= last;
    v2 ^= 0xff;
    for _ in 0..3 {
        round(&mut v0, &mut v1, &mut v2, &mut v3);
    }
    v0 ^ v1 ^ v2 ^ v3
}

/// `hash(b)` for bytes.
pub fn bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    fix(siphash13(b) as i64)
}

/// `hash(s)` for a str: CPython hashes its compact representation, one,
/// two or four bytes per character depending on the widest one.
pub fn str(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    if s.is_ascii() {
        return fix(siphash13(s.as_bytes()) as i64);
    }
    let widest = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let mut buf = Vec::with_capacity(s.len() * 2);
    for c in s.chars() {
        let c = c as u32;
        if widest < 0x100 {
            buf.push(c as u8);
        } else if widest < 0x10000 {
            buf.extend_from_slice(&(c as u16).to_le_bytes());
        } else {
            buf.extend_from_slice(&c.to_le_bytes());
        }
    }
    fix(siphash13(&buf) as i64)
}

/// CPython's tuple hash (xxHash's mixing), fed item hashes in order.
pub struct TupleHasher {
    acc: u64,
    len: u64,
}

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

impl Default for TupleHasher {
    fn default() -> Self {
        TupleHasher {
            acc: XXPRIME_5,
            len: 0,
        }
    }
}

impl TupleHasher {
    /// Mixes in the next item's hash.
    pub fn add(&mut self, h: i64) {
        self.acc = self.acc.wrapping_add((h as u64).wrapping_mul(XXPRIME_2));
        self.acc = self.acc.rotate_left(31);
        self.acc = self.acc.wrapping_mul(XXPRIME_1);
        self.len += 1;
    }

    /// The tuple's hash.
    pub fn finish(self) -> i64 {
        let acc = self.acc.wrapping_add(self.len ^ (XXPRIME_5 ^ 3_527_539));
        if acc == u64::MAX {
            return 1_546_275_796;
        }
        acc as i64
    }
}

/// The hash of a tuple whose items hash to `hashes`.
pub fn tuple(hashes: &[i64]) -> i64 {
    let mut h = TupleHasher::default();
    for x in hashes {
        h.add(*x);
    }
    h.finish()
}

fn shuffle(h: u64) -> u64 {
    ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
}

/// CPython's frozenset hash of the given element hashes (order does not
/// matter).
pub fn frozenset(hashes: impl Iterator<Item = i64>) -> i64 {
    let mut h: u64 = 0;
    let mut n: u64 = 0;
    for x in hashes {
        h ^= shuffle(x as u64);
        n += 1;
    }
    h ^= (n + 1).wrapping_mul(1_927_868_237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69_069).wrapping_add(907_133_923);
    if h == u64::MAX {
        return 590_923_713;
    }
    h as i64
}

/// `id(x)` for an object with identity number `id`: the address its repr
/// shows (see `repr::fake_address`).
pub fn id_address(id: u64) -> u64 {
    0x7f00_0000_0000 + 0x1000_0000 + id * 0x40
}

/// The hash of an object hashed by identity: CPython's `_Py_HashPointer`
/// of its (fake) address.
pub fn identity(id: u64) -> i64 {
    (id_address(id) >> 4) as i64
}

/// A stable hash of a name, for the few objects that carry no identity
/// number (built-in functions, modules, iterators).
fn named(kind: &str, name: &str) -> i64 {
    fix((siphash13(name.as_bytes()) ^ siphash13(kind.as_bytes())) as i64 >> 4)
}

/// The identity number of an object hashed by identity, when it has one.
pub fn identity_of(v: &Value) -> Option<u64> {
    match v {
        Value::Instance(i) => Some(i.id),
        Value::Function(f) => Some(f.id),
        Value::Class(c) => Some(c.id),
        Value::Coroutine(c) => Some(c.id),
        Value::Object(o) => o.identity(),
        _ => None,
    }
}

impl Vm {
    /// `hash(v)`: CPython's value for numbers, strings and tuples, a class's
    /// own `__hash__` when it has one, CPython's `TypeError` for
    /// unhashable values.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        Ok(match v {
            Value::Str(s) => str(s),
            Value::Int(i) => int(*i),
            Value::Bool(b) => *b as i64,
            Value::None => NONE,
            Value::Float(f) => float(*f),
            Value::BigInt(b) => bigint(b),
            Value::Bytes(b) => bytes(b),
            Value::Tuple(items) => {
                let mut h = TupleHasher::default();
                for x in items.iter() {
                    h.add(self.hash(x)?);
                }
                h.finish()
            }
            Value::FrozenSet(s) => s.borrow().frozen_hash(),
            Value::Instance(inst) => return self.instance_hash(v, inst),
            Value::Range(r) => {
                let n = r.len();
                let items = match n {
                    0 => vec![int(0), NONE, NONE],
                    1 => vec![int(1), int(r.start), NONE],
                    _ => vec![int(n), int(r.start), int(r.step)],
                };
                tuple(&items)
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
                return Err(self.unhashable(v))
            }
            Value::Object(o) => {
                if let Some(m) = o.class(self).lookup("__hash__") {
                    if matches!(m, Value::None) {
                        return Err(self.unhashable(v));
                    }
                }
                match o.identity() {
                    Some(id) => identity(id),
                    None => named("object", o.class_name()),
                }
            }
            Value::BoundMethod(m) => {
                let this = match identity_of(&m.this) {
                    Some(id) => identity(id),
                    None => self.hash(&m.this).unwrap_or(0),
                };
                this ^ self.hash(&m.func)?
            }
            Value::Native(f) => named("builtin", &f.qualname),
            Value::Module(m) => named("module", &m.name),
            Value::Ellipsis => ELLIPSIS,
            Value::NotImplemented => NOT_IMPLEMENTED,
            other => match identity_of(other) {
                Some(id) => identity(id),
                None => named("value", &other.type_name()),
            },
        })
    }

    /// An instance's hash: its class's `__hash__` (None makes it
    /// unhashable), a namedtuple's tuple hash, an enum member's name hash,
    /// or its identity.
    fn instance_hash(&mut self, v: &Value, inst: &super::value::Instance) -> PyResult<i64> {
        match inst.class.lookup("__hash__") {
            Some(Value::None) => return Err(self.unhashable(v)),
            Some(Value::Native(_)) | None => {}
            Some(f) => {
                let r = self.call(&f, super::value::Args::new(vec![v.clone()]))?;
                return match r {
                    Value::Int(i) => Ok(fix(i)),
                    Value::Bool(b) => Ok(b as i64),
                    // A hash beyond 64 bits is the hash of that int.
                    Value::BigInt(b) => Ok(bigint(&b)),
                    _ => {
                        Err(self.new_error("TypeError", "__hash__ method should return an integer"))
                    }
                };
            }
        }
        match &inst.payload {
            // A subclass of a built-in type hashes as its value does (a
            // list's, dict's or set's subclass is unhashable).
            Payload::Builtin(inner) => match inner {
                Value::List(_) | Value::Dict(_) | Value::Set(_) => Err(self.unhashable(v)),
                inner => {
                    let inner = inner.clone();
                    self.hash(&inner)
                }
            },
            Payload::Tuple(items) => {
                let items = items.clone();
                let mut h = TupleHasher::default();
                for x in items.iter() {
                    h.add(self.hash(x)?);
                }
                Ok(h.finish())
            }
            _ => Ok(identity(inst.id)),
        }
    }

    /// CPython's `TypeError: unhashable type: 'T'`.
    pub fn unhashable(&mut self, v: &Value) -> PyErr {
        let msg = format!("unhashable type: '{}'", v.type_name());
        self.new_error("TypeError", &msg)
    }

    /// `id(v)`: the address its repr shows for objects with an identity,
    /// the allocation for other heap values (two lists are never one
    /// object), a stable number derived from the value for the values
    /// held inline (ints, floats, None...).
    pub fn id_of(&mut self, v: &Value) -> i64 {
        if let Some(id) = identity_of(v) {
            return id_address(id) as i64;
        }
        let raw = match v {
            Value::List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Dict(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Set(r) | Value::FrozenSet(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Str(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Bytes(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::BigInt(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Slice(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Range(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Native(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::BoundMethod(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Module(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Iterator(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Cell(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Object(r) => Rc::as_ptr(r) as *const u8 as usize,
            _ => {
                let h = self.hash(v).unwrap_or(0) as u64;
                return (0x7e00_0000_0000 + ((h & 0xff_ffff_ffff) << 4)) as i64;
            }
        };
        (raw as u64 & 0x7fff_ffff_ffff) as i64
    }
}

/// The hash of an int of either size held in a value (bools included).
pub fn number(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(int(*i)),
        Value::Bool(b) => Some(*b as i64),
        Value::BigInt(b) => Some(bigint(b)),
        Value::Float(f) => Some(float(*f)),
        _ => None,
    }
}

/// `hash(x) mod 2**64` as CPython's set and dict use it (the probe index
/// is `hash & mask`, perturbed by the hash's unsigned bits).
pub fn unsigned(h: i64) -> u64 {
    h as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_hash_modulo_the_mersenne_prime() {
        assert_eq!(int(-1), -2);
        assert_eq!(int(1 << 61), 1);
        assert_eq!(int((1 << 61) - 1), 0);
        assert_eq!(int(-(1 << 61)), -2);
        assert_eq!(int(i64::MIN), -4);
        let b: BigInt = BigInt::from(1) << 100usize;
        assert_eq!(bigint(&b), 549_755_813_888);
        assert_eq!(bigint(&-b), -549_755_813_888);
    }

    #[test]
    fn floats_hash_as_the_equal_int_and_as_cpython() {
        assert_eq!(float(1.5), 1_152_921_504_606_846_977);
        assert_eq!(float(-1.5), -1_152_921_504_606_846_977);
        assert_eq!(float(1e300), 1_224_995_262_755_759_164);
        assert_eq!(float(1e-300), 482_449_582_752_280_463);
        assert_eq!(float(-0.0), 0);
        assert_eq!(float(f64::INFINITY), 314_159);
        assert_eq!(float(2f64.powi(70)), bigint(&(BigInt::from(1) << 70usize)));
        assert_eq!(float(-1.0), -2);
    }

    #[test]
    fn tuples_and_frozensets_hash_as_cpython() {
        assert_eq!(tuple(&[int(1), int(2)]), -3_550_055_125_485_641_917);
        assert_eq!(tuple(&[]), 5_740_354_900_026_072_187);
        assert_eq!(frozenset(std::iter::empty()), 133_146_708_735_736);
        assert_eq!(frozenset([1, 2, 3].into_iter()), -272_375_401_224_217_160);
    }

    #[test]
    fn strings_hash_as_cpython_with_a_zero_seed() {
        assert_eq!(str("a"), 4_644_417_185_603_328_019);
        assert_eq!(bytes(b"a"), 4_644_417_185_603_328_019);
        assert_eq!(str(""), 0);
        assert_eq!(str("hello world, this is long"), 7_650_859_633_215_404_784);
        assert_eq!(str("é"), 6_047_309_291_227_476_195);
        assert_eq!(str("€"), -5_529_981_157_763_016_009);
        assert_eq!(str("😀"), -3_536_540_696_076_613_844);
    }
}
