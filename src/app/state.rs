//! The view state: the URL's query string as a signal, the filters parsed from it, and the
//! slices of them each region depends on; with the dataset, what every component reads
//! (`Ctx`). The URL is the only view state: components change the view by navigating.

use crate::core::filters::{Embed, Filters};
use crate::core::model::{Activity, Dataset};
use crate::core::query::{Except, Selector};
use leptos::prelude::*;
use std::sync::Arc;

/// The one filter state every view reads, and the way to change it (a URL navigation).
#[derive(Clone, Copy)]
pub struct ViewState {
    pub filters: Memo<Filters>,
    /// The open activity alone, so views that show only it skip other filter changes.
    pub activity: Memo<Option<String>>,
    query: RwSignal<String>,
}

impl ViewState {
    /// The state for a query string (`?` optional).
    pub fn new(query: &str) -> ViewState {
        let query = RwSignal::new(query.trim_start_matches('?').to_string());
        let filters = Memo::new(move |_| Filters::from_query(&query.get()));
        ViewState {
            filters,
            activity: Memo::new(move |_| filters.get().activity),
            query,
        }
    }

    /// Pushes a new view onto the history, so Back restores the previous one.
    #[inline(never)]
    pub fn set(&self, f: Filters) {
        self.go(&f.to_query(), false);
    }

    /// Replaces the current view without a history entry (typing in the search box).
    pub fn replace(&self, f: Filters) {
        self.go(&f.to_query(), true);
    }

    /// Applies `change` to the current filters and pushes the result. (A `dyn` change, so
    /// the update is compiled once, not once per caller.)
    #[inline(never)]
    pub fn update(&self, change: &dyn Fn(&mut Filters)) {
        let mut f = self.filters.get_untracked();
        change(&mut f);
        self.set(f);
    }

    /// Pushes the current view with the parameters of `change` (`?has=x`, `?from=&to=`) set
    /// over it: what a view link does.
    pub fn merge(&self, change: &str) {
        let q = Filters::merge_query(&self.filters.get_untracked().to_query(), change);
        self.go(&q, false);
    }

    /// Shows the view of a query string; the address bar follows just after it is drawn.
    #[inline(never)]
    pub fn go(&self, query: &str, replace: bool) {
        let q = query.trim_start_matches('?').to_string();
        super::url::pending(&q, replace);
        self.query.set(q);
    }

    /// Shows the view the address bar holds (Back, Forward, taking over the page), without
    /// writing a history entry.
    pub fn show(&self, query: &str) {
        self.query.set(query.trim_start_matches('?').to_string());
    }
}

/// The parts of the view state each region depends on, as memos: a region updates when its
/// part changes, not on every change (the list's order does not touch the charts).
#[derive(Clone, Copy)]
pub struct Slices {
    /// The filters that narrow the list.
    pub narrow: Memo<Filters>,
    /// The indices of the activities that pass them, shared by the count, figures and list.
    pub matching: Memo<Vec<usize>>,
    /// The sector chart's inputs: the narrowing filters, its measure, chart or table.
    pub chart: Memo<Filters>,
    /// The list's: the narrowing filters, its order and the search words (for highlights).
    pub list: Memo<Filters>,
}

impl Slices {
    fn new(d: Arc<Dataset>, f: Memo<Filters>) -> Slices {
        let narrow = Memo::new(move |_| f.get().narrowing());
        Slices {
            narrow,
            matching: Memo::new(move |_| {
                let n = narrow.get();
                let s = Selector::new(&d, &n, Except::Nothing);
                (0..d.activities.len())
                    .filter(|i| s.matches(&d.activities[*i]))
                    .collect()
            }),
            chart: Memo::new(move |_| {
                let all = f.get();
                Filters {
                    measure: all.measure,
                    table: all.table,
                    ..narrow.get()
                }
            }),
            list: Memo::new(move |_| Filters {
                sort: f.get().sort,
                ..narrow.get()
            }),
        }
    }
}

/// Parts of the page that are built after the first screen, one a task, so that taking the
/// page over stays a short task; the pre-rendered page holds none of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// The first screen, as pre-rendered.
    FirstScreen,
    /// "What came of it": the outcomes by result class.
    Outcomes,
    /// The filter form and the list's heading.
    Form,
    /// The list of activities.
    List,
    /// The report's text.
    Report,
}

/// The state of the page that is not the view: which dialogs are open, how many cards the
/// list shows, the status line.
#[derive(Clone, Copy)]
pub struct Ui {
    pub stage: RwSignal<Stage>,
    pub cite_open: RwSignal<bool>,
    pub embed_open: RwSignal<bool>,
    /// How many activity cards the list shows ("Show more" raises it).
    pub limit: RwSignal<usize>,
    /// The open activity's sheet is folded away while its passage is read in the report.
    pub sheet_folded: RwSignal<bool>,
    /// The passage "Show in report" went to (activity, evidence index): it stands out from the
    /// other highlights, with the way back to the activity beside it.
    pub shown_passage: RwSignal<Option<(String, usize)>>,
    /// How many of the list's cards and of the report's paragraphs are built yet: on the first
    /// load they are built a few a task, so that no task holds the page for long.
    pub cards_built: RwSignal<usize>,
    pub paragraphs_built: RwSignal<usize>,
}

/// How many activity cards render at a time.
pub const PAGE: usize = 60;

/// What every component reads.
#[derive(Clone, Copy)]
pub struct Ctx {
    data: StoredValue<Arc<Dataset>>,
    /// Which single view an embed shows (none in the full explorer): read once, from the
    /// address the page was opened at (an embed stays the view it was made for).
    pub embed: Option<Embed>,
    pub state: ViewState,
    pub sl: Slices,
    pub ui: Ui,
}

impl Ctx {
    /// The context for a dataset and a view's query string.
    pub fn new(d: Arc<Dataset>, query: &str) -> Ctx {
        let state = ViewState::new(query);
        let sl = Slices::new(d.clone(), state.filters);
        Ctx {
            data: StoredValue::new(d),
            embed: Filters::from_query(query).embed,
            state,
            sl,
            ui: Ui {
                stage: RwSignal::new(Stage::FirstScreen),
                cite_open: RwSignal::new(false),
                embed_open: RwSignal::new(false),
                limit: RwSignal::new(PAGE),
                sheet_folded: RwSignal::new(false),
                shown_passage: RwSignal::new(None),
                cards_built: RwSignal::new(0),
                paragraphs_built: RwSignal::new(0),
            },
        }
    }

    /// The dataset.
    pub fn d(&self) -> Arc<Dataset> {
        self.data.get_value()
    }

    /// The matching activities, in the report's order.
    pub fn matching<'a>(&self, d: &'a Dataset) -> Vec<&'a Activity> {
        self.sl
            .matching
            .get()
            .iter()
            .filter_map(|i| d.activities.get(*i))
            .collect()
    }

    /// True when the page shows `view`: the full explorer shows every view, an embed its own.
    pub fn shows(&self, view: Embed) -> bool {
        self.embed.is_none_or(|e| e == view)
    }

    /// Builds the page as far as `s` at once, every card and paragraph of those stages included
    /// (the native renderings; the browser builds them a few a task, `app::stage`).
    pub fn build_to(&self, s: Stage) {
        self.ui.stage.set(s);
        if s >= Stage::List {
            self.ui.cards_built.set(usize::MAX);
        }
        if s >= Stage::Report {
            self.ui.paragraphs_built.set(usize::MAX);
        }
    }

    /// True once the page has been built as far as `s`.
    pub fn reached(&self, s: Stage) -> bool {
        self.ui.stage.get() >= s
    }
}

/// The context the page's components read.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}
