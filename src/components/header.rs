//! The page header: the product name, the scenario menu, the language
//! switch and the guide's Help button.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::{use_lang, Lang};
use crate::scenarios::SCENARIOS;

/// The value of the "Your code" entry in the scenario menu.
pub const CODE: &str = "code";

/// What the header shows.
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The selected scenario id, or [`CODE`].
    pub selected: AttrValue,
    /// A scenario (or [`CODE`]) was picked.
    pub on_select: Callback<String>,
    /// The language was switched.
    pub on_lang: Callback<Lang>,
    /// Open the first-visit guide.
    #[prop_or_default]
    pub on_help: Callback<()>,
}

/// The top banner with the `<h1>` heading.
#[function_component(Header)]
pub fn header(p: &HeaderProps) -> Html {
    let lang = use_lang();
    // The menu names what is shown: its value follows `selected` (after
    // Back or a pasted link too; an option's `selected` attribute alone
    // does not move a menu the user has used).
    let menu = use_node_ref();
    {
        let menu = menu.clone();
        use_effect_with(p.selected.clone(), move |selected| {
            if let Some(sel) = menu.cast::<HtmlSelectElement>() {
                if sel.value() != selected.as_str() {
                    sel.set_value(selected);
                }
            }
        });
    }
    let onchange = {
        let cb = p.on_select.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            cb.emit(sel.value());
        })
    };
    let lang_button = |l: Lang, text: &'static str| {
        let cb = p.on_lang.clone();
        html! {
            <button type="button" class="seg__btn" aria-pressed={(lang == l).to_string()}
                onclick={Callback::from(move |_: MouseEvent| cb.emit(l))} lang={l.code()}>{ text }</button>
        }
    };
    html! {
        <header class="header">
            <div class="header__brand">
                <h1 class="header__title">
                    <svg class="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
                        <circle cx="16" cy="16" r="12" class="logo__ring" />
                        <circle cx="16" cy="4" r="3.5" class="logo__dot logo__dot--a" />
                        <circle cx="26.4" cy="22" r="3.5" class="logo__dot logo__dot--b" />
                        <circle cx="5.6" cy="22" r="3.5" class="logo__dot logo__dot--c" />
                    </svg>
                    { "aioscope" }
                </h1>
                <p class="header__tagline">
                    { lang.t("Step through Python's asyncio event loop, one frame at a time.", "一帧一帧地单步观察 Python 的 asyncio 事件循环。") }
                </p>
            </div>
            <div class="header__tools">
                <div class="field">
                    <label class="field__label" for="scenario">{ lang.t("Scenario", "场景") }</label>
                    <select id="scenario" class="field__select" ref={menu} {onchange}>
                        { for SCENARIOS.iter().map(|s| html! {
                            <option value={s.id} selected={p.selected == s.id}>
                                { lang.t(s.title[0], s.title[1]) }
                            </option>
                        }) }
                        <option value={CODE} selected={p.selected == CODE}>{ lang.t("Your code", "你的代码") }</option>
                    </select>
                </div>
                <div class="seg" role="group" aria-label={lang.t("Language", "语言")}>
                    { lang_button(Lang::En, "EN") }
                    { lang_button(Lang::Zh, "中文") }
                </div>
                <button type="button" class="btn header__help" onclick={p.on_help.reform(|_: MouseEvent| ())}
                    title={lang.t("What the panels are and what to press", "各个面板是什么、该按哪里")}>
                    { lang.t("Help", "帮助") }
                </button>
            </div>
        </header>
    }
}
