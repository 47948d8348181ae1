"""The emulator over real HTTP on loopback, with its S3 endpoint (moto behind the tenant gateway)."""

from __future__ import annotations

import io
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import boto3
import httpx
import pytest
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import ClientError

from qarnot_ext._ranges import InstanceStates
from qarnot_ext.emulator import Emulator, Tenant
from qarnot_ext.emulator.__main__ import main
from tests.emulator._emulator_helpers import task_body

SECRET = "do-not-print-me-9f2c"


def s3(emulator: Emulator, email: str, token: str) -> Any:
    """A boto3 S3 client as a Qarnot user configures it (access key = email, secret = API token)."""
    return boto3.client(
        "s3",
        endpoint_url=emulator.storage_url,
        aws_access_key_id=email,
        aws_secret_access_key=token,
        region_name="us-east-1",
        config=Config(
            s3={"addressing_style": "path"},
            signature_version="s3v4",
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
            retries={"max_attempts": 1},
        ),
    )


def api(emulator: Emulator, tenant: Tenant) -> httpx.Client:
    return httpx.Client(base_url=emulator.url, headers={"Authorization": tenant.token}, timeout=30)


def error_code(exc: ClientError) -> str:
    return str(exc.response["Error"]["Code"])


def test_urls_and_defaults(live: Emulator) -> None:
    assert live.url.startswith("http://127.0.0.1:")
    assert live.url.endswith("/v1")
    assert live.storage_url is not None
    assert live.storage_url.startswith("http://127.0.0.1:")
    assert httpx.get(f"{live.url}/settings").json() == {"storage": live.storage_url}
    assert httpx.get(f"{live.url}/tasks", headers={"Authorization": live.token}).status_code == 200
    assert httpx.get(f"{live.root_url}/tasks").status_code == 401
    assert live.token not in repr(live)


def _server_side_nodelay(emulator: Emulator, client: socket.socket) -> list[int]:
    """TCP_NODELAY as set on the emulator's end of ``client``'s connection (one entry per match)."""
    mine = client.getsockname()
    found = []
    # uvicorn's live connections; copied with a retry since the server thread may add one meanwhile.
    for server in emulator._servers:
        for _ in range(100):
            try:
                connections = list(server.server_state.connections)
                break
            except RuntimeError:  # pragma: no cover - the set changed size while being copied
                continue
        for connection in connections:
            sock = connection.transport.get_extra_info("socket")
            if sock is not None and sock.getpeername() == mine:
                found.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
    return found


def test_json_answers_are_not_delayed(live: Emulator) -> None:
    # Without TCP_NODELAY a response written as headers then body waited ~40 ms for a delayed ACK. The
    # option is checked on the server's end of a live connection rather than timed (a wall-clock bound
    # flakes on a loaded machine); both the API and the S3 endpoint serve through the same setup.
    assert live.storage_url is not None
    for url in (live.url, live.storage_url):
        host, port = httpx.URL(url).host, httpx.URL(url).port
        assert port is not None
        with socket.create_connection((host, port), timeout=10) as client:
            client.sendall(f"GET / HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
            assert client.recv(64).startswith(b"HTTP/1.1 ")  # answered: the connection is registered
            assert len(_server_side_nodelay(live, client)) == 1, url
            assert _server_side_nodelay(live, client)[0] != 0, url


def test_refuses_non_loopback_without_flag() -> None:
    with pytest.raises(ValueError, match="loopback"):
        Emulator(host="0.0.0.0")
    with pytest.raises(ValueError, match="loopback"):
        Emulator(host="192.0.2.1")


def test_not_started_has_no_urls() -> None:
    emulator = Emulator(storage=False)
    with pytest.raises(RuntimeError, match="not running"):
        _ = emulator.url
    assert emulator.storage_url is None


def test_buckets_are_per_tenant(live: Emulator, new_tenant: Callable[..., Tenant]) -> None:
    ann, ben = new_tenant(), new_tenant()
    ann_s3, ben_s3 = s3(live, ann.email, ann.token), s3(live, ben.email, ben.token)
    ann_s3.create_bucket(Bucket="ann-data")
    ann_s3.put_object(Bucket="ann-data", Key="in/a.txt", Body=b"hello")
    ben_s3.create_bucket(Bucket="ben-data")
    assert [b["Name"] for b in ann_s3.list_buckets()["Buckets"]] == ["ann-data"]
    assert [b["Name"] for b in ben_s3.list_buckets()["Buckets"]] == ["ben-data"]
    attempts: tuple[Callable[[], Any], ...] = (
        lambda: ben_s3.get_object(Bucket="ann-data", Key="in/a.txt"),
        lambda: ben_s3.list_objects_v2(Bucket="ann-data"),
        lambda: ben_s3.put_object(Bucket="ann-data", Key="x", Body=b"x"),
        lambda: ben_s3.delete_bucket(Bucket="ann-data"),
    )
    for attempt in attempts:
        with pytest.raises(ClientError) as denied:
            attempt()
        assert error_code(denied.value) in ("AccessDenied", "403")
    with pytest.raises(ClientError) as taken:
        ben_s3.create_bucket(Bucket="ann-data")  # names are global, as on S3 and Ceph
    assert error_code(taken.value) == "BucketAlreadyExists"
    with pytest.raises(ClientError) as missing:
        ann_s3.list_objects_v2(Bucket="nobody-has-this")
    assert error_code(missing.value) == "NoSuchBucket"
    assert ann_s3.get_object(Bucket="ann-data", Key="in/a.txt")["Body"].read() == b"hello"
    ann_s3.delete_object(Bucket="ann-data", Key="in/a.txt")
    ann_s3.delete_bucket(Bucket="ann-data")
    ben_s3.create_bucket(Bucket="ann-data")  # free again once deleted
    assert sorted(b["Name"] for b in ben_s3.list_buckets()["Buckets"]) == ["ann-data", "ben-data"]


def test_storage_credentials_are_checked(live: Emulator, new_tenant: Callable[..., Tenant]) -> None:
    ann = new_tenant()
    with pytest.raises(ClientError) as wrong:
        s3(live, ann.email, "not-the-token").list_buckets()
    assert error_code(wrong.value) == "SignatureDoesNotMatch"
    with pytest.raises(ClientError) as unknown:
        s3(live, "stranger@example.com", ann.token).list_buckets()
    assert error_code(unknown.value) == "InvalidAccessKeyId"
    anonymous = httpx.get(f"{live.storage_url}/")
    assert anonymous.status_code == 403
    assert b"AccessDenied" in anonymous.content
    assert httpx.post(f"{live.storage_url}/moto-api/reset").status_code == 403
    client = s3(live, ann.email, ann.token)
    client.create_bucket(Bucket="ann-presigned")
    client.put_object(Bucket="ann-presigned", Key="k", Body=b"v")
    url = client.generate_presigned_url("get_object", Params={"Bucket": "ann-presigned", "Key": "k"})
    assert httpx.get(url).content == b"v"
    assert httpx.get(url.replace("Signature=", "Signature=0")).status_code == 403


def test_demo_flow_over_http(live: Emulator, new_tenant: Callable[..., Tenant]) -> None:
    """What ``make demo`` does: inputs, a failing 10-instance task with a secret, retry, results."""
    user = new_tenant()
    storage = s3(live, user.email, user.token)
    storage.create_bucket(Bucket=f"in-{user.email.split('@')[0]}")
    inputs = f"in-{user.email.split('@')[0]}"
    storage.put_object(Bucket=inputs, Key="data/a.txt", Body=b"12345")
    storage.put_object(Bucket=inputs, Key="data/b.txt", Body=b"123")
    storage.put_object(Bucket=inputs, Key="other/skip.txt", Body=b"x")
    results = f"out-{user.email.split('@')[0]}"
    body = task_body(
        name="demo",
        instanceCount=10,
        tags=["demo"],
        constants=[
            {"key": "QARNOT_SECRET__API_KEY", "value": SECRET},
            {"key": "EMULATOR_FAIL_INSTANCES", "value": "3,7"},
        ],
        advancedResourceBuckets=[
            {
                "bucketName": inputs,
                "filtering": {"prefixFiltering": {"prefix": "data/"}},
                "resourcesTransformation": {"stripPrefix": {"prefix": "data/"}},
            }
        ],
        resultsBucket=results,
        resultsBucketPrefix="run-1/",
        resultsBlacklist=r"^logs/",
    )
    with api(live, user) as client:
        created = client.post("/tasks", json=body)
        assert created.status_code == 200, created.text
        uuid = created.json()["uuid"]
        found = client.post(
            "/tasks/paginate", json={"filter": {"field": "Tags", "operator": "Equal", "value": "demo"}}
        )
        assert [t["uuid"] for t in found.json()["data"]] == [uuid]
        live.advance(3)
        fresh = client.post(f"/tasks/{uuid}/stdout").text
        assert "Found 2 resource file(s), 8 bytes" in fresh
        assert SECRET not in fresh
        storage.put_object(Bucket=inputs, Key="data/c.txt", Body=b"12")
        assert client.patch(f"/tasks/{uuid}").status_code == 200  # the running task sees the new file
        assert "Resources updated: 3 file(s), 10 bytes" in client.post(f"/tasks/{uuid}/stdout").text
        live.advance(4)
        task = client.get(f"/tasks/{uuid}").json()
        assert task["state"] == "Failure"
        assert str(InstanceStates.of(task).failed) == "3,7"
        assert task["resultsCount"] == 10  # one output per instance; the logs are black-listed
        retry = client.post(
            f"/tasks/{uuid}/retry", json={"constants": [{"key": "EMULATOR_FAIL_INSTANCES", "value": ""}]}
        )
        assert retry.status_code == 200
        retried = retry.json()["uuid"]
        live.advance(7)
        again = client.get(f"/tasks/{retried}").json()
        assert (again["state"], again["advancedRanges"]) == ("Success", "3,7")
    keys = sorted(o["Key"] for o in storage.list_objects_v2(Bucket=results)["Contents"])
    assert keys == sorted(f"run-1/output-{i}.txt" for i in range(10))
    first = storage.get_object(Bucket=results, Key="run-1/output-0.txt")["Body"].read().decode()
    assert "inputs: 3 file(s), 10 bytes" in first
    retried_output = storage.get_object(Bucket=results, Key="run-1/output-3.txt")["Body"].read().decode()
    assert "status: success" in retried_output
    assert "  a.txt 5" in retried_output
    assert SECRET not in first + retried_output
    assert [b["Name"] for b in storage.list_buckets()["Buckets"]] == sorted([inputs, results])


def test_tasks_cannot_use_other_tenants_buckets(live: Emulator, new_tenant: Callable[..., Tenant]) -> None:
    ann, ben = new_tenant(), new_tenant()
    s3(live, ann.email, ann.token).create_bucket(Bucket=f"private-{ann.email.split('@')[0]}")
    private = f"private-{ann.email.split('@')[0]}"
    with api(live, ben) as client:
        reads = client.post("/tasks", json=task_body(resourceBuckets=[private])).json()["uuid"]
        writes = client.post("/tasks", json=task_body(resultsBucket=private)).json()["uuid"]
        live.advance(7)
        read_task = client.get(f"/tasks/{reads}").json()
        assert (read_task["state"], read_task["errors"][0]["code"]) == ("Failure", "BucketNotFound")
        write_task = client.get(f"/tasks/{writes}").json()
        assert (write_task["state"], write_task["errors"][0]["code"]) == ("Failure", "ResultsUploadFailed")
    assert "Contents" not in s3(live, ann.email, ann.token).list_objects_v2(Bucket=private)


def test_user_info_counts_storage(live: Emulator, new_tenant: Callable[..., Tenant]) -> None:
    ann = new_tenant()
    client_s3 = s3(live, ann.email, ann.token)
    client_s3.create_bucket(Bucket=f"quota-{ann.email.split('@')[0]}")
    client_s3.put_object(Bucket=f"quota-{ann.email.split('@')[0]}", Key="k", Body=b"x" * 1000)
    with api(live, ann) as client:
        assert client.get("/info").json()["usedQuotaBytes"] == 1000


def test_real_time_clock() -> None:
    with Emulator(speed=20, storage=False) as emulator, api(emulator, emulator.tenants[0]) as client:
        uuid = client.post("/tasks", json=task_body()).json()["uuid"]
        deadline = time.monotonic() + 20
        state = ""
        while time.monotonic() < deadline:
            state = client.get(f"/tasks/{uuid}").json()["state"]
            if state == "Success":
                break
            time.sleep(0.05)
        assert state == "Success"
        emulator.advance(3600)  # skipping ahead works on a running clock too
        assert client.get(f"/tasks/{uuid}").json()["state"] == "Success"


def test_command_line() -> None:
    command = [
        sys.executable,
        "-m",
        "qarnot_ext.emulator",
        "serve",
        "--tenant",
        "cli@example.com:cli-token",
        "--no-storage",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        banner = [process.stdout.readline() for _ in range(6)]
        api_line = next(line for line in banner if line.strip().startswith("api:"))
        url = api_line.split()[1]
        assert httpx.get(f"{url}/tasks", headers={"Authorization": "cli-token"}).json() == []
        assert "cli-token" not in "".join(banner)
        assert "storage:  disabled" in "".join(banner)
    finally:
        process.terminate()
        _out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err


def test_command_line_refusals(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--host", "0.0.0.0", "--no-storage"]) == 2
    assert "loopback" in capsys.readouterr().err
    assert main(["--tenant", "no-colon", "--no-storage"]) == 2
    assert "EMAIL:TOKEN" in capsys.readouterr().err
    assert main(["--read-access", "a@b.c:d@e.f", "--no-storage"]) == 2
    assert "unknown tenants" in capsys.readouterr().err


def test_default_boto3_settings_unicode_keys_and_multipart(
    live: Emulator, new_tenant: Callable[..., Tenant]
) -> None:
    # boto3's defaults (checksums, aws-chunked bodies) rather than the Ceph-friendly ones above.
    ann = new_tenant()
    client = boto3.client(
        "s3",
        endpoint_url=live.storage_url,
        aws_access_key_id=ann.email,
        aws_secret_access_key=ann.token,
        region_name="us-east-1",
        config=Config(s3={"addressing_style": "path"}),
    )
    bucket = f"multi-{ann.email.split('@')[0]}"
    client.create_bucket(Bucket=bucket)
    client.put_object(Bucket=bucket, Key="a b/ç+%.txt", Body=b"x" * 10)
    assert client.get_object(Bucket=bucket, Key="a b/ç+%.txt")["Body"].read() == b"x" * 10
    big = b"y" * (6 * 1024 * 1024)
    five = 5 * 1024 * 1024
    client.upload_fileobj(
        io.BytesIO(big),
        bucket,
        "big.bin",
        Config=TransferConfig(multipart_threshold=five, multipart_chunksize=five),
    )
    assert client.head_object(Bucket=bucket, Key="big.bin")["ContentLength"] == len(big)


def test_a_new_emulator_in_the_same_process_starts_with_no_buckets() -> None:
    import boto3
    from botocore.config import Config

    from qarnot_ext.emulator import Emulator

    def s3(emu: Emulator) -> Any:
        return boto3.client(
            "s3",
            endpoint_url=emu.storage_url,
            aws_access_key_id=emu.email,
            aws_secret_access_key=emu.token,
            region_name="us-east-1",
            config=Config(s3={"addressing_style": "path"}),
        )

    with Emulator() as first:
        client = s3(first)
        client.create_bucket(Bucket="left-behind")
        client.put_object(Bucket="left-behind", Key="k", Body=b"v")
    with Emulator() as second:
        names = [b["Name"] for b in s3(second).list_buckets().get("Buckets", [])]
    assert names == []
