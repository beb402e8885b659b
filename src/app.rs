//! The root component: picks the program (a scenario, the user's code or a
//! link), runs it, and hands the run to the stepping screen.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use aioscope_core::run::{self, PythonVersion, World};
use aioscope_core::trace::{Exit, Limit, Trace};
use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::compare::CompareView;
use crate::components::editor::{CodeError, Editor};
use crate::components::guide::{self, Guide};
use crate::components::header::{Header, CODE};
use crate::components::internet::InternetPanel;
use crate::components::interrupt::InterruptControl;
use crate::components::legacy::LegacyPanel;
use crate::components::stepper::StepperView;
use crate::dom;
use crate::i18n::Lang;
use crate::internet::{self, Edit};
use crate::link::{self, LinkError, Source};
use crate::lz;
use crate::model::{Opening, Run, SCENARIO_BUDGET, USER_BUDGET, WORKER_BUDGET};
use crate::runner::protocol::Job;
use crate::runner::{Progress, RunEvent, Runner};
use crate::saved::{self, Kept, LinkProgram, Writes, CODE_KEY, EARLIER_KEY, RAN_KEY};
use crate::scenarios::{self, Scenario, STARTER};

const LANG_KEY: &str = "aioscope.lang";
/// The file name the user's program runs as.
pub const USER_FILE: &str = "main.py";

/// Runs a scenario (with its own Ctrl+C, if it has one).
pub fn run_scenario(s: &Scenario) -> Run {
    run_scenario_in(s, None, scenarios::default_interrupt(s))
}

/// Runs a scenario on a virtual internet of its own, with Ctrl+C at
/// `interrupt`.
fn run_scenario_in(s: &Scenario, world: Option<&World>, interrupt: Option<f64>) -> Run {
    Run::new_at(s.source, s.file, SCENARIO_BUDGET, world, interrupt).with_chinese(s.source_zh)
}

/// The program part of a link to a scenario run with Ctrl+C at
/// `interrupt` (a scenario's own Ctrl+C is not repeated in it).
fn scenario_part(s: &'static Scenario, interrupt: Option<f64>) -> String {
    let extra = match (interrupt, scenarios::default_interrupt(s)) {
        (a, b) if a == b => String::new(),
        (None, Some(_)) => format!("&{}={}", link::CTRL_C, link::NO_CTRL_C),
        (a, _) => link::interrupt_part(a),
    };
    format!("{}{}", link::program_part(&Source::Scenario(s)), extra)
}

/// The world a run gets: `None` for the default one, so that the default
/// run is exactly the run of a program that declares nothing.
fn world_option(world: &World) -> Option<&World> {
    (*world != World::default()).then_some(world)
}

/// Parses and compiles the user's program: its syntax error, if any.
pub fn check_code(code: &str) -> Result<(), CodeError> {
    run::check(code, USER_FILE).map_err(|e| CodeError::Syntax {
        kind: e.type_name().to_string(),
        line: e.line,
        col: e.col,
        msg: e.message(),
    })
}

/// What went wrong in a run of the user's program, from how it ended.
pub fn run_error(run: &Run, budget: u64) -> Option<CodeError> {
    let exit = &run.trace.exit;
    match exit {
        Exit::Finished | Exit::Running { .. } => None,
        Exit::Limit(Limit::Instructions(_)) => Some(CodeError::Budget(budget)),
        Exit::Exception(u) => Some(CodeError::Runtime {
            line: u.line,
            msg: exit.summary(),
            traceback: u.printed.clone(),
        }),
        Exit::Stopped { frames } => Some(CodeError::Stopped { frames: *frames }),
        Exit::Internal(m) => Some(CodeError::Crashed(m.clone())),
        Exit::Limit(_) | Exit::Deadlock(_) => Some(CodeError::Ended(
            run.trace
                .explanation(run.trace.len().saturating_sub(1) as u32),
        )),
    }
}

/// A run cut short: the frames that had arrived, ending as `exit` says
/// (stopped by the user, its worker failed, or still going).
fn partial_run(code: &str, mut trace: Trace, exit: Exit) -> Run {
    trace.exit = exit;
    Run::from_trace(code, trace)
}

/// Checks and runs the user's program on the page thread (where no
/// worker can start): a syntax error gives no run; a runtime error or the
/// budget gives a run and an error.
pub fn run_code(code: &str) -> Result<(Run, Option<CodeError>), CodeError> {
    run_code_in(code, None)
}

/// [`run_code`] on a virtual internet of its own.
fn run_code_in(code: &str, world: Option<&World>) -> Result<(Run, Option<CodeError>), CodeError> {
    check_code(code)?;
    let run = Run::new_in(code, USER_FILE, USER_BUDGET, world);
    let error = run_error(&run, USER_BUDGET);
    Ok((run, error))
}

/// The side-by-side view's merged frame a link names: it counts the two
/// spinners' frames together, with no internals to fold.
fn merged_index(at: Opening) -> u32 {
    match at {
        Opening::Frame(f) => f,
        Opening::Shown { n, .. } => n.saturating_sub(1),
    }
}

/// Everything the page opens with.
#[derive(Clone)]
struct Boot {
    selected: String,
    /// The run to show; `None` while the program in `pending` runs.
    run: Option<Run>,
    frame: Opening,
    code: String,
    /// The user's own program, while a link's is in the editor beside it.
    own: Option<String>,
    error: Option<CodeError>,
    program: String,
    notice: Option<LinkError>,
    /// The program from a link and where it opens: it is checked and run
    /// in the worker (its size is unbounded), `run` shows the default
    /// scenario meanwhile.
    pending: Option<(String, Opening)>,
    /// The two spinners side by side (`frame` counts their merged frames).
    side_by_side: bool,
    /// The Python the user's program runs as.
    python: PythonVersion,
    /// Ctrl+C at this virtual time.
    interrupt: Option<f64>,
}

fn default_boot(code: String, notice: Option<LinkError>) -> Boot {
    let s = scenarios::by_id(scenarios::DEFAULT).expect("the default scenario exists");
    Boot {
        selected: s.id.into(),
        run: Some(run_scenario(s)),
        frame: Opening::default(),
        code,
        own: None,
        error: None,
        program: link::program_part(&Source::Scenario(s)),
        notice,
        pending: None,
        side_by_side: false,
        python: PythonVersion::default(),
        interrupt: scenarios::default_interrupt(s),
    }
}

/// Reads the link (or falls back to the default scenario). Nothing here
/// grows with a linked program but unpacking it: it is checked and run in
/// the worker.
fn boot(hash: &str) -> Boot {
    let saved = dom::load(CODE_KEY);
    let stored = saved.clone().unwrap_or_else(|| STARTER.to_string());
    match link::parse(hash) {
        Ok(None) => default_boot(stored, None),
        Err(e) => default_boot(stored, Some(e)),
        Ok(Some(l)) => match &l.source {
            Source::Scenario(s) => {
                let interrupt = l
                    .interrupt
                    .unwrap_or_else(|| scenarios::default_interrupt(s));
                Boot {
                    selected: s.id.into(),
                    run: Some(run_scenario_in(s, None, interrupt)),
                    frame: l.frame,
                    code: stored,
                    own: None,
                    error: None,
                    program: scenario_part(s, interrupt),
                    notice: None,
                    pending: None,
                    side_by_side: l.side_by_side,
                    python: l.python,
                    interrupt,
                }
            }
            Source::Code(code) => {
                let ran = dom::load(RAN_KEY);
                let (editor, own) =
                    match saved::link_program(code, saved.as_deref(), ran.as_deref()) {
                        LinkProgram::Own => (saved.unwrap_or_else(|| code.clone()), None),
                        LinkProgram::Beside => (code.clone(), saved),
                    };
                Boot {
                    selected: CODE.into(),
                    own,
                    pending: Some((code.clone(), l.frame)),
                    python: l.python,
                    interrupt: l.interrupt.flatten(),
                    ..default_boot(editor, None)
                }
            }
        },
    }
}

/// What a run of the user's program changes on screen.
#[derive(Clone)]
struct Shown {
    /// The run on screen (`None` until a link's program has run).
    run: UseStateHandle<Option<Run>>,
    /// Where a new run opens.
    start_frame: UseStateHandle<Opening>,
    /// The last run's error.
    error: UseStateHandle<Option<CodeError>>,
    /// How far the run in progress has got.
    running: UseStateHandle<Option<Progress>>,
    /// The program running.
    job: Rc<RefCell<String>>,
    /// The virtual internet runs get (the "Virtual internet" panel edits
    /// it): read when a run starts, so an edit applies to the very run it
    /// starts.
    world: Rc<RefCell<World>>,
    /// The same, for drawing the panel.
    world_shown: UseStateHandle<Rc<World>>,
    /// The CPython version runs use (the version switch sets it), read
    /// when a run starts like the world.
    python: Rc<Cell<PythonVersion>>,
    /// The same, for drawing the switch.
    python_shown: UseStateHandle<PythonVersion>,
    /// Ctrl+C at this virtual time in the runs ("Press Ctrl+C at t"),
    /// read when a run starts.
    interrupt: Rc<Cell<Option<f64>>>,
    /// The same, for drawing the control.
    interrupt_shown: UseStateHandle<Option<f64>>,
    /// Runs ended (finished, failed, stopped or refused for their syntax):
    /// shown as `data-runs` on the editor, so a test or a script can wait
    /// for the next one. Every change is followed by a state change that
    /// renders it.
    ended: Rc<Cell<u32>>,
    /// The program part of the link to what is on screen.
    program: UseStateHandle<String>,
    /// The default scenario is on screen only while a link's program
    /// runs: the link is left as it is meanwhile.
    meanwhile: UseStateHandle<bool>,
    /// The size in bytes of the program on screen, when it is too large
    /// for a link (the address then holds none).
    too_large: UseStateHandle<Option<usize>>,
}

impl Shown {
    /// Sets the world the next runs get.
    fn set_world(&self, world: World) {
        *self.world.borrow_mut() = world.clone();
        self.world_shown.set(Rc::new(world));
    }

    /// Runs `src` in the worker, or on the page thread where no worker can
    /// start, and shows it at `frame` when it ends. The last good run stays
    /// on screen meanwhile.
    fn start(&self, runner: &Runner, src: &str, frame: Opening) {
        *self.job.borrow_mut() = src.to_string();
        let world = self.world.borrow().clone();
        let job = Job {
            source: src.to_string(),
            filename: USER_FILE.to_string(),
            instructions: WORKER_BUDGET,
            world: world_option(&world).cloned(),
            python: self.python.get().minor() as u8,
            interrupt_at: self.interrupt.get(),
        };
        let on_event = {
            let (me, src) = (self.clone(), src.to_string());
            Callback::from(move |e: RunEvent| me.event(&src, frame, e))
        };
        self.error.set(None);
        self.running.set(Some(Progress::default()));
        if runner.run(&job, on_event).is_err() {
            self.on_page(src, frame);
        }
    }

    fn event(&self, src: &str, frame: Opening, e: RunEvent) {
        // Ended here, or (a worker that never loaded) in `on_page`.
        if matches!(
            e,
            RunEvent::Finished(_)
                | RunEvent::Failed {
                    partial: Some(_),
                    ..
                }
        ) {
            self.ended.set(self.ended.get() + 1);
        }
        match e {
            RunEvent::Progress(p) => self.running.set(Some(p)),
            RunEvent::Refused(r) => {
                self.ended.set(self.ended.get() + 1);
                self.running.set(None);
                self.error.set(Some(CodeError::Syntax {
                    kind: r.kind,
                    line: r.line,
                    col: r.col,
                    msg: r.message,
                }));
            }
            RunEvent::Finished(trace) => {
                let run = Run::from_trace(src, trace);
                self.error.set(run_error(&run, WORKER_BUDGET));
                self.show(run, frame);
            }
            // The worker never loaded: run here instead.
            RunEvent::Failed { partial: None, .. } => self.on_page(src, frame),
            RunEvent::Failed {
                message,
                partial: Some(trace),
            } => {
                self.error.set(Some(CodeError::Crashed(message.clone())));
                self.show_partial(src, trace, Exit::Internal(message));
            }
        }
    }

    fn on_page(&self, src: &str, frame: Opening) {
        self.ended.set(self.ended.get() + 1);
        let world = self.world.borrow().clone();
        match run_code_in(src, world_option(&world)) {
            Ok((run, error)) => {
                self.error.set(error);
                self.show(run, frame);
            }
            Err(e) => {
                self.running.set(None);
                self.error.set(Some(e));
            }
        }
    }

    fn show(&self, run: Run, frame: Opening) {
        self.running.set(None);
        self.meanwhile.set(false);
        let size = run.source.len();
        if size > lz::MAX_OUTPUT {
            self.too_large.set(Some(size));
            self.program.set(String::new());
        } else {
            self.too_large.set(None);
            self.program.set(format!(
                "{}{}{}",
                link::program_part(&Source::Code(run.source.to_string())),
                link::python_part(self.python.get()),
                link::interrupt_part(self.interrupt.get())
            ));
        }
        self.start_frame.set(frame);
        self.run.set(Some(run));
    }

    /// Stops the run in progress and shows the frames that had arrived.
    fn stop(&self, runner: &Runner) {
        let Some(trace) = runner.stop() else { return };
        self.ended.set(self.ended.get() + 1);
        let frames = trace.len() as u32;
        self.error.set(Some(CodeError::Stopped { frames }));
        let src = self.job.borrow().clone();
        self.show_partial(&src, trace, Exit::Stopped { frames });
    }

    /// Shows the frames the run in progress has recorded so far, at the
    /// last of them, while it goes on (its end replaces them).
    fn peek(&self, runner: &Runner) {
        let Some(trace) = runner.snapshot() else {
            return;
        };
        if let n @ 1.. = trace.len() as u32 {
            let src = self.job.borrow().clone();
            self.start_frame.set(Opening::Frame(n - 1));
            self.run
                .set(Some(partial_run(&src, trace, Exit::Running { frames: n })));
        }
    }

    /// Shows a cut-short run at its last frame; with no frame, the last
    /// run stays.
    fn show_partial(&self, src: &str, trace: Trace, exit: Exit) {
        match trace.len() as u32 {
            0 => self.running.set(None),
            n => self.show(partial_run(src, trace, exit), Opening::Frame(n - 1)),
        }
    }
}

fn notice_text(lang: Lang, e: &LinkError) -> String {
    let why = match (e, lang) {
        (LinkError::UnknownScenario(s), Lang::En) => format!("there is no scenario called “{}”", s),
        (LinkError::UnknownScenario(s), Lang::Zh) => format!("没有名为“{}”的场景", s),
        (LinkError::BadCode, Lang::En) => "the program in it is damaged".into(),
        (LinkError::BadCode, Lang::Zh) => "其中的程序已损坏".into(),
        (LinkError::BadFrame, Lang::En) => "its frame number is not a number".into(),
        (LinkError::BadFrame, Lang::Zh) => "其中的帧号不是数字".into(),
        (LinkError::NoProgram, Lang::En) => "it names no program".into(),
        (LinkError::NoProgram, Lang::Zh) => "其中没有指明程序".into(),
    };
    match lang {
        Lang::En => format!(
            "This link could not be opened: {}. Showing the default scenario instead.",
            why
        ),
        Lang::Zh => format!("无法打开这个链接：{}。现在显示默认场景。", why),
    }
}

/// The whole application. Mount it with [`crate::start`] or
/// `yew::Renderer::<App>::with_root(element)`.
#[function_component(App)]
pub fn app() -> Html {
    let lang = use_state(|| {
        dom::load(LANG_KEY)
            .and_then(|k| Lang::from_key(&k))
            .unwrap_or(if dom::prefers_chinese() {
                Lang::Zh
            } else {
                Lang::En
            })
    });
    let first = use_memo((), |_| boot(&dom::hash()));
    let selected = use_state(|| first.selected.clone());
    let shown = Shown {
        run: use_state(|| first.run.clone()),
        start_frame: use_state(|| first.frame),
        error: use_state(|| first.error.clone()),
        running: use_state(|| None),
        job: use_mut_ref(String::new),
        world: use_mut_ref(World::default),
        world_shown: use_state(|| Rc::new(World::default())),
        python: use_memo((), |_| Cell::new(first.python)),
        python_shown: use_state(|| first.python),
        interrupt: use_memo((), |_| Cell::new(first.interrupt)),
        interrupt_shown: use_state(|| first.interrupt),
        ended: use_memo((), |_| Cell::new(0u32)),
        program: use_state(|| first.program.clone()),
        meanwhile: use_state(|| first.pending.is_some()),
        too_large: use_state(|| None),
    };
    let runner = use_memo((), |_| Runner::new());
    let code = use_state(|| first.code.clone());
    let program = shown.program.clone();
    // The user's programs beside the editor's text (read in callbacks
    // that may run one after another before a render: a cell, not state).
    let kept = use_mut_ref(|| Kept {
        own: first.own.clone(),
        earlier: dom::load(EARLIER_KEY),
    });
    let redraw = use_force_update();
    let save_failed = use_state(|| false);
    // A link's program may be huge: the editor gets it after the first
    // frame is on screen, so laying it out does not delay that frame.
    let editor_shown = use_state(|| first.pending.is_none());
    {
        let editor_shown = editor_shown.clone();
        use_effect_with((), move |_| {
            if !*editor_shown {
                gloo_timers::callback::Timeout::new(50, move || editor_shown.set(true)).forget();
            }
        });
    }
    // Stores what a change to the kept programs asks for; a failure is
    // shown until a later save succeeds.
    let write = {
        let save_failed = save_failed.clone();
        Rc::new(move |w: Writes| {
            let mut ok = true;
            if let Some(e) = &w.earlier {
                ok &= dom::store(EARLIER_KEY, e);
            }
            if let Some(c) = &w.code {
                ok &= dom::store(CODE_KEY, c);
            }
            if *save_failed == ok {
                save_failed.set(!ok);
            }
        })
    };
    let notice = use_state(|| first.notice.clone());
    let side_by_side = use_state(|| first.side_by_side);
    let compare_frame = use_state(|| {
        if first.side_by_side {
            merged_index(first.frame)
        } else {
            0
        }
    });

    {
        let l = *lang;
        use_effect_with(l, |l| dom::set_document_lang(l.code()));
    }
    // The first-visit guide: open by itself until it is closed once; the
    // Help button opens it again (and moves focus into it).
    let guide_open = use_state(guide::first_visit);
    let guide_focus = use_state(|| false);
    let on_help = {
        let (guide_open, guide_focus) = (guide_open.clone(), guide_focus.clone());
        Callback::from(move |_| {
            guide_focus.set(true);
            guide_open.set(true);
        })
    };
    let on_guide_close = {
        let guide_open = guide_open.clone();
        Callback::from(move |_| guide_open.set(false))
    };
    // Escape closes the open menus (and gives focus back to a menu's
    // button when focus was inside it).
    use_effect_with((), |_| {
        let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
            EventListener::new(&doc.clone(), "keydown", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if e.key() == "Escape" {
                    dom::close_menus();
                }
            })
        });
        move || drop(listener)
    });
    // The worker starts as soon as "Your code" is open, so a first run does
    // not wait for it.
    {
        let runner = runner.clone();
        use_effect_with(*selected == CODE, move |open| {
            if *open {
                let _ = runner.warm();
            }
        });
    }

    let apply = {
        let (selected, shown, runner, code, program, notice) = (
            selected.clone(),
            shown.clone(),
            runner.clone(),
            code.clone(),
            program.clone(),
            notice.clone(),
        );
        let (kept, redraw) = (kept.clone(), redraw.clone());
        let (side_by_side, compare_frame) = (side_by_side.clone(), compare_frame.clone());
        move |b: Boot| {
            runner.stop();
            side_by_side.set(b.side_by_side);
            compare_frame.set(if b.side_by_side {
                merged_index(b.frame)
            } else {
                0
            });
            selected.set(b.selected);
            shown.interrupt.set(b.interrupt);
            shown.interrupt_shown.set(b.interrupt);
            shown.running.set(None);
            shown.run.set(b.run);
            shown.start_frame.set(b.frame);
            shown.error.set(b.error);
            code.set(b.code);
            kept.borrow_mut().own = b.own;
            redraw.force_update();
            program.set(b.program);
            notice.set(b.notice);
            shown.meanwhile.set(b.pending.is_some());
            if let Some((src, frame)) = b.pending {
                shown.start(&runner, &src, frame);
            }
        }
    };
    // The first link's program, and any link pasted into this tab later.
    {
        let apply = apply.clone();
        let (first, shown, runner) = (first.clone(), shown.clone(), runner.clone());
        use_effect_with((), move |_| {
            if let Some((src, frame)) = &first.pending {
                shown.start(&runner, src, *frame);
            }
            let listener = web_sys::window()
                .map(|w| EventListener::new(&w, "hashchange", move |_| apply(boot(&dom::hash()))));
            move || drop(listener)
        });
    }

    // The worker checks the program (a syntax error comes back refused):
    // nothing that grows with it runs here before it does.
    let run_user = {
        let (shown, runner, selected) = (shown.clone(), runner.clone(), selected.clone());
        move |src: &str| {
            selected.set(CODE.into());
            dom::store(RAN_KEY, &saved::fingerprint(src));
            shown.start(&runner, src, Opening::default());
        }
    };
    let on_select = {
        let (selected, shown, runner, program, notice, code) = (
            selected.clone(),
            shown.clone(),
            runner.clone(),
            program.clone(),
            notice.clone(),
            code.clone(),
        );
        let run_user = run_user.clone();
        Callback::from(move |value: String| {
            notice.set(None);
            if value == CODE {
                run_user(&code);
            } else if let Some(s) = scenarios::by_id(&value) {
                runner.stop();
                shown.running.set(None);
                shown.meanwhile.set(false);
                selected.set(s.id.into());
                // A world belongs to a program: a new one starts from the
                // default world.
                shown.set_world(World::default());
                // So does a Ctrl+C (a scenario may come with its own).
                let interrupt = scenarios::default_interrupt(s);
                shown.interrupt.set(interrupt);
                shown.interrupt_shown.set(interrupt);
                shown.run.set(Some(run_scenario(s)));
                shown.start_frame.set(Opening::default());
                shown.error.set(None);
                program.set(scenario_part(s, interrupt));
            }
        })
    };
    let on_stop = {
        let (shown, runner) = (shown.clone(), runner.clone());
        Callback::from(move |_| shown.stop(&runner))
    };
    let on_peek = {
        let (shown, runner) = (shown.clone(), runner.clone());
        Callback::from(move |_| shown.peek(&runner))
    };
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| {
            dom::store(LANG_KEY, l.key());
            lang.set(l);
        })
    };
    let on_input = {
        let (code, kept, write) = (code.clone(), kept.clone(), write.clone());
        Callback::from(move |text: String| {
            let w = kept.borrow_mut().typed(&text);
            write(w);
            code.set(text);
        })
    };
    // "Start over": the editor puts the starter program in (undoably, as
    // an edit); what it replaces is kept as the earlier program.
    let on_reset = {
        let (code, kept, write, redraw) =
            (code.clone(), kept.clone(), write.clone(), redraw.clone());
        Callback::from(move |_| {
            let w = kept.borrow_mut().start_over(&code);
            write(w);
            redraw.force_update();
        })
    };
    let on_earlier = {
        let (code, kept, write) = (code.clone(), kept.clone(), write.clone());
        Callback::from(move |_| {
            let swapped = kept.borrow_mut().bring_back(&code);
            if let Some((text, w)) = swapped {
                write(w);
                code.set(text);
            }
        })
    };
    let on_keep = {
        let (code, kept, write, redraw) =
            (code.clone(), kept.clone(), write.clone(), redraw.clone());
        Callback::from(move |_| {
            let w = kept.borrow_mut().typed(&code);
            write(w);
            redraw.force_update();
        })
    };
    let on_own = {
        let (code, kept) = (code.clone(), kept.clone());
        Callback::from(move |_| {
            let own = kept.borrow_mut().back_to_own();
            if let Some(text) = own {
                code.set(text);
            }
        })
    };
    let on_run = {
        let code = code.clone();
        let run_user = run_user.clone();
        Callback::from(move |_| run_user(&code))
    };
    // The version switch runs the program again as that Python.
    let on_python = {
        let (shown, code) = (shown.clone(), code.clone());
        let run_user = run_user.clone();
        Callback::from(move |v: PythonVersion| {
            shown.python.set(v);
            shown.python_shown.set(v);
            run_user(&code);
        })
    };
    // "Press Ctrl+C at t" (or "Ctrl+C here" on a frame) runs the program
    // on screen again with Ctrl+C at that time; "No Ctrl+C" without.
    let on_interrupt = {
        let (shown, runner, selected, code, program) = (
            shown.clone(),
            runner.clone(),
            selected.clone(),
            code.clone(),
            program.clone(),
        );
        Callback::from(move |at: Option<f64>| {
            shown.interrupt.set(at);
            shown.interrupt_shown.set(at);
            if *selected == CODE {
                let src = (*shown.run)
                    .as_ref()
                    .map(|r| r.source.to_string())
                    .unwrap_or_else(|| (*code).clone());
                shown.start(&runner, &src, Opening::default());
            } else if let Some(s) = scenarios::by_id(&selected) {
                let world = shown.world.borrow().clone();
                shown
                    .run
                    .set(Some(run_scenario_in(s, world_option(&world), at)));
                shown.start_frame.set(Opening::default());
                program.set(scenario_part(s, at));
            }
        })
    };
    let on_interrupt_here = on_interrupt.reform(Some);
    // Modernise's rewrite replaces the program (as an edit) and runs.
    let on_apply = {
        let on_input = on_input.clone();
        let run_user = run_user.clone();
        Callback::from(move |text: String| {
            on_input.emit(text.clone());
            run_user(&text);
        })
    };
    // An edit in the Virtual internet panel runs the program on screen
    // again in the new world.
    let on_world = {
        let (shown, runner, selected) = (shown.clone(), runner.clone(), selected.clone());
        Callback::from(move |edit: Edit| {
            let world = internet::apply(&shown.world.borrow(), &edit);
            shown.set_world(world.clone());
            if *selected == CODE {
                let src = (*shown.run).as_ref().map(|r| r.source.to_string());
                if let Some(src) = src {
                    shown.start(&runner, &src, Opening::default());
                }
            } else if let Some(s) = scenarios::by_id(&selected) {
                shown.run.set(Some(run_scenario_in(
                    s,
                    world_option(&world),
                    shown.interrupt.get(),
                )));
                shown.start_frame.set(Opening::default());
            }
        })
    };
    // "Step this run in the simulator": the real run's program in the
    // editor, in a world that answers as the real network did. It opens
    // as a link's program does, beside the user's own, which stays saved.
    let on_step_real = {
        let (shown, code, kept) = (shown.clone(), code.clone(), kept.clone());
        let run_user = run_user.clone();
        Callback::from(move |(src, world): (String, World)| {
            {
                let mut kept = kept.borrow_mut();
                if kept.own.is_none() {
                    kept.own = Some((*code).clone());
                }
            }
            shown.set_world(world);
            code.set(src.clone());
            run_user(&src);
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        })
    };
    // The address follows the frame on screen; it holds no program when
    // the program is too large for a link, and is left alone while the
    // default scenario stands in for a link's program.
    let on_frame = {
        let (program, meanwhile) = (program.clone(), *shown.meanwhile);
        Callback::from(move |at: Opening| match (meanwhile, program.is_empty()) {
            (true, _) => {}
            (false, true) => dom::replace_hash(""),
            (false, false) => dom::replace_hash(&link::hash(&program, at)),
        })
    };

    let l = *lang;
    let scenario = scenarios::by_id(&selected);
    let spinner = matches!(selected.as_str(), "spinner_thread" | "spinner_asyncio");
    let compare = spinner && *side_by_side;
    let spinners = use_memo(compare, |on| {
        on.then(|| {
            let get = |id| scenarios::by_id(id).expect("the spinner scenarios exist");
            let (t, a) = (get("spinner_thread"), get("spinner_asyncio"));
            (run_scenario(t), t.title, run_scenario(a), a.title)
        })
    });
    let on_side_by_side = {
        let (side_by_side, compare_frame) = (side_by_side.clone(), compare_frame.clone());
        Callback::from(move |_: MouseEvent| {
            compare_frame.set(0);
            side_by_side.set(!*side_by_side);
        })
    };
    let on_compare_frame = {
        let program = program.clone();
        Callback::from(move |k: u32| {
            let at = Opening::Shown {
                n: k + 1,
                internals: false,
            };
            dom::replace_hash(&link::hash(&link::side_by_side_part(&program), at))
        })
    };
    let (title, about) = match scenario {
        Some(s) => (l.t(s.title[0], s.title[1]), l.t(s.about[0], s.about[1])),
        None => (
            l.t("Your code", "你的代码"),
            l.t(
                "Write or paste an asyncio program and run it on the simulated event loop.\nimport net gives a simulated HTTP client (net.route, await net.get) for downloader experiments.",
                "编写或粘贴一个 asyncio 程序，在模拟的事件循环上运行它。\nimport net 提供模拟的 HTTP 客户端（net.route、await net.get），可用来试验下载器。",
            ),
        ),
    };
    html! {
        <ContextProvider<Lang> context={l}>
            <a class="skip" href="#main" onclick={Callback::from(|e: MouseEvent| {
                e.prevent_default();
                if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("main")) {
                    el.scroll_into_view();
                }
            })}>{ l.t("Skip to the stepper", "跳到单步调试区") }</a>
            // The header and the stepper fill the window (see .screen in
            // style.css); the real downloader and the footer follow below.
            <div class="screen">
            <Header selected={AttrValue::from((*selected).clone())} on_select={on_select} on_lang={on_lang} on_help={on_help} />
            <main id="main" class={classes!("main", (*selected != CODE && !compare).then_some("main--fit"))}>
                if let Some(n) = &*notice {
                    <div class="alert alert--warn" role="alert">
                        <span>{ notice_text(l, n) }</span>
                        <button type="button" class="linkbtn" onclick={let notice = notice.clone(); Callback::from(move |_: MouseEvent| notice.set(None))}>
                            { l.t("Dismiss", "关闭") }
                        </button>
                    </div>
                }
                <div class="intro">
                    <h2 class="intro__title">{ title }</h2>
                    <p class="intro__about">
                        { for about.lines().map(|line| html! { <span class="intro__line">{ line }</span> }) }
                    </p>
                    if spinner {
                        <button type="button" class="linkbtn intro__compare" aria-pressed={compare.to_string()}
                            onclick={on_side_by_side}>
                            { if compare {
                                l.t("Back to one program", "回到单个程序")
                            } else {
                                l.t("Side by side: threads vs asyncio", "并排对比：线程 vs asyncio")
                            } }
                        </button>
                    }
                </div>
                if *selected == CODE && !*editor_shown {
                    <section class="panel panel--editor" aria-label={l.t("Your code", "你的代码")} aria-busy="true" data-runs="0">
                        <p class="muted meanwhile">{ l.t("Opening the link's program…", "正在打开链接中的程序……") }</p>
                    </section>
                } else if *selected == CODE {
                    <Editor code={AttrValue::from((*code).clone())} error={(*shown.error).clone()}
                        running={(*shown.running).clone()} on_stop={on_stop} on_peek={on_peek} runs_ended={shown.ended.get()}
                        on_input={on_input} on_run={on_run} on_reset={on_reset}
                        beside={kept.borrow().own.is_some()} on_keep={on_keep} on_own={on_own}
                        earlier={kept.borrow().earlier.is_some()} on_earlier={on_earlier}
                        save_failed={*save_failed} too_large={*shown.too_large} />
                    <LegacyPanel code={AttrValue::from((*code).clone())} error={(*shown.error).clone()}
                        python={*shown.python_shown} on_python={on_python} on_apply={on_apply} />
                    if *shown.meanwhile && shown.running.is_some() {
                        <p class="meanwhile muted" role="status">
                            { l.t("The default scenario is shown while the link's program runs.", "链接中的程序运行期间，先显示默认场景。") }
                        </p>
                    }
                }
                if let Some((left, left_title, right, right_title)) = &*spinners {
                    <CompareView left={left.clone()} left_title={*left_title}
                        right={right.clone()} right_title={*right_title}
                        frame={*compare_frame} on_frame={on_compare_frame} />
                } else if let Some(run) = &*shown.run {
                    <InterruptControl at={*shown.interrupt_shown} on_set={on_interrupt} />
                    <StepperView key={run.id.to_string()} run={run.clone()} opening={*shown.start_frame} on_place={on_frame}
                        on_interrupt={on_interrupt_here} />
                } else {
                    <section class="panel panel--waiting" aria-label={l.t("Stepper", "单步调试")}>
                        <p class="muted">{ l.t("Your program is running; its frames appear here when it ends, when you stop it, or when you ask for the frames so far.", "你的程序正在运行；它结束、被你停止，或你查看已有的帧时，各帧会显示在这里。") }</p>
                    </section>
                }
            </main>
            </div>
            // Below the stepper, which keeps the window's height for itself.
            if let (None, Some(run)) = (&*spinners, &*shown.run) {
                if !run.trace.requests.is_empty() || **shown.world_shown != World::default() {
                    <div class="main">
                        <InternetPanel run={run.clone()} world={(*shown.world_shown).clone()} on_edit={on_world.clone()} />
                    </div>
                }
            }
            if *guide_open {
                <Guide on_close={on_guide_close} focus={*guide_focus} />
            }
            // The same lesson on the browser's own event loop, for comparison.
            // Its prediction runs in the same virtual internet as the
            // stepper's program, and its real run can set that world.
            <crate::downloader::DownloaderPanel on_step={on_step_real}
                world={(*shown.world_shown).clone()} on_edit={on_world} />
            <footer class="footer">
                <p>
                    { l.t("Keys: → step forward · ← step back · Space play/pause · Home/End jump. ", "快捷键：→ 前进 · ← 后退 · 空格 播放/暂停 · Home/End 跳转。") }
                    { l.t("Programs run on aioscope's simulation of CPython 3.11 asyncio with a virtual clock; nothing leaves your browser.", "程序运行在 aioscope 对 CPython 3.11 asyncio 的模拟之上，使用虚拟时钟；所有内容都不会离开你的浏览器。") }
                </p>
            </footer>
        </ContextProvider<Lang>>
    }
}
