# ExceptionGroup / BaseExceptionGroup and except*, as PEP 654 and the
# asyncio.TaskGroup docs use them.
import asyncio


def attempt(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except BaseException as e:
        print(label, "!", type(e).__name__, e)


def outcome(f):
    try:
        f()
    except BaseException as e:
        print("  raised", type(e).__name__, repr(e))
    else:
        print("  no exception")


# Construction and its checks.
attempt("plain:", lambda: ExceptionGroup("m", [ValueError(1)]))
attempt("tuple:", lambda: ExceptionGroup("m", (ValueError(),)))
attempt("message not str:", lambda: ExceptionGroup(1, [ValueError(1)]))
attempt("not a sequence:", lambda: ExceptionGroup("m", ValueError(1)))
attempt("a set:", lambda: ExceptionGroup("m", {ValueError()}))
attempt("empty:", lambda: ExceptionGroup("m", []))
attempt("not exceptions:", lambda: ExceptionGroup("m", [ValueError(), 1]))
attempt("base in group:", lambda: ExceptionGroup("m", [KeyboardInterrupt()]))
attempt("base group:", lambda: BaseExceptionGroup("m", [KeyboardInterrupt()]))
attempt("becomes ExceptionGroup:", lambda: BaseExceptionGroup("m", [ValueError()]))
attempt("one argument:", lambda: ExceptionGroup("m"))
attempt("keywords:", lambda: ExceptionGroup(message="m", exceptions=[ValueError()]))
attempt("extra keyword:", lambda: ExceptionGroup("m", [ValueError()], x=1))

eg = ExceptionGroup(
    "msg", [ValueError(1), TypeError(2), ExceptionGroup("sub", [ValueError(3), OSError(4)])]
)
print(eg.message, eg.exceptions)
print(eg.args)
print(str(eg))
print(repr(eg))
print(str(ExceptionGroup("one", [ValueError()])))
print(isinstance(eg, BaseExceptionGroup), isinstance(eg, Exception))
print(issubclass(ExceptionGroup, BaseExceptionGroup), issubclass(BaseExceptionGroup, Exception))

# split, subgroup, derive.
print(eg.split(ValueError))
print(eg.split((ValueError, OSError)))
print(eg.split(lambda e: isinstance(e, TypeError)))
print(eg.split(KeyError))
match, rest = eg.split(Exception)
print(match is eg, rest)
print(eg.subgroup(Exception) is eg, eg.subgroup(ValueError), eg.subgroup(KeyError))
print(eg.subgroup(lambda e: isinstance(e, ExceptionGroup)) is eg)
print(eg.derive([KeyError(9)]))
print(type(eg.derive([KeyboardInterrupt()])).__name__)
attempt("split(1):", lambda: eg.split(1))
attempt("split():", lambda: eg.split())
attempt("derive([]):", lambda: eg.derive([]))

noted = ExceptionGroup("noted", [ValueError(1), TypeError(2)])
noted.__cause__ = KeyError("why")
noted.add_note("a note")
v, t = noted.split(ValueError)
print(v, "|", t, "|", repr(v.__cause__), v.__notes__, v.__suppress_context__)
v.__notes__.append("only on v")
print(noted.__notes__, t.__notes__)
attempt("add_note(1):", lambda: noted.add_note(1))


class MyGroup(ExceptionGroup):
    pass


class KeepsType(ExceptionGroup):
    def derive(self, excs):
        return KeepsType(self.message, excs)


class WithInit(ExceptionGroup):
    def __init__(self, message, excs):
        super().__init__(message, excs)
        self.code = 7


print(MyGroup("my", [ValueError(1), TypeError(2)]).split(ValueError))
print(KeepsType("keeps", [ValueError(1), TypeError(2)]).split(ValueError))
w = WithInit("init", [ValueError()])
print(repr(w), w.code, w.args)


# except* semantics.
def unmatched_bare():
    try:
        raise ValueError(1)
    except* TypeError:
        print("  not here")


def wrapped_and_reraised():
    try:
        raise ValueError(1)
    except* ValueError as e:
        print("  caught", repr(e))
        raise


def explicit_raise_nests():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e


def new_and_reraised():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise RuntimeError("new")
    except* TypeError:
        raise


def nested_split():
    try:
        raise ExceptionGroup(
            "eg", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])]
        )
    except* ValueError as e:
        print("  values", repr(e))
    except* TypeError as e:
        print("  types", repr(e), repr(e.__context__))


def everything_handled():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* (ValueError, TypeError) as e:
        print("  both in one handler:", repr(e))


def group_class_refused():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass


def group_class_in_tuple_refused():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* (ValueError, ExceptionGroup):
        pass


def not_an_exception_class():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* 42:
        pass


def base_exception_wrapped():
    try:
        raise KeyboardInterrupt()
    except* KeyboardInterrupt as e:
        print("  caught", repr(e))
        raise


def two_new_exceptions():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise TypeError("x")
    except* TypeError:
        raise KeyError("y")


def else_and_finally():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        except* ValueError:
            print("  handled the ValueError")
        else:
            print("  not here")
        finally:
            print("  finally runs")
    except* TypeError as e:
        print("  outer got", repr(e))


def no_exception():
    try:
        print("  body")
    except* ValueError:
        print("  not here")
    else:
        print("  else runs")


def handler_variable_is_cleared():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        pass
    try:
        e
    except NameError as err:
        print("  after the handler:", err)


def loops_inside_a_handler():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ValueError(2)])
    except* ValueError as e:
        for sub in e.exceptions:
            if sub.args[0] == 2:
                break
            print("  sub", repr(sub))


def context_of_a_new_exception():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1)])
        except* ValueError:
            raise RuntimeError("while handling")
    except ExceptionGroup as e:
        inner = e.exceptions[0]
        print("  ", repr(inner), "context:", repr(inner.__context__))


for case in [
    unmatched_bare,
    wrapped_and_reraised,
    explicit_raise_nests,
    new_and_reraised,
    nested_split,
    everything_handled,
    group_class_refused,
    group_class_in_tuple_refused,
    not_an_exception_class,
    base_exception_wrapped,
    two_new_exceptions,
    else_and_finally,
    no_exception,
    handler_variable_is_cleared,
    loops_inside_a_handler,
    context_of_a_new_exception,
]:
    print(case.__name__)
    outcome(case)


# TaskGroup raises an ExceptionGroup of its tasks' errors.
async def fails(delay, exc):
    await asyncio.sleep(delay)
    raise exc


async def succeeds(delay, value):
    await asyncio.sleep(delay)
    print("  task done", value)
    return value


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(succeeds(0.1, "a"))
            tg.create_task(fails(0.2, ValueError("bad value")))
            tg.create_task(fails(0.2, TypeError("bad type")))
            tg.create_task(succeeds(1, "never"))
    except* ValueError as eg:
        print("ValueErrors:", [repr(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("TypeErrors:", [repr(e) for e in eg.exceptions])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails(0.1, KeyError("k")))
    except* ValueError:
        print("not here")
    except* KeyError as eg:
        print("KeyError group:", repr(eg))


asyncio.run(main())
