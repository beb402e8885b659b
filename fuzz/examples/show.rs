//! Prints mutants of a program: `cargo run --example show -- FILE [N]`.
use aioscope_fuzz::mutate::{mutate_many, Rng};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let src = std::fs::read_to_string(&args[1]).expect("a readable file");
    let n: u32 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    for seed in 0..n {
        let mut rng = Rng::new(seed);
        if let Some(m) = mutate_many(&src, &mut rng) {
            println!("===== mutant {seed}\n{m}");
        }
    }
}
