//! Empty on purpose: this crate exists for its dependency list (Cargo.toml), which cargo-hakari
//! writes so that every workspace crate builds each shared dependency with the same features.
