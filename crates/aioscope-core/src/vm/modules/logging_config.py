# logging.config for the aioscope interpreter: dictConfig, which larger
# asyncio programs use to set up their formatters, handlers and loggers in
# one dictionary ('ext://sys.stdout' and 'cfg://' references, '()'
# factories, incremental updates, disabling the loggers it does not
# name), with CPython 3.11's errors.  fileConfig and listen need files in
# ini format and sockets, and say they are not supported.
import importlib
import logging
import logging.handlers
import re

IDENTIFIER = re.compile('^[a-z_][a-z0-9_]*$', re.I)
_EXT = re.compile(r'^ext://(.*)$')
_CFG = re.compile(r'^cfg://(.*)$')
_WORD = re.compile(r'^\s*(\w+)\s*')
_DOT = re.compile(r'^\.\s*(\w+)\s*')
_INDEX = re.compile(r'^\[\s*(\w+)\s*\]\s*')
_DIGITS = re.compile(r'^\d+$')


def valid_ident(s):
    if not IDENTIFIER.match(s):
        raise ValueError('Not a valid Python identifier: %r' % s)
    return True


def _resolve(name):
    """The object a dotted name stands for, importing modules on the way."""
    parts = name.split('.')
    used = parts.pop(0)
    found = importlib.import_module(used)
    for part in parts:
        used += '.' + part
        try:
            found = getattr(found, part)
        except AttributeError:
            importlib.import_module(used)
            found = getattr(found, part)
    return found


def _copied(value):
    # The program's dictionaries stay as they were: the configurator
    # replaces names with objects in its own copies.
    if isinstance(value, dict):
        return {k: _copied(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copied(v) for v in value]
    return value


class DictConfigurator:
    """Applies one configuration dictionary."""

    def __init__(self, config):
        self.config = _copied(config)

    # --- values: 'ext://' and 'cfg://' strings stand for objects ---------

    def resolve(self, name):
        try:
            return _resolve(name)
        # The simulator refuses a standard-library module it lacks (also a
        # submodule that does not exist) with NotImplementedError.
        except (ImportError, NotImplementedError) as e:
            v = ValueError('Cannot resolve %r: %s' % (name, e))
            raise v from e

    def cfg_convert(self, value):
        rest = value
        m = _WORD.match(rest)
        if m is None:
            raise ValueError('Unable to convert %r' % value)
        rest = rest[m.end():]
        d = self.config[m.group(1)]
        while rest:
            m = _DOT.match(rest)
            if m:
                d = d[m.group(1)]
            else:
                m = _INDEX.match(rest)
                if m is None:
                    raise ValueError('Unable to convert %r at %r' % (value, rest))
                key = m.group(1)
                if _DIGITS.match(key):
                    try:
                        d = d[int(key)]
                    except TypeError:
                        d = d[key]
                else:
                    d = d[key]
            rest = rest[m.end():]
        return d

    def convert(self, value):
        if isinstance(value, str):
            m = _EXT.match(value)
            if m:
                return self.resolve(m.group(1))
            m = _CFG.match(value)
            if m:
                return self.cfg_convert(m.group(1))
        return value

    def configure_custom(self, config):
        factory = config.pop('()')
        if not callable(factory):
            factory = self.resolve(factory)
        props = config.pop('.', None)
        kwargs = {k: self.convert(v) for k, v in config.items() if valid_ident(k)}
        result = factory(**kwargs)
        if props:
            for name, value in props.items():
                setattr(result, name, value)
        return result

    # --- the parts ------------------------------------------------------

    def configure_formatter(self, config):
        config = dict(config)
        if '()' in config:
            factory = config['()']
            try:
                return self.configure_custom(config)
            except TypeError as te:
                if "'format'" not in str(te):
                    raise
                config['fmt'] = config.pop('format')
                config['()'] = factory
                return self.configure_custom(config)
        fmt = config.get('format', None)
        dfmt = config.get('datefmt', None)
        style = config.get('style', '%')
        cname = config.get('class', None)
        c = logging.Formatter if not cname else self.resolve(cname)
        kwargs = {}
        if 'validate' in config:
            kwargs['validate'] = config['validate']
        if 'defaults' in config:
            kwargs['defaults'] = config['defaults']
        return c(fmt, dfmt, style, **kwargs)

    def configure_filter(self, config):
        if '()' in config:
            return self.configure_custom(dict(config))
        return logging.Filter(config.get('name', ''))

    def add_filters(self, filterer, filters):
        for f in filters:
            try:
                filterer.addFilter(self.config['filters'][f])
            except Exception as e:
                raise ValueError('Unable to add filter %r' % f) from e

    def configure_handler(self, config):
        config = dict(config)
        formatter = config.pop('formatter', None)
        if formatter:
            try:
                formatter = self.config['formatters'][formatter]
            except Exception as e:
                raise ValueError('Unable to set formatter %r' % formatter) from e
        level = config.pop('level', None)
        filters = config.pop('filters', None)
        if '()' in config:
            result = self.configure_custom(config)
        else:
            cname = self.convert(config.pop('class'))
            klass = cname if callable(cname) else self.resolve(cname)
            if issubclass(klass, logging.handlers.MemoryHandler) and 'target' in config:
                try:
                    target = self.config['handlers'][config['target']]
                    if not isinstance(target, logging.Handler):
                        raise TypeError('target not configured yet')
                    config['target'] = target
                except Exception as e:
                    raise ValueError('Unable to set target handler %r'
                                     % config['target']) from e
            props = config.pop('.', None)
            kwargs = {k: self.convert(v) for k, v in config.items() if valid_ident(k)}
            result = klass(**kwargs)
            if props:
                for name, value in props.items():
                    setattr(result, name, value)
        if formatter:
            result.setFormatter(formatter)
        if level is not None:
            result.setLevel(logging._checkLevel(level))
        if filters:
            self.add_filters(result, filters)
        return result

    def add_handlers(self, logger, handlers):
        for h in handlers:
            try:
                logger.addHandler(self.config['handlers'][h])
            except Exception as e:
                raise ValueError('Unable to add handler %r' % h) from e

    def common_logger_config(self, logger, config, incremental=False):
        level = config.get('level', None)
        if level is not None:
            logger.setLevel(logging._checkLevel(level))
        if not incremental:
            for h in logger.handlers[:]:
                logger.removeHandler(h)
            handlers = config.get('handlers', None)
            if handlers:
                self.add_handlers(logger, handlers)
            filters = config.get('filters', None)
            if filters:
                self.add_filters(logger, filters)

    def configure_logger(self, name, config, incremental=False):
        logger = logging.getLogger(name)
        self.common_logger_config(logger, config, incremental)
        logger.disabled = False
        propagate = config.get('propagate', None)
        if propagate is not None:
            logger.propagate = propagate

    def configure_root(self, config, incremental=False):
        self.common_logger_config(logging.getLogger(), config, incremental)

    # --- the whole ------------------------------------------------------

    def configure(self):
        config = self.config
        if 'version' not in config:
            raise ValueError("dictionary doesn't specify a version")
        if config['version'] != 1:
            raise ValueError('Unsupported version: %s' % config['version'])
        incremental = config.pop('incremental', False)
        if incremental:
            self._configure_incremental()
            return
        disable_existing = config.pop('disable_existing_loggers', True)
        self._close_existing_handlers()
        formatters = config.get('formatters', {})
        for name in formatters:
            try:
                formatters[name] = self.configure_formatter(formatters[name])
            except Exception as e:
                raise ValueError('Unable to configure formatter %r' % name) from e
        filters = config.get('filters', {})
        for name in filters:
            try:
                filters[name] = self.configure_filter(filters[name])
            except Exception as e:
                raise ValueError('Unable to configure filter %r' % name) from e
        handlers = config.get('handlers', {})
        deferred = []
        for name in sorted(handlers):
            try:
                handler = self.configure_handler(handlers[name])
                handler.set_name(name)
                handlers[name] = handler
            except Exception as e:
                # A handler whose target comes later in the order is tried
                # again once the others are made.
                if 'target not configured yet' in str(e.__cause__):
                    deferred.append(name)
                else:
                    raise ValueError('Unable to configure handler %r' % name) from e
        for name in deferred:
            try:
                handler = self.configure_handler(handlers[name])
                handler.set_name(name)
                handlers[name] = handler
            except Exception as e:
                raise ValueError('Unable to configure handler %r' % name) from e
        root = logging.root
        existing = sorted(root.manager.loggerDict)
        child_loggers = []
        loggers = config.get('loggers', {})
        for name in loggers:
            if name in existing:
                i = existing.index(name) + 1
                prefix = name + '.'
                while i < len(existing) and existing[i][:len(prefix)] == prefix:
                    child_loggers.append(existing[i])
                    i += 1
                existing.remove(name)
            try:
                self.configure_logger(name, loggers[name])
            except Exception as e:
                raise ValueError('Unable to configure logger %r' % name) from e
        for name in existing:
            logger = root.manager.loggerDict[name]
            if not isinstance(logger, logging.Logger):
                continue
            if name in child_loggers:
                logger.level = logging.NOTSET
                logger.handlers = []
                logger.propagate = True
            else:
                logger.disabled = disable_existing
        if 'root' in config:
            try:
                self.configure_root(config['root'])
            except Exception as e:
                raise ValueError('Unable to configure root logger') from e

    def _configure_incremental(self):
        config = self.config
        for name, hconfig in config.get('handlers', {}).items():
            if name not in logging._handlers:
                raise ValueError('No handler found with name %r' % name)
            level = hconfig.get('level', None)
            if level:
                logging._handlers[name].setLevel(logging._checkLevel(level))
        for name, lconfig in config.get('loggers', {}).items():
            try:
                self.configure_logger(name, lconfig, True)
            except Exception as e:
                raise ValueError('Unable to configure logger %r' % name) from e
        if 'root' in config:
            try:
                self.configure_root(config['root'], True)
            except Exception as e:
                raise ValueError('Unable to configure root logger') from e

    def _close_existing_handlers(self):
        logging._handlers.clear()
        loggers = [logging.root] + [
            lg for lg in logging.root.manager.loggerDict.values()
            if isinstance(lg, logging.Logger)]
        for logger in loggers:
            for h in logger.handlers:
                try:
                    h.flush()
                    h.close()
                except (OSError, ValueError):
                    pass


dictConfigClass = DictConfigurator


def dictConfig(config):
    dictConfigClass(config).configure()


def fileConfig(fname, defaults=None, disable_existing_loggers=True, encoding=None):
    raise NotImplementedError('logging.config.fileConfig is not supported yet')


def listen(port=9030, verify=None):
    raise NotImplementedError('logging.config.listen is not supported yet '
                              '(the simulation has no network)')


def stopListening():
    pass
