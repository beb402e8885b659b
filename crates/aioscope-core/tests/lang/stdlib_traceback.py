# traceback: print_exc, format_exc, format_exception and friends print
# what CPython's printer prints. CPython names the program by its full
# path: show() prints text with the bare file name instead.
import io
import os
import sys
import traceback


def show(*items, end="\n"):
    text = " ".join(str(i) for i in items)
    print(text.replace(__file__, os.path.basename(__file__)), end=end)


def printed(function, *args, **kwargs):
    buffer = io.StringIO()
    function(*args, file=buffer, **kwargs)
    show(buffer.getvalue(), end="")


def inner(x):
    return 10 // x


def outer(x):
    return inner(x) + 1


try:
    outer(0)
except ZeroDivisionError:
    show(traceback.format_exc(), end="")
    printed(traceback.print_exc)
    printed(traceback.print_exc, limit=1)
    printed(traceback.print_exc, limit=-1)

show(repr(traceback.format_exc()))

try:
    {}["missing"]
except KeyError as e:
    parts = traceback.format_exception(e)
    show(len(parts), parts[0], end="")
    show(parts[-1], end="")
    show(traceback.format_exception_only(e))
    show(traceback.format_exception_only(type(e), e))
    tb = e.__traceback__
    show(type(tb).__name__, tb.tb_lineno, tb.tb_next)
    show("".join(traceback.format_exception(type(e), e, tb)), end="")
    show(traceback.format_exception(type(e), e, None))


def chained():
    try:
        int("x")
    except ValueError as e:
        raise RuntimeError("converting failed") from e


try:
    chained()
except RuntimeError as e:
    printed(traceback.print_exception, e)
    printed(traceback.print_exception, e, chain=False)
    show(e.__traceback__.tb_next.tb_lineno)


def context():
    try:
        [][1]
    except IndexError:
        show(undefined_name)


try:
    context()
except NameError as e:
    show("".join(traceback.format_exception(e)), end="")

try:
    outer(0)
except ZeroDivisionError as e:
    stack = traceback.extract_tb(e.__traceback__)
    show(type(stack).__name__, len(stack))
    for frame in stack:
        show(frame, frame.filename, frame.lineno, frame.name, repr(frame.line))
        show(frame.colno, frame.end_colno, frame.end_lineno)
    name, line, func, text = stack[-1]
    show(name, line, func, text)
    show(traceback.format_tb(e.__traceback__))
    show("".join(traceback.format_list(stack)), end="")
    printed(traceback.print_tb, e.__traceback__)
    show(traceback.format_list([("f.py", 3, "g", "x = 1")]))
    show(sys.exc_info()[2].tb_lineno)

e = ValueError("never raised")
show(e.__traceback__, traceback.format_exception(e))
show(traceback.format_exception(None))
show(repr(traceback.format_exc()))
try:
    traceback.format_exception(e, None)
except ValueError as err:
    show(err)
try:
    traceback.format_exception(42)
except TypeError as err:
    show(err)

err = OSError(2, "No such file")
err.add_note("first note")
err.add_note("second\nnote")
show(traceback.format_exception_only(err))
show(traceback.format_exception_only(ValueError("two\nlines")))


class Custom(Exception):
    pass


try:
    raise Custom()
except Custom as c:
    te = traceback.TracebackException.from_exception(c)
    show(str(te), repr(te.exc_type), len(te.stack))
    show(list(te.format_exception_only()))
    show("".join(te.format()), end="")


def show_stack():
    printed(traceback.print_stack)
    show(traceback.format_stack(limit=1))
    return traceback.extract_stack()


frames = show_stack()
show([f.name for f in frames])
