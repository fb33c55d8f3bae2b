"""``make bench``: the SDK against raw httpx doing the same requests, in one run.

A canned loopback server (``bench/server.py``, its own process, so it runs on the
other core) answers instantly; what is left to measure is the client. Each case
runs in rounds that alternate SDK and baseline, so drift in the machine (turbo,
other load) hits both alike; the table shows the median of the rounds. Results
go to stdout and ``bench/results.json``; ``--readme`` also rewrites the table in
README.md between its ``bench`` markers.

Nothing here asserts: ``make test`` has no timing checks. The targets are shown
next to each ratio; ``--strict`` makes a missed target exit 1.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime
import gc
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

import httpx

from chatbotkit_sdk import AsyncConversationClient, ConversationClient

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SECRET = "sk-bench"
AUTH = {"Authorization": f"Bearer {SECRET}"}
JSONL = {"Accept": "application/jsonl"}
LONG = httpx.Timeout(600.0, connect=5.0, pool=60.0)  # what the SDK uses for completions


# --- the server ------------------------------------------------------------------------


@contextlib.contextmanager
def serve() -> Iterator[str]:
    """Start ``server.py``; yield its origin; stop it by closing its stdin."""
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "server.py")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        port = int(proc.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=10)


# --- measuring ---------------------------------------------------------------------------


def alternate(rounds: int, sdk: Callable[[], float], base: Callable[[], float]) -> tuple[float, float]:
    """Median seconds of ``sdk`` and of ``base``, run in alternating order, after a warm-up each."""
    sdk(), base()
    times: dict[Callable[[], float], list[float]] = {sdk: [], base: []}
    for i in range(rounds):
        for run in (sdk, base) if i % 2 == 0 else (base, sdk):
            gc.collect()
            times[run].append(run())
    return statistics.median(times[sdk]), statistics.median(times[base])


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def arun(coro_fn: Callable[[], Any]) -> Callable[[], float]:
    """A sync round for ``alternate`` from an async one, on one long-lived loop."""
    loop = asyncio.new_event_loop()
    _loops.append(loop)

    def run() -> float:
        result: float = loop.run_until_complete(coro_fn())
        return result

    return run


_loops: list[asyncio.AbstractEventLoop] = []


# --- cases -------------------------------------------------------------------------------

Row = dict[str, Any]


def fetch_sync(origin: str, calls: int, rounds: int) -> Row:
    with ConversationClient(secret=SECRET, base_url=origin) as client, httpx.Client(headers=AUTH) as http:
        url = f"{origin}/api/v1/conversation/cnv_bench/fetch"

        def sdk() -> float:
            return timed(lambda: [client.fetch("cnv_bench").result() for _ in range(calls)])

        def base() -> float:
            return timed(lambda: [json.loads(http.get(url).content) for _ in range(calls)])

        s, b = alternate(rounds, sdk, base)
    return per_call(
        "sequential fetch, sync", calls, s, b, unit="calls/s", baseline="httpx.Client.get + json.loads"
    )


def fetch_async(origin: str, calls: int, rounds: int) -> Row:
    client = AsyncConversationClient(secret=SECRET, base_url=origin)
    http = httpx.AsyncClient(headers=AUTH)
    url = f"{origin}/api/v1/conversation/cnv_bench/fetch"

    async def sdk() -> float:
        start = time.perf_counter()
        for _ in range(calls):
            await client.fetch("cnv_bench")
        return time.perf_counter() - start

    async def base() -> float:
        start = time.perf_counter()
        for _ in range(calls):
            json.loads((await http.get(url)).content)
        return time.perf_counter() - start

    s, b = alternate(rounds, arun(sdk), arun(base))
    return per_call(
        "sequential fetch, async", calls, s, b, unit="calls/s", baseline="httpx.AsyncClient.get + json.loads"
    )


def per_call(case: str, calls: int, sdk: float, base: float, *, unit: str, baseline: str) -> Row:
    ratio = sdk / base
    return {
        "case": case,
        "sdk": calls / sdk,
        "baseline": calls / base,
        "unit": unit,
        "baseline_is": baseline,
        "ratio": ratio,
        "ratio_means": "SDK time per call / baseline time per call",
        "target": "<= 1.05",
        "met": ratio <= 1.05,
    }


def raw_stream(http: httpx.Client, url: str) -> int:
    count = 0
    with http.stream("POST", url, json={"text": "hi"}, headers=JSONL) as response:
        for line in response.iter_lines():
            if line:
                json.loads(line)
                count += 1
    return count


def stream_cases(origin: str, events: int, rounds: int) -> list[Row]:
    conversation = f"s{events}"
    url = f"{origin}/api/v1/conversation/{conversation}/complete"
    rows = []
    with ConversationClient(secret=SECRET, base_url=origin) as client, httpx.Client(headers=AUTH) as http:
        assert raw_stream(http, url) == events

        def typed() -> float:
            start = time.perf_counter()
            with client.complete(conversation, {"text": "hi"}).stream() as stream:
                count = sum(1 for _ in stream)
            assert count == events, count
            return time.perf_counter() - start

        def tokens() -> float:
            start = time.perf_counter()
            with client.complete(conversation, {"text": "hi"}).stream() as stream:
                count = sum(1 for _ in stream.tokens())
            assert count == events - 5, count
            return time.perf_counter() - start

        def base() -> float:
            return timed(lambda: raw_stream(http, url))

        for name, run, target, counted in (
            ("typed events", typed, 0.7, events),
            ("tokens()", tokens, 0.9, events - 5),
        ):
            s, b = alternate(rounds, run, base)
            rate = b / s  # of the same stream, so the time ratio is the rate ratio
            rows.append(
                {
                    "case": f"stream {events:,} events, {name}",
                    "sdk": counted / s,
                    "baseline": events / b,
                    "unit": "events/s" if counted == events else "tokens/s",
                    "baseline_is": "httpx iter_lines + json.loads",
                    "ratio": rate,
                    "ratio_means": "SDK rate / baseline rate, same stream",
                    "target": f">= {target}",
                    "met": rate >= target,
                }
            )
    return rows


def concurrent_streams(origin: str, streams: int, events: int, rounds: int) -> Row:
    """``streams`` completions at once, each read with ``tokens()``; httpx's default pool limits."""
    conversation = f"s{events}"
    url = f"{origin}/api/v1/conversation/{conversation}/complete"
    client = AsyncConversationClient(secret=SECRET, base_url=origin)
    http = httpx.AsyncClient(headers=AUTH, timeout=LONG)
    errors = {"sdk": 0, "base": 0}

    async def one_sdk() -> int:
        async with client.complete(conversation, {"text": "hi"}).stream() as stream:
            return sum([1 async for _ in stream.tokens()])

    async def one_base() -> int:
        count = 0
        async with http.stream("POST", url, json={"text": "hi"}, headers=JSONL) as response:
            async for line in response.aiter_lines():
                if line:
                    json.loads(line)
                    count += 1
        return count

    def rounds_of(one: Callable[[], Any], key: str, expect: int) -> Callable[[], Any]:
        async def run() -> float:
            start = time.perf_counter()
            counts = await asyncio.gather(*(one() for _ in range(streams)), return_exceptions=True)
            errors[key] += sum(1 for c in counts if c != expect)
            return time.perf_counter() - start

        return run

    sdk, base = arun(rounds_of(one_sdk, "sdk", events - 5)), arun(rounds_of(one_base, "base", events))
    s, b = alternate(rounds, sdk, base)
    ratio = s / b
    return {
        "case": f"{streams} concurrent async streams of {events} events, tokens()",
        "sdk": s,
        "baseline": b,
        "unit": "s total",
        "baseline_is": "raw httpx.AsyncClient, aiter_lines + json.loads",
        "ratio": ratio,
        "ratio_means": "SDK total time / baseline total time",
        "target": "<= 1.1, no errors",
        "met": ratio <= 1.1 and not any(errors.values()),
        "errors": errors,
    }


# The child hides every package the SDK does not depend on (this venv also holds
# the dev tools): httpx imports its optional CLI (rich, click) when they are there,
# which would make ``import httpx`` slower than in an application's environment.
_IMPORT = """
import sys
BLOCKED = frozenset(sys.argv[1].split(","))
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in BLOCKED:
            raise ModuleNotFoundError(name)
sys.meta_path.insert(0, Block())
import time
t = time.perf_counter()
import {}
print(time.perf_counter() - t)
"""


def not_runtime_modules() -> list[str]:
    """Top-level modules of installed distributions that chatbotkit-sdk does not need at run time."""
    needed, todo = {"chatbotkit-sdk"}, ["chatbotkit-sdk"]
    while todo:
        try:
            requires = metadata.distribution(todo.pop()).requires or []
        except metadata.PackageNotFoundError:  # a dependency only older Pythons install
            continue
        for requirement in requires:
            if "extra ==" in requirement:
                continue
            name = re.split(r"[\s;<>=!~\[(]", requirement, maxsplit=1)[0].lower().replace("_", "-")
            if name not in needed:
                needed.add(name)
                todo.append(name)
    owners = metadata.packages_distributions()
    return sorted(
        module
        for module, dists in owners.items()
        if not any(d.lower().replace("_", "-") in needed for d in dists)
    )


def cold_import(rounds: int) -> Row:
    """``import chatbotkit_sdk`` (which imports httpx) against ``import httpx``, each in a new process."""
    blocked = ",".join(not_runtime_modules())

    def child(module: str) -> Callable[[], float]:
        def run() -> float:
            command = [sys.executable, "-I", "-c", _IMPORT.format(module), blocked]
            return float(subprocess.run(command, capture_output=True, text=True, check=True).stdout)

        return run

    s, b = alternate(rounds, child("chatbotkit_sdk"), child("httpx"))
    ratio = s / b
    return {
        "case": "import chatbotkit_sdk, cold",
        "sdk": s * 1000,
        "baseline": b * 1000,
        "unit": "ms",
        "baseline_is": "import httpx",
        "ratio": ratio,
        "ratio_means": "SDK import time / httpx import time, new process each",
        "target": "<= 1.25",
        "met": ratio <= 1.25,
    }


_MEMORY = """
import resource, sys
from chatbotkit_sdk import ConversationClient
def run(conversation):
    with ConversationClient(secret="sk-bench", base_url=sys.argv[1]) as client:
        with client.complete(conversation, {"text": "hi"}).stream() as stream:
            return sum(1 for _ in stream)
run("s1000")  # warm: imports, pool, checkers
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
count = run("s" + sys.argv[2])
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(count, (after - before) / 1024)
"""


def peak_memory(origin: str, events: int) -> Row:
    """Growth of peak RSS while streaming ``events`` typed events, in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", _MEMORY, origin, str(events)], capture_output=True, text=True, check=True
    )
    count, growth = out.stdout.split()
    assert int(count) == events, count
    mb = float(growth)
    return {
        "case": f"peak memory while streaming {events:,} events",
        "sdk": mb,
        "baseline": None,
        "unit": "MB growth of peak RSS",
        "baseline_is": "-",
        "ratio": None,
        "ratio_means": "-",
        "target": "<= 10 MB",
        "met": mb <= 10,
    }


# --- reporting ---------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d"),
        "python": platform.python_version(),
        "httpx": httpx.__version__,
        "platform": platform.platform(terse=True),
        "cpu": cpu,
        "cpus": os.cpu_count(),
    }


def _num(value: Any, unit: str) -> str:
    if value is None:
        return "-"
    if unit.startswith(("calls", "events", "tokens")):
        return f"{value:,.0f} {unit}"
    return f"{value:.2f} {unit.split(maxsplit=1)[0]}"


def table(rows: list[Row], info: dict[str, Any]) -> str:
    lines = [
        "| case | SDK | baseline | ratio | target | met |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        ratio = "-" if r["ratio"] is None else f"{r['ratio']:.2f}"
        lines.append(
            f"| {r['case']} | {_num(r['sdk'], r['unit'])} | {_num(r['baseline'], r['unit'])} "
            f"| {ratio} | {r['target']} | {'yes' if r['met'] else '**no**'} |"
        )
    lines.append("")
    lines.append(
        f"Measured {info['date']} on {info['cpu']} ({info['cpus']} CPUs), {info['platform']}, "
        f"Python {info['python']}, httpx {info['httpx']}."
    )
    return "\n".join(lines)


def update_readme(text: str) -> None:
    readme = ROOT / "README.md"
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    content = readme.read_text()
    head, rest = content.split(start, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(f"{head}{start}\n{text}\n{end}{tail}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds and events (a smoke run)")
    parser.add_argument("--readme", action="store_true", help="also rewrite the table in README.md")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    rounds = 3 if args.quick else 15
    rows: list[Row] = []
    started = time.perf_counter()
    with serve() as origin:
        steps: list[Callable[[], Row | list[Row]]] = [
            lambda: fetch_sync(origin, 500 // scale, rounds),
            lambda: fetch_async(origin, 500 // scale, rounds),
            lambda: stream_cases(origin, 200_000 // scale, max(rounds // 2, 3)),
            lambda: cold_import(rounds),
            lambda: peak_memory(origin, 1_000_000 // scale),
            lambda: concurrent_streams(origin, 500, 200, max(rounds // 3, 3)),
        ]
        for step in steps:
            got = step()
            for row in got if isinstance(got, list) else [got]:
                rows.append(row)
                shown = row["sdk"] if row["ratio"] is None else row["ratio"]
                print(f"  {row['case']}: {shown:.3f} ({row['target']})", flush=True)
    info = machine()
    info["seconds"] = round(time.perf_counter() - started, 1)
    text = table(rows, info)
    print()
    print(text)
    if not args.quick:
        (HERE / "results.json").write_text(json.dumps({"machine": info, "results": rows}, indent=2) + "\n")
        if args.readme:
            update_readme(text)
    missed = [r["case"] for r in rows if not r["met"]]
    if missed:
        print(f"\ntarget missed: {'; '.join(missed)}")
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
