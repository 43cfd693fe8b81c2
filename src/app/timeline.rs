//! The timeline's gestures: drag across months to choose a date range (a press that does not
//! move chooses its month), and arrow keys between marks in date order. Listeners sit on the
//! timeline's region, which is never replaced; only its markup is.

use super::ViewState;
use super::dom::{self, closest};
use super::events::DRAGGED;
use crate::core::filters::Month;
use crate::core::model::Dataset;
use crate::core::timeline::{TimeScale, month_domain};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, closure::Closure};

/// A press on the timeline: where it started, in client pixels and months.
#[derive(Clone, Copy)]
struct Press {
    x: f64,
    month: Month,
    on_mark: bool,
    dragging: bool,
    last: Month,
}

/// Starts the gestures on `#timeline-body`.
pub fn start(state: ViewState, d: &Dataset) {
    let Some(body) = dom::by_id("timeline-body") else {
        return;
    };
    let (first, last) = month_domain(d);
    let scale = TimeScale {
        first,
        months: last.index() - first.index() + 1,
    };
    let press: Rc<Cell<Option<Press>>> = Rc::new(Cell::new(None));
    let listen = |event: &str, f: Box<dyn FnMut(web_sys::PointerEvent)>| {
        let cb = Closure::<dyn FnMut(web_sys::PointerEvent)>::new(f);
        let _ = body.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
        cb.forget(); // for the page's life
    };
    let p = press.clone();
    listen(
        "pointerdown",
        Box::new(move |ev| {
            if ev.button() != 0 || closest(ev.target(), ".tl-body").is_none() {
                return;
            }
            if let Some(m) = month_at(&ev, scale) {
                let on_mark = closest(ev.target(), ".mark").is_some();
                p.set(Some(Press {
                    x: f64::from(ev.client_x()),
                    month: m,
                    on_mark,
                    dragging: false,
                    last: m,
                }));
            }
        }),
    );
    let p = press.clone();
    listen(
        "pointermove",
        Box::new(move |ev| {
            let Some(mut pr) = p.get() else { return };
            if !pr.dragging && (f64::from(ev.client_x()) - pr.x).abs() < 6.0 {
                return;
            }
            if !pr.dragging
                && let Some(area) = closest(ev.target(), ".tl-body")
            {
                let _ = area.set_pointer_capture(ev.pointer_id());
            }
            pr.dragging = true;
            if let Some(m) = month_at(&ev, scale) {
                pr.last = m;
            }
            p.set(Some(pr));
            draw_brush(scale, pr.month, pr.last);
        }),
    );
    let p = press.clone();
    listen(
        "pointerup",
        Box::new(move |_| {
            let Some(pr) = p.take() else { return };
            let range = if pr.dragging {
                Some((pr.month.min(pr.last), pr.month.max(pr.last)))
            } else if !pr.on_mark {
                Some((pr.month, pr.month))
            } else {
                None
            };
            if let Some((a, b)) = range {
                DRAGGED.with(|d| d.set(pr.dragging));
                state.update(&|f| {
                    f.from = Some(a);
                    f.to = Some(b);
                });
            }
        }),
    );
    let p = press;
    listen(
        "pointercancel",
        Box::new(move |_| {
            p.set(None);
            if let Some(b) = dom::by_id("tl-drag") {
                b.remove();
            }
        }),
    );
    let keys = Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move_focus);
    let _ = body.add_event_listener_with_callback("keydown", keys.as_ref().unchecked_ref());
    keys.forget();
}

/// The month under the pointer, from the first lane's track (every track spans the same x).
fn month_at(ev: &web_sys::PointerEvent, scale: TimeScale) -> Option<Month> {
    let track = dom::by_id("timeline-body")?
        .query_selector(".tl-body .tl-track")
        .ok()??;
    let r = track.get_bounding_client_rect();
    if r.width() <= 0.0 {
        return None;
    }
    Some(scale.month_at((f64::from(ev.client_x()) - r.left()) / r.width()))
}

/// The range being dragged, drawn over the lanes until the filter takes it over.
fn draw_brush(scale: TimeScale, a: Month, b: Month) {
    let Some(body) =
        dom::by_id("timeline-body").and_then(|t| t.query_selector(".tl-body").ok().flatten())
    else {
        return;
    };
    let brush = match dom::by_id("tl-drag") {
        Some(b) => b,
        None => {
            let Some(b) = dom::document().and_then(|d| d.create_element("div").ok()) else {
                return;
            };
            b.set_id("tl-drag");
            let _ = b.set_attribute("class", "tl-brush dragging");
            let _ = body.append_child(&b);
            b
        }
    };
    let (x0, _) = scale.month_span(a.min(b));
    let (_, x1) = scale.month_span(a.max(b));
    let _ = brush.set_attribute(
        "style",
        &format!(
            "--x:{};--w:{}",
            crate::core::charts::fraction(x0),
            crate::core::charts::fraction(x1 - x0)
        ),
    );
}

/// Arrow keys move focus between the marks in date order; Home and End go to the ends. Only
/// one mark is in the Tab order (roving focus), so the timeline is one Tab stop however many
/// marks it has.
fn move_focus(ev: web_sys::KeyboardEvent) {
    let Some(current) = closest(ev.target(), ".mark") else {
        return;
    };
    let Some(body) = closest(ev.target(), ".tl-body") else {
        return;
    };
    let Ok(marks) = body.query_selector_all(".mark") else {
        return;
    };
    let order = |el: &web_sys::Element| {
        el.get_attribute("data-i")
            .and_then(|i| i.parse::<usize>().ok())
            .unwrap_or(usize::MAX)
    };
    let mut all: Vec<web_sys::Element> = (0..marks.length())
        .filter_map(|i| marks.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect();
    crate::core::order::sort_by(&mut all, &|a, b| order(a).cmp(&order(b)));
    let Some(pos) = all.iter().position(|m| m.is_same_node(Some(&current))) else {
        return;
    };
    let next = match ev.key().as_str() {
        "ArrowRight" | "ArrowDown" => (pos + 1).min(all.len() - 1),
        "ArrowLeft" | "ArrowUp" => pos.saturating_sub(1),
        "Home" => 0,
        "End" => all.len() - 1,
        _ => return,
    };
    ev.prevent_default();
    if let Some(el) = all.get(next) {
        // Roving focus: the mark left behind leaves the Tab order, the new one joins it.
        let _ = current.set_attribute("tabindex", "-1");
        let _ = el.set_attribute("tabindex", "0");
        dom::focus(el);
        dom::scroll_to(el, false);
    }
}
