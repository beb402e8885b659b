//! `aioscope-serve`: see the crate documentation and `--help`.

use std::process::ExitCode;

use aioscope_server::args::{self, Command};

fn main() -> ExitCode {
    match args::parse(std::env::args().skip(1)) {
        Ok(Command::Help) => {
            print!("{}", args::USAGE);
            ExitCode::SUCCESS
        }
        Ok(Command::Serve(config)) => match aioscope_server::run(config) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("aioscope-serve: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("aioscope-serve: {e}\n\n{}", args::USAGE);
            ExitCode::from(2)
        }
    }
}
