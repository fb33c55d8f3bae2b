"""``ConversationClient`` and ``AsyncConversationClient``.

Both are the endpoints of ``_endpoints.py`` on top of a runner: the constructor,
``extend()`` and the sub-clients are shared here; the two classes only differ in
the httpx client they drive and in how they close.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from types import TracebackType
from typing import Any, ClassVar, Generic, Self, TypedDict, TypeVar, Unpack

import httpx

from ._core import ClientCore
from ._endpoints import (
    AttachmentEndpoints,
    ContactEndpoints,
    ConversationEndpoints,
    MessageEndpoints,
    SessionEndpoints,
)
from ._options import ClientOptions
from ._resource import AsyncResource, AsyncRunner, Resource, SyncResource, SyncRunner
from ._types import NOT_GIVEN, NotGiven, TimeoutTypes

__all__ = [
    "AsyncAttachmentClient",
    "AsyncContactClient",
    "AsyncConversationClient",
    "AsyncMessageClient",
    "AsyncSessionClient",
    "AttachmentClient",
    "ClientConfig",
    "ContactClient",
    "ConversationClient",
    "MessageClient",
    "SessionClient",
]

HttpT = TypeVar("HttpT", httpx.Client, httpx.AsyncClient)


class ClientConfig(TypedDict, total=False):
    """What ``extend()`` accepts: any constructor option."""

    secret: str
    base_url: str
    host: str
    protocol: str
    endpoints: Mapping[str, str]
    run_as_user_id: str
    run_as_child_user_email: str
    timezone: str
    headers: Mapping[str, str]
    timeout: TimeoutTypes
    retries: int
    retry_delay: float
    retry_timeout: bool


class MessageClient(MessageEndpoints, SyncResource):
    """``client.message``."""


class AsyncMessageClient(MessageEndpoints, AsyncResource):
    """``client.message`` of the async client."""


class SessionClient(SessionEndpoints, SyncResource):
    """``client.session``."""


class AsyncSessionClient(SessionEndpoints, AsyncResource):
    """``client.session`` of the async client."""


class AttachmentClient(AttachmentEndpoints, SyncResource):
    """``client.attachment``."""


class AsyncAttachmentClient(AttachmentEndpoints, AsyncResource):
    """``client.attachment`` of the async client."""


class ContactClient(ContactEndpoints, SyncResource):
    """``client.contact``."""


class AsyncContactClient(ContactEndpoints, AsyncResource):
    """``client.contact`` of the async client."""


class _BaseClient(ConversationEndpoints, Generic[HttpT]):
    _http_class: ClassVar[type[httpx.Client] | type[httpx.AsyncClient]]
    _runner_class: ClassVar[type[SyncRunner] | type[AsyncRunner]]
    #: attribute name -> sub-client class, read from each final class's annotations
    _subclients: ClassVar[dict[str, type[Resource]]] = {}
    _SUBCLIENT_NAMES: ClassVar[tuple[str, ...]] = ("message", "session", "attachment", "contact")

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        hints = typing.get_type_hints(cls)
        cls._subclients = {name: hints[name] for name in cls._SUBCLIENT_NAMES if name in hints}

    def __init__(
        self,
        *,
        secret: str | None = None,
        base_url: str | None = None,
        host: str | None = None,
        protocol: str | None = None,
        endpoints: Mapping[str, str] | None = None,
        run_as_user_id: str | None = None,
        run_as_child_user_email: str | None = None,
        timezone: str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        retries: int | None = None,
        retry_delay: float | None = None,
        retry_timeout: bool | None = None,
        http_client: HttpT | None = None,
    ) -> None:
        """Make a client. Every option is checked here; nothing is sent.

        ``secret`` defaults to the ``CHATBOTKIT_API_SECRET`` environment variable, and
        ``base_url`` (when neither it nor ``host`` is given) to ``CHATBOTKIT_BASE_URL``.
        ``http_client`` lets you bring your own ``httpx`` client (transport, proxies,
        limits); the SDK then leaves closing it to you.
        """
        # None means "the default" for every option but timeout (where it means "no limit").
        given = {
            name: value
            for name, value in locals().items()
            if name not in ("self", "http_client", "timeout") and value is not None
        }
        if not isinstance(timeout, NotGiven):
            given["timeout"] = timeout
        options = ClientOptions.create(**given)
        if http_client is not None and not isinstance(http_client, self._http_class):
            raise TypeError(
                f"http_client must be an {self._http_class.__module__}.{self._http_class.__name__}"
            )
        owns = http_client is None
        http = http_client if http_client is not None else self._http_class()
        self._setup(options, self._runner_class(ClientCore(options), http, owns))

    def _setup(self, options: ClientOptions, runner: SyncRunner | AsyncRunner) -> None:
        Resource.__init__(self, runner.core, runner)
        self.options = options
        for name, cls in self._subclients.items():
            setattr(self, name, cls(runner.core, runner))

    def extend(self, **changes: Unpack[ClientConfig]) -> Self:
        """A new client of the same class with some options changed.

        ``headers`` and ``endpoints`` are merged key by key; every other option given
        replaces the old value. The new client shares this one's connection pool
        (closing it leaves the pool open); this client is unchanged.
        """
        options = self.options.extend(**changes)
        clone = object.__new__(type(self))
        runner = self._runner_class(
            ClientCore(options), self._runner.http, owns=False, plain=self._runner.plain
        )
        clone._setup(options, runner)
        return clone

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.options!r})"


class ConversationClient(_BaseClient[httpx.Client], SyncResource):
    """The ChatBotKit conversation API, blocking.

    ```python
    from chatbotkit_sdk import ConversationClient

    with ConversationClient() as client:  # secret from CHATBOTKIT_API_SECRET
        conversation = client.create({"model": "gpt-4o"})
        print(client.complete(conversation.id, {"text": "Hello!"}).result().text)
    ```
    """

    _http_class = httpx.Client
    _runner_class = SyncRunner
    message: MessageClient
    """The conversation's messages: ``client.message.list(conversation_id)``, ..."""
    session: SessionClient
    """Short-lived tokens for one conversation."""
    attachment: AttachmentClient
    """Files attached to a conversation."""
    contact: ContactClient
    """The contact a conversation belongs to."""

    def close(self) -> None:
        """Close the connection pool (unless it came from ``http_client`` or ``extend()``)."""
        self._runner.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncConversationClient(_BaseClient[httpx.AsyncClient], AsyncResource):
    """The ChatBotKit conversation API, for async code (asyncio or trio, as httpx).

    ```python
    import asyncio

    from chatbotkit_sdk import AsyncConversationClient


    async def main() -> None:
        async with AsyncConversationClient() as client:
            conversation = await client.create({"model": "gpt-4o"})
            print((await client.complete(conversation.id, {"text": "Hello!"})).text)


    asyncio.run(main())
    ```
    """

    _http_class = httpx.AsyncClient
    _runner_class = AsyncRunner
    message: AsyncMessageClient
    """The conversation's messages: ``client.message.list(conversation_id)``, ..."""
    session: AsyncSessionClient
    """Short-lived tokens for one conversation."""
    attachment: AsyncAttachmentClient
    """Files attached to a conversation."""
    contact: AsyncContactClient
    """The contact a conversation belongs to."""

    async def aclose(self) -> None:
        """Close the connection pool (unless it came from ``http_client`` or ``extend()``)."""
        await self._runner.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
