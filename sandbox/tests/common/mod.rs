//! Helpers shared by the sandbox's integration tests: a small JSON client around reqwest.
#![allow(dead_code)]

use reqwest::header::HeaderMap;
use reqwest::{Client, Method, StatusCode};
use serde_json::Value;
use zavu_sandbox::{Sandbox, SandboxConfig};

pub struct Api {
    pub sandbox: Sandbox,
    pub http: Client,
}

/// What a test looks at in an answer.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub json: Value,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

pub async fn start() -> Api {
    start_with(SandboxConfig::default()).await
}

pub async fn start_with(config: SandboxConfig) -> Api {
    let sandbox = Sandbox::start_with(config).await.expect("sandbox starts");
    // No pooled connections: a dropped connection must surface as an error, not a silent resend.
    let http = Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .expect("client builds");
    Api { sandbox, http }
}

impl Api {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.sandbox.base_url())
    }

    /// A /v1 call with the default team's key.
    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Answer {
        let key = self.sandbox.api_key().to_string();
        self.call_as(&key, method, path, body, &[]).await
    }

    pub async fn call_as(
        &self,
        key: &str,
        method: Method,
        path: &str,
        body: Option<Value>,
        headers: &[(&str, &str)],
    ) -> Answer {
        self.try_call_as(key, method, path, body, headers)
            .await
            .expect("request succeeds")
    }

    pub async fn try_call_as(
        &self,
        key: &str,
        method: Method,
        path: &str,
        body: Option<Value>,
        headers: &[(&str, &str)],
    ) -> Result<Answer, reqwest::Error> {
        let mut request = self
            .http
            .request(method, self.url(path))
            .header("authorization", format!("Bearer {key}"));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some(body) = body {
            request = request
                .header("content-type", "application/json")
                .body(body.to_string());
        }
        let response = request.send().await?;
        answer(response).await
    }

    /// A /sandbox control call (no auth).
    pub async fn control(&self, method: Method, path: &str, body: Option<Value>) -> Answer {
        let mut request = self.http.request(method, self.url(path));
        if let Some(body) = body {
            request = request.body(body.to_string());
        }
        answer(request.send().await.expect("control request succeeds"))
            .await
            .expect("control body reads")
    }

    pub async fn create(&self, body: Value) -> Value {
        let answer = self.call(Method::POST, "/v1/invitations", Some(body)).await;
        assert_eq!(answer.status, StatusCode::OK, "{:?}", answer.json);
        answer.json["invitation"].clone()
    }
}

async fn answer(response: reqwest::Response) -> Result<Answer, reqwest::Error> {
    let status = response.status();
    let headers = response.headers().clone();
    let text = response.text().await?;
    let json = serde_json::from_str(&text).unwrap_or(Value::String(text));
    Ok(Answer {
        status,
        headers,
        json,
    })
}
