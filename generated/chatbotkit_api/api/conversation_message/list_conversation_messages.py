from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.conversation_message_page import ConversationMessagePage
from ...models.error import Error
from ...models.sort_order import SortOrder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    conversation_id: str,
    *,
    cursor: str | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    take: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    params["take"] = take

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/conversation/{conversation_id}/message/list".format(
            conversation_id=quote(str(conversation_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConversationMessagePage | Error:
    if response.status_code == 200:
        response_200 = ConversationMessagePage.from_dict(response.json())

        return response_200

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ConversationMessagePage | Error]:
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
    cursor: str | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    take: int | Unset = UNSET,
) -> Response[ConversationMessagePage | Error]:
    """List conversation messages

    Args:
        conversation_id (str):
        cursor (str | Unset):
        order (SortOrder | Unset):
        take (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConversationMessagePage | Error]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        cursor=cursor,
        order=order,
        take=take,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    take: int | Unset = UNSET,
) -> ConversationMessagePage | Error | None:
    """List conversation messages

    Args:
        conversation_id (str):
        cursor (str | Unset):
        order (SortOrder | Unset):
        take (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConversationMessagePage | Error
    """

    return sync_detailed(
        conversation_id=conversation_id,
        client=client,
        cursor=cursor,
        order=order,
        take=take,
    ).parsed


async def asyncio_detailed(
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    take: int | Unset = UNSET,
) -> Response[ConversationMessagePage | Error]:
    """List conversation messages

    Args:
        conversation_id (str):
        cursor (str | Unset):
        order (SortOrder | Unset):
        take (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConversationMessagePage | Error]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        cursor=cursor,
        order=order,
        take=take,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    take: int | Unset = UNSET,
) -> ConversationMessagePage | Error | None:
    """List conversation messages

    Args:
        conversation_id (str):
        cursor (str | Unset):
        order (SortOrder | Unset):
        take (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConversationMessagePage | Error
    """

    return (
        await asyncio_detailed(
            conversation_id=conversation_id,
            client=client,
            cursor=cursor,
            order=order,
            take=take,
        )
    ).parsed
