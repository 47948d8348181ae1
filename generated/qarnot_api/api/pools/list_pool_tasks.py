from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.task_output import TaskOutput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    pool_uuid: str,
    *,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(qarnot_read_only_request_for_account, Unset):
        headers["QarnotReadOnlyRequestForAccount"] = qarnot_read_only_request_for_account

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/pools/{pool_uuid}/tasks".format(
            pool_uuid=quote(str(pool_uuid), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | list[TaskOutput] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = TaskOutput.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

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
) -> Response[ErrorResponse | list[TaskOutput]]:
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
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> Response[ErrorResponse | list[TaskOutput]]:
    """List the tasks of a pool

    Args:
        pool_uuid (str):
        qarnot_read_only_request_for_account (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[TaskOutput]]
    """

    kwargs = _get_kwargs(
        pool_uuid=pool_uuid,
        qarnot_read_only_request_for_account=qarnot_read_only_request_for_account,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    pool_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> ErrorResponse | list[TaskOutput] | None:
    """List the tasks of a pool

    Args:
        pool_uuid (str):
        qarnot_read_only_request_for_account (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[TaskOutput]
    """

    return sync_detailed(
        pool_uuid=pool_uuid,
        client=client,
        qarnot_read_only_request_for_account=qarnot_read_only_request_for_account,
    ).parsed


async def asyncio_detailed(
    pool_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> Response[ErrorResponse | list[TaskOutput]]:
    """List the tasks of a pool

    Args:
        pool_uuid (str):
        qarnot_read_only_request_for_account (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | list[TaskOutput]]
    """

    kwargs = _get_kwargs(
        pool_uuid=pool_uuid,
        qarnot_read_only_request_for_account=qarnot_read_only_request_for_account,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    pool_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> ErrorResponse | list[TaskOutput] | None:
    """List the tasks of a pool

    Args:
        pool_uuid (str):
        qarnot_read_only_request_for_account (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | list[TaskOutput]
    """

    return (
        await asyncio_detailed(
            pool_uuid=pool_uuid,
            client=client,
            qarnot_read_only_request_for_account=qarnot_read_only_request_for_account,
        )
    ).parsed
