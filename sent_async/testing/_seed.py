"""FakeSent's seed fixtures: a small JSON document of contacts, templates and profiles to preload.

The format (documented in docs/testing.md, "FakeSent as a server for any language")::

    {"contacts": [{"phone_number": "+14155550123"}],
     "templates": [{"name": "welcome", "category": "UTILITY"}],
     "profiles": [{"id": "880e8400-e29b-41d4-a716-446655440001", "name": "Downtown"}]}

Each entry is the SDK's response model (``Contact``, ``Template``, ``ProfileDetail``) in its
wire form; what an entry leaves out is filled in as FakeSent would on create (a fresh id,
timestamps, an approved template, a contact's phone formats).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import cattrs

from .. import _converter, _validate
from .._errors import SentValidationError
from ..models import Contact, ProfileDetail, Template
from ._contacts import new_contact
from ._state import State
from ._support import new_id, now

SECTIONS = ("contacts", "templates", "profiles")


class SeedError(ValueError):
    """The seed document is not in the format above; the message says where."""


def load_seed_file(path: str | Path) -> dict[str, Any]:
    """Read and check a seed file; ``SeedError`` when it is not valid JSON or not an object."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SeedError(f"cannot read seed file {str(path)!r}: {exc}") from None
    if not isinstance(doc, dict):
        raise SeedError("a seed document is a JSON object")
    return doc


def apply_seed(state: State, doc: Mapping[str, Any]) -> dict[str, int]:
    """Store every record of ``doc`` in ``state``; how many of each were stored.

    Everything is checked before anything is stored, so a bad entry changes nothing.
    """
    unknown = sorted(set(doc) - set(SECTIONS))
    if unknown:
        raise SeedError(f"unknown seed sections {unknown}; known: {list(SECTIONS)}")
    builders: dict[str, Callable[[State, dict[str, Any]], Any]] = {
        "contacts": _contact,
        "templates": _template,
        "profiles": _profile,
    }
    built: dict[str, list[Any]] = {}
    for section in SECTIONS:
        entries = doc.get(section, [])
        if not isinstance(entries, list):
            raise SeedError(f"{section} must be a list")
        built[section] = [
            _build(builders[section], state, entry, f"{section}[{i}]")
            for i, entry in enumerate(entries)
        ]
    for contact in built["contacts"]:
        state.contacts.by_id[str(contact.id)] = contact
    for template in built["templates"]:
        state.templates.by_id[str(template.id)] = template
    for profile in built["profiles"]:
        state.profiles.by_id[str(profile.id)] = profile
    return {section: len(records) for section, records in built.items()}


def _build(
    builder: Callable[[State, dict[str, Any]], Any], state: State, entry: object, where: str
) -> Any:
    if not isinstance(entry, dict):
        raise SeedError(f"{where} must be a JSON object")
    try:
        return builder(state, entry)
    except SeedError as exc:
        raise SeedError(f"{where}: {exc}") from None
    except cattrs.BaseValidationError as exc:
        problems = "; ".join(_validate.problems_of(exc)) or "invalid fields"
        raise SeedError(f"{where}: {problems}") from None
    except (TypeError, ValueError, SentValidationError) as exc:
        raise SeedError(f"{where}: {exc}") from None


def _contact(state: State, entry: dict[str, Any]) -> Contact:
    phone = entry.get("phone_number")
    if not isinstance(phone, str):
        raise SeedError("phone_number is required")
    owner = entry.get("customer_id") or state.organization_id
    base = _converter.wire.unstructure(new_contact(_validate.e164(phone, "phone_number"), owner))
    contact: Contact = _converter.wire.structure({**base, **entry}, Contact)
    return contact


def _template(state: State, entry: dict[str, Any]) -> Template:
    stamp = now().isoformat()
    base = {
        "id": new_id(),
        "customer_id": state.organization_id,
        "status": "APPROVED",
        "is_published": True,
        "created_at": stamp,
        "updated_at": stamp,
    }
    template: Template = _converter.wire.structure({**base, **entry}, Template)
    return template


def _profile(state: State, entry: dict[str, Any]) -> ProfileDetail:
    base = {"id": new_id(), "created_at": now().isoformat(), "status": "approved"}
    profile: ProfileDetail = _converter.wire.structure({**base, **entry}, ProfileDetail)
    return profile
