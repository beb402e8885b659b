//! Old programs: the Python version switch (3.11 or 3.10), the explanation
//! of an error that a removed API caused (beside CPython's own message,
//! which the editor shows), "Run as Python 3.10", and "Modernise", which
//! shows the rewrite as a diff before applying it.

use aioscope_core::run::PythonVersion;
use yew::prelude::*;

use crate::components::editor::CodeError;
use crate::i18n::use_lang;
use crate::legacy;
use crate::modernise::{self, DiffLine};

/// What the panel shows and does.
#[derive(Properties, PartialEq)]
pub struct LegacyProps {
    /// The program in the editor.
    pub code: AttrValue,
    /// Its last run's error.
    pub error: Option<CodeError>,
    /// The version runs use.
    pub python: PythonVersion,
    /// Choose a version (the program runs again).
    pub on_python: Callback<PythonVersion>,
    /// Replace the program with this text and run it.
    pub on_apply: Callback<String>,
}

/// The version switch, an explanation when one applies, and Modernise.
#[function_component(LegacyPanel)]
pub fn legacy_panel(p: &LegacyProps) -> Html {
    let l = use_lang();
    let diff_open = use_state(|| false);
    let explained = p.error.as_ref().and_then(|e| match e {
        CodeError::Syntax {
            kind, line, msg, ..
        } => legacy::explain(&format!("{kind}: {msg}"), Some(*line), &p.code, p.python),
        CodeError::Runtime { line, msg, .. } => legacy::explain(msg, *line, &p.code, p.python),
        _ => None,
    });
    let modern = modernise::modernise(&p.code);
    let changes = modern != p.code.as_str();
    let other = match p.python {
        PythonVersion::V3_11 => PythonVersion::V3_10,
        PythonVersion::V3_10 => PythonVersion::V3_11,
    };
    let on_change = {
        let on_python = p.on_python.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(v) = PythonVersion::parse(&select.value()) {
                on_python.emit(v);
            }
        })
    };
    let run_other = {
        let on_python = p.on_python.clone();
        Callback::from(move |_| on_python.emit(other))
    };
    let toggle = {
        let diff_open = diff_open.clone();
        Callback::from(move |_| diff_open.set(!*diff_open))
    };
    let apply = {
        let (on_apply, diff_open, modern) = (p.on_apply.clone(), diff_open.clone(), modern.clone());
        Callback::from(move |_| {
            diff_open.set(false);
            on_apply.emit(modern.clone());
        })
    };
    let cancel = {
        let diff_open = diff_open.clone();
        Callback::from(move |_| diff_open.set(false))
    };
    html! {
        <section class="legacy" aria-label={l.t("Python version", "Python 版本")}>
            <label class="legacy__version">
                { l.t("Run as", "运行版本") }{ " " }
                <select onchange={on_change} aria-label={l.t("Python version", "Python 版本")}>
                    <option value="3.11" selected={p.python == PythonVersion::V3_11}>{ "Python 3.11" }</option>
                    <option value="3.10" selected={p.python == PythonVersion::V3_10}>{ "Python 3.10" }</option>
                </select>
            </label>
            if changes {
                <button class="btn" onclick={toggle} aria-expanded={(*diff_open).to_string()}>
                    { l.t("Modernise…", "现代化改写……") }
                </button>
            }
            if let Some(r) = &explained {
                <div class="legacy__why" role="note">
                    <p>{ l.t(r.en, r.zh) }</p>
                    if r.other_version_runs_it {
                        <button class="btn" onclick={run_other}>
                            { match other {
                                PythonVersion::V3_10 => l.t("Run as Python 3.10", "以 Python 3.10 运行"),
                                PythonVersion::V3_11 => l.t("Run as Python 3.11", "以 Python 3.11 运行"),
                            } }
                        </button>
                    }
                </div>
            }
            if *diff_open && changes {
                <div class="legacy__diff" role="region" aria-label={l.t("Modernised program", "改写后的程序")}>
                    <pre class="diff">
                        { for modernise::diff(&p.code, &modern).into_iter().map(|d| match d {
                            DiffLine::Same(t) => html! { <div class="diff__same">{ format!("  {t}") }</div> },
                            DiffLine::Removed(t) => html! { <del class="diff__del">{ format!("- {t}") }</del> },
                            DiffLine::Added(t) => html! { <ins class="diff__add">{ format!("+ {t}") }</ins> },
                        }) }
                    </pre>
                    <button class="btn btn--primary" onclick={apply}>{ l.t("Apply and run", "应用并运行") }</button>
                    <button class="btn" onclick={cancel}>{ l.t("Cancel", "取消") }</button>
                </div>
            }
        </section>
    }
}
