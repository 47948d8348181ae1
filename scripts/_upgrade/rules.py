"""The classification table: what each kind of spec change breaks, and for whom.

Two questions are asked of every change between an OLD and a NEW revision of the spec:

- **breaking for clients**: can a client built against OLD (our generated client, ``qarnot_ext``,
  their users) fail against a server that implements NEW? Its requests may now be rejected, a
  response may carry something it cannot read, or the regenerated client lost a name its code uses.
- **breaking for servers**: can a server that implements OLD (the emulator, any mock) fail a
  contract test generated from NEW? NEW may send requests it rejects, or expect responses it
  does not produce.

For a schema, the answer depends on where the schema travels. A change that *narrows* the set of
valid documents breaks the sender of requests (clients) and the producer of responses (servers);
a change that *widens* it breaks the receiver of requests (servers) and of responses (clients).
A schema used in both positions gets both answers. Our generated client adds two facts of its
own: its enums are open (an unknown value is kept with a warning), and it never checks value
constraints (``maxLength``, ``minimum``...), so those widenings of a response are harmless to it.

``docs/spec-diff-rules.md`` embeds :func:`rules_markdown`, and a test keeps the two in step.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

__all__ = ["RULES", "Effect", "Position", "Rule", "rules_markdown"]


class Effect(enum.StrEnum):
    """One classification a change can carry."""

    CLIENT = "breaking-for-clients"
    SERVER = "breaking-for-servers"
    COMPATIBLE = "compatible"


class Position(enum.StrEnum):
    """Where a schema travels: from client to server (request) or back (response)."""

    REQUEST = "request"
    RESPONSE = "response"


_C = frozenset({Effect.CLIENT})
_S = frozenset({Effect.SERVER})
_CS = frozenset({Effect.CLIENT, Effect.SERVER})
_OK = frozenset({Effect.COMPATIBLE})


@dataclass(frozen=True)
class Rule:
    """How one kind of change is classified.

    Attributes:
        kind: the stable identifier used in reports and JSON (``property-removed``).
        title: a short description.
        request: the effects when the change sits in a request position (or, for an operation-level
            kind, its only classification).
        response: the effects in a response position (equal to ``request`` for operation-level kinds).
        why: the reason, shown in the rules document.
        schema_level: True when the position decides the classification.
        closed_enums_response: the response effects when ``--closed-enums`` is given (clients whose
            enums reject unknown values); ``None`` when the flag does not matter.

    """

    kind: str
    title: str
    request: frozenset[Effect]
    response: frozenset[Effect]
    why: str
    schema_level: bool = True
    closed_enums_response: frozenset[Effect] | None = None


def _schema(
    kind: str,
    title: str,
    request: frozenset[Effect],
    response: frozenset[Effect],
    why: str,
    closed_enums_response: frozenset[Effect] | None = None,
) -> Rule:
    return Rule(kind, title, request, response, why, True, closed_enums_response)


def _operation(kind: str, title: str, effects: frozenset[Effect], why: str) -> Rule:
    return Rule(kind, title, effects, effects, why, False)


_RULE_LIST = [
    # --- schema level: the position decides -------------------------------------------------------
    _schema(
        "property-added",
        "optional property added",
        _OK,
        _OK,
        "Old servers ignore an unknown request field; generated models keep unknown response keys "
        "in `additional_properties`.",
    ),
    _schema(
        "property-added-required",
        "required property added",
        _C,
        _S,
        "Old requests lack it (rejected by new servers); old servers do not send it.",
    ),
    _schema(
        "property-removed",
        "optional property removed",
        _C,
        _C,
        "The regenerated model loses the attribute, so code reading or setting it breaks; a server "
        "silently ignores a value an old client still sends.",
    ),
    _schema(
        "property-removed-required",
        "required property removed",
        _CS,
        _C,
        "As above; in a request, new clients stop sending a field that old servers require.",
    ),
    _schema(
        "property-became-required",
        "optional property became required",
        _C,
        _S,
        "Narrows: old requests may omit it; old servers may omit it from responses.",
    ),
    _schema(
        "property-became-optional",
        "required property became optional",
        _S,
        _C,
        "Widens: new clients may omit it (old servers reject); responses may lack it, and the "
        "generated attribute becomes `T | Unset`.",
    ),
    _schema(
        "type-widened",
        "type widened (a type added, or integer to number)",
        _S,
        _C,
        "Widens the set of valid values.",
    ),
    _schema(
        "type-narrowed",
        "type narrowed (a type removed, or number to integer)",
        _C,
        _S,
        "Narrows the set of valid values.",
    ),
    _schema("type-changed", "type changed", _CS, _CS, "Neither type set contains the other."),
    _schema(
        "nullable-added",
        "nullability loosened (null allowed)",
        _S,
        _C,
        "Widens: old clients receive `null` where they expected a value; old servers reject `null`.",
    ),
    _schema(
        "nullable-removed",
        "nullability tightened (null no longer allowed)",
        _C,
        _S,
        "Narrows: old clients may still send `null`; old servers may still return `null`.",
    ),
    _schema(
        "format-added",
        "format added",
        _C,
        _S,
        "Narrows the strings (or numbers) accepted.",
    ),
    _schema("format-removed", "format removed", _S, _C, "Widens the values accepted."),
    _schema("format-changed", "format changed", _CS, _CS, "Neither format contains the other."),
    _schema(
        "generated-type-changed",
        "generated Python type changed",
        _C,
        _C,
        "The format now maps to another Python type (`str`, `datetime`, `date`, `UUID`, `File`): "
        "code using the attribute no longer type-checks.",
    ),
    _schema(
        "schema-ref-changed",
        "schema replaced by another component (or inlined)",
        _C,
        _C,
        "The generated attribute or argument gets another class; the wire effects of the structural "
        "difference are reported separately.",
    ),
    _schema(
        "enum-value-added",
        "enum value added",
        _S,
        _OK,
        "Old servers reject the new value in requests. In responses our generated enums are open "
        "(an unknown value is kept with a warning); clients with closed enums break "
        "(`--closed-enums`), which is what optic reports.",
        closed_enums_response=_C,
    ),
    _schema(
        "enum-value-removed",
        "enum value removed",
        _C,
        _S,
        "Old clients may still send it; old servers may still return it.",
    ),
    _schema("enum-added", "value restricted to an enum", _C, _S, "Narrows the values accepted."),
    _schema("enum-removed", "enum restriction removed", _S, _C, "Widens the values accepted."),
    _schema("const-changed", "constant (tag) changed", _CS, _CS, "The old and new values are disjoint."),
    _schema(
        "variant-added",
        "union (oneOf/anyOf) variant added",
        _S,
        _C,
        "Old servers reject the new variant. An old generated client cannot parse it: the union "
        "raises, or (when nullable) silently returns the raw dict, whatever the enum template.",
    ),
    _schema(
        "variant-removed",
        "union (oneOf/anyOf) variant removed",
        _C,
        _S,
        "Old clients may still send it; old servers may still return it.",
    ),
    _schema(
        "discriminator-changed",
        "discriminator property or mapping changed",
        _CS,
        _CS,
        "A tag now selects another schema (or another property holds the tag).",
    ),
    _schema(
        "constraint-tightened",
        "value constraint tightened (minimum, maxLength, pattern added...)",
        _C,
        _S,
        "Old requests may violate it; old servers may return values outside it.",
    ),
    _schema(
        "constraint-loosened",
        "value constraint loosened",
        _S,
        _OK,
        "Old servers reject the new values in requests. Generated models never check constraints, "
        "so wider response values are harmless to our clients.",
    ),
    _schema(
        "constraint-changed",
        "value constraint changed (pattern or multipleOf replaced)",
        _CS,
        _S,
        "Neither constraint contains the other; responses: as for loosened, our clients do not check.",
    ),
    _schema(
        "additional-properties-closed",
        "additional properties forbidden",
        _C,
        _S,
        "Old clients may send extra keys; old servers may return them.",
    ),
    _schema(
        "additional-properties-opened",
        "additional properties allowed",
        _S,
        _OK,
        "Old servers may reject extra keys; generated models keep extra response keys.",
    ),
    _schema(
        "default-changed",
        "default value changed",
        _OK,
        _OK,
        "No document becomes invalid; the behaviour when the field is omitted changes (read the note).",
    ),
    # --- operation level: one classification -----------------------------------------------------
    _operation(
        "operation-added",
        "operation added",
        _S,
        "Old servers (the emulator) do not implement it, so contract tests of NEW fail against them.",
    ),
    _operation(
        "operation-removed",
        "operation removed",
        _C,
        "Calls are rejected, and the generated function disappears.",
    ),
    _operation(
        "operation-id-changed",
        "operationId changed",
        _C,
        "The generated module `qarnot_api.api.<tag>.<operation_id>` is renamed; the wire is unchanged.",
    ),
    _operation(
        "operation-tag-changed",
        "first tag changed",
        _C,
        "The generated module moves to another `qarnot_api.api.<tag>` package; the wire is unchanged.",
    ),
    _operation(
        "operation-deprecated",
        "operation deprecated",
        _OK,
        "Still served; plan the move.",
    ),
    _operation(
        "path-parameter-renamed",
        "path parameter renamed",
        _C,
        "The URL is unchanged on the wire, but the generated function's keyword argument is renamed.",
    ),
    _operation(
        "parameter-added",
        "optional parameter added",
        _OK,
        "Old clients omit it; old servers ignore an unknown query parameter or header.",
    ),
    _operation(
        "parameter-added-required",
        "required parameter added",
        _C,
        "Old requests lack it.",
    ),
    _operation(
        "parameter-removed",
        "optional parameter removed",
        _C,
        "The generated keyword argument disappears; servers ignore a value old clients still send.",
    ),
    _operation(
        "parameter-removed-required",
        "required parameter removed",
        _CS,
        "As above, and new clients stop sending a parameter old servers require.",
    ),
    _operation("parameter-became-required", "parameter became required", _C, "Old requests may omit it."),
    _operation(
        "parameter-became-optional",
        "parameter became optional",
        _S,
        "New clients may omit it; old servers require it.",
    ),
    _operation(
        "request-body-added",
        "optional request body added",
        _OK,
        "Old clients send none, which stays valid.",
    ),
    _operation(
        "request-body-added-required",
        "required request body added",
        _C,
        "Old requests have no body.",
    ),
    _operation(
        "request-body-removed",
        "optional request body removed",
        _C,
        "The generated `body` argument disappears.",
    ),
    _operation(
        "request-body-removed-required",
        "required request body removed",
        _CS,
        "The generated `body` argument disappears, and old servers still require a body.",
    ),
    _operation(
        "request-body-became-required",
        "request body became required",
        _C,
        "Old requests may have no body.",
    ),
    _operation(
        "request-body-became-optional",
        "request body became optional",
        _S,
        "New clients may omit it; old servers require it.",
    ),
    _operation(
        "request-media-type-added",
        "request media type added",
        _S,
        "New clients may send it; old servers reject it.",
    ),
    _operation(
        "request-media-type-removed",
        "request media type removed",
        _C,
        "Old clients may still send it.",
    ),
    _operation(
        "success-status-added",
        "2xx response status added",
        _C,
        "An old generated function returns `None` (or raises `UnexpectedStatus`) for a success it "
        "does not know.",
    ),
    _operation(
        "error-status-added",
        "non-2xx response status added",
        _OK,
        "Error statuses are mapped to exceptions by status class in the adapter; old servers never "
        "produce it, which NEW allows.",
    ),
    _operation(
        "success-status-removed",
        "2xx response status removed",
        _CS,
        "The generated function's return type changes; old servers still answer with it.",
    ),
    _operation(
        "error-status-removed",
        "non-2xx response status removed",
        _S,
        "Old servers still answer with it, which NEW no longer documents.",
    ),
    _operation(
        "response-body-added",
        "response body added",
        _S,
        "Old servers answer without it.",
    ),
    _operation(
        "response-body-removed",
        "response body removed",
        _C,
        "Old clients expect a body; the generated function returns `None` instead of a model.",
    ),
    _operation(
        "response-media-type-added",
        "response media type added",
        _C,
        "New servers may answer in a type old clients do not parse (the generator uses the first one).",
    ),
    _operation(
        "response-media-type-removed",
        "response media type removed",
        _S,
        "Old servers may still answer in it.",
    ),
    _operation(
        "response-header-added",
        "optional response header added",
        _OK,
        "Nobody relies on it yet.",
    ),
    _operation(
        "response-header-added-required",
        "required response header added",
        _S,
        "Old servers do not send it.",
    ),
    _operation(
        "response-header-removed",
        "response header removed",
        _C,
        "Clients reading it (for example `Retry-After`) lose it.",
    ),
    _operation(
        "security-tightened",
        "security tightened (a way to authenticate, or anonymity, no longer accepted)",
        _C,
        "Some requests old clients make are now rejected (401/403).",
    ),
    _operation(
        "security-loosened",
        "security loosened (a new way to authenticate, or anonymity, accepted)",
        _S,
        "New clients may call in a way old servers reject.",
    ),
    _operation(
        "security-changed",
        "security requirements replaced",
        _CS,
        "Neither set of requirements accepts all the ways of the other.",
    ),
    _operation(
        "security-scheme-changed",
        "security scheme definition changed (type, header name, location)",
        _CS,
        "Credentials travel differently.",
    ),
    _operation(
        "schema-removed",
        "component schema removed",
        _C,
        "Its generated class disappears from `qarnot_api.models`.",
    ),
    _operation("schema-added", "component schema added", _OK, "A new generated class."),
]

RULES: dict[str, Rule] = {rule.kind: rule for rule in _RULE_LIST}
"""Every kind of change the classifier emits, by kind."""


def _label(effects: frozenset[Effect]) -> str:
    order = [Effect.CLIENT, Effect.SERVER, Effect.COMPATIBLE]
    names = {Effect.CLIENT: "clients", Effect.SERVER: "servers", Effect.COMPATIBLE: "compatible"}
    return " + ".join(names[e] for e in order if e in effects)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def rules_markdown() -> str:
    """Render the table as Markdown (embedded in ``docs/spec-diff-rules.md`` between markers).

    Returns:
        Two Markdown tables: schema-level kinds (by position) and operation-level kinds.

    """
    lines = [
        "### Schema changes (classified by position)",
        "",
        "| kind | change | in a request | in a response | why |",
        "|---|---|---|---|---|",
    ]
    for rule in _RULE_LIST:
        if rule.schema_level:
            response = _label(rule.response)
            if rule.closed_enums_response is not None:
                response += f" (closed enums: {_label(rule.closed_enums_response)})"
            cells = [f"`{rule.kind}`", _cell(rule.title), _label(rule.request), response, _cell(rule.why)]
            lines.append(f"| {' | '.join(cells)} |")
    lines += [
        "",
        "### Operation and document changes",
        "",
        "| kind | change | breaking for | why |",
        "|---|---|---|---|",
    ]
    for rule in _RULE_LIST:
        if not rule.schema_level:
            lines.append(
                f"| `{rule.kind}` | {_cell(rule.title)} | {_label(rule.request)} | {_cell(rule.why)} |"
            )
    return "\n".join(lines) + "\n"
