//! The page header: the product name and what it does, in one line.

use yew::prelude::*;

/// The top banner with the `<h1>` heading.
#[function_component(Header)]
pub fn header() -> Html {
    html! {
        <header class="header">
            <h1 class="header__title">{ "aioscope" }</h1>
            <p class="header__tagline">
                { "Step through Python's asyncio event loop, one frame at a time." }
            </p>
        </header>
    }
}
