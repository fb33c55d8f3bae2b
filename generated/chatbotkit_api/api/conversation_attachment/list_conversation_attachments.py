from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.conversation_attachment_page import ConversationAttachmentPage
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    conversation_id: str,
    *,
    cursor: str | Unset = UNSET,
    take: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    params["take"] = take

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/conversation/{conversation_id}/attachment/list".format(
            conversation_id=quote(str(conversation_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConversationAttachmentPage | Error:
    if response.status_code == 200:
        response_200 = ConversationAttachmentPage.from_dict(response.json())

        return response_200

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ConversationAttachmentPage | Error]:
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
    take: int | Unset = UNSET,
) -> Response[ConversationAttachmentPage | Error]:
    """List conversation attachments

    Args:
        conversation_id (str):
        cursor (str | Unset):
        take (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConversationAttachmentPage | Error]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        cursor=cursor,
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
    take: int | Unset = UNSET,
) -> ConversationAttachmentPage | Error | None:
    """List conversation attachments

    Args:
        conversation_id (str):
        cursor (str | Unset):
        take (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConversationAttachmentPage | Error
    """

    return sync_detailed(
        conversation_id=conversation_id,
        client=client,
        cursor=cursor,
        take=take,
    ).parsed


async def asyncio_detailed(
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    take: int | Unset = UNSET,
) -> Response[ConversationAttachmentPage | Error]:
    """List conversation attachments

    Args:
        conversation_id (str):
        cursor (str | Unset):
        take (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConversationAttachmentPage | Error]
    """

    kwargs = _get_kwargs(
        conversation_id=conversation_id,
        cursor=cursor,
        take=take,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    conversation_id: str,
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    take: int | Unset = UNSET,
) -> ConversationAttachmentPage | Error | None:
    """List conversation attachments

    Args:
        conversation_id (str):
        cursor (str | Unset):
        take (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConversationAttachmentPage | Error
    """

    return (
        await asyncio_detailed(
            conversation_id=conversation_id,
            client=client,
            cursor=cursor,
            take=take,
        )
    ).parsed
