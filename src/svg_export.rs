//! The current frame as a standalone SVG picture: clock, explanation,
//! ready queue, timers, tasks and the console's last lines.

use aioscope_core::trace::{FrameIx, Stream, Trace};

use crate::i18n::Lang;
use crate::term::{render_pieces, Piece};
use crate::util::secs;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() > n {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    } else {
        s.to_string()
    }
}

const PALETTE: [&str; 8] = [
    "#4e79a7", "#e8833a", "#59a14f", "#b07aa1", "#3fa7a0", "#c9a227", "#e0707f", "#9c755f",
];

/// Draws frame `at` of `trace`.
pub fn frame_svg(trace: &Trace, source: &str, at: FrameIx, lang: Lang) -> String {
    let w = 960;
    let mut body = String::new();
    let mut y = 36;
    let f = trace.frame(at);
    let t = f.map(|f| f.t).unwrap_or(0.0);
    let explanation = {
        let e = trace.explanation_in(at, source);
        match lang {
            Lang::En => e.en,
            Lang::Zh => e.zh,
        }
    };
    body.push_str(&format!(
        "<text x=\"24\" y=\"{y}\" class=\"h\">aioscope · {} · {} {} / {} · t = {:.3} s</text>",
        esc(&trace.filename),
        lang.t("frame", "帧"),
        at + 1,
        trace.len(),
        t
    ));
    y += 28;
    for chunk in wrap(&explanation, 110) {
        body.push_str(&format!("<text x=\"24\" y=\"{y}\">{}</text>", esc(&chunk)));
        y += 20;
    }
    y += 12;
    let col_top = y;
    // Left column: ready queue and timers.
    let mut ly = col_top;
    body.push_str(&format!(
        "<text x=\"24\" y=\"{ly}\" class=\"s\">{}</text>",
        lang.t("Ready queue", "就绪队列")
    ));
    ly += 22;
    let ready = trace.ready_at(at);
    if ready.is_empty() {
        body.push_str(&format!("<text x=\"24\" y=\"{ly}\" class=\"m\">—</text>"));
        ly += 20;
    }
    for (i, h) in ready.iter().enumerate().take(12) {
        let rec = &trace.handles[*h as usize];
        body.push_str(&format!(
            "<text x=\"24\" y=\"{ly}\" class=\"c\">{}. {}</text>",
            i + 1,
            esc(&clip(&rec.what, 52))
        ));
        ly += 20;
    }
    ly += 12;
    body.push_str(&format!(
        "<text x=\"24\" y=\"{ly}\" class=\"s\">{}</text>",
        lang.t("Scheduled timers", "已安排的定时器")
    ));
    ly += 22;
    let timers = trace.timers_at(at);
    if timers.is_empty() {
        body.push_str(&format!("<text x=\"24\" y=\"{ly}\" class=\"m\">—</text>"));
        ly += 20;
    }
    for h in timers.iter().take(12) {
        let rec = &trace.handles[*h as usize];
        let when = rec.when.unwrap_or(0.0);
        body.push_str(&format!(
            "<text x=\"24\" y=\"{ly}\" class=\"c\">t={} (+{}) {}</text>",
            secs(when),
            secs((when - t).max(0.0)),
            esc(&clip(&rec.what, 40))
        ));
        ly += 20;
    }
    // Right column: tasks.
    let mut ry = col_top;
    body.push_str(&format!(
        "<text x=\"500\" y=\"{ry}\" class=\"s\">{}</text>",
        lang.t("Tasks", "任务")
    ));
    ry += 22;
    for ti in 0..trace.tasks.len() as u32 {
        if ry > col_top + 420 {
            break;
        }
        if let Some(v) = trace.task_at(ti, at) {
            let color = PALETTE[ti as usize % 8];
            body.push_str(&format!(
                "<circle cx=\"506\" cy=\"{}\" r=\"5\" fill=\"{color}\"/><text x=\"518\" y=\"{ry}\">{} <tspan class=\"m\">{}</tspan> {}</text>",
                ry - 5,
                esc(&v.name),
                esc(&clip(&trace.tasks[ti as usize].coro, 24)),
                v.state.word()
            ));
            ry += 20;
        }
    }
    y = ly.max(ry) + 16;
    // Console.
    body.push_str(&format!(
        "<text x=\"24\" y=\"{y}\" class=\"s\">{}</text>",
        lang.t("Console", "控制台")
    ));
    y += 8;
    let chunks = trace.output_at(at);
    let pieces: Vec<Piece> = chunks
        .iter()
        .map(|c| Piece {
            text: c.text,
            err: c.stream == Stream::Err,
            links: &[],
        })
        .collect();
    let screen = render_pieces(&pieces);
    let start = screen.lines.len().saturating_sub(8);
    let shown: Vec<String> = (start..screen.lines.len())
        .map(|i| screen.line(i))
        .collect();
    let box_h = 16 + 18 * shown.len().max(1);
    body.push_str(&format!(
        "<rect x=\"24\" y=\"{y}\" width=\"{}\" height=\"{box_h}\" rx=\"6\" fill=\"#16181d\"/>",
        w - 48
    ));
    y += 22;
    for text in &shown {
        body.push_str(&format!(
            "<text x=\"36\" y=\"{y}\" class=\"t\">{}</text>",
            esc(&clip(text, 100))
        ));
        y += 18;
    }
    let h = y + 24;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\
<style>text{{font:14px system-ui,sans-serif;fill:#1d1f24}}.h{{font-weight:600;font-size:17px}}.s{{font-weight:600;fill:#2f6fdf}}\
.m{{fill:#6b7280}}.c,.t{{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}}.t{{fill:#e6e8ee}}</style>\
<rect width=\"100%\" height=\"100%\" fill=\"#fbfbfd\"/>{body}</svg>\n"
    )
}

fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in s.split(' ') {
        if !cur.is_empty() && cur.chars().count() + word.chars().count() + 1 > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use aioscope_core::run::{run, Options};

    #[test]
    fn draws_a_well_formed_picture() {
        let src = crate::scenarios::by_id("flags_semaphore").unwrap().source;
        let trace = run(src, "f.py", &Options::default());
        let svg = frame_svg(&trace, src, 20, Lang::En);
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("Ready queue") && svg.contains("Task-1"));
        assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
    }
}
