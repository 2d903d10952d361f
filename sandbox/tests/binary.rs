//! The `zavu-sandbox` binary prints exactly the documented lines, then serves.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[test]
fn the_binary_prints_its_address_and_keys() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zavu-sandbox"))
        .args(["--port", "0"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut lines = BufReader::new(stdout).lines();
    let mut first_three = Vec::new();
    for _ in 0..3 {
        match lines.next() {
            Some(Ok(line)) => first_three.push(line),
            _ => break,
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(first_three.len(), 3, "{first_three:?}");
    let port: u16 = first_three[0]
        .strip_prefix("listening on http://127.0.0.1:")
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("unexpected first line {:?}", first_three[0]));
    assert!(port > 0);
    assert_eq!(
        first_three[1],
        "api key: zavu_sandbox_key_default (team team_default)"
    );
    assert_eq!(
        first_three[2],
        "api key: zavu_sandbox_key_other (team team_other)"
    );
}

#[test]
fn custom_keys_are_printed_in_order() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zavu-sandbox"))
        .args([
            "--api-key",
            "k1",
            "--api-key",
            "k2",
            "--api-key",
            "k3",
            "--no-rate-limits",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let stdout = child.stdout.take().expect("stdout is piped");
    let lines: Vec<String> = BufReader::new(stdout)
        .lines()
        .take(4)
        .map_while(Result::ok)
        .collect();
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(
        lines[1..],
        [
            "api key: k1 (team team_default)",
            "api key: k2 (team team_other)",
            "api key: k3 (team team_3)",
        ]
    );
}
