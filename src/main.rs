use clap::Parser;

fn main() {
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
