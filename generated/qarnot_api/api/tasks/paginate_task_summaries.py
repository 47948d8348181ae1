from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.page_detail_request import PageDetailRequest
from ...models.problem_details import ProblemDetails
from ...models.task_summary_output_page import TaskSummaryOutputPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PageDetailRequest,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(qarnot_read_only_request_for_account, Unset):
        headers["QarnotReadOnlyRequestForAccount"] = qarnot_read_only_request_for_account

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/tasks/summaries/paginate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ProblemDetails | TaskSummaryOutputPage | None:
    if response.status_code == 200:
        response_200 = TaskSummaryOutputPage.from_dict(response.json())

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
) -> Response[ErrorResponse | ProblemDetails | TaskSummaryOutputPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PageDetailRequest,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> Response[ErrorResponse | ProblemDetails | TaskSummaryOutputPage]:
    """Get one page of task summaries

     Sortable on `creationDate`, `executionTime`, `name` and `state`.

    Args:
        qarnot_read_only_request_for_account (str | Unset):
        body (PageDetailRequest): A request for one page of a listing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ProblemDetails | TaskSummaryOutputPage]
    """

    kwargs = _get_kwargs(
        body=body,
        qarnot_read_only_request_for_account=qarnot_read_only_request_for_account,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: PageDetailRequest,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> ErrorResponse | ProblemDetails | TaskSummaryOutputPage | None:
    """Get one page of task summaries

     Sortable on `creationDate`, `executionTime`, `name` and `state`.

    Args:
        qarnot_read_only_request_for_account (str | Unset):
        body (PageDetailRequest): A request for one page of a listing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ProblemDetails | TaskSummaryOutputPage
    """

    return sync_detailed(
        client=client,
        body=body,
        qarnot_read_only_request_for_account=qarnot_read_only_request_for_account,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PageDetailRequest,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> Response[ErrorResponse | ProblemDetails | TaskSummaryOutputPage]:
    """Get one page of task summaries

     Sortable on `creationDate`, `executionTime`, `name` and `state`.

    Args:
        qarnot_read_only_request_for_account (str | Unset):
        body (PageDetailRequest): A request for one page of a listing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ProblemDetails | TaskSummaryOutputPage]
    """

    kwargs = _get_kwargs(
        body=body,
        qarnot_read_only_request_for_account=qarnot_read_only_request_for_account,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PageDetailRequest,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> ErrorResponse | ProblemDetails | TaskSummaryOutputPage | None:
    """Get one page of task summaries

     Sortable on `creationDate`, `executionTime`, `name` and `state`.

    Args:
        qarnot_read_only_request_for_account (str | Unset):
        body (PageDetailRequest): A request for one page of a listing.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ProblemDetails | TaskSummaryOutputPage
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            qarnot_read_only_request_for_account=qarnot_read_only_request_for_account,
        )
    ).parsed
