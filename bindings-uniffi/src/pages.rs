//! Pages and pagers: `list` returns one page (its items, `nextCursor`, `hasNextPage`,
//! `nextPage()`), and a pager walks every item across pages lazily, one page in memory. Both wrap
//! core's `Page` and `AutoPager`; the Kotlin package adds `asFlow()` and the Swift package an
//! `AsyncSequence` on top.
//!
//! A pager crosses the FFI once per page (`nextBatch()`, core's `AutoPager::next_batch`), never
//! once per item. A failed page fetch throws, and the next `nextBatch()` retries the same page:
//! core's rule, the same in every language.

use std::sync::Arc;

use tokio::sync::Mutex;
use zavu_core as core;

use crate::error::ZavuError;
use crate::models::{Invitation, PhoneNumber, Sender};
use crate::task::{DropInRuntime, run};

/// Declares the page and pager objects of one model; invitations and senders page the same way.
macro_rules! paged {
    ($page:ident, $pager:ident, $model:ident, $page_doc:literal, $pager_doc:literal) => {
        #[doc = $page_doc]
        #[derive(uniffi::Object)]
        pub struct $page {
            page: DropInRuntime<core::Page<core::$model>>,
        }

        impl $page {
            pub(crate) fn new(page: core::Page<core::$model>) -> Arc<Self> {
                Arc::new($page {
                    page: DropInRuntime::new(page),
                })
            }
        }

        #[uniffi::export]
        impl $page {
            /// The items of this page, in the API's order.
            pub fn items(&self) -> Vec<$model> {
                self.page
                    .get()
                    .items
                    .iter()
                    .cloned()
                    .map($model::from)
                    .collect()
            }

            /// The cursor of the next page; null on the last page.
            pub fn next_cursor(&self) -> Option<String> {
                self.page.get().next_cursor.clone()
            }

            /// Whether another page follows this one.
            pub fn has_next_page(&self) -> bool {
                self.page.get().has_next_page()
            }

            /// Fetches the next page; null after the last one.
            pub async fn next_page(&self) -> Result<Option<Arc<$page>>, ZavuError> {
                let page = self.page.get().clone();
                run(async move { page.next_page().await })
                    .await
                    .map(|next| next.map($page::new))
            }

            /// A pager over every item from this page on, fetching later pages when needed.
            pub fn iterator(&self) -> Arc<$pager> {
                $pager::new(self.page.get().clone().into_items())
            }
        }

        #[doc = $pager_doc]
        #[derive(uniffi::Object)]
        pub struct $pager {
            // A mutex because `next` takes `&self` across the FFI; calls are served in order.
            pager: DropInRuntime<Arc<Mutex<core::AutoPager<core::$model>>>>,
        }

        impl $pager {
            pub(crate) fn new(pager: core::AutoPager<core::$model>) -> Arc<Self> {
                Arc::new($pager {
                    pager: DropInRuntime::new(Arc::new(Mutex::new(pager))),
                })
            }
        }

        #[uniffi::export]
        impl $pager {
            /// The items not yet handed out: the rest of the current page, or when it is used up
            /// the next page's items; null at the end. A failed fetch throws, and the next call
            /// retries the same page.
            pub async fn next_batch(&self) -> Result<Option<Vec<$model>>, ZavuError> {
                let pager = Arc::clone(self.pager.get());
                run(async move { pager.lock().await.next_batch().await })
                    .await
                    .map(|batch| batch.map(|items| items.into_iter().map($model::from).collect()))
            }
        }
    };
}

paged!(
    InvitationPage,
    InvitationPager,
    Invitation,
    "One page of invitations: its items and the way to the next page.",
    "Walks every invitation across pages, lazily; holds one page."
);
paged!(
    SenderPage,
    SenderPager,
    Sender,
    "One page of senders: its items and the way to the next page.",
    "Walks every sender across pages, lazily; holds one page."
);
paged!(
    PhoneNumberPage,
    PhoneNumberPager,
    PhoneNumber,
    "One page of the team's phone numbers: its items and the way to the next page.",
    "Walks every phone number of the team across pages, lazily; holds one page."
);
