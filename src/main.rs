use clap::Parser;

use std::ffi::c_void;

use libmimalloc_sys as mi;

// tree-sitter allocates a node at a time and the walking threads allocate
// concurrently: mimalloc serves both faster than glibc's malloc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc.h (v2 and v3 alike): how long freed
/// memory stays mapped before it goes back to the system. 0 (handing it
/// back at once) made a large file fault the same pages in again and again
/// (66,000 page faults for 40 MB at peak, 12% of the run in the kernel
/// zeroing pages); 100 ms keeps what a file's next trees reuse.
const MI_OPTION_PURGE_DELAY: mi::mi_option_t = 15;
const PURGE_DELAY_MS: std::ffi::c_long = 100;

/// tree-sitter's allocator must never return null (its own aborts).
fn non_null(p: *mut c_void, size: usize) -> *mut c_void {
    if p.is_null() && size != 0 {
        std::process::abort();
    }
    p
}

unsafe extern "C" fn ts_malloc(size: usize) -> *mut c_void {
    non_null(unsafe { mi::mi_malloc(size) }, size)
}

unsafe extern "C" fn ts_calloc(n: usize, size: usize) -> *mut c_void {
    non_null(unsafe { mi::mi_calloc(n, size) }, n.saturating_mul(size))
}

unsafe extern "C" fn ts_realloc(p: *mut c_void, size: usize) -> *mut c_void {
    non_null(unsafe { mi::mi_realloc(p, size) }, size)
}

unsafe extern "C" fn ts_free(p: *mut c_void) {
    unsafe { mi::mi_free(p) }
}

fn main() {
    // Transparent huge pages make each page fault zero 2 MiB where a few
    // KiB are used: without them peak memory on the shared corpus was 46
    // instead of 63 MB at the same speed (`/usr/bin/time -f %M` and
    // hyperfine, `-j2 --format json`, 2026-12-03).
    #[cfg(target_os = "linux")]
    // SAFETY: a process-wide flag, set before any thread exists.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    // SAFETY: first thing in main, on the only thread, before any
    // tree-sitter call; the four functions are one allocator family, and
    // mimalloc aligns like malloc.
    unsafe {
        mi::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS);
        tree_sitter::set_allocator(Some(tree_sitter::Allocator {
            malloc: ts_malloc,
            calloc: ts_calloc,
            realloc: ts_realloc,
            free: ts_free,
        }));
    }
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
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                0
            } else {
                eprintln!("leakfix: {e:#}");
                2
            }
        }
    };
    std::process::exit(code);
}
