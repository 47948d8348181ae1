"""The API's wire vocabulary, for code that speaks the protocol from either side.

A client rarely needs these names: the facade builds requests from them. Servers and test tools
(the emulator, the contract runner, a user's own double of the API) need the same rules the client
follows, so they are published here instead of being copied:

- the filter tree a search or paginate request carries (:class:`FilterLeaf`, :class:`FilterNode`),
  and which fields each resource lets a filter, a selection or an ordering name
  (:func:`filter_fields`, :func:`select_fields`, :func:`sort_fields`);
- how secret constants look on the wire (:data:`SECRET_PREFIX` marks a write-only constant,
  :data:`MASKED_VALUE` is what a response shows in its place);
- the resolution of the API's durations (:data:`TICKS_PER_SECOND`, .NET ticks of 100 ns).

Example:
    >>> from qarnot_ext import F
    >>> from qarnot_ext.wire import FilterLeaf, sort_fields
    >>> sort_fields("jobs")
    ('creationDate', 'name', 'state')
    >>> isinstance(F.from_dict({"field": "State", "operator": "Equal", "value": "Success"}), FilterLeaf)
    True

"""

from qarnot_ext._filters import FilterLeaf, FilterNode, Resource, filter_fields, select_fields, sort_fields
from qarnot_ext._secrets import MASKED_VALUE, SECRET_PREFIX
from qarnot_ext._timefmt import TICKS_PER_SECOND

__all__ = [
    "MASKED_VALUE",
    "SECRET_PREFIX",
    "TICKS_PER_SECOND",
    "FilterLeaf",
    "FilterNode",
    "Resource",
    "filter_fields",
    "select_fields",
    "sort_fields",
]
