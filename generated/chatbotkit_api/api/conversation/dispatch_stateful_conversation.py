from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.conversation_dispatch_request import ConversationDispatchRequest
from ...models.dispatch_result import DispatchResult
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    conversation_id: str,
    *,
    body: ConversationDispatchRequest,
    x_timezone: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_timezone, Unset):
        headers["X-Timezone"] = x_timezone

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/conversation/{conversation_id}/dispatch".format(
            conversation_id=quote(str(conversation_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DispatchResult | Error:
    if response.status_code == 200:
        response_200 = DispatchResult.from_dict(response.json())

        return response_200

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DispatchResult | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ConversationDispatchRequest,
    x_timezone: str | Unset = UNSET,
) -> Response[DispatchResult | Error]:
    """Dispatch a stateful conversation completion to run in the background

     Takes the same input as the stateful complete, queues the completion and answers at once with the
    channel on which its events will be published.

    Args:
        conversation_id (str):
        x_timezone (str | Unset):  Example: Europe/London.
        body (ConversationDispatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DispatchResult | Error]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        body=body,
        x_timezone=x_timezone,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ConversationDispatchRequest,
    x_timezone: str | Unset = UNSET,
) -> DispatchResult | Error | None:
    """Dispatch a stateful conversation completion to run in the background

     Takes the same input as the stateful complete, queues the completion and answers at once with the
    channel on which its events will be published.

    Args:
        conversation_id (str):
        x_timezone (str | Unset):  Example: Europe/London.
        body (ConversationDispatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DispatchResult | Error
    """

    return sync_detailed(
        conversation_id=conversation_id,
        client=client,
        body=body,
        x_timezone=x_timezone,
    ).parsed


async def asyncio_detailed(
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ConversationDispatchRequest,
    x_timezone: str | Unset = UNSET,
) -> Response[DispatchResult | Error]:
    """Dispatch a stateful conversation completion to run in the background

     Takes the same input as the stateful complete, queues the completion and answers at once with the
    channel on which its events will be published.

    Args:
        conversation_id (str):
        x_timezone (str | Unset):  Example: Europe/London.
        body (ConversationDispatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DispatchResult | Error]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        body=body,
        x_timezone=x_timezone,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ConversationDispatchRequest,
    x_timezone: str | Unset = UNSET,
) -> DispatchResult | Error | None:
    """Dispatch a stateful conversation completion to run in the background

     Takes the same input as the stateful complete, queues the completion and answers at once with the
    channel on which its events will be published.

    Args:
        conversation_id (str):
        x_timezone (str | Unset):  Example: Europe/London.
        body (ConversationDispatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DispatchResult | Error
    """

    return (
        await asyncio_detailed(
            conversation_id=conversation_id,
            client=client,
            body=body,
            x_timezone=x_timezone,
        )
    ).parsed
