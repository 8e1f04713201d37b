//! Who is asking, as the throttles see it: the peer's address, or behind one
//! of `SHOP_TRUSTED_PROXIES` the address that proxy says it served. Only a
//! trusted peer's `X-Forwarded-For` is read: anyone else could write any
//! address there and escape every per-client limit.
//!
//! An IPv6 client is keyed by its /64, the block one subscriber gets: keyed
//! by the whole address, one home could change address for every request.

use super::ApiState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use ipnet::IpNet;
use std::convert::Infallible;
use std::fmt;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};

/// The client's address, resolved through the trusted proxies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

impl ClientAddress {
    /// Resolves the client behind `peer`. The header is read from the
    /// right: each trusted proxy appends the address it received from, so
    /// the first untrusted address from the right is the one no client can
    /// forge. Everything left of it is the client's own say.
    pub fn resolve(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> ClientAddress {
        let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
        if !is_trusted(&peer) {
            return ClientAddress(peer);
        }
        let hops: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .map(str::trim)
            .collect();
        let mut client = peer;
        for hop in hops.iter().rev() {
            let Some(ip) = parse_hop(hop) else {
                // Garbage right of any untrusted address: a proxy wrote it,
                // so the last good hop is as far as the chain can be read.
                break;
            };
            client = ip;
            if !is_trusted(&ip) {
                break;
            }
        }
        ClientAddress(client)
    }

    /// The throttle key: `client:192.0.2.1`, or `client:2001:db8:1:2::/64`.
    pub fn throttle_key(&self, prefix: &str) -> String {
        format!("{prefix}:{}", self.keyed())
    }

    /// What limits count by: `192.0.2.1`, or `2001:db8:1:2::/64`.
    pub fn limited_as(&self) -> String {
        self.keyed().to_string()
    }

    fn keyed(&self) -> Keyed {
        match self.0 {
            IpAddr::V4(v4) => Keyed::Whole(IpAddr::V4(v4)),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => Keyed::Whole(IpAddr::V4(v4)),
                None => {
                    let segments = v6.segments();
                    Keyed::Block64(Ipv6Addr::new(
                        segments[0],
                        segments[1],
                        segments[2],
                        segments[3],
                        0,
                        0,
                        0,
                        0,
                    ))
                }
            },
        }
    }
}

enum Keyed {
    Whole(IpAddr),
    Block64(Ipv6Addr),
}

impl fmt::Display for Keyed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Keyed::Whole(ip) => write!(f, "{ip}"),
            Keyed::Block64(net) => write!(f, "{net}/64"),
        }
    }
}

impl fmt::Display for ClientAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// `192.0.2.1`, `2001:db8::1`, and the forms proxies also write:
/// `192.0.2.1:5123` and `[2001:db8::1]:5123`.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|addr| addr.ip()))
}

impl FromRequestParts<ApiState> for ClientAddress {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &ApiState,
    ) -> Result<Self, Self::Rejection> {
        // Served by `into_make_service_with_connect_info`; a router called
        // without it (none in this crate) counts as one unknown client.
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::V6(Ipv6Addr::UNSPECIFIED), |info| info.0.ip());
        Ok(ClientAddress::resolve(
            peer,
            &parts.headers,
            &state.trusted_proxies,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append("x-forwarded-for", HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn proxies() -> Vec<IpNet> {
        vec!["10.0.0.0/8".parse().unwrap(), "::1/128".parse().unwrap()]
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_forwards() {
        let headers = forwarded(&["198.51.100.7"]);
        let client = ClientAddress::resolve(ip("203.0.113.9"), &headers, &proxies());
        assert_eq!(client.0, ip("203.0.113.9"));
        let client = ClientAddress::resolve(ip("203.0.113.9"), &headers, &[]);
        assert_eq!(client.0, ip("203.0.113.9"), "no proxies, no header read");
    }

    #[test]
    fn behind_a_trusted_proxy_the_rightmost_untrusted_hop_is_the_client() {
        // The client forged the first entry; the proxy appended the truth.
        let headers = forwarded(&["1.2.3.4, 198.51.100.7"]);
        let client = ClientAddress::resolve(ip("10.0.0.2"), &headers, &proxies());
        assert_eq!(client.0, ip("198.51.100.7"));
        // Two proxies, the header split over two lines.
        let headers = forwarded(&["1.2.3.4, 198.51.100.7", "10.0.0.3"]);
        let client = ClientAddress::resolve(ip("10.0.0.2"), &headers, &proxies());
        assert_eq!(client.0, ip("198.51.100.7"));
        let headers = forwarded(&["[2001:db8::5]:4711", "10.1.2.3:80"]);
        let client = ClientAddress::resolve(ip("::1"), &headers, &proxies());
        assert_eq!(client.0, ip("2001:db8::5"));
    }

    #[test]
    fn an_unreadable_or_missing_chain_stops_at_the_last_good_hop() {
        let client = ClientAddress::resolve(ip("10.0.0.2"), &HeaderMap::new(), &proxies());
        assert_eq!(client.0, ip("10.0.0.2"), "no header: the proxy itself");
        let headers = forwarded(&["198.51.100.7, not-an-address, 10.0.0.3"]);
        let client = ClientAddress::resolve(ip("10.0.0.2"), &headers, &proxies());
        assert_eq!(client.0, ip("10.0.0.3"));
    }

    #[test]
    fn ipv6_clients_are_keyed_by_their_64_block() {
        let one = ClientAddress(ip("2001:db8:1:2:aaaa::1"));
        let other = ClientAddress(ip("2001:db8:1:2:ffff:1:2:3"));
        let next_block = ClientAddress(ip("2001:db8:1:3::1"));
        assert_eq!(one.throttle_key("client"), "client:2001:db8:1:2::/64");
        assert_eq!(one.throttle_key("client"), other.throttle_key("client"));
        assert_ne!(
            one.throttle_key("client"),
            next_block.throttle_key("client")
        );
        let mapped = ClientAddress(ip("::ffff:192.0.2.1"));
        assert_eq!(mapped.throttle_key("client"), "client:192.0.2.1");
        let v4 = ClientAddress(ip("192.0.2.1"));
        assert_eq!(v4.throttle_key("operator"), "operator:192.0.2.1");
    }

    /// Any `X-Forwarded-For` chain from any peer: an address, never a
    /// panic; an untrusted peer is its own client, and a trusted one's
    /// client is the peer or a hop it forwarded.
    #[test]
    fn fuzz_forwarded_for() {
        use proptest::prelude::*;
        let address = prop_oneof![
            any::<[u8; 4]>().prop_map(IpAddr::from),
            any::<[u16; 8]>().prop_map(IpAddr::from),
            Just(ip("10.1.2.3")),
            Just(ip("::1")),
        ];
        let hop = prop_oneof![
            address.clone().prop_map(|ip| ip.to_string()),
            (address.clone(), any::<u16>())
                .prop_map(|(ip, port)| SocketAddr::new(ip, port).to_string()),
            crate::fuzz::text(30),
        ];
        let value = proptest::collection::vec(hop, 0..6).prop_map(|hops| hops.join(","));
        let cases = (
            address,
            proptest::collection::vec(value, 0..3),
            any::<bool>(),
        );
        crate::fuzz::run(
            "X-Forwarded-For (http::api::client_address::resolve)",
            cases,
            |(peer, values, behind)| {
                let mut headers = HeaderMap::new();
                for value in &values {
                    if let Ok(value) = HeaderValue::from_str(value) {
                        headers.append("x-forwarded-for", value);
                    }
                }
                let trusted = if behind { proxies() } else { Vec::new() };
                let client = ClientAddress::resolve(peer, &headers, &trusted);
                let _ = (client.throttle_key("client"), client.limited_as());
                if !trusted.iter().any(|net| net.contains(&peer)) {
                    prop_assert_eq!(client.0, peer);
                } else if client.0 != peer {
                    let forwarded = headers
                        .get_all("x-forwarded-for")
                        .iter()
                        .filter_map(|value| value.to_str().ok())
                        .flat_map(|value| value.split(','))
                        .any(|hop| parse_hop(hop.trim()) == Some(client.0));
                    prop_assert!(forwarded);
                }
                Ok(())
            },
        );
    }
}
