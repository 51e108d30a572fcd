"""What a call returns when you ask for more than its data (``client.with_raw_response``).

The ``with_raw_response`` views (``sent_async/_raw.py``, ``sent_sync/_raw.py``) are generated
classes of one-line attributes built from the helpers here: ``RawMethod(AsyncX.method)`` and
``SyncRawMethod(X.method)`` keep the method's exact parameters (``ParamSpec``) and return
``RawResponse[T]`` where the method returns ``T``. At run time a raw call runs the plain method
with a capture set (``RAW_CAPTURE``): the transport records each response, the last one is the
answer, and its ``data`` is what the plain method returned. So the raw path validates, warns
(deprecations) and pages exactly like the plain call.

Paged lists: the raw twin of ``list(...)`` returns ``RawResponse[AsyncPage[T]]`` (sync:
``RawResponse[Page[T]]``): ``data`` is the first page, with the status, headers and meta of that
page's response; iterating ``data`` fetches later pages as usual (without capturing them).
"""

from __future__ import annotations

import functools
import types
from collections.abc import Awaitable, Callable, Mapping
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypeVar, overload

import attrs

if TYPE_CHECKING:
    from .models import ApiMeta

T = TypeVar("T")
S = TypeVar("S")
V = TypeVar("V", bound="RawView[Any]")
P = ParamSpec("P")


@attrs.frozen(kw_only=True)
class RawResponse(Generic[T]):
    """The unwrapped ``data`` plus the envelope's ``meta``, the HTTP status and headers.

    ``client.with_raw_response.<family>.<call>(...)`` answers one for every call, with the call's
    own parameters. For a paged ``list`` call, ``data`` is the first page (``AsyncPage``; in
    ``sent_sync`` a ``Page``) and the other fields describe that page's response.
    """

    data: T
    meta: ApiMeta
    status_code: int
    headers: Mapping[str, str] = attrs.field(repr=False)
    idempotency_key: str | None = None

    @property
    def request_id(self) -> str | None:
        """Sent's request id: quote it in support tickets."""
        return self.meta.request_id or self.headers.get("x-request-id")


RAW_CAPTURE: ContextVar[list[RawResponse[Any]] | None] = ContextVar(
    "sent_raw_capture", default=None
)
"""Where the transport records responses while a raw call runs (None: not recording).

A sync raw call sets it on the caller's thread; the portal's ``run_coroutine_threadsafe`` runs
the request in a copy of the caller's context, so the loop thread records into the same list."""


def _answer(sink: list[RawResponse[Any]], data: T, name: str) -> RawResponse[T]:
    if not sink:  # every SDK method makes a request; this would be an SDK bug
        raise RuntimeError(f"{name} made no HTTP request: it has no raw response")
    return attrs.evolve(sink[-1], data=data)


class RawView(Generic[S]):
    """Base of the generated ``...WithRawResponse`` classes: a resource whose calls are raw."""

    def __init__(self, inner: S) -> None:
        self._inner = inner

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


class RawMethod(Generic[S, P, T]):
    """``name = RawMethod(AsyncX.name)``: the coroutine method, returning ``RawResponse[T]``.

    Also takes paged ``list`` methods: their ``AsyncPager`` is awaited for the first page.
    """

    def __init__(self, method: Callable[Concatenate[S, P], Awaitable[T]]) -> None:
        self._method = method
        self._name = method.__name__

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._name = name

    @overload
    def __get__(self, view: None, owner: type[Any]) -> RawMethod[S, P, T]: ...

    @overload
    def __get__(
        self, view: RawView[S], owner: type[Any]
    ) -> Callable[P, Awaitable[RawResponse[T]]]: ...

    def __get__(self, view: RawView[S] | None, owner: type[Any]) -> Any:
        if view is None:
            return self
        bound = types.MethodType(self._method, view._inner)

        @functools.wraps(bound)
        async def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
            pending = bound(*args, **kwargs)  # bad input raises here, before any capture
            sink: list[RawResponse[Any]] = []
            token = RAW_CAPTURE.set(sink)
            try:
                data = await pending
            finally:
                RAW_CAPTURE.reset(token)
            return _answer(sink, data, self._name)

        view.__dict__[self._name] = call  # later reads skip this descriptor
        return call


class SyncRawMethod(Generic[S, P, T]):
    """``name = SyncRawMethod(X.name)``: the sync facade's method, returning ``RawResponse[T]``."""

    def __init__(self, method: Callable[Concatenate[S, P], T]) -> None:
        self._method = method
        self._name = method.__name__

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._name = name

    @overload
    def __get__(self, view: None, owner: type[Any]) -> SyncRawMethod[S, P, T]: ...

    @overload
    def __get__(self, view: RawView[S], owner: type[Any]) -> Callable[P, RawResponse[T]]: ...

    def __get__(self, view: RawView[S] | None, owner: type[Any]) -> Any:
        if view is None:
            return self
        bound = types.MethodType(self._method, view._inner)

        @functools.wraps(bound)
        def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
            sink: list[RawResponse[Any]] = []
            token = RAW_CAPTURE.set(sink)
            try:
                data = bound(*args, **kwargs)
            finally:
                RAW_CAPTURE.reset(token)
            return _answer(sink, data, self._name)

        view.__dict__[self._name] = call
        return call


class Nested(Generic[V]):
    """``name = Nested(XWithRawResponse)``: the raw view of the resource's ``name`` property."""

    def __init__(self, view: type[V]) -> None:
        self._view = view
        self._name = ""

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._name = name

    @overload
    def __get__(self, parent: None, owner: type[Any]) -> Nested[V]: ...

    @overload
    def __get__(self, parent: RawView[Any], owner: type[Any]) -> V: ...

    def __get__(self, parent: RawView[Any] | None, owner: type[Any]) -> Any:
        if parent is None:
            return self
        view = self._view(getattr(parent._inner, self._name))
        parent.__dict__[self._name] = view
        return view
