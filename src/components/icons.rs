//! Inline SVG icons (paths on a 16×16 grid, filled with `currentColor`).

use yew::prelude::*;

/// An icon by name.
pub fn icon(name: &str) -> Html {
    let d = match name {
        "start" => "M2 3h2v10H2zM9.5 3 4.5 8l5 5zM14.5 3l-5 5 5 5z",
        "back" => "M3 3h2v10H3zM13 3 6 8l7 5z",
        "play" => "M4 2.5v11L13.5 8z",
        "pause" => "M3.5 3h3v10h-3zM9.5 3h3v10h-3z",
        "forward" => "M3 3l7 5-7 5zM11 3h2v10h-2z",
        "end" => "M1.5 3l5 5-5 5zM6.5 3l5 5-5 5zM12 3h2v10h-2z",
        "line" => "M2 3h12v1.6H2zM2 7.2h6v1.6H2zM2 11.4h6V13H2zM10 6.5l4 2.5-4 2.5z",
        "over" => "M2 11h2v2H2zM12 11h2v2h-2zM3 10a5 5 0 0 1 9.6-1.9l1.4-.8V11h-3.6l1-.6A3.5 3.5 0 0 0 4.5 10z",
        "into" => "M7.2 1.5h1.6v7.2l2.3-2.3 1.1 1.1L8 11.7 3.8 7.5l1.1-1.1 2.3 2.3zM6.5 12.5h3v2h-3z",
        "out" => "M7.2 12h1.6V4.8l2.3 2.3 1.1-1.1L8 1.8 3.8 6l1.1 1.1 2.3-2.3zM6.5 12.5h3v2h-3z",
        "lineback" => "M2 3h12v1.6H2zM8 7.2h6v1.6H8zM8 11.4h6V13H8zM6 6.5 2 9l4 2.5z",
        "timer" => "M7.2 1h1.6v2.1A5.5 5.5 0 1 1 7.2 3.1zM8 4.6a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM7.3 6h1.4v2.6l1.8 1.1-.7 1.2-2.5-1.5z",
        "output" => "M1.5 2.5h13v11h-13zM3 4v8h10V4zM4 5.5l3 2.5-3 2.5zM8 10h4v1.5H8z",
        "download" => "M7.2 2h1.6v6.6l2.4-2.4 1.1 1.1L8 11.6 3.7 7.3l1.1-1.1 2.4 2.4zM2.5 12.5h11V14h-11z",
        "warn" => "M8 1.5 15 14H1zM7.2 6v4h1.6V6zm0 5.2v1.6h1.6v-1.6z",
        _ => "",
    };
    html! {
        <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d={d} fill="currentColor" fill-rule="evenodd" />
        </svg>
    }
}
