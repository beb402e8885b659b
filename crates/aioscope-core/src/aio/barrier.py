# asyncio.Barrier (3.11) and its error, loaded the first time a program
# names them (asyncio.py's module __getattr__). Marked lines stand for
# CPython's asyncio/locks.py, as in asyncio.py.
from asyncio import Condition, _internal, _locks_repr


class BrokenBarrierError(RuntimeError):
    """What waiting on an aborted or reset Barrier raises."""
    __module__ = 'asyncio.exceptions'


class exceptions:
    BrokenBarrierError = BrokenBarrierError


class _BarrierState:
    """The four states of a barrier (an enum in CPython, of which only
    `value` and the repr show)."""
    __module__ = 'asyncio.locks'

    def __init__(self, name, value):
        self.name = name
        self.value = value

    def __repr__(self):
        return '<_BarrierState.' + self.name + ': ' + repr(self.value) + '>'


_BarrierState.FILLING = _BarrierState('FILLING', 'filling')
_BarrierState.DRAINING = _BarrierState('DRAINING', 'draining')
_BarrierState.RESETTING = _BarrierState('RESETTING', 'resetting')
_BarrierState.BROKEN = _BarrierState('BROKEN', 'broken')


class Barrier:
    """Holds tasks at wait() until `parties` of them arrived, then lets the
    whole group through at once (3.11). The helper coroutines keep
    CPython's names: a waiting task's stack shows them."""
    __module__ = 'asyncio.locks'

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')  # cpython: locks.py:458
        self._cond = Condition()
        _internal(self._cond)
        self._parties = parties
        self._state = _BarrierState.FILLING
        self._count = 0

    def __repr__(self):
        extra = self._state.value
        if not self.broken:
            extra = extra + ', waiters:' + str(self.n_waiting) + '/' + str(self.parties)
        return _locks_repr(self, 'Barrier', extra)

    async def __aenter__(self):  # cpython: locks.py:473
        return await self.wait()  # cpython: locks.py:476

    async def __aexit__(self, *args):  # cpython: locks.py:478
        pass

    async def wait(self):  # cpython: locks.py:481
        async with self._cond:  # cpython: locks.py:488
            await self._block()  # cpython: locks.py:489
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    await self._release()  # cpython: locks.py:495
                else:
                    await self._wait()  # cpython: locks.py:497
                return index
            finally:
                self._count -= 1
                self._exit()

    async def _block(self):  # cpython: locks.py:504
        # Newcomers wait out a draining or resetting barrier.
        await self._cond.wait_for(  # cpython: locks.py:510
            lambda: self._state not in (
                _BarrierState.DRAINING, _BarrierState.RESETTING
            )
        )
        if self._state is _BarrierState.BROKEN:
            raise exceptions.BrokenBarrierError("Barrier aborted")  # cpython: locks.py:518

    async def _release(self):  # cpython: locks.py:520
        self._state = _BarrierState.DRAINING
        self._cond.notify_all()

    async def _wait(self):  # cpython: locks.py:528
        await self._cond.wait_for(lambda: self._state is not _BarrierState.FILLING)  # cpython: locks.py:534
        if self._state in (_BarrierState.BROKEN, _BarrierState.RESETTING):
            raise exceptions.BrokenBarrierError("Abort or reset of barrier")  # cpython: locks.py:537

    def _exit(self):
        # The last task out ends the draining (or the reset) and wakes
        # the newcomers.
        if self._count == 0:
            if self._state in (_BarrierState.RESETTING, _BarrierState.DRAINING):
                self._state = _BarrierState.FILLING
            self._cond.notify_all()

    async def reset(self):  # cpython: locks.py:547
        async with self._cond:  # cpython: locks.py:553
            if self._count > 0:
                if self._state is not _BarrierState.RESETTING:
                    self._state = _BarrierState.RESETTING
            else:
                self._state = _BarrierState.FILLING
            self._cond.notify_all()

    async def abort(self):  # cpython: locks.py:562
        async with self._cond:  # cpython: locks.py:568
            self._state = _BarrierState.BROKEN
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state is _BarrierState.FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state is _BarrierState.BROKEN
