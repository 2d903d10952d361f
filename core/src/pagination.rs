//! Cursor pages and a lazy walk over every item of a list, one page in memory at a time.

use std::collections::VecDeque;
use std::sync::Arc;

use futures::future::BoxFuture;
use futures::stream::{self, Stream};

use crate::error::{Error, Result, codes};

type FetchPage<T> = Arc<dyn Fn(String) -> BoxFuture<'static, Result<Page<T>>> + Send + Sync>;
/// Fetches the first page of a walk that has not started yet.
pub(crate) type FetchFirst<T> = Arc<dyn Fn() -> BoxFuture<'static, Result<Page<T>>> + Send + Sync>;

/// One page of a list and the means to fetch the next one.
pub struct Page<T> {
    /// The items of this page, in the API's order.
    pub items: Vec<T>,
    /// The cursor of the next page; `None` on the last page.
    pub next_cursor: Option<String>,
    fetch: FetchPage<T>,
}

impl<T: Clone> Clone for Page<T> {
    fn clone(&self) -> Self {
        Page {
            items: self.items.clone(),
            next_cursor: self.next_cursor.clone(),
            fetch: Arc::clone(&self.fetch),
        }
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Page<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Page")
            .field("items", &self.items)
            .field("next_cursor", &self.next_cursor)
            .finish()
    }
}

impl<T: Send + 'static> Page<T> {
    pub(crate) fn new(items: Vec<T>, next_cursor: Option<String>, fetch: FetchPage<T>) -> Self {
        Page {
            items,
            next_cursor: next_cursor.filter(|c| !c.is_empty()),
            fetch,
        }
    }

    /// Whether another page follows this one.
    pub fn has_next_page(&self) -> bool {
        self.next_cursor.is_some()
    }

    /// Fetches the next page, or `None` after the last one.
    pub async fn next_page(&self) -> Result<Option<Page<T>>> {
        match &self.next_cursor {
            Some(cursor) => (self.fetch)(cursor.clone()).await.map(Some),
            None => Ok(None),
        }
    }

    /// A walker over every item from this page on, fetching later pages only when needed.
    pub fn into_items(self) -> AutoPager<T> {
        AutoPager {
            buffer: self.items.into(),
            next_cursor: self.next_cursor,
            seen_cursors: Default::default(),
            fetch: Some(self.fetch),
            first: None,
        }
    }

    /// Every item from this page on, as a stream; at most one page is held in memory.
    pub fn into_stream(self) -> impl Stream<Item = Result<T>> + Send + 'static {
        self.into_items().into_stream()
    }
}

/// Walks every item of a list across pages, lazily. Holds one page at a time.
pub struct AutoPager<T> {
    buffer: VecDeque<T>,
    next_cursor: Option<String>,
    /// Cursors already followed, so a server that repeats a cursor cannot loop us forever.
    seen_cursors: std::collections::HashSet<String>,
    /// How to fetch the page after the current one; `None` until the first page is here.
    fetch: Option<FetchPage<T>>,
    /// A walk that has fetched nothing yet: how to fetch its first page.
    first: Option<FetchFirst<T>>,
}

impl<T: Send + 'static> AutoPager<T> {
    /// A walk that fetches nothing until its first item is asked for. Every binding's "iterate
    /// the list" is this, so the rule below holds for the first page too.
    pub(crate) fn lazy(first: FetchFirst<T>) -> Self {
        AutoPager {
            buffer: VecDeque::new(),
            next_cursor: None,
            seen_cursors: Default::default(),
            fetch: None,
            first: Some(first),
        }
    }

    /// The next item, fetching the next page when this one is used up; `None` at the end.
    pub async fn next_item(&mut self) -> Result<Option<T>> {
        loop {
            if let Some(item) = self.buffer.pop_front() {
                return Ok(Some(item));
            }
            if let Some(first) = &self.first {
                // As for every page: the state changes only once the page is in hand, so a
                // failed or cancelled first fetch is tried again by the next call.
                let page = first().await?;
                self.first = None;
                self.buffer = page.items.into();
                self.next_cursor = page.next_cursor;
                self.fetch = Some(page.fetch);
                continue;
            }
            let (Some(cursor), Some(fetch)) = (self.next_cursor.clone(), self.fetch.clone()) else {
                return Ok(None);
            };
            if self.seen_cursors.contains(&cursor) {
                return Err(Error::new(
                    codes::INVALID_RESPONSE,
                    "the API returned a cursor it had already returned; stopping to avoid a loop",
                ));
            }
            // The pager's state changes only once the page is in hand, so a fetch that fails or
            // is cancelled (its future dropped) leaves the walk where it was, ready to retry.
            let page = fetch(cursor.clone()).await?;
            self.seen_cursors.insert(cursor);
            self.buffer = page.items.into();
            self.next_cursor = page.next_cursor;
        }
    }

    /// The items buffered from the current page, or when it is used up the items of the next
    /// page; `None` at the end. Bindings use it to cross their FFI boundary once per page
    /// instead of once per item.
    pub async fn next_batch(&mut self) -> Result<Option<Vec<T>>> {
        if self.buffer.is_empty() {
            let Some(first) = self.next_item().await? else {
                return Ok(None);
            };
            self.buffer.push_front(first);
        }
        Ok(Some(self.buffer.drain(..).collect()))
    }

    /// The rest of the items as a stream.
    pub fn into_stream(self) -> impl Stream<Item = Result<T>> + Send + 'static {
        stream::try_unfold(self, |mut pager| async move {
            Ok(pager.next_item().await?.map(|item| (item, pager)))
        })
    }
}
