# logging.config.dictConfig: formatters, filters, handlers (by class name,
# 'ext://' streams, '()' factories, a MemoryHandler's target), loggers and
# root, disabling the loggers it does not name, incremental updates and
# CPython's errors; importlib.import_module, which resolves the names.
import importlib
import logging
import logging.config
import sys

early = logging.getLogger('early')
early_child = logging.getLogger('keep.child')


class OnlyShort(logging.Filter):
    def __init__(self, limit):
        super().__init__()
        self.limit = limit

    def filter(self, record):
        return len(record.getMessage()) <= self.limit


def make_formatter(prefix):
    return logging.Formatter(prefix + ' %(levelname)s %(name)s: %(message)s')


config = {
    'version': 1,
    'formatters': {
        'plain': {'format': '%(levelname)-8s %(name)s | %(message)s'},
        'braces': {'format': '{levelname}:{name}:{message}', 'style': '{'},
        'custom': {'()': make_formatter, 'prefix': '>>'},
    },
    'filters': {
        'short': {'()': '__main__.OnlyShort', 'limit': 20},
        'app_only': {'name': 'app'},
    },
    'handlers': {
        'out': {'class': 'logging.StreamHandler', 'stream': 'ext://sys.stdout',
                'formatter': 'plain', 'level': 'DEBUG'},
        'brief': {'class': 'logging.StreamHandler', 'stream': 'ext://sys.stdout',
                  'formatter': 'braces', 'filters': ['short']},
        'buffer': {'class': 'logging.handlers.MemoryHandler', 'capacity': 2,
                   'target': 'out', 'flushLevel': logging.ERROR},
        'custom': {'class': 'logging.StreamHandler', 'stream': 'cfg://handlers.out.stream',
                   'formatter': 'custom', 'filters': ['app_only']},
    },
    'loggers': {
        'app': {'level': 'DEBUG', 'handlers': ['out', 'brief'], 'propagate': False},
        'app.db': {'level': 'WARNING'},
        'keep': {'handlers': ['buffer'], 'propagate': False, 'level': 'INFO'},
    },
    'root': {'level': 'WARNING', 'handlers': ['custom']},
}
logging.config.dictConfig(config)
print(sorted(config['handlers']), type(config['handlers']['buffer']).__name__)
print(early.disabled, early_child.disabled, logging.getLogger('app').disabled)
log = logging.getLogger('app')
log.debug('debug from app')
log.info('a message that is longer than twenty')
logging.getLogger('app.db').info('hidden: below WARNING')
logging.getLogger('app.db').warning('db warning')
logging.warning('root warning')
logging.getLogger('other').error('to root, filtered out')
logging.getLogger('app.x').error('propagates to custom? no: app stops it')
early.error('early logger is disabled')
keep = logging.getLogger('keep')
keep.info('buffered one')
print('after one')
keep.info('buffered two')
keep.info('three')
keep.error('error flushes')
print([h.name for h in log.handlers], log.level, log.propagate, logging.getLogger().level)

logging.config.dictConfig({'version': 1, 'incremental': True,
                           'handlers': {'out': {'level': 'ERROR'}},
                           'loggers': {'app': {'level': 'WARNING'}}})
log.warning('out is ERROR now; brief still prints')
log.error('both print this')

logging.config.dictConfig({
    'version': 1,
    'disable_existing_loggers': False,
    'handlers': {'h': {'class': 'logging.StreamHandler', 'stream': 'ext://sys.stdout'}},
    'root': {'handlers': ['h'], 'level': 'INFO'},
})
print(early.disabled, logging.getLogger('app').disabled)
logging.info('plain format now')

for bad in [{}, {'version': 2},
            {'version': 1, 'handlers': {'x': {'class': 'logging.NoSuchHandler'}}},
            {'version': 1, 'handlers': {'x': {'class': 'logging.StreamHandler', 'formatter': 'nope'}}},
            {'version': 1, 'loggers': {'a': {'handlers': ['missing']}}},
            {'version': 1, 'formatters': {'f': {'format': '%(message)s', 'style': '?'}}},
            {'version': 1, 'incremental': True, 'handlers': {'ghost': {'level': 'INFO'}}},
            {'version': 1, 'handlers': {'x': {'class': 'nosuchmodule.Handler'}}}]:
    try:
        logging.config.dictConfig(bad)
    except ValueError as e:
        print('ValueError:', e, '| cause:', type(e.__cause__).__name__ if e.__cause__ else None)

print(importlib.import_module('logging.handlers').__name__, importlib.import_module('.config', 'logging').__name__)
for args in [('.x',), ('',), ('nosuchmodule_xyz',), ('..x', 'logging')]:
    try:
        importlib.import_module(*args)
    except Exception as e:
        print(f'{type(e).__name__}: {e}')
