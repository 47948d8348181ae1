from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.pool_update_input import PoolUpdateInput
from ...models.problem_details import ProblemDetails
from ...types import Response


def _get_kwargs(
    pool_uuid: str,
    *,
    body: PoolUpdateInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/pools/{pool_uuid}".format(
            pool_uuid=quote(str(pool_uuid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorResponse | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 400:
        response_400 = ProblemDetails.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrorResponse | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    pool_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    body: PoolUpdateInput,
) -> Response[Any | ErrorResponse | ProblemDetails]:
    """Update a pool's constants, constraints, tags and sizing

    Args:
        pool_uuid (str):
        body (PoolUpdateInput): New values for a pool.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | ProblemDetails]
    """

    kwargs = _get_kwargs(
        pool_uuid=pool_uuid,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    pool_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    body: PoolUpdateInput,
) -> Any | ErrorResponse | ProblemDetails | None:
    """Update a pool's constants, constraints, tags and sizing

    Args:
        pool_uuid (str):
        body (PoolUpdateInput): New values for a pool.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | ProblemDetails
    """

    return sync_detailed(
        pool_uuid=pool_uuid,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    pool_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    body: PoolUpdateInput,
) -> Response[Any | ErrorResponse | ProblemDetails]:
    """Update a pool's constants, constraints, tags and sizing

    Args:
        pool_uuid (str):
        body (PoolUpdateInput): New values for a pool.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | ProblemDetails]
    """

    kwargs = _get_kwargs(
        pool_uuid=pool_uuid,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    pool_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    body: PoolUpdateInput,
) -> Any | ErrorResponse | ProblemDetails | None:
    """Update a pool's constants, constraints, tags and sizing

    Args:
        pool_uuid (str):
        body (PoolUpdateInput): New values for a pool.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | ProblemDetails
    """

    return (
        await asyncio_detailed(
            pool_uuid=pool_uuid,
            client=client,
            body=body,
        )
    ).parsed
