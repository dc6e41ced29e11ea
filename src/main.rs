use clap::Parser;

fn main() {
    // The walking threads also parse and analyse; deeply nested (hostile)
    // input needs more than the default 2 MiB of stack. Set before any
    // thread exists, and only if the user has not chosen.
    if std::env::var_os("RUST_MIN_STACK").is_none() {
        // SAFETY: no other thread runs yet, so nothing reads the environment concurrently.
        unsafe { std::env::set_var("RUST_MIN_STACK", (16usize << 20).to_string()) };
    }
    let args = leakfix::cli::Args::parse();
    let code = match leakfix::cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            if e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)) {
                0
            } else {
                eprintln!("leakfix: {e:#}");
                2
            }
        }
    };
    std::process::exit(code);
}
