# platform: what a program checks before choosing an event loop policy.
# Only what does not depend on the host is printed (node and kernel
# release are the machine's own).
import platform
import sys

if platform.system() == "Windows":
    print("would set WindowsSelectorEventLoopPolicy")
else:
    print("not Windows:", platform.system(), sys.platform)
print(platform.machine(), platform.processor() == platform.uname().processor)
print(platform.python_version(), platform.python_version_tuple())
print(platform.python_implementation(), platform.python_compiler())
print(platform.python_build(), repr(platform.python_branch()), repr(platform.python_revision()))
print(platform.architecture(), platform.libc_ver())
u = platform.uname()
print(type(u).__name__, u.system, u.machine, len(u), u[0], u[-2], u[:1])
print(u.node == platform.node(), u.release == platform.release(), u.version == platform.version())
print(platform.platform().startswith("Linux-"), platform.platform().endswith("-x86_64-with-glibc2.36"))
print(platform.platform(terse=True) == platform.platform())
print(platform.win32_ver(), platform.mac_ver(), platform.win32_edition(), platform.win32_is_iot())
print(platform.java_ver())
print(platform.freedesktop_os_release()["ID"], platform.freedesktop_os_release()["VERSION_ID"])
