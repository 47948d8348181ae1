"""The emulator's S3 endpoint: a gateway in front of moto that gives each tenant its own buckets.

moto accepts any credentials and shares one bucket namespace between all callers. The gateway makes
storage behave like the platform's:

* **credentials**: access key = the tenant's email, secret key = its API token. The AWS Signature V4
  of every request (``Authorization`` header, or presigned query) is recomputed and compared; an
  unknown key is ``InvalidAccessKeyId``, a wrong token ``SignatureDoesNotMatch`` (both 403). Request
  time is not checked against the clock (the emulated clock may run fast).
* **ownership**: the tenant that creates a bucket owns it. Names stay global, as on S3 and Ceph:
  creating a name someone else owns is ``BucketAlreadyExists`` (409). Any other request on another
  tenant's bucket is ``AccessDenied`` (403); ``ListBuckets`` shows only the caller's buckets.
  Buckets created behind the gateway's back (directly in moto) belong to nobody and are refused the
  same way, except that creating one through the gateway claims it.
* moto's own API (``/moto-api/…``) is not reachable through the gateway.

Only path-style addressing is supported (``http://host:port/bucket/key``).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, Final
from urllib.parse import quote, unquote

import anyio.to_thread
import httpx

from qarnot_ext.emulator._state import EmulatorState
from qarnot_ext.emulator._storage import BucketRegistry, MotoServer, release_deleted_objects

__all__ = ["S3Gateway", "SignatureError", "verify_sigv4"]

_log = logging.getLogger("qarnot_ext.emulator")
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

_ALGORITHM: Final = "AWS4-HMAC-SHA256"
_HOP_BY_HOP: Final = frozenset({"host", "content-length", "connection", "transfer-encoding", "keep-alive"})
_S3_NS: Final = "http://s3.amazonaws.com/doc/2006-03-01/"
# Bucket sub-resources: a PUT on the bucket with one of these is not a CreateBucket.
_SUBRESOURCES: Final = frozenset(
    {
        "acl",
        "cors",
        "lifecycle",
        "policy",
        "tagging",
        "versioning",
        "website",
        "logging",
        "notification",
        "encryption",
        "replication",
        "object-lock",
        "ownershipControls",
        "publicAccessBlock",
        "accelerate",
        "requestPayment",
        "inventory",
        "metrics",
        "analytics",
        "intelligent-tiering",
    }
)


class SignatureError(Exception):
    """A request's credentials are missing or wrong; ``code`` is the S3 error code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _hmac(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode(), hashlib.sha256).digest()


def _canonical_query(pairs: list[tuple[str, str]]) -> str:
    encoded = sorted((quote(unquote(k), safe="-_.~"), quote(unquote(v), safe="-_.~")) for k, v in pairs)
    return "&".join(f"{k}={v}" for k, v in encoded)


def _split_query(raw_query: str) -> list[tuple[str, str]]:
    pairs = []
    for item in raw_query.split("&"):
        if item:
            key, _, value = item.partition("=")
            pairs.append((key, value))
    return pairs


def verify_sigv4(
    method: str,
    raw_path: str,
    raw_query: str,
    headers: dict[str, list[str]],
    body: bytes,
    secret_for: Callable[[str], str | None],
) -> str:
    """Check the Signature V4 of an S3 request; return the access key (raises :class:`SignatureError`).

    ``headers`` maps lower-case names to their values; ``secret_for`` returns the secret of an
    access key (``None`` when the key is unknown).
    """
    pairs = _split_query(raw_query)
    params = {unquote(k): unquote(v) for k, v in pairs}
    authorization = (headers.get("authorization") or [""])[0]
    if authorization.startswith(_ALGORITHM + " "):
        fields: dict[str, str] = {}
        for part in authorization[len(_ALGORITHM) + 1 :].split(","):
            name, _, value = part.strip().partition("=")
            fields[name] = value
        credential = fields.get("Credential", "")
        signed = fields.get("SignedHeaders", "")
        signature = fields.get("Signature", "")
        amz_date = (headers.get("x-amz-date") or headers.get("date") or [""])[0]
        payload = (headers.get("x-amz-content-sha256") or [""])[0] or hashlib.sha256(body).hexdigest()
        query_pairs = pairs
    elif params.get("X-Amz-Algorithm") == _ALGORITHM:
        credential = params.get("X-Amz-Credential", "")
        signed = params.get("X-Amz-SignedHeaders", "")
        signature = params.get("X-Amz-Signature", "")
        amz_date = params.get("X-Amz-Date", "")
        payload = "UNSIGNED-PAYLOAD"
        query_pairs = [(k, v) for k, v in pairs if unquote(k) != "X-Amz-Signature"]
    elif authorization.startswith("AWS "):
        raise SignatureError("InvalidRequest", "Signature Version 2 is not supported; use s3v4")
    else:
        raise SignatureError("AccessDenied", "Anonymous access is not allowed")
    access_key, _, scope = credential.partition("/")
    scope_parts = scope.split("/")
    if not access_key or len(scope_parts) != 4 or not signed or not signature or not amz_date:
        raise SignatureError("AuthorizationHeaderMalformed", "The authorization information is incomplete")
    secret = secret_for(access_key)
    if secret is None:
        raise SignatureError(
            "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records."
        )
    names = signed.split(";")
    canonical_headers = "".join(
        f"{name}:{','.join(' '.join(v.split()) for v in headers.get(name, []))}\n" for name in names
    )
    canonical_request = "\n".join(
        [method, raw_path or "/", _canonical_query(query_pairs), canonical_headers, signed, payload]
    )
    string_to_sign = "\n".join(
        [_ALGORITHM, amz_date, scope, hashlib.sha256(canonical_request.encode()).hexdigest()]
    )
    key = ("AWS4" + secret).encode()
    for part in scope_parts:
        key = _hmac(key, part)
    expected = hmac.new(key, string_to_sign.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise SignatureError(
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided.",
        )
    return access_key


def _error(
    status: int, code: str, message: str, resource: str = ""
) -> tuple[int, list[tuple[str, str]], bytes]:
    request_id = uuid.uuid4().hex[:16].upper()
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<Error><Code>{code}</Code><Message>{_xml_escape(message)}</Message>"
        f"<Resource>{_xml_escape(resource)}</Resource><RequestId>{request_id}</RequestId></Error>"
    ).encode()
    return status, [("content-type", "application/xml"), ("x-amz-request-id", request_id)], body


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _filter_buckets(data: bytes, keep: set[str]) -> bytes:
    """Drop other tenants' buckets from a ListBuckets reply."""
    root = ET.fromstring(data)  # noqa: S314 - moto's reply, not user input
    for buckets in root.iter(f"{{{_S3_NS}}}Buckets"):
        for bucket in list(buckets):
            name = bucket.find(f"{{{_S3_NS}}}Name")
            if name is None or name.text not in keep:
                buckets.remove(bucket)
    ET.register_namespace("", _S3_NS)
    data_out: bytes = ET.tostring(root, xml_declaration=True, encoding="UTF-8")
    return data_out


class S3Gateway:
    """ASGI app: authenticates S3 requests, enforces bucket ownership and forwards to moto."""

    def __init__(self, state: EmulatorState, moto: MotoServer, buckets: BucketRegistry) -> None:
        self.state = state
        self.moto = moto
        self.buckets = buckets
        self._client: httpx.AsyncClient | None = None
        self._deletes_since_release = 0

    async def aclose(self) -> None:
        """Close the connection pool to moto."""
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def _secret(self, access_key: str) -> str | None:
        account = self.state.accounts.get(access_key.lower())
        return account.tenant.token if account is not None else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":  # pragma: no cover - no websockets on S3
            return
        body = bytearray()
        while True:
            message = await receive()
            body.extend(message.get("body", b""))
            if not message.get("more_body"):
                break
        status, headers, data = await self._handle(scope, bytes(body))
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers],
            }
        )
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else data})

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _handle(self, scope: Scope, body: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
        method = scope["method"]
        raw_path = (scope.get("raw_path") or scope["path"].encode()).decode("latin-1")
        raw_query = scope.get("query_string", b"").decode("latin-1")
        headers: dict[str, list[str]] = {}
        for key, value in scope.get("headers", []):
            headers.setdefault(key.decode("latin-1").lower(), []).append(value.decode("latin-1"))
        if raw_path.startswith("/moto-api"):
            return _error(403, "AccessDenied", "Access Denied", raw_path)
        try:
            access_key = verify_sigv4(method, raw_path, raw_query, headers, body, self._secret)
        except SignatureError as exc:
            return _error(
                400 if exc.code in ("InvalidRequest", "AuthorizationHeaderMalformed") else 403,
                exc.code,
                exc.message,
            )
        email = access_key.lower()
        segments = raw_path.lstrip("/").split("/", 1)
        bucket = unquote(segments[0]) if segments[0] else ""
        has_key = len(segments) > 1 and segments[1] != ""
        query_keys = {unquote(k) for k, _ in _split_query(raw_query)}
        creating = method == "PUT" and bucket and not has_key and not (query_keys & _SUBRESOURCES)
        if bucket:
            owner = self.buckets.owner(bucket)
            if creating and owner is None:
                account = self.state.accounts[email]
                if len(self.buckets.owned_by(email)) >= account.tenant.max_buckets:
                    return _error(
                        400,
                        "TooManyBuckets",
                        "You have attempted to create more buckets than allowed",
                        bucket,
                    )
                if not self.buckets.claim(bucket, email):
                    return _error(
                        409, "BucketAlreadyExists", "The requested bucket name is not available", bucket
                    )
                result = await self._forward(method, raw_path, raw_query, headers, body)
                if result[0] >= 300:
                    self.buckets.release(bucket)
                return result
            if owner is None:
                return _error(404, "NoSuchBucket", "The specified bucket does not exist", bucket)
            if owner != email:
                if creating:
                    return _error(
                        409, "BucketAlreadyExists", "The requested bucket name is not available", bucket
                    )
                return _error(403, "AccessDenied", "Access Denied", bucket)
            result = await self._forward(method, raw_path, raw_query, headers, body)
            if method == "DELETE" and not has_key and not query_keys and result[0] == 204:
                self.buckets.release(bucket)
            if result[0] < 300 and (method == "DELETE" or (method == "POST" and "delete" in query_keys)):
                await self._deleted(bulk=not has_key or method == "POST")
            return result
        result = await self._forward(method, raw_path, raw_query, headers, body)
        if method == "GET" and result[0] == 200 and not query_keys:
            status, response_headers, data = result
            filtered = _filter_buckets(data, set(self.buckets.owned_by(email)))
            response_headers = [(k, v) for k, v in response_headers if k.lower() != "content-length"]
            return status, [*response_headers, ("content-length", str(len(filtered)))], filtered
        return result

    async def _deleted(self, *, bulk: bool) -> None:
        """After deletions, let moto release what it still holds (``release_deleted_objects``).

        At once after a bucket or a batch is deleted, every 50 single deletions otherwise; only for
        the moto server started in this process (another process's moto is not ours to prune).
        """
        self._deletes_since_release += 1
        if not self.moto.in_process or (not bulk and self._deletes_since_release < 50):
            return
        self._deletes_since_release = 0
        await anyio.to_thread.run_sync(release_deleted_objects)

    async def _forward(
        self, method: str, raw_path: str, raw_query: str, headers: dict[str, list[str]], body: bytes
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        if self._client is None:
            base = await anyio.to_thread.run_sync(self.moto.wait)
            self._client = httpx.AsyncClient(base_url=base, timeout=60.0)
        forwarded = [(k, v) for k, values in headers.items() if k not in _HOP_BY_HOP for v in values]
        url = raw_path + (f"?{raw_query}" if raw_query else "")
        request = self._client.build_request(method, url, headers=forwarded, content=body)
        response = await self._client.send(request, stream=True)
        try:
            # Raw bytes: an object stored with Content-Encoding: gzip must not be decoded on the way.
            data = b"".join([chunk async for chunk in response.aiter_raw()])
        finally:
            await response.aclose()
        out_headers = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in _HOP_BY_HOP]
        if method != "HEAD":
            out_headers.append(("content-length", str(len(data))))
        elif "content-length" in response.headers:
            out_headers.append(("content-length", response.headers["content-length"]))
        return response.status_code, out_headers, data
