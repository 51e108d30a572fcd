"""FakeSent's shared handler kit: clock, ids, errors, envelopes, paging, checks and scoping.

How FakeSent is put together:

- ``_server.py``: ``FakeSent``, its life-cycle and the pipeline every request goes through
  (request log, latency, faults, authentication, idempotent replays).
- ``_state.py``: ``State``, an attrs class with one field per API family
  (``state.messages``, ``state.contacts``, ...). Families talk to each other through those
  typed stores (``state.contacts.find_by_phone(...)``), never through string keys.
- One module per family (``_messages.py``, ``_contacts.py``, ...): the family's store class
  and its handlers, top-level functions registered on the module's
  ``routes = web.RouteTableDef()``.
- ``_routes.py``: the list of family modules.

Adding an endpoint is one function and one route line in its family's module::

    @routes.get("/v3/things/{thing_id}")
    async def get_thing(request: web.Request) -> web.Response:
        return envelope(find(request))   # find() reads state_of(request).things

Adding a family is one module (``routes``, plus a store class if it keeps state), listed in
``_routes.FAMILIES``, and one field on ``State``. Handlers raise ``ApiFailure`` (``invalid``,
``not_found``) for Sent's error envelopes and answer with ``envelope(data, status)``.
"""

from __future__ import annotations

import datetime
import json
import math
import secrets
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import cattrs
from aiohttp import web

from .. import _converter, _validate
from .._errors import SentValidationError
from ..models import PaginationCursors, PaginationMeta

if TYPE_CHECKING:
    from ._state import State

T = TypeVar("T")
Emit = Callable[[str, "str | None", Mapping[str, Any]], Awaitable[None]]
"""``server.emit``: record a webhook event (field, event, payload) and deliver it."""
STATE: web.AppKey[State] = web.AppKey("fakesent_state")
DEFAULT_PAGE_SIZE = 20


# -- clock and ids -----------------------------------------------------------------------------
def now() -> datetime.datetime:
    """The current time, in UTC."""
    return datetime.datetime.now(datetime.timezone.utc)


def zulu(when: datetime.datetime) -> str:
    """``when`` as Sent writes webhook timestamps: seconds, ``Z`` suffix."""
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def new_id() -> str:
    """A fresh record id (a UUID, as Sent's are)."""
    return str(uuid.uuid4())


def request_id() -> str:
    """A fresh ``req_...`` request id for envelopes and events."""
    return "req_" + secrets.token_hex(6)


# -- errors ------------------------------------------------------------------------------------
class ApiFailure(Exception):
    """Raised by handlers to answer with an error envelope."""

    def __init__(
        self, status: int, code: str, message: str, details: Mapping[str, list[str]] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


def not_found(code: str, what: str) -> ApiFailure:
    return ApiFailure(404, code, f"{what} not found")


def invalid(message: str, field: str | None = None, code: str = "VALIDATION_001") -> ApiFailure:
    return ApiFailure(400, code, message, {field: [message]} if field else None)


# -- envelopes ---------------------------------------------------------------------------------
def meta() -> dict[str, Any]:
    """A fresh envelope ``meta`` block (request id, timestamp, version)."""
    return {"request_id": request_id(), "timestamp": now().isoformat(), "version": "v3"}


def envelope(data: Any, status: int = 200) -> web.Response:
    """A success envelope; attrs models are written with their wire names."""
    doc = {"success": True, "data": _converter.wire.unstructure(data), "error": None}
    return _json({**doc, "meta": meta()}, status)


def error_response(failure: ApiFailure, headers: Mapping[str, str] | None = None) -> web.Response:
    """An error envelope with Sent's shape: code, message, details and doc_url."""
    error = {
        "code": failure.code,
        "message": failure.message,
        "details": failure.details,
        "doc_url": f"https://docs.sent.dm/errors/{failure.code}",
    }
    response = _json(
        {"success": False, "data": None, "error": error, "meta": meta()}, failure.status
    )
    response.headers.update(headers or {})
    return response


def _json(payload: dict[str, Any], status: int) -> web.Response:
    response = web.Response(
        body=json.dumps(payload).encode(), status=status, content_type="application/json"
    )
    response.headers["x-request-id"] = payload["meta"]["request_id"]
    return response


def sandboxed(response: web.Response) -> web.Response:
    """Sent marks sandbox answers with ``X-Sandbox: true``."""
    response.headers["X-Sandbox"] = "true"
    return response


def no_content() -> web.Response:
    return web.Response(status=204)


# -- request bodies ----------------------------------------------------------------------------
async def read_json(request: web.Request) -> dict[str, Any]:
    """The request's JSON object body ({} when empty); 400 VALIDATION_001 otherwise."""
    raw = await request.read()
    if not raw:
        return {}
    try:
        doc = json.loads(raw)
    except ValueError:
        raise invalid("The request body is not valid JSON") from None
    if not isinstance(doc, dict):
        raise invalid("The request body must be a JSON object")
    return doc


async def parse(request: web.Request, model: type[T]) -> T:
    """The request body as its input model, answering 400 like Sent on bad fields."""
    doc = await read_json(request)
    try:
        parsed: T = _converter.wire.structure(doc, model)
    except Exception as exc:  # cattrs raises several kinds; all mean "bad request"
        paths = _validate.problems_of(exc) if isinstance(exc, cattrs.BaseValidationError) else []
        raise invalid("; ".join(paths) or "The request body is invalid") from None
    return parsed


async def is_sandbox(request: web.Request) -> bool:
    """Whether a body-less mutation (a DELETE, say) asked for ``{"sandbox": true}``."""
    return (await read_json(request)).get("sandbox") is True


# -- checks ------------------------------------------------------------------------------------
def e164(value: object, field: str) -> str:
    """An E.164 number, or 400 VALIDATION_002 as Sent answers."""
    try:
        return _validate.e164(value, field)
    except SentValidationError as exc:
        raise invalid(str(exc), field, "VALIDATION_002") from None


def uuid_id(request: web.Request, name: str) -> str:
    """A UUID path value, or 400 VALIDATION_003 ("Malformed UUID") as Sent answers."""
    value = request.match_info[name]
    try:
        uuid.UUID(value)
    except ValueError:
        raise invalid(f"{name} is not a valid UUID", name, "VALIDATION_003") from None
    return value


def required(value: object, name: str) -> str:
    """A non-blank string field, or 400 VALIDATION_004 (required field missing)."""
    if not isinstance(value, str) or not value.strip():
        raise invalid(f"{name} is required", name, "VALIDATION_004")
    return value


# -- paging ------------------------------------------------------------------------------------
def _positive(request: web.Request, name: str, default: int) -> int:
    raw = request.query.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise invalid("page and page_size must be integers", name) from None
    if value < 1:
        raise invalid(f"{name} must be at least 1", name, "VALIDATION_005")
    return value


def page_of(
    request: web.Request, items: Sequence[T], *, max_size: int | None = None
) -> tuple[list[T], PaginationMeta]:
    """Slice ``items`` by the ``page``/``page_size`` query (1-based; 20 per page by default).

    A non-integer is 400 VALIDATION_001; a value below 1 (or ``page_size`` above
    ``max_size``, where the family has one) is 400 VALIDATION_005.
    """
    page = _positive(request, "page", 1)
    size = _positive(request, "page_size", DEFAULT_PAGE_SIZE)
    if max_size is not None and size > max_size:
        raise invalid(f"page_size must be 1-{max_size}", "page_size", "VALIDATION_005")
    total = len(items)
    pagination = PaginationMeta(
        page=page,
        page_size=size,
        total_count=total,
        total_pages=math.ceil(total / size),
        has_more=page * size < total,
        cursors=PaginationCursors(before=None, after=None),
    )
    return list(items[(page - 1) * size : page * size]), pagination


def one_page(count: int) -> PaginationMeta:
    """The meta of a list Sent does not page: everything on page 1."""
    return PaginationMeta(page=1, page_size=count, total_count=count, total_pages=1, has_more=False)


# -- scoping -----------------------------------------------------------------------------------
def state_of(request: web.Request) -> State:
    """The typed state of the FakeSent answering ``request``."""
    return request.app[STATE]


def customer_of(request: web.Request) -> str:
    """Who owns what this request creates: the profile in x-profile-id, else the organization."""
    return request.headers.get("x-profile-id") or state_of(request).organization_id


def visible(request: web.Request, customer_id: str | None) -> bool:
    """Whether the request's key may see a record owned by ``customer_id``.

    An organization key sees every profile's records; a profile key only its own.
    """
    scope = request.headers.get("x-profile-id")
    return scope is None or scope == customer_id
