from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bulk_task_result import BulkTaskResult
from ...models.error_response import ErrorResponse
from ...models.id_output import IdOutput
from ...models.problem_details import ProblemDetails
from ...models.task_creation_input import TaskCreationInput
from ...types import Response


def _get_kwargs(
    *,
    body: list[TaskCreationInput] | TaskCreationInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/tasks",
    }

    if isinstance(body, TaskCreationInput):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = []
        for componentsschemas_task_creation_input_list_item_data in body:
            componentsschemas_task_creation_input_list_item = (
                componentsschemas_task_creation_input_list_item_data.to_dict()
            )
            _kwargs["json"].append(componentsschemas_task_creation_input_list_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | IdOutput | list[BulkTaskResult] | ProblemDetails | list[BulkTaskResult] | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> IdOutput | list[BulkTaskResult]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = IdOutput.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            response_200_type_1 = []
            _response_200_type_1 = data
            for componentsschemas_bulk_task_results_item_data in _response_200_type_1:
                componentsschemas_bulk_task_results_item = BulkTaskResult.from_dict(
                    componentsschemas_bulk_task_results_item_data
                )

                response_200_type_1.append(componentsschemas_bulk_task_results_item)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 207:
        response_207 = []
        _response_207 = response.json()
        for componentsschemas_bulk_task_results_item_data in _response_207:
            componentsschemas_bulk_task_results_item = BulkTaskResult.from_dict(
                componentsschemas_bulk_task_results_item_data
            )

            response_207.append(componentsschemas_bulk_task_results_item)

        return response_207

    if response.status_code == 400:
        response_400 = ProblemDetails.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = ErrorResponse.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

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
) -> Response[ErrorResponse | IdOutput | list[BulkTaskResult] | ProblemDetails | list[BulkTaskResult]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: list[TaskCreationInput] | TaskCreationInput,
) -> Response[ErrorResponse | IdOutput | list[BulkTaskResult] | ProblemDetails | list[BulkTaskResult]]:
    """Create one task, or several at once

     With one task, answers its uuid and sets `Location`. With an array, answers one `BulkTaskResult` per
    task in submission order (200 when all succeeded, 207 when some failed) and leaves `Location` unset.

    Args:
        body (list[TaskCreationInput] | TaskCreationInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | IdOutput | list[BulkTaskResult] | ProblemDetails | list[BulkTaskResult]]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: list[TaskCreationInput] | TaskCreationInput,
) -> ErrorResponse | IdOutput | list[BulkTaskResult] | ProblemDetails | list[BulkTaskResult] | None:
    """Create one task, or several at once

     With one task, answers its uuid and sets `Location`. With an array, answers one `BulkTaskResult` per
    task in submission order (200 when all succeeded, 207 when some failed) and leaves `Location` unset.

    Args:
        body (list[TaskCreationInput] | TaskCreationInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | IdOutput | list[BulkTaskResult] | ProblemDetails | list[BulkTaskResult]
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: list[TaskCreationInput] | TaskCreationInput,
) -> Response[ErrorResponse | IdOutput | list[BulkTaskResult] | ProblemDetails | list[BulkTaskResult]]:
    """Create one task, or several at once

     With one task, answers its uuid and sets `Location`. With an array, answers one `BulkTaskResult` per
    task in submission order (200 when all succeeded, 207 when some failed) and leaves `Location` unset.

    Args:
        body (list[TaskCreationInput] | TaskCreationInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | IdOutput | list[BulkTaskResult] | ProblemDetails | list[BulkTaskResult]]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: list[TaskCreationInput] | TaskCreationInput,
) -> ErrorResponse | IdOutput | list[BulkTaskResult] | ProblemDetails | list[BulkTaskResult] | None:
    """Create one task, or several at once

     With one task, answers its uuid and sets `Location`. With an array, answers one `BulkTaskResult` per
    task in submission order (200 when all succeeded, 207 when some failed) and leaves `Location` unset.

    Args:
        body (list[TaskCreationInput] | TaskCreationInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | IdOutput | list[BulkTaskResult] | ProblemDetails | list[BulkTaskResult]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
