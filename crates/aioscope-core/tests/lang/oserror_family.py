for args in [(2, "No such file or directory"), (2, "No such file or directory", "config.ini"),
             (111, "Connection refused"), (104, "Connection reset by peer"), (110, "Connection timed out"),
             (13, "Permission denied"), (17, "File exists"), (32, "Broken pipe"), (11, "Resource temporarily unavailable"),
             (99, "Cannot assign requested address"), ("not a number", "x")]:
    e = OSError(*args)
    print(type(e).__name__, e.errno, e.strerror, e.filename, str(e), repr(e))
e = ConnectionRefusedError(111, "Connection refused")
print(isinstance(e, ConnectionError), isinstance(e, OSError), e.errno)
print(OSError("plain").errno, OSError("plain").strerror, str(OSError("plain")))
try:
    raise OSError(2, "No such file or directory", "data.json")
except FileNotFoundError as e:
    print("caught", e.filename, e)
try:
    raise OSError(111, "refused")
except ConnectionError as e:
    print("connection error:", type(e).__name__, e)
class AppError(OSError):
    pass
print(type(AppError(2, "x")).__name__)
for cls in (BlockingIOError, ChildProcessError, FileExistsError, InterruptedError, IsADirectoryError,
            NotADirectoryError, PermissionError, ProcessLookupError, TimeoutError, BrokenPipeError):
    print(cls.__name__, cls.__mro__[1].__name__, issubclass(cls, OSError))
for cls in (EOFError, BufferError, SystemError, FloatingPointError, TabError, UnicodeDecodeError,
            UnicodeEncodeError, UnicodeTranslateError, IOError, EnvironmentError):
    print(cls.__name__, [c.__name__ for c in cls.__mro__[1:]])
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(type(e).__name__, isinstance(e, ValueError))
try:
    raise EOFError("end of stream")
except EOFError as e:
    print(repr(e))
for e in (OSError(2, "x", None), OSError(2, "x", "a", None, "b"), OSError(None, "x"), OSError(2, "x", "f")):
    print(str(e), repr(e), e.args, e.filename)
