# logging without a clock: the hierarchy, levels and propagation, the
# last-resort handler, basicConfig, the three format styles and their
# validation, adapters, filters, records and reprs. (Records go to
# stdout; the last resort writes to stderr, see logging_module.err.)
import logging
import sys
import time

log = logging.getLogger("app")
log.warning("no handlers yet: %s", "last resort")
log.info("not shown")
print(repr(logging.root), repr(log), log.getEffectiveLevel(), logging.getLevelName(25),
      logging.getLevelName("INFO"), logging.getLogger("root") is logging.root)
logging.basicConfig(level=logging.DEBUG, stream=sys.stdout,
                    format="%(levelname)-8s %(name)s %(module)s.%(funcName)s:%(lineno)d %(message)s")


def work():
    log.debug("debug %d", 1)
    log.info("info %(x)s", {"x": 2})
    child = logging.getLogger("app.db")
    child.error("child error")
    print(repr(child), child.parent is log, log.parent is logging.root)
    log.log(35, "custom level")
    logging.info("module level")
    log.info("caller of the caller", stacklevel=2)


work()
log.setLevel(logging.ERROR)
log.warning("filtered")
log.error("kept %s", "yes")
print(log.isEnabledFor(logging.WARNING), logging.getLogger().handlers)
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("{levelname}|{name}|{message}", style="{"))
other = logging.getLogger("other")
other.addHandler(h)
other.propagate = False
other.warning("brace style")
h.setFormatter(logging.Formatter("$levelname/${name}: $message", style="$"))
other.warning("dollar style")
for bad in [("%(x", "%"), ("{", "{"), ("abc", "$"), ("x", "#"), ("no fields", "{")]:
    try:
        logging.Formatter(*bad)
    except ValueError as e:
        print("ValueError", e)
logging.disable(logging.CRITICAL)
other.critical("disabled")
logging.disable(logging.NOTSET)
other.critical("enabled again")
a = logging.LoggerAdapter(other, {"k": 1})
a.warning("adapter")
print(a)
logging.getLogger("x.y.z").warning("deep")
print(logging.getLogger("x.y").parent, logging.getLogger("x.y.z").parent)
null = logging.getLogger("quiet")
null.addHandler(logging.NullHandler())
null.propagate = False
null.error("nothing")
print(h, logging.NullHandler(), logging.lastResort)
for level in ["LOUD", 1.5]:
    try:
        log.setLevel(level)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
r = logging.makeLogRecord({"msg": "hi %s", "args": ("there",), "created": 86400.25})
print(r.getMessage(), r.msecs if False else "", r)
f = logging.Formatter("%(asctime)s|%(message)s")
f.converter = time.gmtime
r.msecs = 250.0
print(f.format(r), f.formatTime(r, "%d/%m/%Y %H:%M"))
filtered = logging.getLogger("filtered")
filtered.addHandler(h)
filtered.propagate = False
filtered.addFilter(logging.Filter("filtered.child"))
filtered.warning("dropped by the filter")
filtered.addFilter(lambda record: True)
print(len(filtered.filters))
kid = logging.getLogger("filtered.child")
kid.warning("passes the filter, reaches the handler via propagation")
print(kid.hasHandlers(), logging.getLogger("lonely").hasHandlers())
try:
    log.info("x", extra={"message": 1})
except KeyError as e:
    print("KeyError", e)
log.setLevel(logging.DEBUG)
log.info("extra %s", "fields", extra={"user": "ann"})
