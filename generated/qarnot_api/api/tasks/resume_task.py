from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.id_output import IdOutput
from ...models.problem_details import ProblemDetails
from ...models.task_resume_input import TaskResumeInput
from ...types import Response


def _get_kwargs(
    task_uuid: str,
    *,
    body: TaskResumeInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/tasks/{task_uuid}/resume".format(
            task_uuid=quote(str(task_uuid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | IdOutput | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = IdOutput.from_dict(response.json())

        return response_200

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
) -> Response[ErrorResponse | IdOutput | ProblemDetails]:
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
    body: TaskResumeInput,
) -> Response[ErrorResponse | IdOutput | ProblemDetails]:
    """Rerun the cancelled instances of a task as a new task

     Fields given in the body replace the original's.

    Args:
        task_uuid (str):
        body (TaskResumeInput): Fields of the new task (which reruns the cancelled instances) that
            differ from the original.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | IdOutput | ProblemDetails]
    """

    kwargs = _get_kwargs(
        task_uuid=task_uuid,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    task_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    body: TaskResumeInput,
) -> ErrorResponse | IdOutput | ProblemDetails | None:
    """Rerun the cancelled instances of a task as a new task

     Fields given in the body replace the original's.

    Args:
        task_uuid (str):
        body (TaskResumeInput): Fields of the new task (which reruns the cancelled instances) that
            differ from the original.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | IdOutput | ProblemDetails
    """

    return sync_detailed(
        task_uuid=task_uuid,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    task_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    body: TaskResumeInput,
) -> Response[ErrorResponse | IdOutput | ProblemDetails]:
    """Rerun the cancelled instances of a task as a new task

     Fields given in the body replace the original's.

    Args:
        task_uuid (str):
        body (TaskResumeInput): Fields of the new task (which reruns the cancelled instances) that
            differ from the original.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | IdOutput | ProblemDetails]
    """

    kwargs = _get_kwargs(
        task_uuid=task_uuid,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    task_uuid: str,
    *,
    client: AuthenticatedClient | Client,
    body: TaskResumeInput,
) -> ErrorResponse | IdOutput | ProblemDetails | None:
    """Rerun the cancelled instances of a task as a new task

     Fields given in the body replace the original's.

    Args:
        task_uuid (str):
        body (TaskResumeInput): Fields of the new task (which reruns the cancelled instances) that
            differ from the original.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | IdOutput | ProblemDetails
    """

    return (
        await asyncio_detailed(
            task_uuid=task_uuid,
            client=client,
            body=body,
        )
    ).parsed
