//! Every `zavu` subcommand, run as the built binary against a sandbox started in this process.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;
use zavu_sandbox::Sandbox;

const BIN: &str = env!("CARGO_BIN_EXE_zavu");

/// A sandbox on its own runtime, so tests can block on the `zavu` process while it serves.
struct Env {
    sandbox: Option<Sandbox>,
    base_url: String,
    api_key: String,
    runtime: tokio::runtime::Runtime,
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    fn error_json(&self) -> Value {
        serde_json::from_str(&self.stderr)
            .unwrap_or_else(|e| panic!("stderr is not JSON ({e}):\n{}", self.stderr))
    }

    fn ok(self) -> Run {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

impl Env {
    fn new() -> Env {
        // reqwest is built without a default crypto provider; the tests' own client needs one.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let runtime = tokio::runtime::Runtime::new().expect("runtime");
        let sandbox = runtime.block_on(Sandbox::start()).expect("sandbox starts");
        Env {
            base_url: sandbox.base_url().to_string(),
            api_key: sandbox.api_key().to_string(),
            sandbox: Some(sandbox),
            runtime,
        }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(BIN);
        command
            .args(args)
            .env("ZAVUDEV_API_KEY", &self.api_key)
            .env("ZAVUDEV_BASE_URL", &self.base_url)
            .env_remove("ZAVUDEV_WEBHOOK_SECRET")
            .env_remove("ZAVUDEV_CUSTOM_HEADERS")
            .env_remove("ZAVUDEV_LOG");
        command
    }

    fn zavu(&self, args: &[&str]) -> Run {
        self.zavu_with_stdin(args, b"")
    }

    fn zavu_with_stdin(&self, args: &[&str], stdin: &[u8]) -> Run {
        exec(self.command(args), stdin)
    }

    /// Calls a sandbox control endpoint (lifecycle steps, seeding).
    fn control(&self, path: &str, body: Value) -> Value {
        let url = format!("{}{path}", self.base_url);
        self.runtime.block_on(async move {
            let response = reqwest::Client::new()
                .post(url)
                .header("content-type", "application/json")
                .body(body.to_string())
                .send()
                .await
                .expect("control call");
            assert!(response.status().is_success(), "{}", response.status());
            serde_json::from_str(&response.text().await.expect("body")).expect("json")
        })
    }

    fn create(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json", "invitations", "create"];
        all.extend_from_slice(args);
        self.zavu(&all).ok().json()
    }
}

impl Drop for Env {
    fn drop(&mut self) {
        if let Some(sandbox) = self.sandbox.take() {
            self.runtime.block_on(sandbox.shutdown());
        }
    }
}

fn exec(mut command: Command, stdin: &[u8]) -> Run {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("zavu runs");
    if let Some(mut pipe) = child.stdin.take() {
        pipe.write_all(stdin).expect("stdin");
    }
    let output = child.wait_with_output().expect("zavu ends");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// `zavu` without any sandbox, for help and usage errors.
fn bare(args: &[&str]) -> Run {
    let mut command = Command::new(BIN);
    command.args(args);
    exec(command, b"")
}

fn id_of(value: &Value) -> String {
    value["id"].as_str().expect("id").to_string()
}

#[test]
fn every_subcommand_has_help() {
    let top = bare(&["--help"]).ok();
    for name in [
        "invitations",
        "phone-numbers",
        "webhooks",
        "sandbox",
        "demo",
    ] {
        assert!(
            top.stdout.contains(name),
            "{name} missing from:\n{}",
            top.stdout
        );
    }
    for args in [
        &["invitations", "--help"][..],
        &["invitations", "create", "--help"],
        &["invitations", "list", "--help"],
        &["invitations", "get", "--help"],
        &["invitations", "cancel", "--help"],
        &["invitations", "wait", "--help"],
        &["phone-numbers", "purchase", "--help"],
        &["webhooks", "verify", "--help"],
        &["sandbox", "--help"],
        &["demo", "--help"],
    ] {
        let run = bare(args).ok();
        assert!(
            run.stdout.contains("Usage: zavu"),
            "{args:?}:\n{}",
            run.stdout
        );
    }
    let create = bare(&["invitations", "create", "--help"]).ok().stdout;
    for flag in [
        "--client-name",
        "--client-email",
        "--client-phone",
        "--phone-number-id",
        "--expires-in-days",
        "--connection-type",
        "--allowed-phone-countries",
        "--idempotency-key",
        "--api-key",
        "--base-url",
        "--timeout",
        "--max-retries",
        "--json",
    ] {
        assert!(create.contains(flag), "{flag} missing from create --help");
    }
    assert!(bare(&["--version"]).ok().stdout.starts_with("zavu "));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["nope"],
        &["invitations"],
        &["invitations", "get"],
        &["invitations", "list", "--limit", "abc"],
        &["invitations", "wait", "inv_1", "--timeout", "5x"],
        &["invitations", "wait", "inv_1", "--poll-interval", "0s"],
        &["phone-numbers", "purchase"],
        &["webhooks", "verify", "--secret", "s"],
        &["--api-key", "k", "demo"],
    ] {
        let run = bare(args);
        assert_eq!(run.code, 2, "{args:?}\n{}", run.stderr);
        assert!(run.stdout.is_empty() || args.is_empty(), "{args:?}");
    }
}

#[test]
fn create_prints_fields_or_json_with_every_field() {
    let env = Env::new();
    let human = env
        .zavu(&[
            "invitations",
            "create",
            "--client-name",
            "Acme Corp",
            "--client-email",
            "contact@acme.com",
            "--expires-in-days",
            "7",
        ])
        .ok();
    assert!(
        human.stdout.contains("client name   Acme Corp"),
        "{}",
        human.stdout
    );
    assert!(
        human
            .stdout
            .lines()
            .any(|l| l.starts_with("status") && l.ends_with("pending"))
    );
    assert!(
        human
            .stdout
            .contains(&format!("url           {}/invite/", env.base_url))
    );
    assert!(human.stderr.is_empty());

    let number = env
        .zavu(&["--json", "phone-numbers", "purchase", "+14155551234"])
        .ok()
        .json();
    let number_id = number["id"].as_str().unwrap();
    let invitation = env.create(&[
        "--client-name",
        "Acme Corp",
        "--client-email",
        "contact@acme.com",
        "--client-phone",
        "+14155550000",
        "--phone-number-id",
        number_id,
        "--expires-in-days",
        "14",
        "--connection-type",
        "whatsapp_waba",
        "--allowed-phone-countries",
        "US,CA",
        "--allowed-phone-countries",
        "MX",
    ]);
    assert_eq!(invitation["clientName"], "Acme Corp");
    assert_eq!(invitation["clientEmail"], "contact@acme.com");
    assert_eq!(invitation["clientPhone"], "+14155550000");
    assert_eq!(invitation["phoneNumberId"], number_id);
    assert_eq!(invitation["connectionType"], "whatsapp_waba");
    assert_eq!(invitation["status"], "pending");
    assert_eq!(
        invitation["allowedPhoneCountries"],
        serde_json::json!(["US", "CA", "MX"])
    );
    let created = time::OffsetDateTime::parse(
        invitation["createdAt"].as_str().unwrap(),
        &time::format_description::well_known::Rfc3339,
    )
    .unwrap();
    let expires = time::OffsetDateTime::parse(
        invitation["expiresAt"].as_str().unwrap(),
        &time::format_description::well_known::Rfc3339,
    )
    .unwrap();
    assert_eq!((expires - created).whole_days(), 14);
}

#[test]
fn an_idempotency_key_makes_one_invitation() {
    let env = Env::new();
    let args = [
        "--client-name",
        "Once",
        "--idempotency-key",
        "cli-test-key-1",
    ];
    let first = env.create(&args);
    let second = env.create(&args);
    assert_eq!(first["id"], second["id"]);
    let list = env.zavu(&["--json", "invitations", "list"]).ok().json();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
}

#[test]
fn local_validation_exits_1_with_code_and_param() {
    let env = Env::new();
    let run = env.zavu(&["invitations", "create", "--client-email", "not-an-email"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr
            .starts_with("error[invalid_request]: clientEmail must be a valid email address"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("param: clientEmail"));

    let run = env.zavu(&["--json", "invitations", "create", "--expires-in-days", "31"]);
    assert_eq!(run.code, 1);
    let error = &run.error_json()["error"];
    assert_eq!(error["code"], "invalid_request");
    assert_eq!(error["param"], "expiresInDays");
    assert_eq!(error["status"], Value::Null);
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("between 1 and 30")
    );

    for args in [
        &["invitations", "create", "--connection-type", "telegram"][..],
        &["invitations", "create", "--client-phone", "5551234"],
        &["invitations", "create", "--allowed-phone-countries", "usa"],
        &[
            "invitations",
            "create",
            "--connection-type",
            "messenger",
            "--phone-number-id",
            "pn_1",
        ],
        &["invitations", "list", "--limit", "0"],
        &["invitations", "list", "--status", "paused"],
        &["phone-numbers", "purchase", "4155551234"],
    ] {
        let run = env.zavu(args);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.starts_with("error[invalid_request]"),
            "{args:?}: {}",
            run.stderr
        );
    }
    // Nothing refused locally reached the sandbox.
    let list = env.zavu(&["--json", "invitations", "list"]).ok().json();
    assert_eq!(list["items"].as_array().unwrap().len(), 0);
}

#[test]
fn api_errors_exit_1_with_code_and_status() {
    let env = Env::new();
    let run = env.zavu(&["invitations", "get", "inv_missing"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr
            .starts_with("error[not_found]: Invitation not found\n"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("  status: 404"));

    let run = env.zavu(&["--json", "invitations", "cancel", "inv_missing"]);
    assert_eq!(run.code, 1);
    let error = &run.error_json()["error"];
    assert_eq!(error["code"], "not_found");
    assert_eq!(error["status"], 404);
    assert_eq!(error["message"], "Invitation not found");

    // A phone number the team does not have is refused by the server, not locally.
    let run = env.zavu(&["invitations", "create", "--phone-number-id", "pn_missing"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with("error[not_found]: Phone number not found"),
        "{}",
        run.stderr
    );

    let run = env.zavu(&["invitations", "list", "--api-key", "zavu_wrong_key"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error[unauthorized]"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("status: 401"));
    assert!(!run.stderr.contains("zavu_wrong_key"));
}

#[test]
fn missing_key_and_unreachable_server_exit_1() {
    let mut command = Command::new(BIN);
    command
        .args(["invitations", "list"])
        .env_remove("ZAVUDEV_API_KEY")
        .env("ZAVUDEV_BASE_URL", "http://127.0.0.1:9");
    let run = exec(command, b"");
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error[missing_api_key]"),
        "{}",
        run.stderr
    );

    // A port that was just free: the connection is refused at once.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", listener.local_addr().unwrap())
    };
    let mut command = Command::new(BIN);
    command
        .args([
            "invitations",
            "get",
            "inv_1",
            "--api-key",
            "k",
            "--base-url",
            &closed,
            "--max-retries",
            "0",
            "--timeout",
            "5s",
        ])
        .env_remove("ZAVUDEV_API_KEY");
    let run = exec(command, b"");
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error[connection_error]"),
        "{}",
        run.stderr
    );
}

#[test]
fn options_before_the_subcommand_work_too() {
    let env = Env::new();
    let mut command = Command::new(BIN);
    command
        .args([
            "--api-key",
            &env.api_key,
            "--base-url",
            &env.base_url,
            "--max-retries",
            "1",
            "--timeout",
            "10s",
            "--json",
            "invitations",
            "create",
            "--client-name",
            "Top",
        ])
        .env_remove("ZAVUDEV_API_KEY")
        .env_remove("ZAVUDEV_BASE_URL");
    let created = exec(command, b"").ok().json();
    assert_eq!(created["clientName"], "Top");
}

#[test]
fn get_and_cancel() {
    let env = Env::new();
    let invitation = env.create(&["--client-name", "Acme Corp"]);
    let id = id_of(&invitation);

    let human = env.zavu(&["invitations", "get", &id]).ok();
    assert!(
        human.stdout.starts_with(&format!("id            {id}\n")),
        "{}",
        human.stdout
    );
    let got = env.zavu(&["--json", "invitations", "get", &id]).ok().json();
    assert_eq!(got, invitation);

    let cancelled = env.zavu(&["invitations", "cancel", &id]).ok();
    assert!(
        cancelled
            .stdout
            .lines()
            .any(|l| l == "status        cancelled"),
        "{}",
        cancelled.stdout
    );
    let again = env.zavu(&["--json", "invitations", "cancel", &id]);
    assert_eq!(again.code, 1);
    assert_eq!(again.error_json()["error"]["code"], "conflict");

    let done = id_of(&env.create(&[]));
    env.control(&format!("/sandbox/invitations/{done}/start"), Value::Null);
    env.control(
        &format!("/sandbox/invitations/{done}/complete"),
        Value::Null,
    );
    let refused = env.zavu(&["invitations", "cancel", &done]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.starts_with("error[already_completed]"),
        "{}",
        refused.stderr
    );
    assert!(refused.stderr.contains("status: 409"));
}

#[test]
fn list_pages_tables_and_streams() {
    let env = Env::new();
    let empty = env.zavu(&["invitations", "list"]).ok();
    assert_eq!(empty.stdout, "No invitations.\n");

    env.control(
        "/sandbox/invitations/seed",
        serde_json::json!({"count": 5, "clientNamePrefix": "Client"}),
    );
    let cancelled = id_of(&env.create(&["--client-name", "Gone"]));
    env.zavu(&["invitations", "cancel", &cancelled]).ok();

    let table = env.zavu(&["invitations", "list"]).ok();
    let lines: Vec<&str> = table.stdout.lines().collect();
    assert_eq!(lines.len(), 7, "{}", table.stdout);
    assert!(lines[0].starts_with("ID "));
    let headers: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(
        headers,
        ["ID", "STATUS", "CLIENT", "SENDER", "CREATED", "EXPIRES"]
    );
    // Newest first, columns aligned under their headers.
    assert!(lines[1].starts_with(&cancelled));
    let status_column = lines[0].find("STATUS").unwrap();
    assert_eq!(&lines[1][status_column..status_column + 9], "cancelled");
    assert!(
        lines[2..]
            .iter()
            .all(|l| l.contains("pending") && l.contains("Client "))
    );
    assert!(
        lines[1].contains("T") && lines[1].ends_with('Z'),
        "RFC 3339 times: {}",
        lines[1]
    );

    let page = env
        .zavu(&["--json", "invitations", "list", "--limit", "4"])
        .ok();
    assert!(page.stderr.is_empty());
    let page = page.json();
    assert_eq!(page["items"].as_array().unwrap().len(), 4);
    let cursor = page["nextCursor"]
        .as_str()
        .expect("a next page")
        .to_string();
    let human = env.zavu(&["invitations", "list", "--limit", "4"]).ok();
    assert!(
        human.stderr.contains(&format!("--cursor {cursor}")),
        "{}",
        human.stderr
    );
    let rest = env
        .zavu(&[
            "--json",
            "invitations",
            "list",
            "--limit",
            "4",
            "--cursor",
            &cursor,
        ])
        .ok()
        .json();
    assert_eq!(rest["items"].as_array().unwrap().len(), 2);
    assert_eq!(rest["nextCursor"], Value::Null);

    let all = env
        .zavu(&["--json", "invitations", "list", "--all", "--limit", "2"])
        .ok()
        .json();
    let ids: Vec<&str> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 6);
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 6);
    assert_eq!(all["nextCursor"], Value::Null);

    let streamed = env
        .zavu(&["invitations", "list", "--all", "--limit", "2"])
        .ok();
    assert_eq!(streamed.stdout.lines().count(), 7, "{}", streamed.stdout);
    assert!(streamed.stderr.is_empty());

    let filtered = env
        .zavu(&[
            "--json",
            "invitations",
            "list",
            "--status",
            "cancelled",
            "--all",
        ])
        .ok()
        .json();
    assert_eq!(filtered["items"].as_array().unwrap().len(), 1);
    assert_eq!(filtered["items"][0]["id"], cancelled.as_str());
}

#[test]
fn wait_returns_the_final_state() {
    let env = Env::new();
    let id = id_of(&env.create(&["--client-name", "Acme Corp"]));
    let base_url = env.base_url.clone();
    let id_for_client = id.clone();
    // Plays the client a little later, while `zavu invitations wait` is polling.
    let client = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(400));
        let runtime = tokio::runtime::Runtime::new().unwrap();
        runtime.block_on(async {
            let http = reqwest::Client::new();
            for step in ["start", "complete"] {
                let status = http
                    .post(format!(
                        "{base_url}/sandbox/invitations/{id_for_client}/{step}"
                    ))
                    .send()
                    .await
                    .unwrap()
                    .status();
                assert!(status.is_success());
            }
        });
    });
    let run = env
        .zavu(&[
            "invitations",
            "wait",
            &id,
            "--poll-interval",
            "100ms",
            "--timeout",
            "20s",
        ])
        .ok();
    client.join().unwrap();
    assert!(
        run.stdout.lines().any(|l| l == "status        completed"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("sender        snd_"), "{}", run.stdout);
    // No spinner when stderr is not a terminal.
    assert!(run.stderr.is_empty(), "{}", run.stderr);

    let json = env
        .zavu(&[
            "--json",
            "invitations",
            "wait",
            &id,
            "--poll-interval",
            "100ms",
        ])
        .ok()
        .json();
    assert_eq!(json["status"], "completed");

    let pending = id_of(&env.create(&[]));
    let run = env.zavu(&[
        "invitations",
        "wait",
        &pending,
        "--poll-interval",
        "100ms",
        "--timeout",
        "1s",
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error[wait_timeout]"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("still pending"));
}

#[test]
fn phone_numbers_purchase() {
    let env = Env::new();
    let human = env
        .zavu(&[
            "phone-numbers",
            "purchase",
            "+14155551234",
            "--name",
            "Client: Acme Corp",
        ])
        .ok();
    assert!(
        human.stdout.contains("phone number  +14155551234"),
        "{}",
        human.stdout
    );
    assert!(human.stdout.contains("name          Client: Acme Corp"));
    assert!(human.stdout.starts_with("id            pn_"));

    let json = env
        .zavu(&["--json", "phone-numbers", "purchase", "+14155550101"])
        .ok()
        .json();
    assert_eq!(json["phoneNumber"], "+14155550101");
    assert_eq!(json["status"], "active");

    let taken = env.zavu(&["--json", "phone-numbers", "purchase", "+14155551234"]);
    assert_eq!(taken.code, 1);
    assert_eq!(taken.error_json()["error"]["code"], "conflict");
    assert_eq!(taken.error_json()["error"]["status"], 409);
}

#[test]
fn phone_numbers_search_requirements_list_get_update_release() {
    let env = Env::new();
    let table = env
        .zavu(&["phone-numbers", "search", "US", "--limit", "3"])
        .ok();
    assert!(table.stdout.starts_with("NUMBER"), "{}", table.stdout);
    assert!(table.stdout.contains("+14155551234"), "{}", table.stdout);
    let found = env
        .zavu(&[
            "--json",
            "phone-numbers",
            "search",
            "GB",
            "--type",
            "mobile",
        ])
        .ok()
        .json();
    let pick = found["items"][0]["phoneNumber"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(pick.starts_with("+44"), "{pick}");

    let needs = env
        .zavu(&["--json", "phone-numbers", "requirements", "--phone", &pick])
        .ok()
        .json();
    assert_eq!(needs["items"][0]["countryCode"], "GB");
    let none = env
        .zavu(&["phone-numbers", "requirements", "--country", "US"])
        .ok();
    assert!(none.stdout.contains("No regulatory information needed"));

    let bought = env
        .zavu(&[
            "--json",
            "phone-numbers",
            "purchase",
            &pick,
            "--name",
            "UK line",
        ])
        .ok()
        .json();
    let id = bought["id"].as_str().unwrap().to_string();
    let list = env.zavu(&["phone-numbers", "list"]).ok();
    assert!(list.stdout.starts_with("ID"), "{}", list.stdout);
    assert!(list.stdout.contains(&pick));
    let got = env
        .zavu(&["--json", "phone-numbers", "get", &id])
        .ok()
        .json();
    assert_eq!(got["name"], "UK line");
    let updated = env
        .zavu(&["--json", "phone-numbers", "update", &id, "--clear-name"])
        .ok()
        .json();
    assert!(updated.get("name").is_none(), "{updated}");
    let released = env.zavu(&["phone-numbers", "release", &id]).ok();
    assert!(released.stdout.contains("Released"));
    let empty = env
        .zavu(&["--json", "phone-numbers", "list", "--all"])
        .ok()
        .json();
    assert_eq!(empty["items"], serde_json::json!([]));

    let gone = env.zavu(&["--json", "phone-numbers", "get", &id]);
    assert_eq!(gone.code, 1);
    assert_eq!(gone.error_json()["error"]["code"], "not_found");
    let bad = env.zavu(&["--json", "phone-numbers", "search", "usa"]);
    assert_eq!(bad.code, 1);
    assert_eq!(bad.error_json()["error"]["param"], "countryCode");
    let usage = env.zavu(&["phone-numbers", "requirements"]);
    assert_eq!(usage.code, 2);
}

const SECRET: &str = "whsec_cli_test_secret";

fn signed_event() -> (Vec<u8>, String) {
    let body = serde_json::json!({
        "id": "evt_cli_1",
        "type": "invitation.status_changed",
        "timestamp": 1_764_000_000_000i64,
        "projectId": "prj_team_default",
        "senderId": "snd_1",
        "data": {
            "invitationId": "inv_1",
            "clientName": "Acme Corp",
            "connectionType": "whatsapp_waba",
            "previousStatus": "in_progress",
            "currentStatus": "completed",
            "senderId": "snd_1",
        }
    })
    .to_string()
    .into_bytes();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let signature = zavu_core::webhooks::sign(&body, SECRET, now);
    (body, signature)
}

#[test]
fn webhooks_verify_accepts_signed_and_refuses_tampered() {
    let (body, signature) = signed_event();
    let verify = |body: &[u8], args: &[&str]| {
        let mut command = Command::new(BIN);
        command
            .args(["webhooks", "verify"])
            .args(args)
            .env_remove("ZAVUDEV_WEBHOOK_SECRET");
        exec(command, body)
    };

    let ok = verify(&body, &["--secret", SECRET, "--signature", &signature]).ok();
    assert!(
        ok.stdout.starts_with("signature verified\n"),
        "{}",
        ok.stdout
    );
    assert!(ok.stdout.contains("invitation.status_changed"));
    assert!(ok.stdout.contains("in_progress -> completed"));
    assert!(!ok.stdout.contains(SECRET) && !ok.stderr.contains(SECRET));

    let header_line = format!("X-Zavu-Signature: {signature}");
    let json = verify(
        &body,
        &["--json", "--secret", SECRET, "--signature", &header_line],
    )
    .ok()
    .json();
    assert_eq!(json["id"], "evt_cli_1");
    assert_eq!(json["data"]["currentStatus"], "completed");

    let mut tampered = body.clone();
    let at = tampered.len() - 3;
    tampered[at] = b'X';
    let refused = verify(&tampered, &["--secret", SECRET, "--signature", &signature]);
    assert_eq!(refused.code, 1);
    assert!(refused.stdout.is_empty());
    assert!(
        refused.stderr.starts_with("error[invalid_signature]"),
        "{}",
        refused.stderr
    );
    assert!(!refused.stderr.contains(SECRET));

    let wrong_secret = verify(
        &body,
        &[
            "--json",
            "--secret",
            "whsec_other",
            "--signature",
            &signature,
        ],
    );
    assert_eq!(wrong_secret.code, 1);
    assert_eq!(
        wrong_secret.error_json()["error"]["code"],
        "invalid_signature"
    );

    let old = zavu_core::webhooks::sign(&body, SECRET, 1_000_000_000);
    let stale = verify(&body, &["--secret", SECRET, "--signature", &old]);
    assert_eq!(stale.code, 1);
    assert!(
        stale.stderr.starts_with("error[stale_signature]"),
        "{}",
        stale.stderr
    );

    // The secret can come from the environment instead of the command line.
    let mut command = Command::new(BIN);
    command
        .args(["webhooks", "verify", "--signature", &signature])
        .env("ZAVUDEV_WEBHOOK_SECRET", SECRET);
    let from_env = exec(command, &body).ok();
    assert!(from_env.stdout.starts_with("signature verified"));
    let help = bare(&["webhooks", "verify", "--help"]);
    assert!(!help.stdout.contains(SECRET));
}

#[test]
fn sandbox_subcommand_prints_its_address_and_keys() {
    let mut child = Command::new(BIN)
        .args([
            "sandbox",
            "--port",
            "0",
            "--api-key",
            "cli_key_one",
            "--api-key",
            "cli_key_two",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("zavu sandbox runs");
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let first = lines.next().unwrap().unwrap();
    let base_url = first
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line: {first}"))
        .to_string();
    assert!(base_url.starts_with("http://127.0.0.1:"));
    assert_eq!(
        lines.next().unwrap().unwrap(),
        "api key: cli_key_one (team team_default)"
    );
    assert_eq!(
        lines.next().unwrap().unwrap(),
        "api key: cli_key_two (team team_other)"
    );

    let mut command = Command::new(BIN);
    command
        .args([
            "--json",
            "invitations",
            "create",
            "--client-name",
            "Via CLI sandbox",
        ])
        .env("ZAVUDEV_API_KEY", "cli_key_one")
        .env("ZAVUDEV_BASE_URL", &base_url);
    let created = exec(command, b"");
    let _ = child.kill();
    let _ = child.wait();
    let created = created.ok().json();
    assert_eq!(created["clientName"], "Via CLI sandbox");
    assert!(created["url"].as_str().unwrap().starts_with(&base_url));
}

#[test]
fn demo_walks_the_guide_end_to_end() {
    let mut command = Command::new(BIN);
    command
        .arg("demo")
        .env_remove("ZAVUDEV_API_KEY")
        .env_remove("ZAVUDEV_BASE_URL");
    let run = exec(command, b"").ok();
    let out = &run.stdout;
    let steps: Vec<&str> = out.lines().filter(|l| l.starts_with('[')).collect();
    assert_eq!(steps.len(), 14, "{out}");
    for (i, line) in steps.iter().enumerate() {
        assert!(line.starts_with(&format!("[{}/14] ", i + 1)), "{line}");
    }
    assert!(out.contains("Purchased +14155551234"), "{out}");
    assert!(out.contains("Created invitation inv_"), "{out}");
    assert!(out.contains("for Acme Corp"), "{out}");
    assert!(out.contains("/invite/"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.contains("] Invitation inv_") && l.contains(" is completed")),
        "{out}"
    );
    assert!(
        out.lines().any(|l| l.contains("invitation.status_changed")
            && l.contains("-> completed, signature verified")),
        "{out}"
    );
    assert!(out.lines().any(|l| l.contains("] Sender snd_")), "{out}");
    assert!(out.contains("cancelled it (cancelled)"), "{out}");
    assert!(out.contains("error[not_found]"), "{out}");
    assert!(
        out.ends_with("Demo complete: all 14 steps succeeded.\n"),
        "{out}"
    );
    assert!(
        !out.contains("whsec_") && !run.stderr.contains("whsec_"),
        "the secret leaked"
    );
}
