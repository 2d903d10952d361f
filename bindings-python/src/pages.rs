//! List pages and their lazy walk over every item, on top of core's `Page` and `AutoPager`.
//!
//! A page's items cross into Python together, once, when `.items` is first read. Iterating a
//! page walks core's `AutoPager` from that page on, one page (one FFI crossing) at a time.
//! An async `list` answers an [`AsyncPaginator`]: awaited, the first page; iterated with
//! `async for`, the same walk starting from that page.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use futures::future::BoxFuture;
use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyStopAsyncIteration;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyType};
use zavu_core::{AutoPager, Page};

use crate::bridge::{ready, run_async, run_sync};
use crate::models::{Invitation, Sender};

/// A page of one of the listable models.
#[derive(Clone)]
pub enum AnyPage {
    Invitations(Page<zavu_core::Invitation>),
    Senders(Page<zavu_core::Sender>),
    PhoneNumbers(Page<zavu_core::PhoneNumber>),
}

impl From<Page<zavu_core::Invitation>> for AnyPage {
    fn from(page: Page<zavu_core::Invitation>) -> Self {
        AnyPage::Invitations(page)
    }
}

impl From<Page<zavu_core::PhoneNumber>> for AnyPage {
    fn from(page: Page<zavu_core::PhoneNumber>) -> Self {
        AnyPage::PhoneNumbers(page)
    }
}

impl From<Page<zavu_core::Sender>> for AnyPage {
    fn from(page: Page<zavu_core::Sender>) -> Self {
        AnyPage::Senders(page)
    }
}

/// A batch of items of one of the listable models, converted to Python together.
pub enum Batch {
    Invitations(Vec<zavu_core::Invitation>),
    Senders(Vec<zavu_core::Sender>),
    PhoneNumbers(Vec<zavu_core::PhoneNumber>),
}

impl Batch {
    fn into_py_items(self, py: Python<'_>) -> PyResult<Vec<Py<PyAny>>> {
        match self {
            Batch::Invitations(items) => items
                .into_iter()
                .map(|item| Invitation::from(item).into_py_any(py))
                .collect(),
            Batch::Senders(items) => items
                .into_iter()
                .map(|item| Sender::from(item).into_py_any(py))
                .collect(),
            Batch::PhoneNumbers(items) => items
                .into_iter()
                .map(|item| crate::models::PhoneNumber::from(item).into_py_any(py))
                .collect(),
        }
    }
}

impl AnyPage {
    fn next_cursor(&self) -> Option<&str> {
        match self {
            AnyPage::Invitations(page) => page.next_cursor.as_deref(),
            AnyPage::Senders(page) => page.next_cursor.as_deref(),
            AnyPage::PhoneNumbers(page) => page.next_cursor.as_deref(),
        }
    }

    fn has_next_page(&self) -> bool {
        match self {
            AnyPage::Invitations(page) => page.has_next_page(),
            AnyPage::Senders(page) => page.has_next_page(),
            AnyPage::PhoneNumbers(page) => page.has_next_page(),
        }
    }

    fn len(&self) -> usize {
        match self {
            AnyPage::Invitations(page) => page.items.len(),
            AnyPage::Senders(page) => page.items.len(),
            AnyPage::PhoneNumbers(page) => page.items.len(),
        }
    }

    fn items(&self) -> Batch {
        match self {
            AnyPage::Invitations(page) => Batch::Invitations(page.items.clone()),
            AnyPage::Senders(page) => Batch::Senders(page.items.clone()),
            AnyPage::PhoneNumbers(page) => Batch::PhoneNumbers(page.items.clone()),
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            AnyPage::Invitations(_) => "Invitation",
            AnyPage::Senders(_) => "Sender",
            AnyPage::PhoneNumbers(_) => "PhoneNumber",
        }
    }

    /// The next page, fetched by core; `None` after the last one.
    async fn next_page(self) -> zavu_core::Result<Option<AnyPage>> {
        Ok(match self {
            AnyPage::Invitations(page) => page.next_page().await?.map(AnyPage::from),
            AnyPage::Senders(page) => page.next_page().await?.map(AnyPage::from),
            AnyPage::PhoneNumbers(page) => page.next_page().await?.map(AnyPage::from),
        })
    }

    fn into_pager(self) -> AnyPager {
        match self {
            AnyPage::Invitations(page) => AnyPager::Invitations(page.into_items()),
            AnyPage::Senders(page) => AnyPager::Senders(page.into_items()),
            AnyPage::PhoneNumbers(page) => AnyPager::PhoneNumbers(page.into_items()),
        }
    }

    fn repr(&self, class: &str) -> String {
        format!(
            "{class}[{}](items=<{} items>, next_cursor={})",
            self.kind(),
            self.len(),
            self.next_cursor()
                .map(|c| format!("'{c}'"))
                .unwrap_or_else(|| "None".into())
        )
    }
}

/// Sends a list call (once per call of the function) and answers its page: the first page of
/// an [`AsyncPaginator`].
pub type PageCall = Arc<dyn Fn() -> BoxFuture<'static, zavu_core::Result<AnyPage>> + Send + Sync>;

/// Starts core's lazy walk (`walk`) of the list an [`AsyncPaginator`] stands for.
pub type WalkStart = Arc<dyn Fn() -> AnyPager + Send + Sync>;

/// Core's walker over every item, shared by an iterator and the tasks fetching for it.
pub enum AnyPager {
    Invitations(AutoPager<zavu_core::Invitation>),
    Senders(AutoPager<zavu_core::Sender>),
    PhoneNumbers(AutoPager<zavu_core::PhoneNumber>),
}

type SharedPager = Arc<tokio::sync::Mutex<AnyPager>>;

async fn next_batch(pager: SharedPager) -> zavu_core::Result<Option<Batch>> {
    let mut pager = pager.lock().await;
    Ok(match &mut *pager {
        AnyPager::Invitations(p) => p.next_batch().await?.map(Batch::Invitations),
        AnyPager::Senders(p) => p.next_batch().await?.map(Batch::Senders),
        AnyPager::PhoneNumbers(p) => p.next_batch().await?.map(Batch::PhoneNumbers),
    })
}

fn page_items<'py>(
    py: Python<'py>,
    page: &AnyPage,
    cache: &PyOnceLock<Py<PyList>>,
) -> PyResult<Bound<'py, PyList>> {
    cache
        .get_or_try_init(py, || {
            PyList::new(py, page.items().into_py_items(py)?).map(Bound::unbind)
        })
        .map(|list| list.bind(py).clone())
}

/// One page of a list (sync client). `items` holds this page; iterating walks every item from
/// this page on, fetching later pages lazily.
#[pyclass(frozen, module = "zavudev._native")]
pub struct SyncPage {
    page: AnyPage,
    items: PyOnceLock<Py<PyList>>,
}

impl SyncPage {
    pub fn new(page: impl Into<AnyPage>) -> Self {
        SyncPage {
            page: page.into(),
            items: PyOnceLock::new(),
        }
    }
}

#[pymethods]
impl SyncPage {
    /// The items of this page, in the API's order.
    #[getter]
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        page_items(py, &self.page, &self.items)
    }

    /// The cursor of the next page; `None` on the last page.
    #[getter]
    fn next_cursor(&self) -> Option<&str> {
        self.page.next_cursor()
    }

    /// Whether another page follows this one.
    fn has_next_page(&self) -> bool {
        self.page.has_next_page()
    }

    /// Fetches the next page; `None` after the last one.
    fn get_next_page(&self, py: Python<'_>) -> PyResult<Option<SyncPage>> {
        let next = run_sync(py, self.page.clone().next_page())?;
        Ok(next.map(SyncPage::new))
    }

    fn __iter__(&self) -> PageIterator {
        PageIterator {
            pager: Arc::new(tokio::sync::Mutex::new(self.page.clone().into_pager())),
            buffered: Mutex::new(VecDeque::new()),
        }
    }

    fn __len__(&self) -> usize {
        self.page.len()
    }

    fn __repr__(&self) -> String {
        self.page.repr("SyncPage")
    }

    /// Lets annotations say `SyncPage[Invitation]`.
    #[classmethod]
    fn __class_getitem__(cls: &Bound<'_, PyType>, item: &Bound<'_, PyAny>) -> Py<PyType> {
        let _ = item;
        cls.clone().unbind()
    }
}

/// Walks every item from a page on (sync), one page at a time.
#[pyclass(frozen, module = "zavudev._native")]
pub struct PageIterator {
    pager: SharedPager,
    /// Items of the current page already converted to Python. Never held while the GIL is
    /// released, so a thread waiting for a page cannot deadlock one holding the GIL.
    buffered: Mutex<VecDeque<Py<PyAny>>>,
}

impl PageIterator {
    fn pop(&self) -> Option<Py<PyAny>> {
        self.buffered
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .pop_front()
    }
}

#[pymethods]
impl PageIterator {
    fn __iter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        if let Some(item) = self.pop() {
            return Ok(Some(item));
        }
        let Some(batch) = run_sync(py, next_batch(Arc::clone(&self.pager)))? else {
            return Ok(None);
        };
        let items = batch.into_py_items(py)?;
        let mut buffered = self.buffered.lock().unwrap_or_else(|p| p.into_inner());
        buffered.extend(items);
        Ok(buffered.pop_front())
    }
}

/// One page of a list (async client). `items` holds this page; `async for` walks every item
/// from this page on, fetching later pages lazily.
#[pyclass(frozen, module = "zavudev._native")]
pub struct AsyncPage {
    page: AnyPage,
    items: PyOnceLock<Py<PyList>>,
}

impl AsyncPage {
    pub fn new(page: impl Into<AnyPage>) -> Self {
        AsyncPage {
            page: page.into(),
            items: PyOnceLock::new(),
        }
    }
}

fn some_async_page(page: Option<AnyPage>) -> Option<AsyncPage> {
    page.map(AsyncPage::new)
}

#[pymethods]
impl AsyncPage {
    /// The items of this page, in the API's order.
    #[getter]
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        page_items(py, &self.page, &self.items)
    }

    /// The cursor of the next page; `None` on the last page.
    #[getter]
    fn next_cursor(&self) -> Option<&str> {
        self.page.next_cursor()
    }

    /// Whether another page follows this one.
    fn has_next_page(&self) -> bool {
        self.page.has_next_page()
    }

    /// Fetches the next page (awaitable); `None` after the last one.
    fn get_next_page<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        run_async(py, self.page.clone().next_page(), some_async_page)
    }

    fn __aiter__(&self) -> AsyncPageIterator {
        AsyncPageIterator::new(self.page.clone().into_pager())
    }

    fn __len__(&self) -> usize {
        self.page.len()
    }

    fn __repr__(&self) -> String {
        self.page.repr("AsyncPage")
    }

    /// Lets annotations say `AsyncPage[Invitation]`.
    #[classmethod]
    fn __class_getitem__(cls: &Bound<'_, PyType>, item: &Bound<'_, PyAny>) -> Py<PyType> {
        let _ = item;
        cls.clone().unbind()
    }
}

type Buffer = Arc<Mutex<VecDeque<Py<PyAny>>>>;

/// A fetched batch on its way to an `__anext__` awaitable: the first item is the result, the
/// rest wait in the iterator's buffer. Converted on a thread holding the GIL.
struct BatchHead {
    batch: Option<Batch>,
    buffered: Buffer,
}

impl<'py> IntoPyObject<'py> for BatchHead {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let Some(batch) = self.batch else {
            return Err(PyStopAsyncIteration::new_err(()));
        };
        let items = batch.into_py_items(py)?;
        let mut buffered = self.buffered.lock().unwrap_or_else(|p| p.into_inner());
        buffered.extend(items);
        match buffered.pop_front() {
            Some(item) => Ok(item.into_bound(py)),
            None => Err(PyStopAsyncIteration::new_err(())),
        }
    }
}

/// Walks every item from a page on (`async for`), one page at a time.
#[pyclass(frozen, module = "zavudev._native")]
pub struct AsyncPageIterator {
    pager: SharedPager,
    buffered: Buffer,
}

impl AsyncPageIterator {
    fn new(pager: AnyPager) -> Self {
        AsyncPageIterator {
            pager: Arc::new(tokio::sync::Mutex::new(pager)),
            buffered: Arc::new(Mutex::new(VecDeque::new())),
        }
    }
}

#[pymethods]
impl AsyncPageIterator {
    fn __aiter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __anext__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let item = self
            .buffered
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .pop_front();
        if let Some(item) = item {
            // Already here: an awaitable that is done, with no trip through the runtime.
            return ready(py, item.into_bound(py));
        }
        let buffered = Arc::clone(&self.buffered);
        let pager = Arc::clone(&self.pager);
        let fetch = async move {
            let batch = next_batch(pager).await?;
            Ok(BatchHead { batch, buffered })
        };
        run_async(py, fetch, |head| head)
    }
}

/// What an async `list` returns: `await` it for the first page (an `AsyncPage`), or walk every
/// item of every page with `async for` directly, exactly as iterating the awaited page does.
/// Nothing is sent until it is awaited or iterated; each await and each iteration sends the
/// list call once.
#[pyclass(frozen, module = "zavudev._native")]
pub struct AsyncPaginator {
    call: PageCall,
    walk: WalkStart,
}

impl AsyncPaginator {
    pub fn new(call: PageCall, walk: WalkStart) -> Self {
        AsyncPaginator { call, walk }
    }
}

#[pymethods]
impl AsyncPaginator {
    /// The first page: the awaitable of the list call, as an iterator for `await`.
    fn __await__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        run_async(py, (self.call)(), |page: AnyPage| AsyncPage::new(page))?
            .call_method0("__await__")
    }

    /// Every item of every page, fetched lazily by core's pager.
    fn __aiter__(&self) -> AsyncPageIterator {
        AsyncPageIterator::new((self.walk)())
    }

    fn __repr__(&self) -> &'static str {
        "AsyncPaginator()"
    }

    /// Lets annotations say `AsyncPaginator[Invitation]`.
    #[classmethod]
    fn __class_getitem__(cls: &Bound<'_, PyType>, item: &Bound<'_, PyAny>) -> Py<PyType> {
        let _ = item;
        cls.clone().unbind()
    }
}
