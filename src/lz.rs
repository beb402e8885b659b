//! Compression for links: a small LZSS (a 4 KiB window, matches of 3 to
//! 34 bytes) and unpadded base64url, so a program fits in a URL fragment.
//!
//! Format: the input length as a LEB128 varint, then groups of up to eight
//! items, each group led by a flag byte (bit i set: item i is a match).
//! A literal is one byte; a match is two bytes, distance-1 in the high 12
//! bits and length-3 in the low 4, plus one more length byte when those 4
//! bits are all ones.

const WINDOW: usize = 4096;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = MIN_MATCH + 15 + 255;
const HASH_BITS: u32 = 12;
const MAX_CHAIN: usize = 48;
/// Links never decode to more than this (a guard against hostile input).
pub const MAX_OUTPUT: usize = 1 << 20;

fn hash3(b: &[u8]) -> usize {
    let v = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
    (v.wrapping_mul(2_654_435_761) >> (32 - HASH_BITS)) as usize
}

/// Compresses `input`.
pub fn compress(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() / 2 + 8);
    let mut n = input.len();
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            break;
        }
        out.push(byte | 0x80);
    }
    let mut head = vec![usize::MAX; 1 << HASH_BITS];
    let mut prev = vec![usize::MAX; input.len()];
    let insert = |head: &mut Vec<usize>, prev: &mut Vec<usize>, i: usize| {
        if i + MIN_MATCH <= input.len() {
            let h = hash3(&input[i..]);
            prev[i] = head[h];
            head[h] = i;
        }
    };
    let mut i = 0;
    let mut flag_at = usize::MAX;
    let mut item = 8;
    while i < input.len() {
        if item == 8 {
            flag_at = out.len();
            out.push(0);
            item = 0;
        }
        let mut best_len = 0;
        let mut best_dist = 0;
        if i + MIN_MATCH <= input.len() {
            let mut cand = head[hash3(&input[i..])];
            let mut chain = 0;
            while cand != usize::MAX && i - cand <= WINDOW && chain < MAX_CHAIN {
                let max = (input.len() - i).min(MAX_MATCH);
                let mut l = 0;
                while l < max && input[cand + l] == input[i + l] {
                    l += 1;
                }
                if l > best_len {
                    best_len = l;
                    best_dist = i - cand;
                    if l == max {
                        break;
                    }
                }
                cand = prev[cand];
                chain += 1;
            }
        }
        if best_len >= MIN_MATCH {
            out[flag_at] |= 1 << item;
            let d = best_dist - 1;
            let l = best_len - MIN_MATCH;
            let low = l.min(15);
            out.push((d >> 4) as u8);
            out.push(((d & 0xf) << 4 | low) as u8);
            if low == 15 {
                out.push((l - 15) as u8);
            }
            for k in i..i + best_len {
                insert(&mut head, &mut prev, k);
            }
            i += best_len;
        } else {
            out.push(input[i]);
            insert(&mut head, &mut prev, i);
            i += 1;
        }
        item += 1;
    }
    out
}

/// Decompresses; `None` for anything malformed.
pub fn decompress(data: &[u8]) -> Option<Vec<u8>> {
    let mut pos = 0;
    let mut n: usize = 0;
    let mut shift = 0;
    loop {
        let b = *data.get(pos)?;
        pos += 1;
        if shift > 28 {
            return None;
        }
        n |= ((b & 0x7f) as usize) << shift;
        shift += 7;
        if b & 0x80 == 0 {
            break;
        }
    }
    if n > MAX_OUTPUT {
        return None;
    }
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let flags = *data.get(pos)?;
        pos += 1;
        for item in 0..8 {
            if out.len() >= n {
                break;
            }
            if flags & (1 << item) != 0 {
                let a = *data.get(pos)? as usize;
                let b = *data.get(pos + 1)? as usize;
                pos += 2;
                let dist = (a << 4 | b >> 4) + 1;
                let mut len = (b & 0xf) + MIN_MATCH;
                if b & 0xf == 15 {
                    len += *data.get(pos)? as usize;
                    pos += 1;
                }
                if dist > out.len() || out.len() + len > n {
                    return None;
                }
                let start = out.len() - dist;
                for k in 0..len {
                    let c = out[start + k];
                    out.push(c);
                }
            } else {
                out.push(*data.get(pos)?);
                pos += 1;
            }
        }
    }
    if pos != data.len() {
        return None;
    }
    Some(out)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Unpadded base64url.
pub fn base64url(data: &[u8]) -> String {
    let mut s = String::with_capacity(data.len() * 4 / 3 + 3);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let v = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        let chars = chunk.len() + 1;
        for k in 0..chars {
            s.push(B64[(v >> (18 - 6 * k) & 63) as usize] as char);
        }
    }
    s
}

/// Decodes unpadded base64url (padding and whitespace are refused).
pub fn unbase64url(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let bytes = s.as_bytes();
    if bytes.len() % 4 == 1 {
        return None;
    }
    for chunk in bytes.chunks(4) {
        let mut v: u32 = 0;
        for (k, c) in chunk.iter().enumerate() {
            let d = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'-' => 62,
                b'_' => 63,
                _ => return None,
            } as u32;
            v |= d << (18 - 6 * k);
        }
        for k in 0..chunk.len() - 1 {
            out.push((v >> (16 - 8 * k)) as u8);
        }
    }
    Some(out)
}

/// A program as link text.
pub fn pack(source: &str) -> String {
    base64url(&compress(source.as_bytes()))
}

/// Link text back to a program; `None` if it is not one.
pub fn unpack(text: &str) -> Option<String> {
    String::from_utf8(decompress(&unbase64url(text)?)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_shrinks_a_program() {
        let (mut raw, mut packed_total) = (0, 0);
        for s in crate::scenarios::SCENARIOS {
            let packed = pack(s.source);
            assert_eq!(unpack(&packed).as_deref(), Some(s.source), "{}", s.id);
            // Never worse than base64 of the text itself; a short program
            // with little repetition may not shrink, the scenarios together do.
            assert!(packed.len() <= s.source.len() * 4 / 3 + 4, "{} grew", s.id);
            raw += s.source.len();
            packed_total += packed.len();
        }
        assert!(packed_total * 10 < raw * 9, "{packed_total} of {raw}");
        for text in ["", "a", "ab", "abc", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "中文 ünïcödé ✓"] {
            assert_eq!(unpack(&pack(text)).as_deref(), Some(text));
        }
    }

    #[test]
    fn malformed_input_is_refused_not_a_panic() {
        for bad in [
            "",
            "!!!!",
            "A",
            "AAAA",
            "_____",
            "zzzzzzzzzzzz",
            "AQID",
            "BgB",
        ] {
            let _ = unpack(bad);
        }
        assert_eq!(unpack("!!!!"), None);
        let mut packed = compress(b"hello hello hello hello");
        packed.pop();
        assert_eq!(decompress(&packed), None);
        // A length far beyond the guard.
        assert_eq!(decompress(&[0xff, 0xff, 0xff, 0x7f]), None);
        // A match reaching before the start.
        assert_eq!(decompress(&[5, 0b1, 0x10, 0x00]), None);
    }

    #[test]
    fn base64url_round_trips_every_length() {
        let data: Vec<u8> = (0..=255u8).collect();
        for n in 0..40 {
            assert_eq!(unbase64url(&base64url(&data[..n])).unwrap(), &data[..n]);
        }
    }
}
