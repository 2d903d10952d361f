//! The sandbox's modules depend on each other one way only (see "How it is built" in the
//! README): plain books at the bottom, the state that owns them, the pipeline and webhook delivery
//! above the state, the handlers on top. This reads `src/` and fails on a `crate::` import that
//! points sideways or up, so a new loop shows up here rather than in a review.

use std::collections::BTreeMap;
use std::path::Path;

/// Each module and its layer: a module may use only modules of a lower layer. A new module has to
/// be placed here.
const LAYERS: &[(&str, u32)] = &[
    // Plain data and helpers that know nothing of the running sandbox.
    ("config", 0),
    ("error", 0),
    ("rate_limit", 0),
    ("delivery_log", 0),
    ("server", 0),
    ("inventory", 0),
    ("openapi", 0),
    ("faults", 1),
    ("store", 1),
    ("idempotency", 1),
    ("request_log", 2),
    // The state owns one of each book above.
    ("state", 3),
    // What runs around and after the handlers.
    ("pipeline", 4),
    ("webhooks", 4),
    // The handlers.
    ("api", 5),
    ("control", 6),
    ("page", 7),
    // Test tooling over the whole router (cargo-fuzz, contract tests).
    ("fuzzing", 9),
];

/// What lib.rs itself defines (the router and what builds it): above every handler, so only
/// the test tooling may use it.
const ROOT_ITEMS: &[(&str, u32)] = &[("router", 8), ("webhook_client", 8)];

/// The modules a source file names as `crate::NAME`, outside comments.
fn crate_imports(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.push(name);
            }
        }
    }
    found
}

#[test]
fn modules_depend_on_lower_layers_only() {
    let layers: BTreeMap<&str, u32> = LAYERS.iter().copied().collect();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    let mut seen = 0;
    for entry in std::fs::read_dir(&src).expect("read src/") {
        let path = entry.expect("dir entry").path();
        let Some(module) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if path.extension().is_none_or(|e| e != "rs") || module == "lib" || module == "main" {
            continue;
        }
        seen += 1;
        let Some(&own) = layers.get(module) else {
            problems.push(format!("src/{module}.rs has no layer in tests/layering.rs"));
            continue;
        };
        let source = std::fs::read_to_string(&path).expect("read module");
        for used in crate_imports(&source) {
            let root = ROOT_ITEMS.iter().find(|(name, _)| *name == used.as_str());
            match layers.get(used.as_str()).or(root.map(|(_, layer)| layer)) {
                Some(&layer) if layer < own => {}
                Some(&layer) => problems.push(format!(
                    "{module} (layer {own}) uses crate::{used} (layer {layer})"
                )),
                None => problems.push(format!("{module} uses crate::{used}, which has no layer")),
            }
        }
    }
    assert_eq!(seen, LAYERS.len(), "every listed module exists in src/");
    assert!(
        problems.is_empty(),
        "layering broken:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_scanner_sees_imports_and_skips_comments() {
    let source = "use crate::state::{AppState, lock};\n/// see [`crate::pipeline`]\nlet x = crate::faults::path_matches(a, b); // crate::api\n";
    assert_eq!(crate_imports(source), ["state", "faults"]);
}
