//! A task's name in its colour; a button when it leads somewhere.

use aioscope_core::trace::{FrameIx, TaskIx, Trace};
use yew::prelude::*;

use crate::util::color;

/// A task's name at a frame (its number if it does not exist yet).
pub fn task_name(trace: &Trace, task: TaskIx, at: FrameIx) -> String {
    trace
        .task_at(task, at)
        .map(|v| v.name.to_string())
        .or_else(|| {
            trace
                .tasks
                .get(task as usize)?
                .views
                .first()
                .map(|(_, v)| v.name.to_string())
        })
        .unwrap_or_else(|| format!("task {}", task))
}

/// A coloured chip naming a task.
pub fn chip(trace: &Trace, task: TaskIx, at: FrameIx) -> Html {
    html! {
        <span class={classes!("chip", color(task))}>
            <span class="chip__dot" aria-hidden="true"></span>
            { task_name(trace, task, at) }
        </span>
    }
}
