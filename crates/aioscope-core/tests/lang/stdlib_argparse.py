# argparse as published downloaders and demos use it: defaults from an
# empty command line, help layout and wrapping, conversions, choices,
# counts, appends, groups, subcommands, and the errors (usage + message on
# stderr, exit status 2).
import argparse
import sys

parser = argparse.ArgumentParser(
    prog='flags2',
    description='Download flags for country codes. Default: top 20 countries by population, '
                'fetched from the local test server unless another one is chosen.',
    epilog='Example: flags2 -s DELAY b')
parser.add_argument('cc', metavar='CC', nargs='*',
                    help='country code or 1st letter (eg. B for BA...BZ)')
parser.add_argument('-a', '--all', action='store_true',
                    help='get all available flags (AD to ZW)')
parser.add_argument('-e', '--every', action='store_true',
                    help='get flags for every possible code (AA...ZZ)')
parser.add_argument('-l', '--limit', metavar='N', type=int,
                    help='limit to N first codes', default=sys.maxsize)
parser.add_argument('-m', '--max_req', metavar='CONCURRENT', type=int, default=30,
                    help=f'maximum concurrent requests (default={30})')
parser.add_argument('-s', '--server', metavar='LABEL', default='LOCAL',
                    choices=['LOCAL', 'REMOTE', 'DELAY', 'ERROR'],
                    help='Server to hit; one of %(choices)s (default=%(default)s)')
parser.add_argument('-v', '--verbose', action='count', default=0,
                    help='output detailed progress info')
parser.add_argument('--tag', action='append', dest='tags', help='a tag (repeatable)')
parser.add_argument('--version', action='version', version='%(prog)s 2.0')
parser.print_help()
print(parser.format_usage(), end='')
print(parser.parse_args([]))
print(parser.parse_args(['-m5', 'B', 'C', '-vv', '--tag', 'x', '--tag=y']))
ns = parser.parse_args(['--max_req=7', '-s', 'DELAY', '--', '-1'])
print(vars(ns), ns.max_req, 'cc' in ns)
print(parser.parse_args(['--serv', 'ERROR', '-al', '3']))

for argv in (['-m', 'x'], ['--bogus', 'B'], ['-s', 'NOPE'], ['-m'], ['--v'], ['--version'],
             ['-h']):
    try:
        parser.parse_args(argv)
    except SystemExit as e:
        print('exit', e.code, argv)

quiet = argparse.ArgumentParser(prog='quiet', exit_on_error=False)
quiet.add_argument('n', type=int)
quiet.add_argument('rest', nargs='+')
try:
    quiet.parse_args(['x', 'y'])
except argparse.ArgumentError as e:
    print('ArgumentError:', e)
print(quiet.parse_known_args(['3', 'a', 'b', '--extra']))
try:
    quiet.parse_args(['3'])
except SystemExit as e:
    print('exit', e.code)

tool = argparse.ArgumentParser(prog='tool', formatter_class=argparse.ArgumentDefaultsHelpFormatter)
mode = tool.add_mutually_exclusive_group()
mode.add_argument('--fast', action='store_true', help='go fast')
mode.add_argument('--slow', action='store_true', help='go slow')
net = tool.add_argument_group('network', 'How to reach the server.')
net.add_argument('--host', default='localhost', help='server name')
net.add_argument('--port', type=int, default=8001, help='TCP port')
tool.add_argument('--delay', type=float, default=0.5, help='seconds between requests')
tool.add_argument('--color', action=argparse.BooleanOptionalAction, default=True, help='colour output')
tool.add_argument('files', nargs='?', default='-', help='input')
tool.set_defaults(level=3)
tool.print_help()
print(tool.parse_args(['--fast', '--port', '9000', '--no-color', 'in.txt']))
print(tool.get_default('level'), tool.get_default('port'))
try:
    tool.parse_args(['--fast', '--slow'])
except SystemExit as e:
    print('exit', e.code)

cli = argparse.ArgumentParser(prog='cli')
cli.add_argument('--debug', action='store_const', const=True, default=False)
sub = cli.add_subparsers(dest='command', help='what to do')
get = sub.add_parser('get', help='download one URL')
get.add_argument('url')
get.add_argument('-n', type=int, default=1)
put = sub.add_parser('put', help='upload')
put.add_argument('path', nargs=2, metavar=('SRC', 'DST'))
cli.print_help()
get.print_help()
print(cli.parse_args(['--debug', 'get', 'http://x', '-n', '4']))
print(cli.parse_args(['put', 'a', 'b']))
print(cli.parse_args([]))
try:
    cli.parse_args(['del'])
except SystemExit as e:
    print('exit', e.code)

ns = argparse.Namespace(a=1, b='two')
print(ns, ns == argparse.Namespace(a=1, b='two'), argparse.Namespace(**{'x-y': 1}))
print(parser._actions[1])
try:
    parser.add_argument('-a')
except argparse.ArgumentError as e:
    print('ArgumentError:', e)
try:
    parser.add_argument('bad', action='nope')
except ValueError as e:
    print('ValueError:', e)


def positive(text):
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f'{value} is not positive')
    return value


checked = argparse.ArgumentParser(prog='checked')
checked.add_argument('--workers', type=positive, default=4)
checked.add_argument('-x', type=float, default='1.5')
print(checked.parse_args([]))
try:
    checked.parse_args(['--workers', '-3'])
except SystemExit as e:
    print('exit', e.code)
long = argparse.ArgumentParser(prog='a_rather_long_program_name_for_wrapping_usage')
for name in ('alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'):
    long.add_argument('--' + name, metavar=name.upper() + '_VALUE')
long.add_argument('source')
long.add_argument('destination', nargs='+')
print(long.format_usage(), end='')

plus = argparse.ArgumentParser(prog='plus', prefix_chars='-+',
                               formatter_class=argparse.RawDescriptionHelpFormatter,
                               description='%(prog)s keeps\n  its own\n    line breaks.')
plus.add_argument('+z', '--zoom', action='store_true')
plus.add_argument('-p', '--point', nargs=2, type=int, metavar=('X', 'Y'), required=True,
                  help='a point; this help is long enough that it has to wrap onto a second '
                       'line and then a third one, to show the hanging indent of help text')
plus.add_argument('-c', choices=[1, 2, 3], type=int, default=1)
plus.add_argument('-n', type=str.upper, default='low')
plus.add_argument('-q', action='store_true')
plus.add_argument('-r', action='store_true')
plus.print_help()
print(plus.parse_args(['-p', '1', '2', '+z', '-qr', '-c3', '-nabc']))
for argv in (['-p', '1'], [], ['-p', '1', '2', '-c', '9'], ['-qx', '-p', '1', '2']):
    try:
        plus.parse_args(argv)
    except SystemExit as e:
        print('exit', e.code, argv)
print(argparse.ArgumentParser(prog='p', usage='%(prog)s [options]').format_help(), end='')
