"""How an endpoint declared once in ``_endpoints.py`` becomes a method of both clients.

An endpoint is declared as a function whose signature is the method's (typed with
the generated request ``TypedDict``s and models) and whose return annotation says
what the call answers: ``Call[Result]``, or ``StreamCall[Result, Events]`` for an
operation that can stream. Its body is normally just a docstring: the call is then
built from the generated description of the operation it names (``ids`` first,
then the body or the query). A body that returns a ``Call`` builds it itself.

The decorators say what a client hands back:

- ``@endpoint(name)``: sent at once; the model (sync) or a coroutine of it (async);
- ``@lazy(name)``: a ``ResponsePromise`` / ``AsyncResponsePromise``, sent when used;
- ``@streamable(name)``: a promise that can also ``.stream()`` the operation's events;
- ``dual(...)`` / ``streamable_dual(...)``: ``m(None, ...)`` is the stateless operation,
  ``m(conversation_id, ...)`` the stateful one (each half marked with ``@operation``).

Type checkers see each method's real parameters and result through the overloads
below; at run time every bound method is a plain function (a coroutine function
where it is awaited) with the same signature and a docstring naming its operation.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, Protocol, Self, TypeVar, overload

from ._resource import (
    AsyncResource,
    AsyncResponsePromise,
    AsyncStreamableResponsePromise,
    Resource,
    ResponsePromise,
    StreamableResponsePromise,
    SyncResource,
)

if TYPE_CHECKING:
    from ._core import Call, StreamCall

__all__ = ["DualMethod", "dual", "endpoint", "lazy", "operation", "streamable", "streamable_dual"]

T = TypeVar("T")
E = TypeVar("E")
P = ParamSpec("P")
PA = ParamSpec("PA")
PB = ParamSpec("PB")
S = TypeVar("S")
A = TypeVar("A")
SA = TypeVar("SA")
AA = TypeVar("AA")
SB = TypeVar("SB")
AB = TypeVar("AB")
TA = TypeVar("TA")
TB = TypeVar("TB")
EA = TypeVar("EA")
EB = TypeVar("EB")
XA_co = TypeVar("XA_co", covariant=True)
XB_co = TypeVar("XB_co", covariant=True)
F = TypeVar("F", bound=Callable[..., Any])

#: What a call does with its ``Call``: send it now, or wrap it in a promise.
NOW, LAZY = "now", "lazy"


def _describe(name: str) -> str:
    """A docstring line for operation ``name``, from the spec."""
    from chatbotkit_api.operations import OPERATIONS

    op = OPERATIONS[name]
    summary = f": {op.summary}." if op.summary else "."
    return f"``{op.method} {op.path}`` ({op.operation_id}){summary}"


_CALL = re.compile(r"^(?:Stream)?Call\[(.*)\]$")


def _returns(annotation: Any, mode: str, is_async: bool) -> str:
    """What a bound method returns, written like the build's ``Call[...]`` annotation."""
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", str(annotation))
    match = _CALL.match(text)
    if match is None:
        return text
    if mode == NOW:
        return match.group(1).split(",")[0].strip()  # a coroutine function's annotation is its result's
    stream = text.startswith("Stream")
    promise = ("Async" if is_async else "") + ("StreamableResponsePromise" if stream else "ResponsePromise")
    return f"{promise}[{match.group(1)}]"


class _Half:
    """One operation bound to a build function: what both descriptors share."""

    def __init__(self, build: Callable[..., Any], name: str, long: bool) -> None:
        self.build, self.name, self.long = build, name, long
        self.signature = inspect.signature(build)
        positional = [p for p in self.signature.parameters.values() if p.kind is p.POSITIONAL_ONLY][1:]
        #: the positional parameters, and how many of them must be given (and not None)
        self.positional = tuple(p.name for p in positional)
        self.required = sum(p.default is p.empty for p in positional)

    def check(self, label: str, args: tuple[Any, ...], options: dict[str, Any]) -> None:
        """Refuse misused positional arguments under the public method's name."""
        keyword = next((name for name in self.positional if name in options), None)
        if keyword is not None:
            raise TypeError(f"{label}: {keyword!r} is positional-only; pass it without '{keyword}='")
        given = len(args)
        if given > len(self.positional):
            expected = ", ".join(self.positional) or "no positional arguments"
            raise TypeError(f"{label} takes ({expected}), got {given} positional arguments")
        missing = next((i for i in range(self.required) if i >= given or args[i] is None), None)
        if missing is not None:
            raise TypeError(f"{label} is missing its {self.positional[missing]!r} argument")

    def maker(self, obj: Resource, label: str) -> Callable[[tuple[Any, ...], dict[str, Any]], Call[Any]]:
        # The descriptors are the resources' own machinery: they may use their private parts.
        build, core, name, long = self.build, obj._core, self.name, self.long  # pyright: ignore[reportPrivateUsage]
        check, required, most = self.check, self.required, len(self.positional)
        positional = frozenset(self.positional)

        def make(args: tuple[Any, ...], options: dict[str, Any]) -> Call[Any]:
            misused = options and not positional.isdisjoint(options)
            if misused or not required <= len(args) <= most or None in args[:required]:
                check(label, args, options)  # raises, naming the public method
            call = build(obj, *args, **options)
            # options are checked by core.call(), which refuses any key RequestOptions lacks.
            return call if call is not None else core.call(name, args, options, long=long)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]

        return make


def _bound(make: Callable[[tuple[Any, ...], dict[str, Any]], Call[Any]], obj: Resource, mode: str) -> Any:
    """A function sending what ``make`` builds: now (a coroutine function if async) or as a promise."""
    runner = obj._runner  # pyright: ignore[reportPrivateUsage]
    if mode == NOW and isinstance(obj, AsyncResource):
        run = obj._runner.run  # pyright: ignore[reportPrivateUsage]

        async def method_async(*args: Any, **options: Any) -> Any:
            return await run(make(args, options))

        return method_async
    send = runner.run if mode == NOW else runner.promise

    def method(*args: Any, **options: Any) -> Any:
        return send(make(args, options))

    return method


class _Descriptor:
    """Binds a declaration to each client once, as a function that tells the truth about itself.

    The bound function's ``__signature__`` is the declaration's (without ``self``, with
    what this client returns), and its docstring adds the operation's method, path and
    summary from the spec (read on first use, so importing the SDK does not load the
    generated tables).
    """

    _mode: str
    _attr: str

    def __set_name__(self, owner: type, attr: str) -> None:
        self._attr = attr

    def _make(self, obj: Resource) -> Callable[[tuple[Any, ...], dict[str, Any]], Call[Any]]:
        raise NotImplementedError

    def _doc(self) -> str:
        raise NotImplementedError

    def _signature(self, is_async: bool) -> inspect.Signature:
        raise NotImplementedError

    def _get(self, obj: Resource | None) -> Any:
        if obj is None:
            return self
        method = _bound(self._make(obj), obj, self._mode)
        method.__name__ = self._attr
        method.__qualname__ = f"{type(obj).__name__}.{self._attr}"
        method.__module__ = "chatbotkit_sdk"
        method.__doc__ = self._full_doc()
        method.__signature__ = self._full_signature(isinstance(obj, AsyncResource))
        obj.__dict__[self._attr] = method  # bound once per client
        return method

    # Cached per descriptor: every client binds the same text and signature.
    @functools.cache  # noqa: B019 - descriptors live as long as their class
    def _full_doc(self) -> str:
        return self._doc()

    @functools.cache  # noqa: B019 - descriptors live as long as their class
    def _full_signature(self, is_async: bool) -> inspect.Signature:
        return self._signature(is_async)


class Method(_Descriptor, Generic[P, S, A]):
    """A single-operation method: ``Callable[P, S]`` on a sync client, ``Callable[P, A]`` on an async one."""

    def __init__(self, build: Callable[..., Any], name: str, mode: str, long: bool) -> None:
        self._half = _Half(build, name, long)
        self._mode = mode
        self._attr = build.__name__
        self.__doc__ = inspect.cleandoc(build.__doc__ or "")

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, obj: SyncResource, owner: type[Any]) -> Callable[P, S]: ...
    @overload
    def __get__(self, obj: AsyncResource, owner: type[Any]) -> Callable[P, A]: ...
    def __get__(self, obj: Resource | None, owner: type[Any]) -> Any:
        return self._get(obj)

    def _make(self, obj: Resource) -> Callable[[tuple[Any, ...], dict[str, Any]], Call[Any]]:
        return self._half.maker(obj, f"{self._attr}()")

    def _doc(self) -> str:
        return f"{self.__doc__}\n\n{_describe(self._half.name)}".strip()

    def _signature(self, is_async: bool) -> inspect.Signature:
        signature = self._half.signature
        params = list(signature.parameters.values())[1:]  # without self
        returns = _returns(signature.return_annotation, self._mode, is_async)
        return signature.replace(parameters=params, return_annotation=returns)


def endpoint(
    name: str, *, long: bool = False
) -> Callable[[Callable[Concatenate[Any, P], Call[T]]], Method[P, T, Coroutine[Any, Any, T]]]:
    """Operation ``name``, sent at once: the model, or a coroutine of it."""
    return lambda build: Method(build, name, NOW, long)


def lazy(
    name: str, *, long: bool = False
) -> Callable[
    [Callable[Concatenate[Any, P], Call[T]]], Method[P, ResponsePromise[T], AsyncResponsePromise[T]]
]:
    """Operation ``name``, as a promise: nothing is sent until it is used."""
    return lambda build: Method(build, name, LAZY, long)


def streamable(
    name: str, *, long: bool = False
) -> Callable[
    [Callable[Concatenate[Any, P], StreamCall[T, E]]],
    Method[P, StreamableResponsePromise[T, E], AsyncStreamableResponsePromise[T, E]],
]:
    """Operation ``name``, as a promise that can also ``.stream()`` its events."""
    return lambda build: Method(build, name, LAZY, long)


def operation(name: str, *, long: bool = False) -> Callable[[F], F]:
    """Marks one half of a dual method with the operation it sends."""

    def mark(build: F) -> F:
        build.__operation__ = (name, long)  # type: ignore[attr-defined]  # pyright: ignore[reportFunctionMemberAccess]
        return build

    return mark


class DualMethod(Protocol[PA, XA_co, PB, XB_co]):
    """``m(None, ...)`` is the stateless operation, ``m(conversation_id, ...)`` the stateful one."""

    @overload
    def __call__(self, conversation_id: None, /, *args: PA.args, **kwargs: PA.kwargs) -> XA_co: ...
    @overload
    def __call__(self, conversation_id: str, /, *args: PB.args, **kwargs: PB.kwargs) -> XB_co: ...


class Dual(_Descriptor, Generic[PA, SA, AA, PB, SB, AB]):
    """A stateless/stateful pair of operations under one method name."""

    def __init__(self, stateless: Callable[..., Any], stateful: Callable[..., Any], mode: str) -> None:
        self._stateless = _Half(stateless, *getattr(stateless, "__operation__"))  # noqa: B009
        self._stateful = _Half(stateful, *getattr(stateful, "__operation__"))  # noqa: B009
        self._mode = mode
        self._attr = stateful.__name__.lstrip("_")
        self.__doc__ = inspect.cleandoc(stateful.__doc__ or "")

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, obj: SyncResource, owner: type[Any]) -> DualMethod[PA, SA, PB, SB]: ...
    @overload
    def __get__(self, obj: AsyncResource, owner: type[Any]) -> DualMethod[PA, AA, PB, AB]: ...
    def __get__(self, obj: Resource | None, owner: type[Any]) -> Any:
        return self._get(obj)

    def _make(self, obj: Resource) -> Callable[[tuple[Any, ...], dict[str, Any]], Call[Any]]:
        attr = self._attr
        stateless = self._stateless.maker(obj, f"{attr}(None, ...) (stateless)")
        stateful = self._stateful.maker(obj, f"{attr}(conversation_id, ...)")

        def make(args: tuple[Any, ...], options: dict[str, Any]) -> Call[Any]:
            if not args:
                raise TypeError(f"{attr}() missing its first argument: None or a conversation id")
            if args[0] is None:
                return stateless(args[1:], options)
            return stateful(args, options)

        return make

    def _doc(self) -> str:
        attr = self._attr
        return "\n\n".join(
            [self.__doc__ or "",
             f"- ``{attr}(None, request)``: {_describe(self._stateless.name)}",
             f"- ``{attr}(conversation_id, ...)``: {_describe(self._stateful.name)}"]
        ).strip()  # fmt: skip

    def _signature(self, is_async: bool) -> inspect.Signature:
        """``(conversation_id: str | None, request=..., /, **options)``: both halves in one."""
        a = list(self._stateless.signature.parameters.values())[1:]
        b = list(self._stateful.signature.parameters.values())[1:]
        first = b[0].replace(annotation="str | None")
        requests = [p for p in (a[:-1] + b[1:-1]) if p.kind is p.POSITIONAL_ONLY]
        annotation = " | ".join(dict.fromkeys(str(p.annotation) for p in requests))
        params = [first]
        if requests:
            optional = annotation if annotation.endswith("| None") else f"{annotation} | None"
            params.append(requests[0].replace(annotation=optional, default=None))
        params.append(b[-1])  # **options
        returns = " | ".join(
            dict.fromkeys(_returns(h.signature.return_annotation, self._mode, is_async)
                          for h in (self._stateless, self._stateful))
        )  # fmt: skip
        return inspect.Signature(params, return_annotation=returns)


def dual(
    stateless: Callable[Concatenate[Any, PA], Call[TA]],
    stateful: Callable[Concatenate[Any, str, PB], Call[TB]],
) -> Dual[PA, TA, Coroutine[Any, Any, TA], PB, TB, Coroutine[Any, Any, TB]]:
    """A stateless/stateful pair sent at once."""
    return Dual(stateless, stateful, NOW)


def streamable_dual(
    stateless: Callable[Concatenate[Any, PA], StreamCall[TA, EA]],
    stateful: Callable[Concatenate[Any, str, PB], StreamCall[TB, EB]],
) -> Dual[
    PA,
    StreamableResponsePromise[TA, EA],
    AsyncStreamableResponsePromise[TA, EA],
    PB,
    StreamableResponsePromise[TB, EB],
    AsyncStreamableResponsePromise[TB, EB],
]:
    """A stateless/stateful pair returning promises that can also stream."""
    return Dual(stateless, stateful, LAZY)
