//! Sets the linker flags a Node add-on needs (undefined N-API symbols resolved by the host).
fn main() {
    napi_build::setup();
}
