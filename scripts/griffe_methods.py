"""A griffe extension for ``make docs``: the API reference shows the clients' real methods.

The endpoint methods of ``ConversationClient`` and its sub-clients are not ``def``s of
the client classes: each is declared once in ``chatbotkit_sdk/_endpoints.py`` and bound
per client by a descriptor (``chatbotkit_sdk/_methods.py``), which gives the bound
function its true ``__signature__`` (what this client returns: a model, a coroutine of
it, or a promise) and a docstring naming the operation's method and path. Reading the
source, griffe would see the declarations' ``Call[...]`` return types and miss the
stateless/stateful pairs (``complete``, ``dispatch``, ``compact``) entirely; inspecting
the classes would see only descriptor objects.

So, once griffe has read ``chatbotkit_sdk``, this makes one client of each class (no
request is sent: a client only checks its options) and replaces every endpoint member
of the client classes with a function built from the bound method: its signature, its
docstring, ``async`` when it is a coroutine function. Annotations are parsed in the
scope of ``_endpoints.py``, so the model, ``...Param`` and event names link to their
reference pages.
"""

from __future__ import annotations

import ast
import asyncio
import inspect
from typing import Any

import griffe

import chatbotkit_sdk
from chatbotkit_sdk._methods import _Descriptor

#: Names the bound methods' annotations use that ``_endpoints.py`` does not import.
PROMISES = {
    "ResponsePromise": "chatbotkit_sdk._resource.ResponsePromise",
    "AsyncResponsePromise": "chatbotkit_sdk._resource.AsyncResponsePromise",
    "StreamableResponsePromise": "chatbotkit_sdk._resource.StreamableResponsePromise",
    "AsyncStreamableResponsePromise": "chatbotkit_sdk._resource.AsyncStreamableResponsePromise",
}
KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: griffe.ParameterKind.positional_only,
    inspect.Parameter.POSITIONAL_OR_KEYWORD: griffe.ParameterKind.positional_or_keyword,
    inspect.Parameter.VAR_POSITIONAL: griffe.ParameterKind.var_positional,
    inspect.Parameter.KEYWORD_ONLY: griffe.ParameterKind.keyword_only,
    inspect.Parameter.VAR_KEYWORD: griffe.ParameterKind.var_keyword,
}


def _annotation(value: Any, scope: griffe.Module) -> str | griffe.Expr | None:
    if value is inspect.Parameter.empty:
        return None
    text = value if isinstance(value, str) else inspect.formatannotation(value)
    try:
        node = ast.parse(text, mode="eval").body
    except SyntaxError:
        return text
    return griffe.safe_get_annotation(node, scope) or text


def _function(name: str, method: Any, cls: griffe.Class, scope: griffe.Module) -> griffe.Function:
    signature = inspect.signature(method)
    parameters = griffe.Parameters(
        *(
            griffe.Parameter(
                p.name,
                annotation=_annotation(p.annotation, scope),
                kind=KINDS[p.kind],
                default=None if p.default is p.empty else repr(p.default),
            )
            for p in signature.parameters.values()
        )
    )
    function = griffe.Function(
        name,
        parameters=parameters,
        returns=_annotation(signature.return_annotation, scope),
        docstring=griffe.Docstring(inspect.cleandoc(method.__doc__ or ""), parent=None),
        parent=cls,
        runtime=True,
    )
    function.docstring.parent = function  # type: ignore[union-attr]
    if inspect.iscoroutinefunction(method):
        function.labels.add("async")
    return function


class ClientMethods(griffe.Extension):
    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        if pkg.name != "chatbotkit_sdk":
            return
        scope = pkg["_endpoints"]
        for name, target in PROMISES.items():
            if name not in scope.members:
                scope.set_member(name, griffe.Alias(name, target, parent=scope))
        options = {"secret": "docs", "base_url": "http://docs.invalid"}
        live = {
            "ConversationClient": chatbotkit_sdk.ConversationClient(**options),
            "AsyncConversationClient": chatbotkit_sdk.AsyncConversationClient(**options),
        }
        # The sub-clients are whatever client objects the two clients hold: no list to keep.
        for parent in list(live.values()):
            for sub in vars(parent).values():
                if type(sub).__name__.endswith("Client") and type(sub).__module__ == "chatbotkit_sdk._client":
                    live[type(sub).__name__] = sub
        for class_name, obj in live.items():
            cls = pkg["_client"][class_name]
            endpoints = {
                attr
                for klass in type(obj).__mro__
                for attr, value in vars(klass).items()
                if isinstance(value, _Descriptor)
            }
            for attr in sorted(endpoints):
                cls.set_member(attr, _function(attr, getattr(obj, attr), cls, scope))
        live["ConversationClient"].close()
        asyncio.run(live["AsyncConversationClient"].aclose())
