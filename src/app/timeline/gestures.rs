//! The timeline's gestures: drag across months to choose a date range (a press that does not
//! move chooses its month), and arrow keys between marks in date order (Home and End to the
//! ends). Only one mark is in the Tab order, so the timeline is one Tab stop however many
//! marks it has.

use crate::app::dom;
use crate::app::state::Ctx;
use crate::core::filters::Month;
use crate::core::timeline::{TimelineLayout, tab_stop};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, PointerEvent};

/// A press on the timeline: where it started, in client pixels and months.
#[derive(Clone, Copy)]
struct Press {
    x: f64,
    month: Month,
    on_mark: bool,
    dragging: bool,
    last: Month,
}

/// The timeline's pointer and keyboard state.
#[derive(Clone, Copy)]
pub struct Gestures {
    ctx: Ctx,
    layout: Memo<TimelineLayout>,
    press: StoredValue<Option<Press>>,
    /// The months being dragged over, drawn until the filter takes them over.
    drag: RwSignal<Option<(Month, Month)>>,
    /// Set when a drag just ended, so the click that follows is not a click.
    dragged: StoredValue<bool>,
    /// The mark the arrow keys moved to.
    roving: RwSignal<Option<String>>,
    /// The key of the mark in the Tab order: the one the keys moved to, else the open
    /// activity's, else the first.
    pub tab: Memo<String>,
}

fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<Element> {
    target?
        .dyn_into::<Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}

impl Gestures {
    /// The gestures over `layout`.
    pub fn new(ctx: Ctx, layout: Memo<TimelineLayout>) -> Gestures {
        let roving = RwSignal::new(None::<String>);
        let open = ctx.state.activity;
        let tab = Memo::new(move |_| {
            layout.with(|l| {
                let moved = roving.get().filter(|k| l.marks.iter().any(|m| &m.key == k));
                moved.unwrap_or_else(|| {
                    l.marks
                        .get(tab_stop(l, open.get().as_deref()))
                        .map(|m| m.key.clone())
                        .unwrap_or_default()
                })
            })
        });
        Gestures {
            ctx,
            layout,
            press: StoredValue::new(None),
            drag: RwSignal::new(None),
            dragged: StoredValue::new(false),
            roving,
            tab,
        }
    }

    /// The range being dragged, as the start and width of its shares of the track.
    pub fn dragging(&self) -> Option<(f64, f64)> {
        let (a, b) = self.drag.get()?;
        let scale = self.layout.with(|l| l.scale);
        let (x0, _) = scale.month_span(a.min(b));
        let (_, x1) = scale.month_span(a.max(b));
        Some((x0, x1 - x0))
    }

    /// True (once) right after a drag ended.
    pub fn just_dragged(&self) -> bool {
        let was = self.dragged.get_value();
        self.dragged.set_value(false);
        was
    }

    /// The month under the pointer, from a lane's track (every track spans the same x).
    fn month_at(&self, ev: &PointerEvent) -> Option<Month> {
        let body = closest(ev.target(), "#timeline-body")?;
        let track = body.query_selector(".tl-body .tl-track").ok()??;
        let r = track.get_bounding_client_rect();
        if r.width() <= 0.0 {
            return None;
        }
        let scale = self.layout.with_untracked(|l| l.scale);
        Some(scale.month_at((f64::from(ev.client_x()) - r.left()) / r.width()))
    }

    /// A press starts a possible drag.
    pub fn down(&self, ev: PointerEvent) {
        if ev.button() != 0 || closest(ev.target(), ".tl-body").is_none() {
            return;
        }
        if let Some(m) = self.month_at(&ev) {
            self.press.set_value(Some(Press {
                x: f64::from(ev.client_x()),
                month: m,
                on_mark: closest(ev.target(), ".mark").is_some(),
                dragging: false,
                last: m,
            }));
        }
    }

    /// Past a few pixels, a press is a drag over months.
    pub fn moved(&self, ev: PointerEvent) {
        let Some(mut p) = self.press.get_value() else {
            return;
        };
        if !p.dragging && (f64::from(ev.client_x()) - p.x).abs() < 6.0 {
            return;
        }
        if !p.dragging
            && let Some(area) = closest(ev.target(), ".tl-body")
        {
            let _ = area.set_pointer_capture(ev.pointer_id());
        }
        p.dragging = true;
        if let Some(m) = self.month_at(&ev) {
            p.last = m;
        }
        self.press.set_value(Some(p));
        self.drag.set(Some((p.month, p.last)));
    }

    /// A drag chooses its months; a press off the marks chooses its month.
    pub fn up(&self, _ev: PointerEvent) {
        let Some(p) = self.press.get_value() else {
            return;
        };
        self.press.set_value(None);
        self.drag.set(None);
        let range = if p.dragging {
            Some((p.month.min(p.last), p.month.max(p.last)))
        } else if !p.on_mark {
            Some((p.month, p.month))
        } else {
            None
        };
        if let Some((a, b)) = range {
            self.dragged.set_value(p.dragging);
            self.ctx.state.update(&|f| {
                f.from = Some(a);
                f.to = Some(b);
            });
        }
    }

    /// The browser took the pointer away: nothing is chosen.
    pub fn cancel(&self) {
        self.press.set_value(None);
        self.drag.set(None);
    }

    /// Arrow keys, Home and End move focus between the marks in date order.
    pub fn key(&self, ev: KeyboardEvent) {
        let Some(current) = closest(ev.target(), ".mark") else {
            return;
        };
        let Some(body) = closest(ev.target(), ".tl-body") else {
            return;
        };
        let here = current.get_attribute("data-key").unwrap_or_default();
        let keys: Vec<String> = self
            .layout
            .with_untracked(|l| l.marks.iter().map(|m| m.key.clone()).collect());
        let Some(pos) = keys.iter().position(|k| *k == here) else {
            return;
        };
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => (pos + 1).min(keys.len() - 1),
            "ArrowLeft" | "ArrowUp" => pos.saturating_sub(1),
            "Home" => 0,
            "End" => keys.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        let key = &keys[next];
        let selector = format!(
            ".mark[data-key=\"{}\"]",
            key.replace('\\', "\\\\").replace('"', "\\\"")
        );
        if let Ok(Some(el)) = body.query_selector(&selector) {
            self.roving.set(Some(key.clone()));
            dom::focus(&el);
            dom::scroll_to(&el, false);
        }
    }
}
