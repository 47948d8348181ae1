from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.problem_details import ProblemDetails
from ...types import UNSET, Response, Unset


def _get_kwargs(
    job_uuid: str,
    *,
    force: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["force"] = force

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/jobs/{job_uuid}".format(
            job_uuid=quote(str(job_uuid), safe=""),
        ),
        "params": params,
    }

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
    job_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    force: bool | Unset = False,
) -> Response[Any | ErrorResponse | ProblemDetails]:
    """Delete a job (terminating it first if it still runs)

    Args:
        job_uuid (str):
        force (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | ProblemDetails]
    """

    kwargs = _get_kwargs(
        job_uuid=job_uuid,
        force=force,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    job_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    force: bool | Unset = False,
) -> Any | ErrorResponse | ProblemDetails | None:
    """Delete a job (terminating it first if it still runs)

    Args:
        job_uuid (str):
        force (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | ProblemDetails
    """

    return sync_detailed(
        job_uuid=job_uuid,
        client=client,
        force=force,
    ).parsed


async def asyncio_detailed(
    job_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    force: bool | Unset = False,
) -> Response[Any | ErrorResponse | ProblemDetails]:
    """Delete a job (terminating it first if it still runs)

    Args:
        job_uuid (str):
        force (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorResponse | ProblemDetails]
    """

    kwargs = _get_kwargs(
        job_uuid=job_uuid,
        force=force,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    job_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    force: bool | Unset = False,
) -> Any | ErrorResponse | ProblemDetails | None:
    """Delete a job (terminating it first if it still runs)

    Args:
        job_uuid (str):
        force (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorResponse | ProblemDetails
    """

    return (
        await asyncio_detailed(
            job_uuid=job_uuid,
            client=client,
            force=force,
        )
    ).parsed
