//! `uniffi-bindgen`, pinned to the workspace's uniffi: generates Kotlin and Swift from the built
//! `libzavu_uniffi` in library mode. The PyPI generator lags the crate, so never use that one.

fn main() {
    uniffi::uniffi_bindgen_main()
}
