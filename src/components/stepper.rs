//! The stepping screen: one reducer over a run and a cursor, and the
//! panels that show the frame under the cursor.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::components::code::CodePanel;
use crate::components::console::Console;
use crate::components::controls::Controls;
use crate::components::keys::{use_transport_keys, Transport};
use crate::components::queues::{ReadyQueue, Timers};
use crate::components::sync::SyncPanel;
use crate::components::tasks::Tasks;
use crate::components::timeline::Timeline;
use crate::components::travel::use_travel;
use crate::components::variables::Variables;
use crate::dom;
use crate::i18n::{use_lang, Lang};
use crate::model::{Action, Opening, Run, Stepper, Stop, SPEEDS};
use crate::svg_export::frame_svg;

/// What the screen opens on.
#[derive(Properties, PartialEq)]
pub struct StepperProps {
    /// The run to step through.
    pub run: Run,
    /// Where to open.
    #[prop_or_default]
    pub opening: Opening,
    /// Told where the screen stands whenever it moves (for the link).
    #[prop_or_default]
    pub on_place: Callback<Opening>,
    /// "Ctrl+C here": run again with Ctrl+C at the frame's time (no button
    /// without it).
    #[prop_or_default]
    pub on_interrupt: Option<Callback<f64>>,
}

/// The stepping screen. Mount it keyed by the run's id: a new run starts a
/// fresh cursor.
#[function_component(StepperView)]
pub fn stepper_view(p: &StepperProps) -> Html {
    let lang = use_lang();
    let st = {
        let run = p.run.clone();
        let opening = p.opening;
        use_reducer(move || Stepper::new(run, opening))
    };
    let dispatch = {
        let d = st.dispatcher();
        Callback::from(move |a: Action| d.dispatch(a))
    };

    // Play: one timer per step, dropped (cancelled) when anything changes.
    {
        let d = st.dispatcher();
        use_effect_with(
            (st.playing, st.pos, st.speed),
            move |(playing, _, speed)| {
                let timer = playing
                    .then(|| Timeout::new(SPEEDS[*speed].0, move || d.dispatch(Action::Tick)));
                move || drop(timer)
            },
        );
    }
    // Tell the page the frame (for the link); while playing, only where it
    // stops, so the history API is not called many times a second.
    {
        let on_place = p.on_place.clone();
        let place = Opening::Shown {
            n: st.number(st.pos.frame) + 1,
            internals: st.internals,
        };
        use_effect_with((place, st.playing), move |(place, playing)| {
            if !*playing {
                on_place.emit(*place);
            }
        });
    }
    // Keyboard: Right/Left step, Space play/pause, Home/End.
    {
        let d = st.dispatcher();
        use_transport_keys(Callback::from(move |t: Transport| {
            d.dispatch(match t {
                Transport::Forward => Action::Forward,
                Transport::Back => Action::Back,
                Transport::TogglePlay => Action::TogglePlay,
                Transport::Start => Action::Start,
                Transport::End => Action::End,
            })
        }));
    }

    let run = &st.run;
    let trace = &run.trace;
    let shown = st.shown();
    let frame = trace.frame(st.pos.frame);
    let time = trace.frame(shown).map(|f| f.t).unwrap_or(0.0);
    let explanation = {
        let e = trace.explanation_in(st.pos.frame, &run.shown_source(lang));
        match lang {
            Lang::En => e.en,
            Lang::Zh => e.zh,
        }
    };
    let inside = st.sub_progress().map(|(k, n)| match lang {
        Lang::En => format!(
            "Inside this step, after line {} ({} of {}). ",
            st.code_line().unwrap_or(0),
            k,
            n
        ),
        Lang::Zh => format!(
            "本步骤内部：第 {} 行之后（{}/{}）。",
            st.code_line().unwrap_or(0),
            k,
            n
        ),
    });
    let stop = st.stopped.map(|s| match (s, lang) {
        (Stop::Line(l), Lang::En) => format!("Paused at the breakpoint on line {}. ", l),
        (Stop::Line(l), Lang::Zh) => format!("在第 {} 行的断点处暂停。", l),
        (Stop::Event(_), Lang::En) => "Paused at a loop-event breakpoint. ".to_string(),
        (Stop::Event(_), Lang::Zh) => "在循环事件断点处暂停。".to_string(),
    });
    // Warnings of the internal steps folded into this one show here too.
    let folded_from = match st.pos.frame {
        0 => 0,
        f => st.frame_at(st.number(f).saturating_sub(1)) + 1,
    };
    let warnings: Vec<String> = (folded_from.min(st.pos.frame)..=st.pos.frame)
        .flat_map(|f| trace.warnings_at(f))
        .map(|w| {
            let text = lang.t(&w.message.en, &w.message.zh);
            match (w.line, lang) {
                (Some(l), Lang::En) => format!("Line {}: {}", l, text),
                (Some(l), Lang::Zh) => format!("【第 {} 行】{}", l, text),
                (None, _) => text.to_string(),
            }
        })
        .collect();

    let on_export_trace = {
        let trace = trace.clone();
        Callback::from(move |_| {
            let json = aioscope_core::trace::export::perfetto(&trace);
            dom::download("aioscope-trace.json", "application/json", &json);
        })
    };
    let on_export_frame = {
        let trace = trace.clone();
        let source = run.shown_source(lang);
        let at = st.pos.frame;
        Callback::from(move |_| {
            let svg = frame_svg(&trace, &source, at, lang);
            dom::download(
                &format!("aioscope-frame-{}.svg", at + 1),
                "image/svg+xml",
                &svg,
            );
        })
    };
    // The task whose frames the Variables panel shows: the followed one,
    // else the one running the line or the step.
    let var_task = st.follow.or_else(|| frame.and_then(|f| f.task));
    let last_hit = match st.pos.sub {
        Some(_) => None,
        None => st.last_hit_of(var_task, st.pos.frame, 50_000),
    };
    // What a screen reader hears: each step's sentence, but not every
    // frame while playing ("Playing" once), and a summary where play stops.
    let paused_at = use_mut_ref(|| None::<u32>);
    let announce = {
        let mut at = paused_at.borrow_mut();
        if st.playing {
            *at = Some(u32::MAX);
        } else if *at == Some(u32::MAX) {
            *at = Some(st.pos.frame);
        }
        let n = (st.number(st.pos.frame) + 1, st.count());
        if st.playing {
            lang.t("Playing.", "正在播放。").to_string()
        } else {
            let summary = match (*at == Some(st.pos.frame), lang) {
                (true, Lang::En) => format!("Paused at frame {} of {}. ", n.0, n.1),
                (true, Lang::Zh) => format!("已暂停在第 {} 帧（共 {} 帧）。", n.0, n.1),
                (false, _) => String::new(),
            };
            format!(
                "{}{}{}{} {}",
                summary,
                stop.as_deref().unwrap_or(""),
                inside.as_deref().unwrap_or(""),
                explanation,
                warnings.join(" ")
            )
        }
    };
    // At a line: the output once it ran (recorded with its variables),
    // when its frame went on within this step.
    let out_upto = st
        .pos
        .sub
        .and_then(|k| run.derived.locals.after(trace, k))
        .filter(|r| r.at == st.pos.frame)
        .map(|r| r.output);
    // A traceback's line the reader asked to see: shown in the code view
    // until the cursor moves (the count makes a second click scroll again).
    let linked = use_state(|| None::<(crate::model::Pos, u32, u32)>);
    let on_line = {
        let linked = linked.clone();
        let pos = st.pos;
        Callback::from(move |line: u32| {
            let n = (*linked).map_or(0, |(_, _, n)| n + 1);
            linked.set(Some((pos, line, n)));
        })
    };
    let focus = (*linked)
        .filter(|(pos, _, _)| *pos == st.pos)
        .map(|(_, line, n)| (line, n));
    let on_toggle = dispatch.reform(Action::ToggleLine);
    let on_seek = dispatch.reform(Action::Seek);
    let queues = use_node_ref();
    use_travel(queues.clone(), run.id, shown);

    html! {
        <div class="stepper">
            // The controls and the step's explanation stay in view together
            // while the panels below scroll (a phone's page included).
            <div class="stepper__head">
            <Controls frame={st.number(st.pos.frame)} last={st.count().saturating_sub(1)} time={time} playing={st.playing} speed={st.speed}
                event_bps={st.event_bps} internals={st.internals} inside={st.pos.sub.is_some()} dispatch={dispatch.clone()}
                on_export_trace={on_export_trace} on_export_frame={on_export_frame} />
            <div class="explain">
                <p class="visually-hidden" aria-live="polite" aria-atomic="true">{ announce }</p>
                <p class="explain__text">
                    if let Some(s) = &stop { <strong class="explain__stop">{ s.clone() }</strong> }
                    if let Some(s) = &inside { <span class="explain__inside">{ s.clone() }</span> }
                    { explanation }
                    { for warnings.iter().map(|w| html! { <span class="explain__warn">{ w.clone() }</span> }) }
                </p>
                if let Some(on_interrupt) = &p.on_interrupt {
                    <button type="button" class="linkbtn explain__ctrlc"
                        title={lang.t("Run again with Ctrl+C pressed at this frame's time", "重新运行，并在这一帧的时刻按下 Ctrl+C")}
                        onclick={on_interrupt.reform(move |_: MouseEvent| time)}>
                        { lang.t("Ctrl+C here", "在此按下 Ctrl+C") }
                    </button>
                }
            </div>
            </div>
            // The program's side (code, its variables, the timeline and the
            // console) beside the loop's (queues, synchronisation, tasks),
            // so that on a laptop's window the Tasks panel has the height
            // to keep the running task in view.
            <div class="board">
                <CodePanel run={run.clone()} frame={shown} at={st.pos.frame} line={st.code_line()}
                    running={frame.and_then(|f| f.task)} bps={st.line_bps.clone()} on_toggle={on_toggle} focus={focus} />
                <Variables run={run.clone()} frame={st.pos.frame} hit={st.pos.sub} last_hit={last_hit}
                    task={var_task} follow={st.follow} dispatch={dispatch.clone()} />
                <div class="board__side">
                    <div class="queues" ref={queues}>
                        <ReadyQueue run={run.clone()} frame={shown} />
                        <Timers run={run.clone()} frame={shown} />
                    </div>
                    <SyncPanel run={run.clone()} frame={shown} internals={st.internals} />
                    <Tasks run={run.clone()} frame={shown} />
                </div>
                <Timeline run={run.clone()} frame={st.pos.frame} on_seek={on_seek} />
                <Console run={run.clone()} frame={shown} upto={out_upto} on_line={on_line} />
            </div>
        </div>
    }
}
