# copy for the aioscope interpreter: shallow and deep copies with CPython's
# rules (atomic values are shared, __copy__/__deepcopy__ hooks, the memo
# keeps shared and cyclic structure).
from _copy import new_instance as _new_instance

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, str, bytes, type,
           range, type(len), type(lambda: 0), type(Ellipsis), type(NotImplemented))


def _is_atomic(x):
    return isinstance(x, _ATOMIC) and not hasattr(type(x), '__copy__')


def copy(x):
    cls = type(x)
    if cls in (list,):
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    if cls is tuple or _is_atomic(x):
        return x
    hook = getattr(cls, '__copy__', None)
    if hook is not None:
        return x.__copy__()
    if getattr(cls, '__reduce__', None) is not None:
        return _reconstruct(x, None, *x.__reduce__())
    if isinstance(x, tuple):
        y = _new_instance(cls, tuple(x))
    elif isinstance(x, set):
        y = cls(list(x))
    elif isinstance(x, (dict, list)):
        y = cls.__new__(cls)
    else:
        y = _new_instance(cls)
    for name, value in getattr(x, '__dict__', {}).items():
        setattr(y, name, value)
    _copy_items(x, y, None)
    return y


def _copy_items(x, y, memo):
    # A subclass of list or dict: its items, through its own methods.
    if isinstance(x, list):
        for item in x:
            y.append(item if memo is None else deepcopy(item, memo))
    elif isinstance(x, dict):
        for key, value in x.items():
            if memo is not None:
                key, value = deepcopy(key, memo), deepcopy(value, memo)
            y[key] = value


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None):
    # What __reduce__ returned: a callable and its arguments, then the
    # state and items to restore (deep-copied when memo is given).
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state:
                for name, value in state.items():
                    setattr(y, name, value)
            if slotstate:
                for name, value in slotstate.items():
                    setattr(y, name, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key, value = deepcopy(key, memo), deepcopy(value, memo)
            y[key] = value
    return y


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set(deepcopy(item, memo) for item in x)
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        if d in memo:
            return memo[d]
        same = True
        for a, b in zip(x, items):
            if a is not b:
                same = False
                break
        y = x if same else tuple(items)
    elif _is_atomic(x):
        y = x
    else:
        hook = getattr(cls, '__deepcopy__', None)
        if hook is not None:
            y = x.__deepcopy__(memo)
        elif getattr(cls, '__reduce__', None) is not None:
            y = _reconstruct(x, memo, *x.__reduce__())
        else:
            if isinstance(x, tuple):
                y = _new_instance(cls, tuple(deepcopy(item, memo) for item in x))
            elif isinstance(x, set):
                y = cls([deepcopy(item, memo) for item in x])
            elif isinstance(x, (dict, list)):
                y = cls.__new__(cls)
            else:
                y = _new_instance(cls)
            memo[d] = y
            for name, value in getattr(x, '__dict__', {}).items():
                setattr(y, name, deepcopy(value, memo))
            _copy_items(x, y, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
