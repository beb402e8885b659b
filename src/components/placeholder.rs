//! What the main area shows until the simulator screen exists.

use yew::prelude::*;

/// A short notice that the simulator is on its way.
#[function_component(Placeholder)]
pub fn placeholder() -> Html {
    html! {
        <section class="placeholder" aria-labelledby="placeholder-title">
            <h2 id="placeholder-title">{ "The simulator is coming" }</h2>
            <p>
                { "Soon you will paste a small asyncio program here and watch the event loop \
                   run it: which task is ready, which one waits, and why." }
            </p>
        </section>
    }
}
