//! Project rows: the project, its photo order and its uploaded photos'
//! descriptions (the bytes are files, see `projects::files`).

use super::values_list;
use super::{Database, DbError, carts};
use shop_api::catalogue::ProductChoice;
use shop_api::page::Page;
use shop_api::project::{MAX_PHOTOS_PER_PROJECT, Photo, Project, ProjectSummary};

/// Whether a photo can be added to a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoRoom {
    Available,
    /// No such project in this account.
    NoProject,
    /// The project holds the most photos it may, other than this one.
    Full,
    /// The account's photos, other than this one, leave no room for it.
    QuotaFull,
}

/// What a save writes: the checked name, the choice, the photo order.
#[derive(Debug, Clone, Copy)]
pub struct DraftRow<'a> {
    pub name: &'a str,
    pub choice: &'a ProductChoice,
    pub photo_ids: &'a [&'a str],
}

fn sql_bytes(bytes: u64) -> i64 {
    i64::try_from(bytes).unwrap_or(i64::MAX)
}

type ProjectRow = (
    String,
    String,
    String,
    i64,
    Option<i64>,
    Option<String>,
    i64,
);
type OrderRow = (
    String,
    Option<String>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

fn count(value: i64) -> u32 {
    u32::try_from(value).unwrap_or(0)
}

fn max_photos() -> i64 {
    i64::try_from(MAX_PHOTOS_PER_PROJECT).unwrap_or(i64::MAX)
}

impl Database {
    /// The account's projects, last saved first: one page of `limit`, saved
    /// before the cursor `before` (a project's `updated_at` in
    /// milliseconds, unique within the account), with its next cursor.
    pub async fn projects(
        &self,
        account_id: i64,
        before: Option<i64>,
        limit: u32,
    ) -> Result<Page<ProjectSummary>, DbError> {
        let rows: Vec<(String, String, String, i64, i64)> = sqlx::query_as(
            "SELECT p.id, p.name, p.product_id, p.updated_at, \
             (SELECT COUNT(*) FROM project_photo_order o JOIN project_photos ph \
              ON ph.account_id = o.account_id AND ph.project_id = o.project_id AND ph.id = o.photo_id \
              WHERE o.account_id = p.account_id AND o.project_id = p.id) \
             FROM projects p WHERE p.account_id = $1 AND p.updated_at < $2 \
             ORDER BY p.updated_at DESC, p.id LIMIT $3",
        )
        .bind(account_id)
        .bind(before.unwrap_or(i64::MAX))
        .bind(i64::from(limit) + 1)
        .fetch_all(&self.pool)
        .await?;
        let page = Page::from_one_more(rows, limit, |row| row.3);
        Ok(Page {
            next_before: page.next_before,
            items: page
                .items
                .into_iter()
                .map(
                    |(id, name, product_id, updated_at, photos)| ProjectSummary {
                        id,
                        name,
                        product_id,
                        photo_count: count(photos),
                        updated_at: updated_at / 1000,
                    },
                )
                .collect(),
        })
    }

    /// The project with its uploaded photos in its order, and the ids it
    /// lists that are not uploaded yet.
    pub async fn project(&self, account_id: i64, id: &str) -> Result<Option<Project>, DbError> {
        // One read transaction: the project and its order from one snapshot.
        let mut tx = self.begin_read().await?;
        let row: Option<ProjectRow> = sqlx::query_as(
            "SELECT name, product_id, format_id, quantity, pages, cover_id, updated_at \
             FROM projects WHERE account_id = $1 AND id = $2",
        )
        .bind(account_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((name, product_id, format_id, quantity, pages, cover_id, updated_at)) = row else {
            return Ok(None);
        };
        let order: Vec<OrderRow> = sqlx::query_as(
            "SELECT o.photo_id, ph.content_type, ph.bytes, ph.width, ph.height \
             FROM project_photo_order o LEFT JOIN project_photos ph \
             ON ph.account_id = o.account_id AND ph.project_id = o.project_id AND ph.id = o.photo_id \
             WHERE o.account_id = $1 AND o.project_id = $2 ORDER BY o.position",
        )
        .bind(account_id)
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        let mut photos = Vec::new();
        let mut missing_photo_ids = Vec::new();
        for (photo_id, content_type, bytes, width, height) in order {
            match (content_type, bytes, width, height) {
                (Some(content_type), Some(bytes), Some(width), Some(height)) => {
                    photos.push(Photo {
                        id: photo_id,
                        content_type,
                        bytes: u64::try_from(bytes).unwrap_or(0),
                        width: count(width),
                        height: count(height),
                    });
                }
                _ => missing_photo_ids.push(photo_id),
            }
        }
        Ok(Some(Project {
            id: id.to_owned(),
            name,
            choice: ProductChoice {
                product_id,
                format_id,
                quantity: count(quantity),
                pages: pages.map(count),
                cover_id,
            },
            photos,
            missing_photo_ids,
            updated_at: updated_at / 1000,
        }))
    }

    /// Creates or replaces a project and its photo order, and deletes the
    /// uploaded photos the order no longer lists; answers their ids, whose
    /// files the caller deletes. `None`, and nothing written, when it would
    /// be a new project beyond the account's `max_projects`: counted in the
    /// statement that writes, so two creations at once cannot both take the
    /// last place.
    pub async fn save_project(
        &self,
        account_id: i64,
        id: &str,
        draft: DraftRow<'_>,
        max_projects: u32,
        now_ms: i64,
    ) -> Result<Option<Vec<String>>, DbError> {
        let DraftRow {
            name,
            choice,
            photo_ids,
        } = draft;
        let mut tx = self.begin_write().await?;
        // The account's saves one at a time: the count against the limit
        // and the latest `updated_at` cannot change under this one.
        self.lock_account(&mut tx, account_id).await?;
        // On SQLite the transaction holds the write lock from its start
        // (a read-then-write one could fail against a concurrent save). `updated_at` is kept above the account's latest so that the
        // list is in save order even within one millisecond.
        let written = sqlx::query(
            "INSERT INTO projects \
             (account_id, id, name, product_id, format_id, quantity, pages, cover_id, updated_at) \
             SELECT $1, $2, $3, $4, $5, $6, $7, $8, \
             CASE WHEN latest.at >= $9 THEN latest.at + 1 ELSE $10 END \
             FROM (SELECT COALESCE(MAX(updated_at), 0) AS at FROM projects WHERE account_id = $11) AS latest \
             WHERE EXISTS (SELECT 1 FROM projects WHERE account_id = $12 AND id = $13) \
             OR (SELECT COUNT(*) FROM projects WHERE account_id = $14) < $15 \
             ON CONFLICT (account_id, id) DO UPDATE SET name = excluded.name, \
             product_id = excluded.product_id, format_id = excluded.format_id, \
             quantity = excluded.quantity, pages = excluded.pages, cover_id = excluded.cover_id, \
             updated_at = excluded.updated_at",
        )
        .bind(account_id)
        .bind(id)
        .bind(name)
        .bind(&choice.product_id)
        .bind(&choice.format_id)
        .bind(i64::from(choice.quantity))
        .bind(choice.pages.map(i64::from))
        .bind(choice.cover_id.as_deref())
        .bind(now_ms)
        .bind(now_ms)
        .bind(account_id)
        .bind(account_id)
        .bind(id)
        .bind(account_id)
        .bind(i64::from(max_projects))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if written == 0 {
            return Ok(None);
        }
        sqlx::query("DELETE FROM project_photo_order WHERE account_id = $1 AND project_id = $2")
            .bind(account_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if !photo_ids.is_empty() {
            let sql = format!(
                "INSERT INTO project_photo_order (account_id, project_id, position, photo_id) {}",
                values_list(photo_ids.len(), 4)
            );
            let mut insert = sqlx::query(&sql);
            for (photo_id, position) in photo_ids.iter().zip(0i64..) {
                insert = insert
                    .bind(account_id)
                    .bind(id)
                    .bind(position)
                    .bind(*photo_id);
            }
            insert.execute(&mut *tx).await?;
        }
        let dropped: Vec<(String,)> = sqlx::query_as(
            "DELETE FROM project_photos WHERE account_id = $1 AND project_id = $2 \
             AND id NOT IN (SELECT photo_id FROM project_photo_order \
             WHERE account_id = $3 AND project_id = $4) RETURNING id",
        )
        .bind(account_id)
        .bind(id)
        .bind(account_id)
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(
            dropped.into_iter().map(|(photo_id,)| photo_id).collect(),
        ))
    }

    /// Deletes the project, its order and photo rows, and its cart line, at
    /// once; `false` when the account has no such project.
    pub async fn delete_project(&self, account_id: i64, id: &str) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        let deleted = sqlx::query("DELETE FROM projects WHERE account_id = $1 AND id = $2")
            .bind(account_id)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if deleted > 0 {
            carts::remove_project_lines(&mut tx, account_id, id).await?;
        }
        tx.commit().await?;
        Ok(deleted > 0)
    }

    /// Whether `bytes` more of this photo fit in the project and in the
    /// account's `quota` (an earlier upload of the same id is replaced, so
    /// it does not count).
    pub async fn photo_room(
        &self,
        account_id: i64,
        project_id: &str,
        photo_id: &str,
        bytes: u64,
        quota: u64,
    ) -> Result<PhotoRoom, DbError> {
        let (exists, others, used): (i64, i64, i64) = sqlx::query_as(
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM projects WHERE account_id = $1 AND id = $2) \
             THEN 1 ELSE 0 END, \
             (SELECT COUNT(*) FROM project_photos WHERE account_id = $3 AND project_id = $4 AND id <> $5), \
             (SELECT CAST(COALESCE(SUM(bytes), 0) AS BIGINT) FROM project_photos \
              WHERE account_id = $6 AND NOT (project_id = $7 AND id = $8))",
        )
        .bind(account_id)
        .bind(project_id)
        .bind(account_id)
        .bind(project_id)
        .bind(photo_id)
        .bind(account_id)
        .bind(project_id)
        .bind(photo_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(if exists == 0 {
            PhotoRoom::NoProject
        } else if others >= max_photos() {
            PhotoRoom::Full
        } else if used.saturating_add(sql_bytes(bytes)) > sql_bytes(quota) {
            PhotoRoom::QuotaFull
        } else {
            PhotoRoom::Available
        })
    }

    /// Records an uploaded photo, replacing the row of the same id. Refused
    /// (`false`) when the project is gone or full, or the account's photos
    /// would exceed `quota` bytes: checked in the same statement as the
    /// write, so two uploads at once cannot both take the last place.
    pub async fn save_photo(
        &self,
        account_id: i64,
        project_id: &str,
        photo: &Photo,
        quota: u64,
        now: i64,
    ) -> Result<bool, DbError> {
        let written = sqlx::query(
            "INSERT INTO project_photos \
             (account_id, project_id, id, content_type, bytes, width, height, uploaded_at) \
             SELECT $1, $2, $3, $4, $5, $6, $7, $8 \
             WHERE EXISTS (SELECT 1 FROM projects WHERE account_id = $9 AND id = $10) \
             AND (SELECT COUNT(*) FROM project_photos \
                  WHERE account_id = $11 AND project_id = $12 AND id <> $13) < $14 \
             AND (SELECT COALESCE(SUM(bytes), 0) FROM project_photos \
                  WHERE account_id = $15 AND NOT (project_id = $16 AND id = $17)) + $18 <= $19 \
             ON CONFLICT (account_id, project_id, id) DO UPDATE SET \
             content_type = excluded.content_type, bytes = excluded.bytes, \
             width = excluded.width, height = excluded.height, uploaded_at = excluded.uploaded_at",
        )
        .bind(account_id)
        .bind(project_id)
        .bind(&photo.id)
        .bind(&photo.content_type)
        .bind(i64::try_from(photo.bytes).unwrap_or(i64::MAX))
        .bind(i64::from(photo.width))
        .bind(i64::from(photo.height))
        .bind(now)
        .bind(account_id)
        .bind(project_id)
        .bind(account_id)
        .bind(project_id)
        .bind(&photo.id)
        .bind(max_photos())
        .bind(account_id)
        .bind(project_id)
        .bind(&photo.id)
        .bind(sql_bytes(photo.bytes))
        .bind(sql_bytes(quota))
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(written > 0)
    }

    pub async fn photo(
        &self,
        account_id: i64,
        project_id: &str,
        photo_id: &str,
    ) -> Result<Option<Photo>, DbError> {
        let row: Option<(String, i64, i64, i64)> = sqlx::query_as(
            "SELECT content_type, bytes, width, height FROM project_photos \
             WHERE account_id = $1 AND project_id = $2 AND id = $3",
        )
        .bind(account_id)
        .bind(project_id)
        .bind(photo_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(content_type, bytes, width, height)| Photo {
            id: photo_id.to_owned(),
            content_type,
            bytes: u64::try_from(bytes).unwrap_or(0),
            width: count(width),
            height: count(height),
        }))
    }
}
