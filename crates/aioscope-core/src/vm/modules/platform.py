"""platform: the machine the program believes it runs on.

The Python is the CPython 3.11.7 of sys.version. The machine is fixed, as
os's process is: Linux on x86_64 with glibc 2.36 (Debian 12), node name
'localhost' (as socket.gethostname), kernel release '6.1.0' with
version '#1 SMP PREEMPT_DYNAMIC Debian 6.1.0-1', no separate processor
name. Programs that ask `platform.system() == 'Windows'` take the Linux
path, as they would on the corpus oracle.
"""
import sys
from collections import namedtuple

_SYSTEM = 'Linux'
_NODE = 'localhost'
_RELEASE = '6.1.0'
_VERSION = '#1 SMP PREEMPT_DYNAMIC Debian 6.1.0-1'
_MACHINE = 'x86_64'


class uname_result(namedtuple('uname_result',
                              'system node release version machine')):
    """uname()'s five fields, and processor after them when iterated."""

    __slots__ = ()

    @property
    def processor(self):
        return ''

    def __iter__(self):
        yield from tuple.__iter__(self)
        yield self.processor

    def __getitem__(self, key):
        return tuple(iter(self))[key]

    def __len__(self):
        return len(tuple(iter(self)))

    def __reduce__(self):
        return uname_result, tuple(self)[:5]


def uname():
    return uname_result(_SYSTEM, _NODE, _RELEASE, _VERSION, _MACHINE)


def system():
    return _SYSTEM


def node():
    return _NODE


def release():
    return _RELEASE


def version():
    return _VERSION


def machine():
    return _MACHINE


def processor():
    return ''


def architecture(executable=sys.executable, bits='', linkage=''):
    return '64bit', 'ELF'


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    return 'glibc', '2.36'


def platform(aliased=False, terse=False):
    # On Linux CPython names the C library whether terse or not.
    return '-'.join((_SYSTEM, _RELEASE, _MACHINE, 'with', 'glibc2.36'))


def python_implementation():
    return 'CPython'


def python_version():
    return '%d.%d.%d' % sys.version_info[:3]


def python_version_tuple():
    return tuple(str(n) for n in sys.version_info[:3])


def python_branch():
    return ''


def python_revision():
    return ''


def python_build():
    # sys.version reads "3.11.7 (main, May  9 2026, 07:35:25) [GCC ...]".
    inside = sys.version.split('(', 1)[1].split(')', 1)[0]
    name, date, time = inside.split(', ')
    return name, date + ' ' + time


def python_compiler():
    return sys.version.rsplit('[', 1)[1].rstrip(']')


def win32_ver(release='', version='', csd='', ptype=''):
    return release, version, csd, ptype


def win32_edition():
    return None


def win32_is_iot():
    return False


def mac_ver(release='', versioninfo=('', '', ''), machine=''):
    return release, versioninfo, machine


def java_ver(release='', vendor='', vminfo=('', '', ''), osinfo=('', '', '')):
    return release, vendor, vminfo, osinfo


def freedesktop_os_release():
    return {
        'NAME': 'Debian GNU/Linux',
        'ID': 'debian',
        'PRETTY_NAME': 'Debian GNU/Linux 12 (bookworm)',
        'VERSION_ID': '12',
        'VERSION': '12 (bookworm)',
        'VERSION_CODENAME': 'bookworm',
        'HOME_URL': 'https://www.debian.org/',
        'SUPPORT_URL': 'https://www.debian.org/support',
        'BUG_REPORT_URL': 'https://bugs.debian.org/',
    }
