# argparse for the aioscope simulator: command-line parsing as CPython
# 3.11's module does it, for the programs that parse their (simulated)
# sys.argv — usually with no arguments, so the defaults, the help text and
# the error messages are what shows. Our own implementation; the help
# layout, the usage wrapping and the messages follow CPython's output.
import sys as _sys

SUPPRESS = '==SUPPRESS=='
OPTIONAL = '?'
ZERO_OR_MORE = '*'
ONE_OR_MORE = '+'
PARSER = 'A...'
REMAINDER = '...'

# The simulated terminal is 80 columns (CPython's fallback when stdout is
# not a terminal, as under the oracle); help is laid out 2 narrower.
_COLUMNS = 80


class ArgumentError(Exception):
    """An error in one argument, named as CPython names it."""

    def __init__(self, argument, message):
        self.argument_name = _argument_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return 'argument %s: %s' % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    pass


def _argument_name(action):
    if action is None:
        return None
    if action.option_strings:
        return '/'.join(action.option_strings)
    if action.metavar not in (None, SUPPRESS):
        return action.metavar
    if action.dest not in (None, SUPPRESS):
        return action.dest
    if action.choices:
        return '{' + ','.join(action.choices) + '}'
    return None


class Namespace:
    """The parsed values as attributes; repr lists them in the order set."""

    def __init__(self, **kwargs):
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __repr__(self):
        parts = []
        star = {}
        for name, value in self.__dict__.items():
            if name.isidentifier():
                parts.append('%s=%r' % (name, value))
            else:
                star[name] = value
        if star:
            parts.append('**%s' % repr(star))
        return '%s(%s)' % (type(self).__name__, ', '.join(parts))

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


# --- actions ----------------------------------------------------------------

class Action:
    def __init__(self, option_strings, dest, nargs=None, const=None,
                 default=None, type=None, choices=None, required=False,
                 help=None, metavar=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar

    def format_usage(self):
        return self.option_strings[0]

    def __repr__(self):
        names = ['option_strings', 'dest', 'nargs', 'const', 'default',
                 'type', 'choices', 'required', 'help', 'metavar']
        body = ', '.join('%s=%r' % (n, getattr(self, n)) for n in names)
        return '%s(%s)' % (type(self).__name__, body)

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError('.__call__() not defined')


class _StoreAction(Action):
    def __init__(self, option_strings, dest, nargs=None, const=None,
                 default=None, type=None, choices=None, required=False,
                 help=None, metavar=None):
        if nargs == 0:
            raise ValueError('nargs for store actions must be != 0; if you '
                             'have nothing to store, actions such as store '
                             'true or store const may be more appropriate')
        if const is not None and nargs != OPTIONAL:
            raise ValueError('nargs must be %r to supply const' % OPTIONAL)
        super().__init__(option_strings, dest, nargs, const, default, type,
                         choices, required, help, metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)


class _StoreConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None,
                 required=False, help=None, metavar=None):
        super().__init__(option_strings, dest, 0, const, default, None, None,
                         required, help, metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, self.const)


class _StoreTrueAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=False, required=False,
                 help=None):
        super().__init__(option_strings, dest, True, default, required, help)


class _StoreFalseAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=True, required=False,
                 help=None):
        super().__init__(option_strings, dest, False, default, required, help)


def _copied_list(items):
    if items is None:
        return []
    if type(items) is list:
        return items[:]
    import copy
    return copy.copy(items)


class _AppendAction(Action):
    def __init__(self, option_strings, dest, nargs=None, const=None,
                 default=None, type=None, choices=None, required=False,
                 help=None, metavar=None):
        if nargs == 0:
            raise ValueError('nargs for append actions must be != 0; if arg '
                             'strings are not supplying the value to append, '
                             'the append const action may be more appropriate')
        if const is not None and nargs != OPTIONAL:
            raise ValueError('nargs must be %r to supply const' % OPTIONAL)
        super().__init__(option_strings, dest, nargs, const, default, type,
                         choices, required, help, metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copied_list(getattr(namespace, self.dest, None))
        items.append(values)
        setattr(namespace, self.dest, items)


class _AppendConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None,
                 required=False, help=None, metavar=None):
        super().__init__(option_strings, dest, 0, const, default, None, None,
                         required, help, metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copied_list(getattr(namespace, self.dest, None))
        items.append(self.const)
        setattr(namespace, self.dest, items)


class _ExtendAction(_AppendAction):
    def __call__(self, parser, namespace, values, option_string=None):
        items = _copied_list(getattr(namespace, self.dest, None))
        items.extend(values)
        setattr(namespace, self.dest, items)


class _CountAction(Action):
    def __init__(self, option_strings, dest, default=None, required=False,
                 help=None):
        super().__init__(option_strings, dest, 0, None, default, None, None,
                         required, help)

    def __call__(self, parser, namespace, values, option_string=None):
        count = getattr(namespace, self.dest, None)
        if count is None:
            count = 0
        setattr(namespace, self.dest, count + 1)


class _HelpAction(Action):
    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS,
                 help=None):
        super().__init__(option_strings, dest, 0, None, default, None, None,
                         False, help)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit()


class _VersionAction(Action):
    def __init__(self, option_strings, version=None, dest=SUPPRESS,
                 default=SUPPRESS, help="show program's version number and exit"):
        super().__init__(option_strings, dest, 0, None, default, None, None,
                         False, help)
        self.version = version

    def __call__(self, parser, namespace, values, option_string=None):
        version = self.version
        if version is None:
            version = parser.version
        formatter = parser._get_formatter()
        formatter.add_text(version)
        parser._print_message(formatter.format_help(), _sys.stdout)
        parser.exit()


class BooleanOptionalAction(Action):
    def __init__(self, option_strings, dest, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        strings = []
        for option in option_strings:
            strings.append(option)
            if option.startswith('--'):
                strings.append('--no-' + option[2:])
        if help is not None and default is not None and default is not SUPPRESS:
            help += ' (default: %(default)s)'
        super().__init__(strings, dest, 0, None, default, type, choices,
                         required, help, metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string in self.option_strings:
            setattr(namespace, self.dest, not option_string.startswith('--no-'))

    def format_usage(self):
        return ' | '.join(self.option_strings)


class _SubParsersAction(Action):
    def __init__(self, option_strings, prog, parser_class, dest=SUPPRESS,
                 required=False, help=None, metavar=None):
        self._prog_prefix = prog
        self._parser_class = parser_class
        self._name_parser_map = {}
        self._choices_actions = []
        super().__init__(option_strings, dest, PARSER, None, None, None,
                         self._name_parser_map, required, help, metavar)

    def add_parser(self, name, **kwargs):
        if kwargs.get('prog') is None:
            kwargs['prog'] = '%s %s' % (self._prog_prefix, name)
        aliases = kwargs.pop('aliases', ())
        if 'help' in kwargs:
            help = kwargs.pop('help')
            metavar = name
            if aliases:
                metavar += ' (%s)' % ', '.join(aliases)
            self._choices_actions.append(Action([], name, help=help,
                                                metavar=metavar))
        parser = self._parser_class(**kwargs)
        self._name_parser_map[name] = parser
        for alias in aliases:
            self._name_parser_map[alias] = parser
        return parser

    def _get_subactions(self):
        return self._choices_actions

    def __call__(self, parser, namespace, values, option_string=None):
        name = values[0]
        rest = values[1:]
        if self.dest is not SUPPRESS:
            setattr(namespace, self.dest, name)
        if name not in self._name_parser_map:
            choices = ', '.join(map(repr, self._name_parser_map))
            raise ArgumentError(self, 'invalid choice: %r (choose from %s)'
                                % (name, choices))
        sub = self._name_parser_map[name]
        sub_namespace, extras = sub.parse_known_args(rest, None)
        for key, value in vars(sub_namespace).items():
            setattr(namespace, key, value)
        if extras:
            if not hasattr(namespace, '_UNRECOGNIZED_ARGS'):
                namespace._UNRECOGNIZED_ARGS = []
            namespace._UNRECOGNIZED_ARGS.extend(extras)


_ACTIONS = {
    None: _StoreAction, 'store': _StoreAction,
    'store_const': _StoreConstAction, 'store_true': _StoreTrueAction,
    'store_false': _StoreFalseAction, 'append': _AppendAction,
    'append_const': _AppendConstAction, 'count': _CountAction,
    'help': _HelpAction, 'version': _VersionAction,
    'parsers': _SubParsersAction, 'extend': _ExtendAction,
}


# --- help formatting ----------------------------------------------------------

def _squeeze(text):
    return ' '.join(text.split())


class HelpFormatter:
    """Lays out usage and help: sections of items, indented, wrapped."""

    def __init__(self, prog, indent_increment=2, max_help_position=24,
                 width=None):
        if width is None:
            width = _COLUMNS - 2
        self._prog = prog
        self._indent_increment = indent_increment
        self._max_help_position = min(max_help_position,
                                      max(width - 20, indent_increment * 2))
        self._width = width
        self._current_indent = 0
        self._action_max_length = 0
        self._sections = [[]]
        self._headings = [None]

    def _indent(self):
        self._current_indent += self._indent_increment

    def _dedent(self):
        self._current_indent -= self._indent_increment

    def _add(self, render):
        self._sections[-1].append(render)

    def start_section(self, heading):
        self._indent()
        self._sections.append([])
        self._headings.append(heading)

    def end_section(self):
        items = self._sections.pop()
        heading = self._headings.pop()
        self._dedent()
        indent = self._current_indent

        def render():
            body = ''.join(part() for part in items)
            if not body:
                return ''
            title = ''
            if heading is not SUPPRESS and heading is not None:
                title = ' ' * indent + heading + ':\n'
            return title + body + '\n'
        self._add(render)

    def add_text(self, text):
        if text is not SUPPRESS and text is not None:
            indent = self._current_indent
            self._add(lambda: self._format_text(text, indent))

    def add_usage(self, usage, actions, groups, prefix=None):
        if usage is not SUPPRESS:
            actions = list(actions)
            self._add(lambda: self._format_usage(usage, actions, groups, prefix))

    def add_argument(self, action):
        if action.help is SUPPRESS:
            return
        invocations = [self._invocation(action)]
        invocations += [self._invocation(sub) for sub in self._subactions(action)]
        length = max(len(text) for text in invocations) + self._current_indent
        self._action_max_length = max(self._action_max_length, length)
        indent = self._current_indent
        self._add(lambda: self._format_action(action, indent))

    def add_arguments(self, actions):
        for action in actions:
            self.add_argument(action)

    def format_help(self):
        text = ''.join(part() for part in self._sections[0])
        if text:
            text = text.strip('\n') + '\n'
            while '\n\n\n' in text:
                text = text.replace('\n\n\n', '\n\n')
        return text

    # -- usage --

    def _format_usage(self, usage, actions, groups, prefix):
        if prefix is None:
            prefix = 'usage: '
        prog = self._prog
        if usage is not None:
            usage = usage % {'prog': prog}
        elif not actions:
            usage = prog
        else:
            optionals = [a for a in actions if a.option_strings]
            positionals = [a for a in actions if not a.option_strings]
            opt_parts = _usage_tokens(self._usage_parts(optionals, groups))
            pos_parts = _usage_tokens(self._usage_parts(positionals, groups))
            usage = ' '.join([prog] + opt_parts + pos_parts)
            text_width = self._width - self._current_indent
            if len(prefix) + len(usage) > text_width:
                usage = '\n'.join(self._wrap_usage(prefix, prog, opt_parts,
                                                   pos_parts, text_width))
        return prefix + usage + '\n\n'

    def _wrap_usage(self, prefix, prog, opt_parts, pos_parts, text_width):
        def lines_of(parts, indent, first_prefix=None):
            lines = []
            line = []
            used = len(first_prefix) - 1 if first_prefix is not None else len(indent) - 1
            for part in parts:
                if line and used + 1 + len(part) > text_width:
                    lines.append(indent + ' '.join(line))
                    line = []
                    used = len(indent) - 1
                line.append(part)
                used += len(part) + 1
            if line:
                lines.append(indent + ' '.join(line))
            if first_prefix is not None and lines:
                lines[0] = lines[0][len(indent):]
            return lines

        if len(prefix) + len(prog) <= 0.75 * text_width:
            indent = ' ' * (len(prefix) + len(prog) + 1)
            if opt_parts:
                lines = lines_of([prog] + opt_parts, indent, prefix)
                lines.extend(lines_of(pos_parts, indent))
            elif pos_parts:
                lines = lines_of([prog] + pos_parts, indent, prefix)
            else:
                lines = [prog]
        else:
            indent = ' ' * len(prefix)
            lines = lines_of(opt_parts + pos_parts, indent)
            if len(lines) > 1:
                lines = lines_of(opt_parts, indent) + lines_of(pos_parts, indent)
            lines = [prog] + lines
        return lines

    def _usage_parts(self, actions, groups):
        # A mutually exclusive group whose members all show is drawn as one
        # part: [-a | -b], or (-a | -b) when one of them is required.
        parts = []
        done = set()
        for action in actions:
            if id(action) in done:
                continue
            group = _group_of(action, groups)
            members = []
            if group is not None:
                members = [a for a in group._group_actions
                           if a.help is not SUPPRESS and a in actions]
            if len(members) > 1:
                texts = [self._action_usage(a, True) for a in members]
                texts = [t for t in texts if t]
                for a in members:
                    done.add(id(a))
                joined = ' | '.join(texts)
                parts.append(('(%s)' if group.required else '[%s]') % joined)
                continue
            done.add(id(action))
            if action.help is SUPPRESS:
                continue
            text = self._action_usage(action, False)
            if text:
                parts.append(text)
        return parts

    def _action_usage(self, action, in_group):
        if not action.option_strings:
            default = self._default_metavar_for_positional(action)
            text = self._format_args(action, default)
            if in_group and text[:1] == '[' and text[-1:] == ']':
                text = text[1:-1]
            return text
        option = action.format_usage()
        if action.nargs == 0:
            text = option
        else:
            default = self._default_metavar_for_optional(action)
            text = '%s %s' % (option, self._format_args(action, default))
        if not action.required and not in_group:
            text = '[%s]' % text
        return text

    # -- actions --

    def _format_action(self, action, indent):
        help_position = min(self._action_max_length + 2,
                            self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - indent - 2
        header = self._invocation(action)
        if not action.help:
            text = ' ' * indent + header + '\n'
        elif len(header) <= action_width:
            text = ' ' * indent + header.ljust(action_width) + '  '
            help_start = True
        else:
            text = ' ' * indent + header + '\n'
            help_start = False
        if action.help and action.help.strip():
            lines = self._split_lines(self._expand_help(action), help_width)
            if lines:
                if help_start:
                    text += lines[0] + '\n'
                    lines = lines[1:]
                for line in lines:
                    text += ' ' * help_position + line + '\n'
        elif not text.endswith('\n'):
            text += '\n'
        for sub in self._subactions(action):
            text += self._format_action(sub, indent + self._indent_increment)
        return text

    def _subactions(self, action):
        get = getattr(action, '_get_subactions', None)
        return get() if get is not None else []

    def _invocation(self, action):
        if not action.option_strings:
            default = self._default_metavar_for_positional(action)
            return self._metavar_formatter(action, default)(1)[0]
        if action.nargs == 0:
            return ', '.join(action.option_strings)
        default = self._default_metavar_for_optional(action)
        args = self._format_args(action, default)
        return ', '.join('%s %s' % (option, args)
                         for option in action.option_strings)

    def _metavar_formatter(self, action, default):
        if action.metavar is not None:
            result = action.metavar
        elif action.choices is not None:
            result = '{%s}' % ','.join(str(c) for c in action.choices)
        else:
            result = default

        def format(count):
            if isinstance(result, tuple):
                return result
            return (result,) * count
        return format

    def _format_args(self, action, default):
        metavar = self._metavar_formatter(action, default)
        nargs = action.nargs
        if nargs is None:
            return '%s' % metavar(1)
        if nargs == OPTIONAL:
            return '[%s]' % metavar(1)
        if nargs == ZERO_OR_MORE:
            names = metavar(1)
            if len(names) == 2:
                return '[%s [%s ...]]' % names
            return '[%s ...]' % names
        if nargs == ONE_OR_MORE:
            return '%s [%s ...]' % metavar(2)
        if nargs == REMAINDER:
            return '...'
        if nargs == PARSER:
            return '%s ...' % metavar(1)
        if nargs == SUPPRESS:
            return ''
        try:
            count = int(nargs)
        except (TypeError, ValueError):
            raise ValueError('invalid nargs value') from None
        return ' '.join(metavar(count))

    def _expand_help(self, action):
        params = dict(vars(action), prog=self._prog)
        for name in list(params):
            if params[name] is SUPPRESS:
                del params[name]
        for name in list(params):
            if hasattr(params[name], '__name__'):
                params[name] = params[name].__name__
        if params.get('choices') is not None:
            params['choices'] = ', '.join(str(c) for c in params['choices'])
        return self._get_help_string(action) % params

    def _get_help_string(self, action):
        return action.help

    def _split_lines(self, text, width):
        import textwrap
        return textwrap.wrap(_squeeze(text), width)

    def _fill_text(self, text, width, indent):
        import textwrap
        return textwrap.fill(_squeeze(text), width, initial_indent=indent,
                             subsequent_indent=indent)

    def _format_text(self, text, indent):
        if '%(prog)' in text:
            text = text % {'prog': self._prog}
        width = max(self._width - indent, 11)
        return self._fill_text(text, width, ' ' * indent) + '\n\n'

    def _default_metavar_for_optional(self, action):
        return action.dest.upper()

    def _default_metavar_for_positional(self, action):
        return action.dest


class RawDescriptionHelpFormatter(HelpFormatter):
    def _fill_text(self, text, width, indent):
        return ''.join(indent + line for line in text.splitlines(keepends=True))


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    def _get_help_string(self, action):
        text = action.help
        if text is None:
            text = ''
        if '%(default)' not in text and action.default is not SUPPRESS:
            if action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE):
                text += ' (default: %(default)s)'
        return text


class MetavarTypeHelpFormatter(HelpFormatter):
    def _default_metavar_for_optional(self, action):
        return action.type.__name__

    def _default_metavar_for_positional(self, action):
        return action.type.__name__


def _usage_tokens(parts):
    # Usage wraps between tokens: a bracketed or parenthesised group stays
    # whole, anything else splits at spaces (so 'src [src ...]' is two).
    tokens = []
    text = ' '.join(parts)
    i = 0
    while i < len(text):
        if text[i] == ' ':
            i += 1
            continue
        end = _group_end(text, i)
        if end is None:
            end = text.find(' ', i)
            if end < 0:
                end = len(text)
        tokens.append(text[i:end])
        i = end
    return tokens


def _group_end(text, start):
    closer = {'(': ')', '[': ']'}.get(text[start])
    if closer is None:
        return None
    k = start + 1
    while k < len(text):
        if text[k] == closer:
            m = k
            while m < len(text) and text[m] == closer:
                m += 1
            if m == len(text) or text[m].isspace():
                return m
            k = m
        else:
            k += 1
    return None


def _group_of(action, groups):
    for group in groups:
        if action in group._group_actions:
            return group
    return None


# --- containers and the parser ------------------------------------------------

class _ActionsContainer:
    def __init__(self, description, prefix_chars, argument_default,
                 conflict_handler):
        self.description = description
        self.argument_default = argument_default
        self.prefix_chars = prefix_chars
        self.conflict_handler = conflict_handler
        self._actions = []
        self._option_string_actions = {}
        self._action_groups = []
        self._mutually_exclusive_groups = []
        self._defaults = {}
        self._has_negative_number_optionals = []

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    def add_argument(self, *args, **kwargs):
        chars = self.prefix_chars
        if not args or len(args) == 1 and args[0][:1] not in chars:
            if args and 'dest' in kwargs:
                raise ValueError('dest supplied twice for positional argument')
            kwargs = self._positional_kwargs(*args, **kwargs)
        else:
            kwargs = self._optional_kwargs(*args, **kwargs)
        if 'default' not in kwargs:
            dest = kwargs['dest']
            if dest in self._defaults:
                kwargs['default'] = self._defaults[dest]
            elif self.argument_default is not None:
                kwargs['default'] = self.argument_default
        action_name = kwargs.pop('action', None)
        action_class = _ACTIONS.get(action_name, action_name)
        if not callable(action_class):
            raise ValueError('unknown action "%s"' % (action_class,))
        action = action_class(**kwargs)
        type_func = action.type
        if type_func is not None and not callable(type_func):
            raise ValueError('%r is not callable' % (type_func,))
        return self._add_action(action)

    def _add_action(self, action):
        self._check_conflict(action)
        self._actions.append(action)
        action.container = self
        for option in action.option_strings:
            self._option_string_actions[option] = action
        return action

    def _check_conflict(self, action):
        clashes = [(o, self._option_string_actions[o])
                   for o in action.option_strings
                   if o in self._option_string_actions]
        if not clashes:
            return
        if self.conflict_handler == 'resolve':
            for option, other in clashes:
                other.option_strings.remove(option)
                self._option_string_actions.pop(option, None)
                if not other.option_strings:
                    other.container._remove_action(other)
            return
        names = ', '.join(o for o, _ in clashes)
        raise ArgumentError(action, 'conflicting option string%s: %s'
                            % ('s' if len(clashes) > 1 else '', names))

    def _remove_action(self, action):
        self._actions.remove(action)

    def add_argument_group(self, *args, **kwargs):
        group = _ArgumentGroup(self, *args, **kwargs)
        self._action_groups.append(group)
        return group

    def add_mutually_exclusive_group(self, **kwargs):
        group = _MutuallyExclusiveGroup(self, **kwargs)
        self._mutually_exclusive_groups.append(group)
        return group

    def _positional_kwargs(self, dest=None, **kwargs):
        if dest is None:
            raise TypeError("_get_positional_kwargs() missing 1 required "
                            "positional argument: 'dest'")
        if 'required' in kwargs:
            raise TypeError("'required' is an invalid argument for positionals")
        # A '*' positional is "required" unless it has a default, yet an
        # empty match still satisfies it (CPython's rule).
        nargs = kwargs.get('nargs')
        if nargs not in (OPTIONAL, ZERO_OR_MORE):
            kwargs['required'] = True
        if nargs == ZERO_OR_MORE and 'default' not in kwargs:
            kwargs['required'] = True
        return dict(kwargs, dest=dest, option_strings=[])

    def _optional_kwargs(self, *args, **kwargs):
        option_strings = []
        long_strings = []
        for option in args:
            if option[:1] not in self.prefix_chars:
                raise ValueError('invalid option string %r: must start with '
                                 'a character %r' % (option, self.prefix_chars))
            option_strings.append(option)
            if len(option) > 1 and option[1] in self.prefix_chars:
                long_strings.append(option)
        dest = kwargs.pop('dest', None)
        if dest is None:
            source = long_strings[0] if long_strings else option_strings[0]
            dest = source.lstrip(self.prefix_chars)
            if not dest:
                raise ValueError('dest= is required for options like %r'
                                 % source)
            dest = dest.replace('-', '_')
        return dict(kwargs, dest=dest, option_strings=option_strings)


class _ArgumentGroup(_ActionsContainer):
    def __init__(self, container, title=None, description=None, **kwargs):
        super().__init__(description,
                         kwargs.get('prefix_chars', container.prefix_chars),
                         kwargs.get('argument_default', container.argument_default),
                         kwargs.get('conflict_handler', container.conflict_handler))
        self.title = title
        self._group_actions = []
        self._container = container
        self._actions = container._actions
        self._option_string_actions = container._option_string_actions
        self._defaults = container._defaults
        self._mutually_exclusive_groups = container._mutually_exclusive_groups

    def _add_action(self, action):
        action = super()._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        super()._remove_action(action)
        self._group_actions.remove(action)


class _MutuallyExclusiveGroup(_ArgumentGroup):
    def __init__(self, container, required=False):
        super().__init__(container)
        self.required = required
        self._container = container

    def _add_action(self, action):
        if action.required:
            raise ValueError('mutually exclusive arguments must be optional')
        action = self._container._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        self._container._remove_action(action)
        self._group_actions.remove(action)


def _program_name():
    argv = getattr(_sys, 'argv', None) or ['']
    name = argv[0]
    return name.replace('\\', '/').rsplit('/', 1)[-1]


class ArgumentParser(_ActionsContainer):
    def __init__(self, prog=None, usage=None, description=None, epilog=None,
                 parents=[], formatter_class=HelpFormatter, prefix_chars='-',
                 fromfile_prefix_chars=None, argument_default=None,
                 conflict_handler='error', add_help=True, allow_abbrev=True,
                 exit_on_error=True):
        super().__init__(description, prefix_chars, argument_default,
                         conflict_handler)
        if prog is None:
            prog = _program_name()
        self.prog = prog
        self.usage = usage
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.fromfile_prefix_chars = fromfile_prefix_chars
        self.add_help = add_help
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self._subparsers = None
        self._positionals = self.add_argument_group('positional arguments')
        self._optionals = self.add_argument_group('options')
        if add_help:
            first = '-' if '-' in prefix_chars else prefix_chars[0]
            self.add_argument(first + 'h', first * 2 + 'help', action='help',
                              default=SUPPRESS,
                              help='show this help message and exit')
        for parent in parents:
            self._inherit(parent)

    def _inherit(self, parent):
        for action in parent._actions:
            if action.option_strings and action.option_strings[0] in ('-h', '--help'):
                continue
            self._add_action(action)
        self._defaults.update(parent._defaults)

    def _add_action(self, action):
        if action.option_strings:
            self._optionals._add_action(action)
        else:
            self._positionals._add_action(action)
        return action

    def add_subparsers(self, **kwargs):
        if self._subparsers is not None:
            self.error('cannot have multiple subparser arguments')
        kwargs.setdefault('parser_class', type(self))
        if 'title' in kwargs or 'description' in kwargs:
            title = kwargs.pop('title', 'subcommands')
            description = kwargs.pop('description', None)
            self._subparsers = self.add_argument_group(title, description)
        else:
            self._subparsers = self._positionals
        if kwargs.get('prog') is None:
            formatter = self._get_formatter()
            positionals = [a for a in self._actions if not a.option_strings]
            formatter.add_usage(self.usage, positionals,
                                self._mutually_exclusive_groups, '')
            kwargs['prog'] = formatter.format_help().strip()
        action_class = _ACTIONS.get(kwargs.pop('action', 'parsers'))
        action = action_class(option_strings=[], **kwargs)
        self._subparsers._add_action(action)
        return action

    # -- parsing --

    def parse_args(self, args=None, namespace=None):
        args, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error('unrecognized arguments: %s' % ' '.join(extras))
        return args

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = list(_sys.argv[1:])
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if action.dest is not SUPPRESS and not hasattr(namespace, action.dest):
                if action.default is not SUPPRESS:
                    setattr(namespace, action.dest, action.default)
        for dest, value in self._defaults.items():
            if not hasattr(namespace, dest):
                setattr(namespace, dest, value)
        if self.exit_on_error:
            try:
                namespace, args = self._parse(args, namespace)
            except ArgumentError as err:
                self.error(str(err))
        else:
            namespace, args = self._parse(args, namespace)
        if hasattr(namespace, '_UNRECOGNIZED_ARGS'):
            args.extend(namespace._UNRECOGNIZED_ARGS)
            delattr(namespace, '_UNRECOGNIZED_ARGS')
        return namespace, args

    def _looks_negative(self, text):
        # -5 or -.5 or -1.5, nothing else (no exponent, no inf).
        if text[:1] != '-':
            return False
        whole, dot, fraction = text[1:].partition('.')
        if not dot:
            return whole.isdigit() and whole.isascii()
        return (fraction.isdigit() and fraction.isascii()
                and (whole == '' or whole.isdigit() and whole.isascii()))

    def _classify(self, text):
        # 'O' for something that names an option, 'A' for an argument.
        if not text or text[0] not in self.prefix_chars:
            return 'A', None
        if text in self._option_string_actions:
            return 'O', (self._option_string_actions[text], text, None)
        if len(text) == 1:
            return 'A', None
        if '=' in text:
            option, explicit = text.split('=', 1)
            if option in self._option_string_actions:
                return 'O', (self._option_string_actions[option], option, explicit)
        matches = self._prefix_matches(text)
        if len(matches) > 1:
            names = ', '.join(option for _, option, _ in matches)
            self.error('ambiguous option: %s could match %s' % (text, names))
        if len(matches) == 1:
            return 'O', matches[0]
        if self._looks_negative(text) and not self._has_negative_number_optionals:
            return 'A', None
        if ' ' in text:
            return 'A', None
        return 'O', (None, text, None)

    def _prefix_matches(self, text):
        found = []
        chars = self.prefix_chars
        if text[:1] in chars and text[1:2] in chars:
            if not self.allow_abbrev:
                return found
            if '=' in text:
                prefix, explicit = text.split('=', 1)
            else:
                prefix, explicit = text, None
            for option, action in self._option_string_actions.items():
                if option.startswith(prefix):
                    found.append((action, option, explicit))
        else:
            short = text[:2]
            explicit = text[2:]
            for option, action in self._option_string_actions.items():
                if option == short:
                    found.append((action, option, explicit))
                elif option.startswith(text):
                    found.append((action, option, None))
        return found

    def _parse(self, arg_strings, namespace):
        kinds = []
        options = {}
        rest_are_args = False
        for index, text in enumerate(arg_strings):
            if rest_are_args:
                kinds.append('A')
            elif text == '--':
                kinds.append('-')
                rest_are_args = True
            else:
                kind, found = self._classify(text)
                kinds.append(kind)
                if found is not None:
                    options[index] = found
        pattern = ''.join(kinds)

        seen = set()
        seen_non_default = set()
        extras = []

        def take(action, strings, option_string=None):
            seen.add(id(action))
            value = self._get_values(action, strings)
            if value is not action.default:
                seen_non_default.add(id(action))
                for group in self._mutually_exclusive_groups:
                    if action in group._group_actions:
                        for other in group._group_actions:
                            if other is not action and id(other) in seen_non_default:
                                raise ArgumentError(action, 'not allowed with argument %s'
                                                    % _argument_name(other))
            if value is not SUPPRESS:
                action(self, namespace, value, option_string)

        positionals = [a for a in self._actions if not a.option_strings]

        def consume_positionals(start):
            counts = self._match_positionals(positionals, pattern[start:])
            for action, count in zip(positionals, counts):
                strings = arg_strings[start:start + count]
                start += count
                take(action, strings)
            del positionals[:len(counts)]
            return start

        def consume_optional(start):
            action, option_string, explicit = options[start]
            stop = start + 1
            while True:
                if action is None:
                    extras.append(arg_strings[start])
                    return start + 1
                if explicit is not None:
                    arg_count = self._match_count(action, 'A')
                    chars = self.prefix_chars
                    if (arg_count == 0 and option_string[1:2] not in chars
                            and explicit != ''):
                        take(action, [], option_string)
                        flag = option_string[0] + explicit[0]
                        explicit = explicit[1:] or None
                        if flag in self._option_string_actions:
                            action = self._option_string_actions[flag]
                            option_string = flag
                            continue
                        raise ArgumentError(action, 'ignored explicit argument %r'
                                            % (flag[1:] + (explicit or '')))
                    if arg_count == 1:
                        take(action, [explicit], option_string)
                        return stop
                    raise ArgumentError(action, 'ignored explicit argument %r'
                                        % explicit)
                arg_count = self._match_count(action, pattern[stop:])
                take(action, arg_strings[stop:stop + arg_count], option_string)
                return stop + arg_count

        option_indices = sorted(options)
        max_option = option_indices[-1] if option_indices else -1
        index = 0
        while index <= max_option:
            next_option = min(i for i in option_indices if i >= index)
            if index != next_option:
                after = consume_positionals(index)
                if after > index:
                    index = after
                    continue
                index = after
            if index not in options:
                extras.extend(arg_strings[index:next_option])
                index = next_option
            index = consume_optional(index)
        stop = consume_positionals(index)
        extras.extend(arg_strings[stop:])

        required = []
        for action in self._actions:
            if id(action) not in seen:
                if action.required:
                    required.append(_argument_name(action))
                elif (action.default is not None and isinstance(action.default, str)
                      and hasattr(namespace, action.dest)
                      and action.default is getattr(namespace, action.dest)):
                    setattr(namespace, action.dest,
                            self._convert(action, action.default))
        if required:
            self.error('the following arguments are required: %s'
                       % ', '.join(required))
        for group in self._mutually_exclusive_groups:
            if group.required and not any(id(a) in seen_non_default
                                          for a in group._group_actions):
                names = [_argument_name(a) for a in group._group_actions
                         if a.help is not SUPPRESS]
                self.error('one of the arguments %s is required'
                           % ' '.join(names))
        return namespace, extras

    def _nargs_pattern(self, action):
        nargs = action.nargs
        if nargs is None:
            text = '(-*A-*)'
        elif nargs == OPTIONAL:
            text = '(-*A?-*)'
        elif nargs == ZERO_OR_MORE:
            text = '(-*[A-]*)'
        elif nargs == ONE_OR_MORE:
            text = '(-*A[A-]*)'
        elif nargs == REMAINDER:
            text = '([-AO]*)'
        elif nargs == PARSER:
            text = '(-*A[-AO]*)'
        elif nargs == SUPPRESS:
            text = '(-*-*)'
        else:
            text = '(-*%s-*)' % '-*'.join('A' * nargs)
        if action.option_strings:
            text = text.replace('-*', '').replace('-', '')
        return text

    def _match_count(self, action, pattern):
        import re
        found = re.match(self._nargs_pattern(action), pattern)
        if found is None:
            nargs = action.nargs
            if nargs is None:
                message = 'expected one argument'
            elif nargs == OPTIONAL:
                message = 'expected at most one argument'
            elif nargs == ONE_OR_MORE:
                message = 'expected at least one argument'
            else:
                message = ('expected %s argument' if nargs == 1
                           else 'expected %s arguments') % nargs
            raise ArgumentError(action, message)
        return len(found.group(1))

    def _match_positionals(self, actions, pattern):
        import re
        for count in range(len(actions), 0, -1):
            joined = ''.join(self._nargs_pattern(a) for a in actions[:count])
            found = re.match(joined, pattern)
            if found is not None:
                return [len(g) for g in found.groups()]
        return []

    def _get_values(self, action, strings):
        if action.nargs not in (PARSER, REMAINDER) and '--' in strings:
            strings = list(strings)
            strings.remove('--')
        if not strings and action.nargs == OPTIONAL:
            if action.option_strings:
                value = action.const
            else:
                value = action.default
            if isinstance(value, str):
                value = self._convert(action, value)
                self._check_choice(action, value)
        elif (not strings and action.nargs == ZERO_OR_MORE
              and not action.option_strings):
            value = action.default if action.default is not None else strings
            self._check_choice(action, value)
        elif len(strings) == 1 and action.nargs in (None, OPTIONAL):
            value = self._convert(action, strings[0])
            self._check_choice(action, value)
        elif action.nargs == REMAINDER:
            value = [self._convert(action, s) for s in strings]
        elif action.nargs == PARSER:
            value = [self._convert(action, s) for s in strings]
            self._check_choice(action, value[0])
        elif action.nargs == SUPPRESS:
            value = SUPPRESS
        else:
            value = [self._convert(action, s) for s in strings]
            for item in value:
                self._check_choice(action, item)
        return value

    def _convert(self, action, text):
        convert = action.type
        if convert is None:
            return text
        if not callable(convert):
            raise ArgumentError(action, '%r is not callable' % (convert,))
        try:
            return convert(text)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(convert, '__name__', repr(convert))
            raise ArgumentError(action, 'invalid %s value: %r' % (name, text))

    def _check_choice(self, action, value):
        if action.choices is not None and value not in action.choices:
            choices = ', '.join(map(repr, action.choices))
            raise ArgumentError(action, 'invalid choice: %r (choose from %s)'
                                % (value, choices))

    # -- help and errors --

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog)

    def format_usage(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions,
                            self._mutually_exclusive_groups)
        return formatter.format_help()

    def format_help(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions,
                            self._mutually_exclusive_groups)
        formatter.add_text(self.description)
        for group in self._action_groups:
            formatter.start_section(group.title)
            formatter.add_text(group.description)
            formatter.add_arguments(group._group_actions)
            formatter.end_section()
        formatter.add_text(self.epilog)
        return formatter.format_help()

    def print_usage(self, file=None):
        self._print_message(self.format_usage(), file if file is not None else _sys.stdout)

    def print_help(self, file=None):
        self._print_message(self.format_help(), file if file is not None else _sys.stdout)

    def _print_message(self, message, file=None):
        if message:
            if file is None:
                file = _sys.stderr
            file.write(message)

    def exit(self, status=0, message=None):
        if message:
            self._print_message(message, _sys.stderr)
        _sys.exit(status)

    def error(self, message):
        self.print_usage(_sys.stderr)
        self.exit(2, '%s: error: %s\n' % (self.prog, message))

    def __repr__(self):
        names = ['prog', 'usage', 'description', 'formatter_class',
                 'conflict_handler', 'add_help']
        body = ', '.join('%s=%r' % (n, getattr(self, n)) for n in names)
        return '%s(%s)' % (type(self).__name__, body)


class FileType:
    def __init__(self, mode='r', bufsize=-1, encoding=None, errors=None):
        self._mode = mode

    def __call__(self, text):
        if text == '-':
            return _sys.stdin if 'r' in self._mode else _sys.stdout
        raise NotImplementedError('argparse.FileType of a file is not supported yet')
