from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.problem_details import ProblemDetails
from ...models.secret_value import SecretValue
from ...types import Response


def _get_kwargs(
    key: str,
    *,
    body: SecretValue,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/secrets-manager/data/{key}".format(
            key=quote(str(key), safe=""),
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
    key: str,
    *,
    client: AuthenticatedClient | Client,
    body: SecretValue,
) -> Response[Any | ErrorResponse | ProblemDetails]:
    """Change a secret's value

     Undocumented in the reference; used by the official SDKs. Fails with 404 if the key does not exist.

    Args:
        key (str):
        body (SecretValue): The value of a secrets-manager entry (the official SDKs send the key
            as `Value`; the API reads keys case-insensitively).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | ProblemDetails]
    """

    kwargs = _get_kwargs(
        key=key,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    key: str,
    *,
    client: AuthenticatedClient | Client,
    body: SecretValue,
) -> Any | ErrorResponse | ProblemDetails | None:
    """Change a secret's value

     Undocumented in the reference; used by the official SDKs. Fails with 404 if the key does not exist.

    Args:
        key (str):
        body (SecretValue): The value of a secrets-manager entry (the official SDKs send the key
            as `Value`; the API reads keys case-insensitively).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | ProblemDetails
    """

    return sync_detailed(
        key=key,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    key: str,
    *,
    client: AuthenticatedClient | Client,
    body: SecretValue,
) -> Response[Any | ErrorResponse | ProblemDetails]:
    """Change a secret's value

     Undocumented in the reference; used by the official SDKs. Fails with 404 if the key does not exist.

    Args:
        key (str):
        body (SecretValue): The value of a secrets-manager entry (the official SDKs send the key
            as `Value`; the API reads keys case-insensitively).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | ProblemDetails]
    """

    kwargs = _get_kwargs(
        key=key,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    key: str,
    *,
    client: AuthenticatedClient | Client,
    body: SecretValue,
) -> Any | ErrorResponse | ProblemDetails | None:
    """Change a secret's value

     Undocumented in the reference; used by the official SDKs. Fails with 404 if the key does not exist.

    Args:
        key (str):
        body (SecretValue): The value of a secrets-manager entry (the official SDKs send the key
            as `Value`; the API reads keys case-insensitively).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | ProblemDetails
    """

    return (
        await asyncio_detailed(
            key=key,
            client=client,
            body=body,
        )
    ).parsed
