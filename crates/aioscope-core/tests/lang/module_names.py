"""Module names and docstrings, as CPython sets them."""


def show(*values):
    print(*values, sep=" | ")


show(__name__, __file__.rsplit("/", 1)[-1], __doc__)
if __name__ == "__main__":
    print("run as a program")


def documented():
    "A function's docstring."
    return 1


def undocumented():
    x = 1
    "a string later is not a docstring"
    return x


def only_doc():
    """Nothing else."""


class Documented:
    """A class docstring."""

    def method(self):
        """A method docstring."""

    class Inner:
        def deep(self):
            pass


class Plain:
    pass


class Child(Documented):
    pass


show(documented.__doc__, undocumented.__doc__, only_doc(), only_doc.__doc__)
show(Documented.__doc__, Documented.method.__doc__, Documented().method.__doc__)
show(Plain.__doc__, Child.__doc__, Child().__doc__)
show(Documented.method.__qualname__, Documented.Inner.__qualname__, Documented.Inner.deep.__qualname__)
show(documented.__module__, Documented.__module__, Documented.Inner.__module__)


def outer():
    def inner():
        pass

    class Local:
        def m(self):
            pass

    return inner, Local


inner, Local = outer()
show(inner.__qualname__, inner.__name__, Local.__qualname__, Local.m.__qualname__)
show((lambda: 0).__qualname__, (lambda: 0).__name__)


async def coro():
    pass


c = coro()
show(coro.__qualname__, c.__qualname__, c.__name__)
c.close()
gen = (i for i in range(1))
show(gen.__qualname__ if hasattr(gen, "__qualname__") else "<genexpr>")
show(print.__name__, len.__qualname__, [].append.__qualname__, {}.get.__qualname__)
show(int.__name__, str.__qualname__, ValueError.__module__, int.__module__)
show(Documented.__name__, type(Documented()).__name__, Documented().__class__.__qualname__)
documented.__name__ = "renamed"
documented.__doc__ = "a new docstring"
show(documented.__name__, documented.__qualname__, documented.__doc__)


def defaults(a, b=2, *args, c, d=4, **kw):
    pass


def no_defaults(a):
    pass


show(defaults.__defaults__, defaults.__kwdefaults__, no_defaults.__defaults__, no_defaults.__kwdefaults__)
