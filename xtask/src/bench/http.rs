//! A small HTTP/1.1 client on tokio's `TcpStream`, for the abuse figures:
//! each request says exactly what a browser (or an attacker) would send —
//! `Origin`, `Cookie`, `X-Forwarded-For` — and a body is read at the pace
//! its caller chooses, which a client library would hide.

use std::io;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpSocket, TcpStream};

/// The longest any answer's head may take before the bench gives up on it.
pub const ANSWER_TIMEOUT: Duration = Duration::from_secs(30);

/// One request's bytes: the request line, `Host`, the given headers,
/// `Content-Length` when there is a body, and `Connection: close`.
pub fn request(
    method: &str,
    host: SocketAddr,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Vec<u8> {
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if !body.is_empty() || !matches!(method, "GET" | "HEAD") {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("Connection: close\r\n\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

/// A status line and headers.
#[derive(Debug, Clone)]
pub struct Head {
    pub status: u16,
    headers: Vec<(String, String)>,
}

impl Head {
    /// The first header of that name (case-insensitive).
    /// Every value of a header sent more than once (`Set-Cookie`).
    pub fn headers<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    pub fn content_length(&self) -> Option<u64> {
        self.header("content-length")?.trim().parse().ok()
    }

    /// `name=value` of the `Set-Cookie` header, if any.
    pub fn cookie(&self) -> Option<String> {
        let pair = self.header("set-cookie")?.split(';').next()?.trim();
        (!pair.ends_with('=')).then(|| pair.to_owned())
    }
}

/// A whole answer.
#[derive(Debug, Clone)]
pub struct Answer {
    pub head: Head,
    pub body: Vec<u8>,
}

impl Answer {
    /// The API's error code (`server_busy`, `too_many_attempts`…), if the
    /// body is an `ApiErrorBody` (`{"error": {"code": …}}`).
    pub fn code(&self) -> Option<String> {
        let body: serde_json::Value = serde_json::from_slice(&self.body).ok()?;
        body.get("error")?.get("code")?.as_str().map(str::to_owned)
    }
}

/// A connection, with a receive buffer of `receive_buffer` bytes if given
/// (a small one keeps a slow reader's kernel buffers small, so that the
/// server is the one holding what is not read yet).
pub async fn connect(
    addr: SocketAddr,
    receive_buffer: Option<u32>,
) -> io::Result<BufReader<TcpStream>> {
    let socket = if addr.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    if let Some(size) = receive_buffer {
        socket.set_recv_buffer_size(size)?;
    }
    let stream = socket.connect(addr).await?;
    stream.set_nodelay(true)?;
    // Small: a slow download reads a few KiB at a time through it.
    Ok(BufReader::with_capacity(8 * 1024, stream))
}

/// One request on a new connection, and its whole answer.
pub async fn exchange(addr: SocketAddr, request: &[u8]) -> io::Result<Answer> {
    let mut stream = connect(addr, None).await?;
    tokio::time::timeout(ANSWER_TIMEOUT, async {
        send(&mut stream, request).await?;
        let head = read_head(&mut stream).await?;
        let body = read_body(&mut stream, &head).await?;
        Ok(Answer { head, body })
    })
    .await
    .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "no answer in time"))?
}

pub async fn send(stream: &mut BufReader<TcpStream>, request: &[u8]) -> io::Result<()> {
    stream.get_mut().write_all(request).await?;
    stream.get_mut().flush().await
}

/// The status line and headers, up to the blank line.
pub async fn read_head<R: AsyncRead + Unpin>(stream: &mut BufReader<R>) -> io::Result<Head> {
    let mut line = String::new();
    stream.read_line(&mut line).await?;
    let status = line
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| invalid(&format!("not an HTTP status line: {line:?}")))?;
    let mut headers = Vec::new();
    loop {
        line.clear();
        if stream.read_line(&mut line).await? == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        let header = line.trim_end();
        if header.is_empty() {
            return Ok(Head { status, headers });
        }
        let (name, value) = header
            .split_once(':')
            .ok_or_else(|| invalid(&format!("not a header: {header:?}")))?;
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
}

/// The body: by `Content-Length`, chunked, or up to the end of the
/// connection.
pub async fn read_body<R: AsyncRead + Unpin>(
    stream: &mut BufReader<R>,
    head: &Head,
) -> io::Result<Vec<u8>> {
    let mut body = Vec::new();
    if let Some(length) = head.content_length() {
        (&mut *stream).take(length).read_to_end(&mut body).await?;
        if body.len() as u64 != length {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
    } else if head
        .header("transfer-encoding")
        .is_some_and(|value| value.eq_ignore_ascii_case("chunked"))
    {
        let mut line = String::new();
        loop {
            line.clear();
            stream.read_line(&mut line).await?;
            let size = line.trim().split(';').next().unwrap_or("");
            let size = u64::from_str_radix(size, 16)
                .map_err(|_| invalid(&format!("not a chunk size: {line:?}")))?;
            if size == 0 {
                // Trailers, up to the blank line.
                loop {
                    line.clear();
                    if stream.read_line(&mut line).await? == 0 || line.trim().is_empty() {
                        return Ok(body);
                    }
                }
            }
            (&mut *stream).take(size).read_to_end(&mut body).await?;
            line.clear();
            stream.read_line(&mut line).await?;
        }
    } else {
        stream.read_to_end(&mut body).await?;
    }
    Ok(body)
}

fn invalid(message: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_a_request_with_its_headers_and_body() {
        let addr: SocketAddr = "127.0.0.1:4000".parse().unwrap();
        let bytes = request(
            "POST",
            addr,
            "/api/v1/session",
            &[("Origin", "http://127.0.0.1:4000")],
            b"{}",
        );
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1:4000\r\n\
             Origin: http://127.0.0.1:4000\r\nContent-Length: 2\r\n\
             Connection: close\r\n\r\n{}"
        );
        let get = request("GET", addr, "/", &[], b"");
        assert!(!String::from_utf8(get).unwrap().contains("Content-Length"));
    }

    fn read(answer: &'static [u8]) -> io::Result<Answer> {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(async {
                let mut stream = BufReader::new(answer);
                let head = read_head(&mut stream).await?;
                let body = read_body(&mut stream, &head).await?;
                Ok(Answer { head, body })
            })
    }

    #[test]
    fn reads_answers_by_length_chunks_or_end() {
        let answer = read(
            b"HTTP/1.1 201 Created\r\nSet-Cookie: sp_session=abc; Path=/; HttpOnly\r\n\
              content-length: 13\r\n\r\n{\"code\":\"x\"}\nrest",
        )
        .unwrap();
        assert_eq!(answer.head.status, 201);
        assert_eq!(answer.head.cookie().as_deref(), Some("sp_session=abc"));
        assert_eq!(answer.body, b"{\"code\":\"x\"}\n");
        let chunked = read(
            b"HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n\
              A\r\n{\"error\":{\r\n16\r\n\"code\":\"server_busy\"}}\r\n0\r\n\r\n",
        )
        .unwrap();
        assert_eq!(chunked.code().as_deref(), Some("server_busy"));
        let to_end = read(b"HTTP/1.0 503 Busy\r\n\r\nbusy").unwrap();
        assert_eq!((to_end.head.status, to_end.body), (503, b"busy".to_vec()));
        assert!(read(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort").is_err());
        assert!(read(b"garbage\r\n\r\n").is_err());
    }
}
