from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cpu_model_hardware_constraint import CpuModelHardwareConstraint
from ...models.error_response import ErrorResponse
from ...models.gpu_hardware_constraint import GpuHardwareConstraint
from ...models.maximum_core_hardware_constraint import MaximumCoreHardwareConstraint
from ...models.maximum_ram_core_ratio_hardware_constraint import MaximumRamCoreRatioHardwareConstraint
from ...models.maximum_ram_hardware_constraint import MaximumRamHardwareConstraint
from ...models.minimum_core_hardware_constraint import MinimumCoreHardwareConstraint
from ...models.minimum_ram_core_ratio_hardware_constraint import MinimumRamCoreRatioHardwareConstraint
from ...models.minimum_ram_hardware_constraint import MinimumRamHardwareConstraint
from ...models.no_gpu_hardware_constraint import NoGpuHardwareConstraint
from ...models.no_ssd_hardware_constraint import NoSSDHardwareConstraint
from ...models.problem_details import ProblemDetails
from ...models.specific_hardware_constraint import SpecificHardwareConstraint
from ...models.ssd_hardware_constraint import SSDHardwareConstraint
from ...models.unknown_hardware_constraint import UnknownHardwareConstraint
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cpu_model: str,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(qarnot_read_only_request_for_account, Unset):
        headers["QarnotReadOnlyRequestForAccount"] = qarnot_read_only_request_for_account

    params: dict[str, Any] = {}

    params["cpuModel"] = cpu_model

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/hardware-constraints/cpu-model-constraints/search",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ErrorResponse
    | ProblemDetails
    | list[
        CpuModelHardwareConstraint
        | GpuHardwareConstraint
        | MaximumCoreHardwareConstraint
        | MaximumRamCoreRatioHardwareConstraint
        | MaximumRamHardwareConstraint
        | MinimumCoreHardwareConstraint
        | MinimumRamCoreRatioHardwareConstraint
        | MinimumRamHardwareConstraint
        | NoGpuHardwareConstraint
        | NoSSDHardwareConstraint
        | SpecificHardwareConstraint
        | SSDHardwareConstraint
        | UnknownHardwareConstraint
    ]
    | None
):
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:

            def _parse_response_200_item(
                data: object,
            ) -> (
                CpuModelHardwareConstraint
                | GpuHardwareConstraint
                | MaximumCoreHardwareConstraint
                | MaximumRamCoreRatioHardwareConstraint
                | MaximumRamHardwareConstraint
                | MinimumCoreHardwareConstraint
                | MinimumRamCoreRatioHardwareConstraint
                | MinimumRamHardwareConstraint
                | NoGpuHardwareConstraint
                | NoSSDHardwareConstraint
                | SpecificHardwareConstraint
                | SSDHardwareConstraint
                | UnknownHardwareConstraint
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_0 = MinimumCoreHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_1 = MaximumCoreHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_2 = MinimumRamHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_3 = MaximumRamHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_4 = MinimumRamCoreRatioHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_5 = MaximumRamCoreRatioHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_6 = SpecificHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_7 = CpuModelHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_8 = GpuHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_9 = NoGpuHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_9
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_10 = SSDHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_10
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_hardware_constraint_type_11 = NoSSDHardwareConstraint.from_dict(data)

                    return componentsschemas_hardware_constraint_type_11
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_any_hardware_constraint_type_1 = UnknownHardwareConstraint.from_dict(data)

                return componentsschemas_any_hardware_constraint_type_1

            response_200_item = _parse_response_200_item(response_200_item_data)

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
) -> Response[
    ErrorResponse
    | ProblemDetails
    | list[
        CpuModelHardwareConstraint
        | GpuHardwareConstraint
        | MaximumCoreHardwareConstraint
        | MaximumRamCoreRatioHardwareConstraint
        | MaximumRamHardwareConstraint
        | MinimumCoreHardwareConstraint
        | MinimumRamCoreRatioHardwareConstraint
        | MinimumRamHardwareConstraint
        | NoGpuHardwareConstraint
        | NoSSDHardwareConstraint
        | SpecificHardwareConstraint
        | SSDHardwareConstraint
        | UnknownHardwareConstraint
    ]
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    cpu_model: str,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> Response[
    ErrorResponse
    | ProblemDetails
    | list[
        CpuModelHardwareConstraint
        | GpuHardwareConstraint
        | MaximumCoreHardwareConstraint
        | MaximumRamCoreRatioHardwareConstraint
        | MaximumRamHardwareConstraint
        | MinimumCoreHardwareConstraint
        | MinimumRamCoreRatioHardwareConstraint
        | MinimumRamHardwareConstraint
        | NoGpuHardwareConstraint
        | NoSSDHardwareConstraint
        | SpecificHardwareConstraint
        | SSDHardwareConstraint
        | UnknownHardwareConstraint
    ]
]:
    """Find the CPU-model constraints matching a CPU model name

    Args:
        cpu_model (str):
        qarnot_read_only_request_for_account (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ProblemDetails | list[CpuModelHardwareConstraint | GpuHardwareConstraint | MaximumCoreHardwareConstraint | MaximumRamCoreRatioHardwareConstraint | MaximumRamHardwareConstraint | MinimumCoreHardwareConstraint | MinimumRamCoreRatioHardwareConstraint | MinimumRamHardwareConstraint | NoGpuHardwareConstraint | NoSSDHardwareConstraint | SpecificHardwareConstraint | SSDHardwareConstraint | UnknownHardwareConstraint]]
    """

    kwargs = _get_kwargs(
        cpu_model=cpu_model,
        qarnot_read_only_request_for_account=qarnot_read_only_request_for_account,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    cpu_model: str,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> (
    ErrorResponse
    | ProblemDetails
    | list[
        CpuModelHardwareConstraint
        | GpuHardwareConstraint
        | MaximumCoreHardwareConstraint
        | MaximumRamCoreRatioHardwareConstraint
        | MaximumRamHardwareConstraint
        | MinimumCoreHardwareConstraint
        | MinimumRamCoreRatioHardwareConstraint
        | MinimumRamHardwareConstraint
        | NoGpuHardwareConstraint
        | NoSSDHardwareConstraint
        | SpecificHardwareConstraint
        | SSDHardwareConstraint
        | UnknownHardwareConstraint
    ]
    | None
):
    """Find the CPU-model constraints matching a CPU model name

    Args:
        cpu_model (str):
        qarnot_read_only_request_for_account (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ProblemDetails | list[CpuModelHardwareConstraint | GpuHardwareConstraint | MaximumCoreHardwareConstraint | MaximumRamCoreRatioHardwareConstraint | MaximumRamHardwareConstraint | MinimumCoreHardwareConstraint | MinimumRamCoreRatioHardwareConstraint | MinimumRamHardwareConstraint | NoGpuHardwareConstraint | NoSSDHardwareConstraint | SpecificHardwareConstraint | SSDHardwareConstraint | UnknownHardwareConstraint]
    """

    return sync_detailed(
        client=client,
        cpu_model=cpu_model,
        qarnot_read_only_request_for_account=qarnot_read_only_request_for_account,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    cpu_model: str,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> Response[
    ErrorResponse
    | ProblemDetails
    | list[
        CpuModelHardwareConstraint
        | GpuHardwareConstraint
        | MaximumCoreHardwareConstraint
        | MaximumRamCoreRatioHardwareConstraint
        | MaximumRamHardwareConstraint
        | MinimumCoreHardwareConstraint
        | MinimumRamCoreRatioHardwareConstraint
        | MinimumRamHardwareConstraint
        | NoGpuHardwareConstraint
        | NoSSDHardwareConstraint
        | SpecificHardwareConstraint
        | SSDHardwareConstraint
        | UnknownHardwareConstraint
    ]
]:
    """Find the CPU-model constraints matching a CPU model name

    Args:
        cpu_model (str):
        qarnot_read_only_request_for_account (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ProblemDetails | list[CpuModelHardwareConstraint | GpuHardwareConstraint | MaximumCoreHardwareConstraint | MaximumRamCoreRatioHardwareConstraint | MaximumRamHardwareConstraint | MinimumCoreHardwareConstraint | MinimumRamCoreRatioHardwareConstraint | MinimumRamHardwareConstraint | NoGpuHardwareConstraint | NoSSDHardwareConstraint | SpecificHardwareConstraint | SSDHardwareConstraint | UnknownHardwareConstraint]]
    """

    kwargs = _get_kwargs(
        cpu_model=cpu_model,
        qarnot_read_only_request_for_account=qarnot_read_only_request_for_account,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    cpu_model: str,
    qarnot_read_only_request_for_account: str | Unset = UNSET,
) -> (
    ErrorResponse
    | ProblemDetails
    | list[
        CpuModelHardwareConstraint
        | GpuHardwareConstraint
        | MaximumCoreHardwareConstraint
        | MaximumRamCoreRatioHardwareConstraint
        | MaximumRamHardwareConstraint
        | MinimumCoreHardwareConstraint
        | MinimumRamCoreRatioHardwareConstraint
        | MinimumRamHardwareConstraint
        | NoGpuHardwareConstraint
        | NoSSDHardwareConstraint
        | SpecificHardwareConstraint
        | SSDHardwareConstraint
        | UnknownHardwareConstraint
    ]
    | None
):
    """Find the CPU-model constraints matching a CPU model name

    Args:
        cpu_model (str):
        qarnot_read_only_request_for_account (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ProblemDetails | list[CpuModelHardwareConstraint | GpuHardwareConstraint | MaximumCoreHardwareConstraint | MaximumRamCoreRatioHardwareConstraint | MaximumRamHardwareConstraint | MinimumCoreHardwareConstraint | MinimumRamCoreRatioHardwareConstraint | MinimumRamHardwareConstraint | NoGpuHardwareConstraint | NoSSDHardwareConstraint | SpecificHardwareConstraint | SSDHardwareConstraint | UnknownHardwareConstraint]
    """

    return (
        await asyncio_detailed(
            client=client,
            cpu_model=cpu_model,
            qarnot_read_only_request_for_account=qarnot_read_only_request_for_account,
        )
    ).parsed
