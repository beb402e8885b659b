//! `_random`: the native half of `random`, as CPython splits it. The
//! generator core (MT19937, its seeding, `random()`, `getrandbits`) is
//! native so a seed gives CPython's exact numbers quickly; the
//! distributions are Python in `random.py`.
//!
//! A generator nobody seeded is seeded with a fixed value (runs repeat);
//! its first draw raises the VM's `unseeded_random` flag, which the trace
//! turns into a warning at that frame.

pub mod mt;

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::vm::bigint::{self, BigInt, Int};
// CPython's hash of a float, which is what seeding from a float uses.
use crate::vm::hash::float as float_hash;
use crate::vm::methods::def;
use crate::vm::modules::hashing::digest::{digest, Algorithm};
use crate::vm::types::new_class;
use crate::vm::value::{Args, Attrs, Class, ClassKind, Module, NativeObject, PyResult, Value};
use crate::vm::Vm;

use mt::Mt;

/// The seed of a generator nobody seeded (CPython would read the OS's
/// entropy; a fixed value keeps runs repeatable).
const UNSEEDED: u32 = 0x5eed;

/// One generator: `random.Random`'s state.
pub struct Generator {
    mt: RefCell<Mt>,
    /// Whether the program chose the seed (false: the fixed one).
    seeded: Cell<bool>,
    class: Rc<Class>,
}

impl NativeObject for Generator {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn class_name(&self) -> &str {
        "Generator"
    }
    fn class(&self, _vm: &Vm) -> Rc<Class> {
        self.class.clone()
    }
    fn repr(&self, vm: &mut Vm) -> PyResult<String> {
        Ok(format!("<_random.Generator object at {:#x}>", vm.next_id()))
    }
}

impl Generator {
    /// Notes the first draw from an unseeded generator for the trace.
    fn drawing(&self, vm: &mut Vm) {
        if !self.seeded.get() && !vm.unseeded_random_noted {
            vm.unseeded_random_noted = true;
            // The user's line that called in: the latest line event outside
            // the library modules (whose file names are `<name>`).
            let line = vm
                .lines
                .iter()
                .rev()
                .find(|e| !e.code.filename.starts_with('<'))
                .map_or(vm.last_line, |e| e.line);
            vm.unseeded_random = Some(line);
        }
    }
}

fn this<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a Generator> {
    match args.pos.first().and_then(|v| v.downcast::<Generator>()) {
        Some(g) => Ok(g),
        None => Err(vm.new_error(
            "TypeError",
            "a _random.Generator method needs its generator",
        )),
    }
}

/// The 32-bit words of `|n|`, least significant first.
fn int_key(n: i64) -> Vec<u32> {
    u64_key(n.unsigned_abs())
}

/// The 32-bit words of `a`, least significant first.
fn u64_key(a: u64) -> Vec<u32> {
    let mut key = vec![a as u32];
    if a >> 32 != 0 {
        key.push((a >> 32) as u32);
    }
    key
}

/// The words of the big-endian integer `bytes` (version-2 seeding of str
/// and bytes: the bytes then their SHA-512 digest), least significant
/// first, without leading zero words.
fn bytes_key(data: &[u8]) -> Vec<u32> {
    let mut all = data.to_vec();
    all.extend(digest(Algorithm::Sha512, data));
    let mut key: Vec<u32> = all
        .rchunks(4)
        .map(|c| {
            let mut w = [0u8; 4];
            w[4 - c.len()..].copy_from_slice(c);
            u32::from_be_bytes(w)
        })
        .collect();
    while key.len() > 1 && key.last() == Some(&0) {
        key.pop();
    }
    key
}

fn gen_seed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args)?;
    let (mt, seeded) = match args.pos.get(1).unwrap_or(&Value::None) {
        Value::None => (Mt::from_u32(UNSEEDED), false),
        Value::Int(n) => (Mt::from_key(&int_key(*n)), true),
        // The words of |n|, however many.
        Value::BigInt(n) => (
            Mt::from_key(&bigint::int_to_u32_words_le(Int::Big(n)).0),
            true,
        ),
        Value::Bool(b) => (Mt::from_key(&[*b as u32]), true),
        // Any other object seeds from its hash taken as unsigned.
        Value::Float(f) => (Mt::from_key(&u64_key(float_hash(*f) as u64)), true),
        Value::Str(s) => (Mt::from_key(&bytes_key(s.as_bytes())), true),
        Value::Bytes(b) => (Mt::from_key(&bytes_key(b)), true),
        other => {
            let msg = format!("seeding from a {} is not supported yet", other.type_name());
            return Err(vm.new_error("NotImplementedError", &msg));
        }
    };
    *g.mt.borrow_mut() = mt;
    g.seeded.set(seeded);
    Ok(Value::None)
}

fn gen_random(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args)?;
    g.drawing(vm);
    let x = g.mt.borrow_mut().next_f64();
    Ok(Value::Float(x))
}

/// A count of bits or bytes: a C int, as CPython converts it.
fn bits_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        Some(Value::Int(k)) if i32::try_from(*k).is_ok() => Ok(*k),
        Some(Value::Int(_) | Value::BigInt(_)) => {
            Err(vm.new_error("OverflowError", "Python int too large to convert to C int"))
        }
        Some(Value::Bool(b)) => Ok(*b as i64),
        Some(other) => Err(vm.new_error(
            "TypeError",
            &format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            ),
        )),
        None => Err(vm.new_error(
            "TypeError",
            "getrandbits() takes exactly one argument (0 given)",
        )),
    }
}

/// `getrandbits(k)` of any size: 32-bit words, least significant first.
fn random_bits(vm: &mut Vm, mt: &mut Mt, k: u64) -> PyResult<Value> {
    if k <= 64 {
        return Ok(bigint::int_value_u64(mt.bits_u64(k as u32)));
    }
    if k > bigint::MAX_BITS {
        return Err(vm.int_error(bigint::IntError::memory()));
    }
    Ok(bigint::int_from_u32_words_le(&mt.bits(k), false))
}

fn gen_getrandbits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args)?;
    let k = bits_arg(vm, args.pos.get(1))?;
    if k < 0 {
        return Err(vm.new_error("ValueError", "number of bits must be non-negative"));
    }
    g.drawing(vm);
    let mut mt = g.mt.borrow_mut();
    random_bits(vm, &mut mt, k as u64)
}

/// `_randbelow(n)` for `n > 0`: CPython's rejection sampling on
/// `getrandbits(n.bit_length())`.
fn gen_randbelow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args)?;
    let n = match args.pos.get(1) {
        Some(Value::Int(n)) => *n,
        Some(Value::Bool(b)) => *b as i64,
        Some(Value::BigInt(n)) => {
            let n: &BigInt = n;
            if n.sign() != bigint::Sign::Plus {
                return Ok(Value::Int(0));
            }
            g.drawing(vm);
            let k = bigint::bit_length(Int::Big(n));
            let mut mt = g.mt.borrow_mut();
            loop {
                let words = mt.bits(k);
                let r = BigInt::from_slice(bigint::Sign::Plus, &words);
                if &r < n {
                    return Ok(bigint::int_value(r));
                }
            }
        }
        _ => return Err(vm.new_error("TypeError", "_randbelow() needs an int")),
    };
    if n <= 0 {
        return Ok(Value::Int(0));
    }
    g.drawing(vm);
    let r = g.mt.borrow_mut().below(n as u64);
    Ok(Value::Int(r as i64))
}

/// `randbytes(n)`: `getrandbits(n * 8)` as little-endian bytes.
fn gen_randbytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args)?;
    let n = bits_arg(vm, args.pos.get(1))?;
    // CPython's randbytes is getrandbits(n * 8): a C int too.
    bits_arg(vm, Some(&Value::Int(n * 8)))?;
    if n < 0 {
        return Err(vm.new_error("ValueError", "number of bits must be non-negative"));
    }
    if n as u64 * 8 > bigint::MAX_BITS {
        return Err(vm.int_error(bigint::IntError::memory()));
    }
    g.drawing(vm);
    let words = g.mt.borrow_mut().bits(n as u64 * 8);
    let mut out: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
    out.truncate(n as usize);
    Ok(Value::Bytes(out.into()))
}

fn gen_getstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args)?;
    let mt = g.mt.borrow();
    let mut items: Vec<Value> = mt.state.iter().map(|w| Value::Int(*w as i64)).collect();
    items.push(Value::Int(mt.index as i64));
    Ok(Value::tuple(items))
}

fn gen_setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args)?;
    let items = match args.pos.get(1) {
        Some(Value::Tuple(t)) => t.clone(),
        _ => return Err(vm.new_error("TypeError", "state vector must be a tuple")),
    };
    if items.len() != 625 {
        return Err(vm.new_error("ValueError", "state vector is the wrong size"));
    }
    let mut mt = Mt::from_u32(0);
    for (i, v) in items.iter().enumerate() {
        let n = match v {
            Value::Int(n) => *n,
            Value::Bool(b) => *b as i64,
            other => {
                let msg = format!(
                    "'{}' object cannot be interpreted as an integer",
                    other.type_name()
                );
                return Err(vm.new_error("TypeError", &msg));
            }
        };
        if i < 624 {
            if !(0..=u32::MAX as i64).contains(&n) {
                let msg = if n < 0 {
                    "can't convert negative value to unsigned int"
                } else {
                    "Python int too large to convert to C unsigned long"
                };
                return Err(vm.new_error("OverflowError", msg));
            }
            mt.state[i] = n as u32;
        } else {
            if !(0..=624).contains(&n) {
                return Err(vm.new_error("ValueError", "invalid state"));
            }
            mt.index = n as usize;
        }
    }
    *g.mt.borrow_mut() = mt;
    g.seeded.set(true);
    Ok(Value::None)
}

fn new_generator(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let class = match args.pos.first() {
        Some(Value::Class(c)) => c.clone(),
        _ => return Err(vm.new_error("TypeError", "Generator.__new__ needs its class")),
    };
    Ok(Value::Object(Rc::new(Generator {
        mt: RefCell::new(Mt::from_u32(UNSEEDED)),
        seeded: Cell::new(false),
        class,
    })))
}

/// The `_random` module: the `Generator` class.
pub fn module(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = Module::new("_random");
    let ids = Cell::new(vm.next_id());
    let class = new_class(
        &ids,
        "Generator",
        "_random",
        vec![],
        ClassKind::Builtin,
        Attrs::default(),
    )
    .ok_or_else(|| vm.new_error("TypeError", "cannot build _random.Generator"))?;
    def(&class, "__new__", new_generator);
    def(&class, "seed", gen_seed);
    def(&class, "random", gen_random);
    def(&class, "getrandbits", gen_getrandbits);
    def(&class, "randbelow", gen_randbelow);
    def(&class, "randbytes", gen_randbytes);
    def(&class, "getstate", gen_getstate);
    def(&class, "setstate", gen_setstate);
    m.set("Generator", Value::Class(class));
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_seeds_hash_as_cpython() {
        // hash(1.5), hash(0.1), hash(-2.5), hash(1e300)
        assert_eq!(float_hash(1.5), 1152921504606846977);
        assert_eq!(float_hash(0.1), 230584300921369408);
        assert_eq!(float_hash(-2.5), -1152921504606846978);
        assert_eq!(float_hash(1e300), 1224995262755759164);
        assert_eq!(float_hash(-1.0), -2);
    }

    #[test]
    fn a_string_seed_gives_cpythons_first_float() {
        // random.seed("hello"); random.random()
        let mut mt = Mt::from_key(&bytes_key(b"hello"));
        assert_eq!(mt.next_f64(), 0.3537754404730722);
    }
}
