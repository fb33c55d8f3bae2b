from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.conversation_page import ConversationPage
from ...models.error import Error
from ...models.meta_filter import MetaFilter
from ...models.sort_order import SortOrder
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: str | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    take: int | Unset = UNSET,
    meta: MetaFilter | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    params["take"] = take

    json_meta: dict[str, Any] | Unset = UNSET
    if not isinstance(meta, Unset):
        json_meta = meta.to_dict()
    if not isinstance(json_meta, Unset):
        params.update({f"meta[{key}]": value for key, value in json_meta.items()})

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/conversation/list",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConversationPage | Error:
    if response.status_code == 200:
        response_200 = ConversationPage.from_dict(response.json())

        return response_200

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ConversationPage | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    take: int | Unset = UNSET,
    meta: MetaFilter | Unset = UNSET,
) -> Response[ConversationPage | Error]:
    """List conversations

    Args:
        cursor (str | Unset):
        order (SortOrder | Unset):
        take (int | Unset):
        meta (MetaFilter | Unset): Meta data key/value pairs to match.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConversationPage | Error]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        order=order,
        take=take,
        meta=meta,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    take: int | Unset = UNSET,
    meta: MetaFilter | Unset = UNSET,
) -> ConversationPage | Error | None:
    """List conversations

    Args:
        cursor (str | Unset):
        order (SortOrder | Unset):
        take (int | Unset):
        meta (MetaFilter | Unset): Meta data key/value pairs to match.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConversationPage | Error
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        order=order,
        take=take,
        meta=meta,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    take: int | Unset = UNSET,
    meta: MetaFilter | Unset = UNSET,
) -> Response[ConversationPage | Error]:
    """List conversations

    Args:
        cursor (str | Unset):
        order (SortOrder | Unset):
        take (int | Unset):
        meta (MetaFilter | Unset): Meta data key/value pairs to match.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConversationPage | Error]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        order=order,
        take=take,
        meta=meta,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    cursor: str | Unset = UNSET,
    order: SortOrder | Unset = UNSET,
    take: int | Unset = UNSET,
    meta: MetaFilter | Unset = UNSET,
) -> ConversationPage | Error | None:
    """List conversations

    Args:
        cursor (str | Unset):
        order (SortOrder | Unset):
        take (int | Unset):
        meta (MetaFilter | Unset): Meta data key/value pairs to match.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConversationPage | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            order=order,
            take=take,
            meta=meta,
        )
    ).parsed
