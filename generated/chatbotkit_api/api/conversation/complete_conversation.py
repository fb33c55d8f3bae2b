from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.complete_request import CompleteRequest
from ...models.complete_result import CompleteResult
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CompleteRequest,
    x_timezone: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_timezone, Unset):
        headers["X-Timezone"] = x_timezone

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/conversation/complete",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CompleteResult | Error:
    if response.status_code == 200:
        response_200 = CompleteResult.from_dict(response.json())

        return response_200

    response_default = Error.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CompleteResult | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CompleteRequest,
    x_timezone: str | Unset = UNSET,
) -> Response[CompleteResult | Error]:
    """Complete the next message in a conversation

     Stateless completion: the caller sends the whole history and nothing is stored. Ask for
    `application/jsonl` to receive the reply as a stream of events.

    Args:
        x_timezone (str | Unset):  Example: Europe/London.
        body (CompleteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompleteResult | Error]
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
    body: CompleteRequest,
    x_timezone: str | Unset = UNSET,
) -> CompleteResult | Error | None:
    """Complete the next message in a conversation

     Stateless completion: the caller sends the whole history and nothing is stored. Ask for
    `application/jsonl` to receive the reply as a stream of events.

    Args:
        x_timezone (str | Unset):  Example: Europe/London.
        body (CompleteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompleteResult | Error
    """

    return sync_detailed(
        client=client,
        body=body,
        x_timezone=x_timezone,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CompleteRequest,
    x_timezone: str | Unset = UNSET,
) -> Response[CompleteResult | Error]:
    """Complete the next message in a conversation

     Stateless completion: the caller sends the whole history and nothing is stored. Ask for
    `application/jsonl` to receive the reply as a stream of events.

    Args:
        x_timezone (str | Unset):  Example: Europe/London.
        body (CompleteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompleteResult | Error]
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
    body: CompleteRequest,
    x_timezone: str | Unset = UNSET,
) -> CompleteResult | Error | None:
    """Complete the next message in a conversation

     Stateless completion: the caller sends the whole history and nothing is stored. Ask for
    `application/jsonl` to receive the reply as a stream of events.

    Args:
        x_timezone (str | Unset):  Example: Europe/London.
        body (CompleteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompleteResult | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            x_timezone=x_timezone,
        )
    ).parsed
