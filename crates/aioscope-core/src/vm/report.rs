//! Messages the runtime itself logs (asyncio's "Task exception was never
//! retrieved", "Exception in callback ..."): through `logging` when the
//! program uses it (its configuration decides the format), else as
//! logging's last-resort handler writes them: the message, then the
//! exception's traceback as the `traceback` module formats it.

use crate::vm::traceback::Style;
use crate::vm::value::{Args, Value};
use crate::vm::Vm;

impl Vm {
    /// `logging.getLogger(logger).error(message, exc_info=exc)`, with
    /// `extra` values passed along as keyword arguments of the record
    /// (unused by the last resort).
    pub fn log_error(
        &mut self,
        logger: &str,
        message: &str,
        exc: Option<&Value>,
        extra: &[(&str, Value)],
    ) {
        let _ = extra;
        if let Some(logging) = self.modules.get("logging").cloned() {
            let logged = (|| {
                let get = self.get_attr(&Value::Module(logging), "getLogger")?;
                let log = self.call(&get, Args::new(vec![Value::str(logger)]))?;
                let error = self.get_attr(&log, "error")?;
                let mut args = Args::new(vec![Value::str(message)]);
                args.kw.push((
                    "exc_info".into(),
                    exc.cloned().unwrap_or(Value::Bool(false)),
                ));
                self.call(&error, args)
            })();
            if logged.is_ok() {
                return;
            }
        }
        let mut text = message.to_string();
        if let Some(e) = exc {
            let tb = self.format_exception(e, Style::Module);
            text.push('\n');
            text.push_str(tb.strip_suffix('\n').unwrap_or(&tb));
        }
        text.push('\n');
        self.write_stderr(&text);
    }

    /// Whether `v` can be called (`callable(v)`).
    pub fn is_callable(&mut self, v: &Value) -> bool {
        match v {
            Value::Function(_) | Value::Native(_) | Value::BoundMethod(_) | Value::Class(_) => true,
            Value::Instance(_) | Value::Object(_) => {
                matches!(self.lookup_method(v, "__call__"), Ok(Some(_)))
            }
            _ => false,
        }
    }
}
