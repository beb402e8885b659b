//! The Mersenne Twister MT19937 as CPython's `_random` runs it: the same
//! seeding from an array of 32-bit words, the same 53-bit floats and the
//! same `getrandbits`, so a seed gives CPython's numbers.

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator's state.
///
/// Invariant: `index <= 624`; `index == 624` means the next draw first
/// regenerates the whole block.
#[derive(Clone)]
pub struct Mt {
    /// The 624 words of state.
    pub state: [u32; N],
    /// The next word to temper and return.
    pub index: usize,
}

impl Mt {
    /// A generator seeded as `init_genrand(s)`.
    pub fn from_u32(s: u32) -> Mt {
        let mut state = [0u32; N];
        state[0] = s;
        for i in 1..N {
            let prev = state[i - 1];
            state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        Mt { state, index: N }
    }

    /// A generator seeded from a key of 32-bit words, least significant
    /// first (`init_by_array`): how CPython seeds from an int.
    pub fn from_key(key: &[u32]) -> Mt {
        let mut mt = Mt::from_u32(19_650_218);
        let key: &[u32] = if key.is_empty() { &[0] } else { key };
        let s = &mut mt.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = s[i - 1];
            s[i] = (s[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                s[0] = s[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = s[i - 1];
            s[i] =
                (s[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                s[0] = s[N - 1];
                i = 1;
            }
        }
        s[0] = 0x8000_0000;
        mt
    }

    /// The next 32 random bits.
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.regenerate();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn regenerate(&mut self) {
        let s = &mut self.state;
        let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        for k in 0..N {
            let y = (s[k] & UPPER_MASK) | (s[(k + 1) % N] & LOWER_MASK);
            s[k] = s[(k + M) % N] ^ (y >> 1) ^ mag(y);
        }
        self.index = 0;
    }

    /// A float in [0, 1) with 53 random bits (`random.random()`).
    pub fn next_f64(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` as 32-bit words, least significant first; the last
    /// word holds the leftover high bits (drawn as the top bits of a word).
    pub fn bits(&mut self, k: u64) -> Vec<u32> {
        let mut out = Vec::with_capacity(k.div_ceil(32) as usize);
        let mut left = k;
        while left > 0 {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left = left.saturating_sub(32);
        }
        out
    }

    /// `getrandbits(k)` for `k <= 64`.
    pub fn bits_u64(&mut self, k: u32) -> u64 {
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return (self.next_u32() >> (32 - k)) as u64;
        }
        let low = self.next_u32() as u64;
        let high = (self.next_u32() >> (64 - k)) as u64;
        low | (high << 32)
    }

    /// A uniform int in `[0, n)` for `n > 0`, by rejection as CPython's
    /// `_randbelow_with_getrandbits`: draw `n.bit_length()` bits until the
    /// value is below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.bits_u64(k);
            if r < n {
                return r;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_42_gives_cpythons_first_floats() {
        // random.seed(42); [random.random() for _ in range(3)]
        let mut mt = Mt::from_key(&[42]);
        assert_eq!(mt.next_f64(), 0.6394267984578837);
        assert_eq!(mt.next_f64(), 0.025010755222666936);
        assert_eq!(mt.next_f64(), 0.27502931836911926);
    }

    #[test]
    fn getrandbits_draws_cpythons_words() {
        // random.seed(1); getrandbits(8), getrandbits(40)
        let mut mt = Mt::from_key(&[1]);
        assert_eq!(mt.bits_u64(8), 34);
        assert_eq!(mt.bits_u64(40), 930157647946);
    }
}
