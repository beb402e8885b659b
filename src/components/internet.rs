//! "Virtual internet": the hosts and URLs the program reached through
//! `aiohttp`, `httpx`, `requests` or `net`, what they answered, and the
//! world the next run gets — a slower host, a failing one, another status
//! for a URL. Each change runs the program again.

use std::rc::Rc;

use aioscope_core::run::{Base, Failure, World};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::{use_lang, Lang};
use crate::internet::{failure_named, rows, Edit, FAILURES};
use crate::model::Run;

/// What the panel shows and where its edits go.
#[derive(Properties, PartialEq)]
pub struct InternetProps {
    /// The run whose exchanges are listed.
    pub run: Run,
    /// The world the run had (and the next gets, with the edits).
    pub world: Rc<World>,
    /// A change to the world.
    pub on_edit: Callback<Edit>,
}

fn failure_words(f: Option<Failure>, lang: Lang) -> &'static str {
    match f {
        None => lang.t("answers", "正常应答"),
        Some(Failure::Refused) => lang.t("connection refused", "拒绝连接"),
        Some(Failure::Reset) => lang.t("connection reset", "连接被重置"),
        Some(Failure::Dns) => lang.t("name not found", "域名无法解析"),
        Some(Failure::Timeout) => lang.t("never connects (timeout)", "无法连接（超时）"),
    }
}

/// A `<select>` of failures, `""` for none.
fn failure_select(
    label: String,
    now: Option<Failure>,
    lang: Lang,
    on: Callback<Option<Failure>>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let sel: HtmlSelectElement = e.target_unchecked_into();
        on.emit(failure_named(&sel.value()));
    });
    html! {
        <select aria-label={label} {onchange}>
            <option value="" selected={now.is_none()}>{ failure_words(None, lang) }</option>
            { for FAILURES.iter().map(|f| html! {
                <option value={f.name()} selected={now == Some(*f)}>{ failure_words(Some(*f), lang) }</option>
            }) }
        </select>
    }
}

/// The panel.
#[function_component(InternetPanel)]
pub fn internet_panel(p: &InternetProps) -> Html {
    let lang = use_lang();
    let (hosts, urls, more) = rows(&p.run.trace, &p.world);
    let on_base = {
        let on = p.on_edit.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            let base = match sel.value().as_str() {
                "flags" => Base::Flags,
                "empty" => Base::Empty,
                _ => Base::Default,
            };
            on.emit(Edit::Base(base));
        })
    };
    let ms = |s: f64| format!("{:.0}", s * 1000.0);
    html! {
        <section class="panel panel--internet" aria-label={lang.t("Virtual internet", "虚拟互联网")}>
            <header class="panel__head">
                <h2>{ lang.t("Virtual internet", "虚拟互联网") }</h2>
                <span class="muted small">{ lang.t(
                    "What aiohttp, httpx, requests and net reach. Change it and the program runs again.",
                    "aiohttp、httpx、requests 和 net 访问的就是这里。修改后程序会重新运行。") }</span>
            </header>
            <label class="net__base">
                { lang.t("Base world", "基础世界") }
                <select onchange={on_base}>
                    <option value="default" selected={p.world.base == Base::Default}>{ lang.t("default: the tutorials' sites, and an answer for any URL", "默认：教程中的站点，任何 URL 都有应答") }</option>
                    <option value="flags" selected={p.world.base == Base::Flags}>{ lang.t("flags: only the flag servers", "flags：只有国旗服务器") }</option>
                    <option value="empty" selected={p.world.base == Base::Empty}>{ lang.t("empty: only what is set here", "空：只有这里设置的内容") }</option>
                </select>
            </label>
            if hosts.is_empty() {
                <p class="muted">{ lang.t("The program made no HTTP request.", "程序没有发出 HTTP 请求。") }</p>
            } else {
                <table class="net__table">
                    <caption>{ lang.t("Hosts", "主机") }</caption>
                    <thead><tr>
                        <th scope="col">{ lang.t("Host", "主机") }</th>
                        <th scope="col">{ lang.t("Requests", "请求数") }</th>
                        <th scope="col">{ lang.t("Answered in", "应答用时") }</th>
                        <th scope="col">{ lang.t("Latency (ms)", "延迟（毫秒）") }</th>
                        <th scope="col">{ lang.t("Requests", "请求") }</th>
                    </tr></thead>
                    <tbody>
                        { for hosts.iter().map(|h| {
                            let name = h.name.clone();
                            let on_latency = {
                                let (on, name) = (p.on_edit.clone(), name.clone());
                                Callback::from(move |e: Event| {
                                    let input: HtmlInputElement = e.target_unchecked_into();
                                    let v = input.value();
                                    let latency = v.trim().parse::<f64>().ok().map(|ms| ms / 1000.0);
                                    on.emit(Edit::Latency(name.clone(), latency));
                                })
                            };
                            let on_fail = {
                                let (on, name) = (p.on_edit.clone(), name.clone());
                                Callback::from(move |f| on.emit(Edit::HostFailure(name.clone(), f)))
                            };
                            html! {
                                <tr key={name.clone()}>
                                    <th scope="row"><code>{ name.clone() }</code></th>
                                    <td>{ h.requests }</td>
                                    <td>{ h.seconds.map(|s| format!("{} ms", ms(s))).unwrap_or_default() }</td>
                                    <td>
                                        <input type="number" min="0" step="10" inputmode="numeric"
                                            aria-label={match lang {
                                                Lang::En => format!("Latency of {} in ms", name),
                                                Lang::Zh => format!("{} 的延迟（毫秒）", name),
                                            }}
                                            placeholder={lang.t("base", "默认")}
                                            value={h.latency.map(ms).unwrap_or_default()}
                                            onchange={on_latency} />
                                    </td>
                                    <td>{ failure_select(match lang {
                                        Lang::En => format!("What requests to {} do", name),
                                        Lang::Zh => format!("发往 {} 的请求", name),
                                    }, h.failure, lang, on_fail) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                <details class="net__urls" open={urls.len() <= 5}>
                <summary>{ match lang {
                    Lang::En => format!("URLs ({})", urls.len() + more),
                    Lang::Zh => format!("URL（{} 个）", urls.len() + more),
                } }</summary>
                <table class="net__table">
                    <caption class="visually-hidden">{ lang.t("URLs", "URL") }</caption>
                    <thead><tr>
                        <th scope="col">{ "URL" }</th>
                        <th scope="col">{ lang.t("Answered", "应答") }</th>
                        <th scope="col">{ lang.t("Status", "状态码") }</th>
                        <th scope="col">{ lang.t("Request", "请求") }</th>
                    </tr></thead>
                    <tbody>
                        { for urls.iter().map(|u| {
                            let url = u.url.clone();
                            let on_status = {
                                let (on, url) = (p.on_edit.clone(), url.clone());
                                Callback::from(move |e: Event| {
                                    let input: HtmlInputElement = e.target_unchecked_into();
                                    on.emit(Edit::Status(url.clone(), input.value().trim().parse().ok()));
                                })
                            };
                            let on_fail = {
                                let (on, url) = (p.on_edit.clone(), url.clone());
                                Callback::from(move |f| on.emit(Edit::UrlFailure(url.clone(), f)))
                            };
                            html! {
                                <tr key={url.clone()}>
                                    <th scope="row"><code class="net__url">{ url.clone() }</code></th>
                                    <td class={classes!(u.answered.as_ref().map_or(true, |s| *s >= 400).then_some("is-error"))}>
                                        { match &u.answered { Ok(s) => s.to_string(), Err(f) => f.clone() } }
                                    </td>
                                    <td>
                                        <input type="number" min="100" max="599" inputmode="numeric"
                                            aria-label={match lang {
                                                Lang::En => format!("Status of {}", url),
                                                Lang::Zh => format!("{} 的状态码", url),
                                            }}
                                            placeholder={lang.t("base", "默认")}
                                            value={u.status.map(|s| s.to_string()).unwrap_or_default()}
                                            onchange={on_status} />
                                    </td>
                                    <td>{ failure_select(match lang {
                                        Lang::En => format!("What a request for {} does", url),
                                        Lang::Zh => format!("请求 {} 时", url),
                                    }, u.failure, lang, on_fail) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                if more > 0 {
                    <p class="muted small">{ match lang {
                        Lang::En => format!("and {} more URLs", more),
                        Lang::Zh => format!("还有 {} 个 URL", more),
                    } }</p>
                }
                </details>
            }
        </section>
    }
}
