"""WarmPool's bookkeeping with fake sandboxes: fill, take, refill, busy, dead entries, close."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Awaitable, Callable

import attrs

from hopx_local.control.warm_pool import PoolKey, WarmPool

BASE = PoolKey("base", True)
OFFLINE = PoolKey("base", False)


@attrs.define
class Fake:
    key: PoolKey
    number: int
    alive: bool = True


@attrs.define
class Host:
    """Boots fake sandboxes; records what was discarded."""

    busy: bool = False
    fail: bool = False
    booted: list[Fake] = attrs.field(factory=list)
    discarded: list[Fake] = attrs.field(factory=list)
    counter: itertools.count[int] = attrs.field(factory=itertools.count)

    async def boot(self, key: PoolKey) -> Fake:
        await asyncio.sleep(0)
        if self.fail:
            raise RuntimeError("no sandbox today")
        fake = Fake(key, next(self.counter))
        self.booted.append(fake)
        return fake

    async def discard(self, fake: Fake) -> None:
        self.discarded.append(fake)

    def pool(self, size: int, retry_after: float = 5.0) -> WarmPool[Fake]:
        return WarmPool(
            [BASE, OFFLINE],
            size,
            boot=self.boot,
            discard=self.discard,
            alive=lambda fake: fake.alive,
            busy=lambda: self.busy,
            retry_after=retry_after,
        )


async def _until(condition: Callable[[], bool]) -> None:
    for _ in range(5000):
        if condition():
            return
        await asyncio.sleep(0.001)
    raise AssertionError("condition never became true")


def _run(test: Callable[[], Awaitable[None]]) -> None:
    asyncio.run(asyncio.wait_for(test(), 10))


def test_fills_every_key_and_take_hands_out_then_refills() -> None:
    async def scenario() -> None:
        host = Host()
        pool = host.pool(2)
        pool.start()
        await _until(lambda: pool.idle(BASE) == 2 and pool.idle(OFFLINE) == 2)

        first = pool.take(BASE)
        assert first is not None and first.key == BASE
        assert pool.idle(BASE) == 1
        await _until(lambda: pool.idle(BASE) == 2)
        assert len(host.booted) == 5
        assert pool.take(PoolKey("desktop", True)) is None
        await pool.close()
        assert sorted(fake.number for fake in host.discarded) == sorted(
            fake.number for fake in host.booted if fake is not first
        )

    _run(scenario)


def test_keys_are_filled_fewest_idle_first() -> None:
    async def scenario() -> None:
        host = Host()
        pool = host.pool(2)
        pool.start()
        await _until(lambda: len(host.booted) == 4)
        assert [fake.key for fake in host.booted] == [BASE, OFFLINE, BASE, OFFLINE]
        await pool.close()

    _run(scenario)


def test_no_refill_while_busy_and_refill_when_woken() -> None:
    async def scenario() -> None:
        host = Host()
        pool = host.pool(1)
        pool.start()
        await _until(lambda: pool.idle(BASE) == 1 and pool.idle(OFFLINE) == 1)
        host.busy = True
        assert pool.take(BASE) is not None
        for _ in range(50):
            await asyncio.sleep(0)
        assert pool.idle(BASE) == 0 and len(host.booted) == 2
        host.busy = False
        pool.wake()
        await _until(lambda: pool.idle(BASE) == 1)
        await pool.close()

    _run(scenario)


def test_dead_entries_are_discarded_not_handed_out() -> None:
    async def scenario() -> None:
        host = Host()
        pool = host.pool(1)
        pool.start()
        await _until(lambda: pool.idle(BASE) == 1)
        assert pool.take(BASE) is not None
        await _until(lambda: pool.idle(BASE) == 1)
        idle = host.booted[-1]
        idle.alive = False
        assert pool.take(BASE) is None
        await _until(lambda: idle in host.discarded)
        await _until(lambda: pool.idle(BASE) == 1)
        await pool.close()

    _run(scenario)


def test_size_0_boots_nothing_and_failures_are_retried_later() -> None:
    async def scenario() -> None:
        host = Host()
        empty = host.pool(0)
        empty.start()
        await asyncio.sleep(0.01)
        assert host.booted == [] and empty.take(BASE) is None
        await empty.close()

        host.fail = True
        failing = host.pool(1, retry_after=0.01)
        failing.start()
        await asyncio.sleep(0.005)
        host.fail = False
        await _until(lambda: failing.idle(BASE) == 1)
        await failing.close()

    _run(scenario)
