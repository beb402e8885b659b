//! The first-visit guide: a few steps, each pointing at a part of the
//! page (outlined while its step is shown). It opens by itself once; once
//! closed it never does again, and the header's Help button brings it
//! back. It is a non-modal dialog: the page stays usable under it.

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::dom;
use crate::i18n::{use_lang, Lang};

/// Set once the guide has been closed.
pub const GUIDE_KEY: &str = "aioscope.guide";

/// Whether the guide should open by itself (it never has been closed).
pub fn first_visit() -> bool {
    dom::load(GUIDE_KEY).is_none()
}

/// One step: its title and text (English, Chinese) and the part of the
/// page it points at (a CSS selector).
struct Step {
    title: [&'static str; 2],
    text: [&'static str; 2],
    target: &'static str,
}

const STEPS: [Step; 4] = [
    Step {
        title: ["Welcome to aioscope", "欢迎使用 aioscope"],
        text: [
            "Watch Python's asyncio event loop run a program one frame at a time. A frame is one step of the loop: a task runs until its next await, a timer fires, or a callback runs.",
            "在这里一帧一帧地观察 Python 的 asyncio 事件循环运行程序。一帧就是事件循环的一步：某个任务运行到下一个 await、某个定时器触发，或某个回调运行。",
        ],
        target: ".explain",
    },
    Step {
        title: ["Pick a program", "选择程序"],
        text: [
            "The Scenario menu holds example programs; “Your code” opens an editor for your own.",
            "“场景”菜单里有示例程序；选择“你的代码”可以打开编辑器，运行你自己的程序。",
        ],
        target: ".header__tools .field",
    },
    Step {
        title: ["Step through it", "单步观察"],
        text: [
            "→ and ← step, Space plays and pauses, Home and End jump. The sentence under the controls says what the frame did.",
            "→ 和 ← 单步前进和后退，空格播放或暂停，Home 和 End 跳到开头或结尾。控制栏下面的句子说明这一帧做了什么。",
        ],
        target: ".controls",
    },
    Step {
        title: ["Read the frame", "读懂一帧"],
        text: [
            "Code marks the line running; Ready queue and Scheduled timers show what the loop does next; Tasks lists every task and what it awaits; Console shows the output so far.",
            "“代码”标出正在运行的行；“就绪队列”和“已安排的定时器”显示事件循环接下来要做什么；“任务”列出每个任务及其等待的对象；“控制台”显示到目前为止的输出。",
        ],
        target: ".board",
    },
];

/// The class that outlines the part a step points at.
const GUIDED: &str = "is-guided";

fn outline(selector: Option<&str>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(list) = doc.query_selector_all(&format!(".{}", GUIDED)) {
        for i in 0..list.length() {
            if let Some(el) = list
                .get(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.class_list().remove_1(GUIDED);
            }
        }
    }
    if let Some(el) = selector.and_then(|s| doc.query_selector(s).ok().flatten()) {
        let _ = el.class_list().add_1(GUIDED);
    }
}

/// What the guide shows.
#[derive(Properties, PartialEq)]
pub struct GuideProps {
    /// The guide was closed (it is stored as closed before this is told).
    pub on_close: Callback<()>,
    /// Move focus into the guide when it opens (when asked for by the
    /// Help button, not on a first visit).
    #[prop_or_default]
    pub focus: bool,
}

/// The guide, open: mount it to show it.
#[function_component(Guide)]
pub fn guide(p: &GuideProps) -> Html {
    let lang = use_lang();
    let step = use_state(|| 0usize);
    let card = use_node_ref();
    let close = {
        let on_close = p.on_close.clone();
        Callback::from(move |_: ()| {
            dom::store(GUIDE_KEY, "closed");
            outline(None);
            on_close.emit(());
        })
    };
    {
        let target = STEPS[*step].target;
        use_effect_with(*step, move |_| {
            outline(Some(target));
            move || outline(None)
        });
    }
    {
        let (card, focus) = (card.clone(), p.focus);
        use_effect_with((), move |_| {
            if focus {
                if let Some(el) = card.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    // Escape closes it, wherever focus is.
    {
        let close = close.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
                EventListener::new(&doc, "keydown", move |e| {
                    if let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() {
                        if e.key() == "Escape" {
                            close.emit(());
                        }
                    }
                })
            });
            move || drop(listener)
        });
    }
    let s = &STEPS[*step];
    let last = *step + 1 == STEPS.len();
    let go = |to: usize| {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| step.set(to))
    };
    let counter = match lang {
        Lang::En => format!("Step {} of {}", *step + 1, STEPS.len()),
        Lang::Zh => format!("第 {} 步，共 {} 步", *step + 1, STEPS.len()),
    };
    html! {
        <div class="guide" role="dialog" aria-modal="false" aria-labelledby="guide-title" aria-describedby="guide-text"
            tabindex="-1" ref={card}>
            <p class="guide__count">{ counter }</p>
            <h2 class="guide__title" id="guide-title">{ lang.t(s.title[0], s.title[1]) }</h2>
            <p class="guide__text" id="guide-text">{ lang.t(s.text[0], s.text[1]) }</p>
            <div class="guide__bar">
                if *step > 0 {
                    <button type="button" class="btn" onclick={go(*step - 1)}>{ lang.t("Back", "上一步") }</button>
                }
                if last {
                    <button type="button" class="btn btn--primary" onclick={close.reform(|_: MouseEvent| ())}>{ lang.t("Done", "完成") }</button>
                } else {
                    <button type="button" class="btn btn--primary" onclick={go(*step + 1)}>{ lang.t("Next", "下一步") }</button>
                }
                <button type="button" class="linkbtn guide__close" onclick={close.reform(|_: MouseEvent| ())}>
                    { lang.t("Close the guide", "关闭导览") }
                </button>
            </div>
        </div>
    }
}
