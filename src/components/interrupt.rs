//! "Press Ctrl+C at t = …": the virtual time at which the run gets a
//! Ctrl+C (SIGINT), as a user pressing it in a terminal would. The program
//! runs again with it; "No Ctrl+C" runs it without.

use yew::prelude::*;

use crate::i18n::use_lang;

/// What the control shows and does.
#[derive(Properties, PartialEq)]
pub struct InterruptProps {
    /// The time of the Ctrl+C the run on screen got, if any.
    pub at: Option<f64>,
    /// Run again with Ctrl+C at this time (`None`: without).
    pub on_set: Callback<Option<f64>>,
}

/// Reads a time typed in seconds: a number from 0 to 10,000.
pub fn parse_time(text: &str) -> Option<f64> {
    let t = text.trim().replace(',', ".").parse::<f64>().ok()?;
    (t.is_finite() && (0.0..=10_000.0).contains(&t)).then_some(t)
}

/// Seconds as the control writes them (`1.5`, `2`).
pub fn show_time(t: f64) -> String {
    let text = format!("{:.6}", t);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.to_string()
}

/// The Ctrl+C control.
#[function_component(InterruptControl)]
pub fn interrupt_control(p: &InterruptProps) -> Html {
    let l = use_lang();
    let text = use_state(|| p.at.map(show_time).unwrap_or_else(|| "1.5".into()));
    {
        // A run with another time (a link, "Ctrl+C here") shows it.
        let text = text.clone();
        use_effect_with(p.at.map(f64::to_bits), move |at| {
            if let Some(bits) = at {
                text.set(show_time(f64::from_bits(*bits)));
            }
        });
    }
    let valid = parse_time(&text);
    let on_input = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            text.set(input.value());
        })
    };
    let press = {
        let on_set = p.on_set.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(t) = valid {
                on_set.emit(Some(t));
            }
        })
    };
    let clear = {
        let on_set = p.on_set.clone();
        Callback::from(move |_: MouseEvent| on_set.emit(None))
    };
    html! {
        <form class="interrupt" onsubmit={press} aria-label={l.t("Ctrl+C", "Ctrl+C")}>
            <label class="interrupt__label">
                { l.t("Press Ctrl+C at t =", "在 t = ") }{ " " }
                <input class="interrupt__time" type="text" inputmode="decimal" size="6"
                    value={(*text).clone()} oninput={on_input}
                    aria-invalid={valid.is_none().to_string()}
                    aria-label={l.t("Ctrl+C time in seconds", "按下 Ctrl+C 的时间（秒）")} />
                { l.t(" s", " 秒时按下 Ctrl+C") }
            </label>
            <button type="submit" class="btn" disabled={valid.is_none()}>
                { l.t("Press Ctrl+C", "按下 Ctrl+C") }
            </button>
            if let Some(t) = p.at {
                <span class="interrupt__now" role="status">
                    { match l {
                        crate::i18n::Lang::En => format!("This run got Ctrl+C at t = {} s.", show_time(t)),
                        crate::i18n::Lang::Zh => format!("本次运行在 t = {} 秒时收到 Ctrl+C。", show_time(t)),
                    } }
                </span>
                <button type="button" class="btn" onclick={clear}>{ l.t("No Ctrl+C", "不按 Ctrl+C") }</button>
            }
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_time, show_time};

    #[test]
    fn times_read_and_show_as_typed() {
        assert_eq!(parse_time(" 1.5 "), Some(1.5));
        assert_eq!(parse_time("2,25"), Some(2.25));
        assert_eq!(parse_time("-1"), None);
        assert_eq!(parse_time("soon"), None);
        assert_eq!(parse_time("1e9"), None);
        assert_eq!(show_time(1.5), "1.5");
        assert_eq!(show_time(2.0), "2");
        assert_eq!(show_time(0.1 + 0.2), "0.3");
    }
}
