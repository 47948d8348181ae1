from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.problem_details import ProblemDetails
from ...models.task_summary_output import TaskSummaryOutput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    tag: list[str] | Unset = UNSET,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(qarnot_read_only_request_for_account, Unset):
        headers["QarnotReadOnlyRequestForAccount"] = qarnot_read_only_request_for_account

    params: dict[str, Any] = {}

    json_tag: list[str] | Unset = UNSET
    if not isinstance(tag, Unset):
        json_tag = tag

    params["tag"] = json_tag

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/tasks/summaries",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ProblemDetails | list[TaskSummaryOutput] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = TaskSummaryOutput.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ProblemDetails | list[TaskSummaryOutput]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    tag: list[str] | Unset = UNSET,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> Response[ErrorResponse | ProblemDetails | list[TaskSummaryOutput]]:
    """List summaries of the account's tasks

    Args:
        tag (list[str] | Unset):
        qarnot_read_only_request_for_account (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ProblemDetails | list[TaskSummaryOutput]]
    """

    kwargs = _get_kwargs(
        tag=tag,
        qarnot_read_only_request_for_account=qarnot_read_only_request_for_account,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    tag: list[str] | Unset = UNSET,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> ErrorResponse | ProblemDetails | list[TaskSummaryOutput] | None:
    """List summaries of the account's tasks

    Args:
        tag (list[str] | Unset):
        qarnot_read_only_request_for_account (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ProblemDetails | list[TaskSummaryOutput]
    """

    return sync_detailed(
        client=client,
        tag=tag,
        qarnot_read_only_request_for_account=qarnot_read_only_request_for_account,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    tag: list[str] | Unset = UNSET,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> Response[ErrorResponse | ProblemDetails | list[TaskSummaryOutput]]:
    """List summaries of the account's tasks

    Args:
        tag (list[str] | Unset):
        qarnot_read_only_request_for_account (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ProblemDetails | list[TaskSummaryOutput]]
    """

    kwargs = _get_kwargs(
        tag=tag,
        qarnot_read_only_request_for_account=qarnot_read_only_request_for_account,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    tag: list[str] | Unset = UNSET,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> ErrorResponse | ProblemDetails | list[TaskSummaryOutput] | None:
    """List summaries of the account's tasks

    Args:
        tag (list[str] | Unset):
        qarnot_read_only_request_for_account (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ProblemDetails | list[TaskSummaryOutput]
    """

    return (
        await asyncio_detailed(
            client=client,
            tag=tag,
            qarnot_read_only_request_for_account=qarnot_read_only_request_for_account,
        )
    ).parsed
