//! Several server processes on one database (PostgreSQL in production,
//! either engine here): the background work they share is never done twice.
//! Each "process" is a handle of its own on the test server's database.

mod support;

use shop_server::db::Database;
use shop_server::housekeeping::Housekeeping;
use shop_server::mail::Mail;
use std::collections::HashSet;
use std::time::Duration;
use support::TestServer;

fn mail(n: usize) -> Mail {
    Mail {
        to: format!("client{n}@exemple.fr"),
        subject: "Commande confirmée".into(),
        text: "Bonjour".into(),
        html: "<p>Bonjour</p>".into(),
    }
}

/// Takes due messages until none is left, as one sender does.
async fn drain(db: Database, now: i64) -> Vec<i64> {
    let mut taken = Vec::new();
    while let Some(row) = db.take_due_mail(now, now + 120).await.unwrap() {
        taken.push(row.id);
    }
    taken
}

#[tokio::test]
async fn two_senders_never_take_the_same_message() {
    let shop = TestServer::start().await;
    let db = shop.database().await;
    const MESSAGES: usize = 40;
    for n in 0..MESSAGES {
        assert!(
            db.enqueue_mail(&format!("test:{n}"), &mail(n), 100)
                .await
                .unwrap()
        );
    }
    let now = 200;
    let (first, second, third) = tokio::join!(
        drain(shop.database().await, now),
        drain(shop.database().await, now),
        drain(shop.database().await, now),
    );
    let all: Vec<i64> = [first, second, third].concat();
    let distinct: HashSet<i64> = all.iter().copied().collect();
    assert_eq!(all.len(), distinct.len(), "a message was taken twice");
    assert_eq!(distinct.len(), MESSAGES, "a message was left");
    shop.stop().await;
}

#[tokio::test]
async fn one_process_housekeeps_at_a_time_and_the_other_waits_for_its_turn() {
    let shop = TestServer::start().await;
    let db = shop.database().await;
    let photos =
        shop_server::projects::files::PhotoFiles::open(shop.data.path().join("photos")).unwrap();
    let clock = shop_server::clock::Clock::test();
    // Another process is in the middle of a pass (once the server's own
    // pass at start, if still running, is over).
    let now = clock.now();
    let mut taken = false;
    for _ in 0..100 {
        taken = db
            .take_lease("housekeeping", "other-process", now, now + 1800)
            .await
            .unwrap();
        if taken {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(taken, "the server's own pass kept the lease");
    let this_one = Housekeeping::new(shop.database().await, photos, clock);
    let pass = tokio::spawn(async move { this_one.pass().await });
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!pass.is_finished(), "a pass ran beside another process's");
    db.release_lease("housekeeping", "other-process")
        .await
        .unwrap();
    let purged = tokio::time::timeout(Duration::from_secs(5), pass)
        .await
        .expect("the pass runs once the lease is free")
        .unwrap();
    assert!(purged.is_ok(), "{purged:?}");
    // And gives the lease back when done.
    assert_eq!(db.lease("housekeeping").await.unwrap(), None);
    shop.stop().await;
}

#[tokio::test]
async fn a_lease_whose_holder_died_is_taken_over_once_it_ends() {
    let shop = TestServer::start().await;
    let (first, second) = (shop.database().await, shop.database().await);
    // A lease of its own: the server's reconciler and housekeeping take
    // theirs as it starts, at its own clock's time.
    const LEASE: &str = "two-processes-test";
    assert!(first.take_lease(LEASE, "a", 1000, 1600).await.unwrap());
    assert!(!second.take_lease(LEASE, "b", 1599, 2199).await.unwrap());
    // Both try at once after the end: exactly one wins.
    let (a, b) = tokio::join!(
        first.take_lease(LEASE, "c", 1601, 2201),
        second.take_lease(LEASE, "d", 1601, 2201),
    );
    assert!(a.unwrap() ^ b.unwrap());
    shop.stop().await;
}
