//! `vntext`, the command-line tool, built as an example so that
//! `cargo build --release --examples` gives `target/release/examples/vntext`
//! (scripts and evaluations call that path). It is the same program as the
//! installable binary (`cargo install --path . --features cli`): this file
//! only includes `src/bin/vntext/`, whose dependencies are dev-dependencies
//! here. See `src/bin/vntext/main.rs` for the behaviour.

#[path = "../src/bin/vntext/main.rs"]
mod vntext_cli;

fn main() -> std::process::ExitCode {
    vntext_cli::main()
}
