from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.compact_request import CompactRequest
from ...models.compact_result import CompactResult
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CompactRequest,
    x_timezone: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_timezone, Unset):
        headers["X-Timezone"] = x_timezone

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/conversation/compact",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CompactResult | Error:
    if response.status_code == 200:
        response_200 = CompactResult.from_dict(response.json())

        return response_200

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CompactResult | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CompactRequest,
    x_timezone: str | Unset = UNSET,
) -> Response[CompactResult | Error]:
    """Compact an array of messages into a single summary

    Args:
        x_timezone (str | Unset):  Example: Europe/London.
        body (CompactRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompactResult | Error]
    """

    kwargs = _get_kwargs(
        body=body,
        x_timezone=x_timezone,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CompactRequest,
    x_timezone: str | Unset = UNSET,
) -> CompactResult | Error | None:
    """Compact an array of messages into a single summary

    Args:
        x_timezone (str | Unset):  Example: Europe/London.
        body (CompactRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompactResult | Error
    """

    return sync_detailed(
        client=client,
        body=body,
        x_timezone=x_timezone,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CompactRequest,
    x_timezone: str | Unset = UNSET,
) -> Response[CompactResult | Error]:
    """Compact an array of messages into a single summary

    Args:
        x_timezone (str | Unset):  Example: Europe/London.
        body (CompactRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompactResult | Error]
    """

    kwargs = _get_kwargs(
        body=body,
        x_timezone=x_timezone,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CompactRequest,
    x_timezone: str | Unset = UNSET,
) -> CompactResult | Error | None:
    """Compact an array of messages into a single summary

    Args:
        x_timezone (str | Unset):  Example: Europe/London.
        body (CompactRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompactResult | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_timezone=x_timezone,
        )
    ).parsed
