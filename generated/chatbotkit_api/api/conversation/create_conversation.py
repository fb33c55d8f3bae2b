from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.conversation_create_request import ConversationCreateRequest
from ...models.conversation_create_result import ConversationCreateResult
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    *,
    body: ConversationCreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/conversation/create",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConversationCreateResult | Error:
    if response.status_code == 200:
        response_200 = ConversationCreateResult.from_dict(response.json())

        return response_200

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ConversationCreateResult | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ConversationCreateRequest,
) -> Response[ConversationCreateResult | Error]:
    """Create a new conversation

     Starts a conversation, optionally seeded with messages. The bot's settings come either from an
    existing bot (`botId`) or from inline configuration (`model`, `backstory`, `datasetId`,
    `skillsetId`, `privacy`, `moderation`).

    Args:
        body (ConversationCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConversationCreateResult | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ConversationCreateRequest,
) -> ConversationCreateResult | Error | None:
    """Create a new conversation

     Starts a conversation, optionally seeded with messages. The bot's settings come either from an
    existing bot (`botId`) or from inline configuration (`model`, `backstory`, `datasetId`,
    `skillsetId`, `privacy`, `moderation`).

    Args:
        body (ConversationCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConversationCreateResult | Error
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ConversationCreateRequest,
) -> Response[ConversationCreateResult | Error]:
    """Create a new conversation

     Starts a conversation, optionally seeded with messages. The bot's settings come either from an
    existing bot (`botId`) or from inline configuration (`model`, `backstory`, `datasetId`,
    `skillsetId`, `privacy`, `moderation`).

    Args:
        body (ConversationCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConversationCreateResult | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ConversationCreateRequest,
) -> ConversationCreateResult | Error | None:
    """Create a new conversation

     Starts a conversation, optionally seeded with messages. The bot's settings come either from an
    existing bot (`botId`) or from inline configuration (`model`, `backstory`, `datasetId`,
    `skillsetId`, `privacy`, `moderation`).

    Args:
        body (ConversationCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConversationCreateResult | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
