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
    task_uuid: str,
    *,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(qarnot_read_only_request_for_account, Unset):
        headers["QarnotReadOnlyRequestForAccount"] = qarnot_read_only_request_for_account

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/tasks/{task_uuid}".format(
            task_uuid=quote(str(task_uuid), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | TaskOutput | None:
    if response.status_code == 200:
        response_200 = TaskOutput.from_dict(response.json())

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
) -> Response[ErrorResponse | TaskOutput]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    task_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> Response[ErrorResponse | TaskOutput]:
    """Get a task

    Args:
        task_uuid (str):
        qarnot_read_only_request_for_account (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TaskOutput]
    """

    kwargs = _get_kwargs(
        task_uuid=task_uuid,
        qarnot_read_only_request_for_account=qarnot_read_only_request_for_account,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    task_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> ErrorResponse | TaskOutput | None:
    """Get a task

    Args:
        task_uuid (str):
        qarnot_read_only_request_for_account (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TaskOutput
    """

    return sync_detailed(
        task_uuid=task_uuid,
        client=client,
        qarnot_read_only_request_for_account=qarnot_read_only_request_for_account,
    ).parsed


async def asyncio_detailed(
    task_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> Response[ErrorResponse | TaskOutput]:
    """Get a task

    Args:
        task_uuid (str):
        qarnot_read_only_request_for_account (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TaskOutput]
    """

    kwargs = _get_kwargs(
        task_uuid=task_uuid,
        qarnot_read_only_request_for_account=qarnot_read_only_request_for_account,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    task_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> ErrorResponse | TaskOutput | None:
    """Get a task

    Args:
        task_uuid (str):
        qarnot_read_only_request_for_account (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TaskOutput
    """

    return (
        await asyncio_detailed(
            task_uuid=task_uuid,
            client=client,
            qarnot_read_only_request_for_account=qarnot_read_only_request_for_account,
        )
    ).parsed
