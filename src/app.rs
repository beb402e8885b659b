//! The root component: the page frame every screen lives in.

use yew::prelude::*;

use crate::components::{header::Header, placeholder::Placeholder};

/// The whole application. Mount it with [`crate::start`] or
/// `yew::Renderer::<App>::with_root(element)`.
#[function_component(App)]
pub fn app() -> Html {
    html! {
        <>
            <Header />
            <main id="main" class="main">
                <Placeholder />
            </main>
        </>
    }
}
