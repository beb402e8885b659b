//! Tests that cross all three parts of `pyfmt` (huge precisions, random
//! specs that must never panic), and the helpers the per-file tests share.

use super::*;

pub(super) fn err(type_name: &'static str, message: &str) -> Result<String, FormatError> {
    Err(FormatError {
        type_name,
        message: message.to_string(),
    })
}

/// A tiny deterministic PRNG (xorshift64*).
pub(super) struct XorShift(pub(super) u64);

impl XorShift {
    pub(super) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

#[test]
fn big_precisions_are_exact_or_refused() {
    // '%.10000f' % 1e308 has 309 integer digits and 10 000 decimals.
    let s = format_float_fixed(1e308, 10_000);
    assert_eq!(s.len(), 309 + 1 + 10_000);
    assert!(s.starts_with("100000000000000001097906362944045541740492309677311846336810682903157585404911491537163328978494688899061249669721172515611590283743140088328307009198146046031271664502933027185697489699588559043338384466165001178426897626212945177628091195786707458122783970171784415105291802893207873272974885715430223118336."));
    assert_eq!(
        format_float(1.0, "10001"),
        err("ValueError", "Too many decimal digits in format string")
    );
    assert_eq!(
        format_float(1.0, ".10001f"),
        err("ValueError", "Too many decimal digits in format string")
    );
    assert_eq!(format_str("a", "10000").map(|s| s.len()), Ok(10_000));
    assert_eq!(format_float_exp(5e-324, 2000).len(), 2000 + 7);
    assert_eq!(
        format_float_general(0.1, usize::MAX).len(),
        "0.1000000000000000055511151231257827021181583404541015625".len()
    );
}

#[test]
fn no_panics_on_odd_input() {
    let alphabet: Vec<char> = "0123456789<>=^+- z#,_.%bcdeEfFgGnosxX*é()lh\n9"
        .chars()
        .collect();
    let mut rng = XorShift(12345);
    let values = [
        0.0,
        -0.0,
        1.5,
        -1e300,
        5e-324,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e22,
    ];
    for i in 0..30_000 {
        let len = (rng.next() % 9) as usize;
        let s: String = (0..len)
            .map(|_| alphabet[(rng.next() % alphabet.len() as u64) as usize])
            .collect();
        let v = values[i % values.len()];
        let _ = format_float(v, &s);
        let _ = format_int(i64::MIN + (i as i64 % 3), &s);
        let _ = format_int(i as i64 * 7919 - 100_000, &s);
        let _ = format_bool(i % 2 == 0, &s);
        let _ = format_str("héllo", &s);
        let _ = parse_format_spec(&s);
        let _ = parse_percent(&s);
        let pfmt = format!("%{s}");
        if let Ok(pieces) = parse_percent(&pfmt) {
            for piece in pieces {
                if let PercentPiece::Spec(spec) = piece {
                    for arg in [
                        PercentArg::Int(i64::MIN),
                        PercentArg::Int(-65),
                        PercentArg::Float(v),
                        PercentArg::Str("é"),
                        PercentArg::Str(""),
                    ] {
                        let _ = apply_percent(&spec, Some(i % 40), Some(i % 25), arg);
                        let _ = apply_percent(&spec, None, None, arg);
                    }
                }
            }
        }
    }
    for p in [0, 1, 17, 400] {
        for v in values {
            let _ = format_float_fixed(v, p);
            let _ = format_float_exp(v, p);
            let _ = format_float_general(v, p);
        }
    }
}
