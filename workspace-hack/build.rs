//! Without a build script Cargo ignores the crate's [build-dependencies], which unify the
//! features of what build scripts and proc-macros use.
fn main() {}
