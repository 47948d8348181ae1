"""The fast path on documents schemathesis generates from the contract, for every response model.

``test_decode.py`` covers the quirk corpus and mutated tasks; this covers every other response model
(pools, jobs, scaling policies, hardware constraints, ...), whose decoders are compiled from their
own fields. For each generated document the compiled decoder must either build exactly what
``from_dict`` builds (same values, same ``additional_properties``, same ``to_dict``) or hand the
document over to ``from_dict``. Valid documents must take the fast path: a decoder that gives up on
them would be correct but silently slow.

``QARNOT_FUZZ_EXAMPLES`` sets the documents per model (default 10 here). Generation is derandomized.
"""

from __future__ import annotations

import copy
import os
from typing import Any, Final

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qarnot_ext._adapter import DECODERS
from qarnot_ext._decode import _Fallback
from tests.fuzz._fuzz_tools import model_class, response_roots, synthetic_spec

EXAMPLES: Final = int(os.environ.get("QARNOT_FUZZ_EXAMPLES", "10"))
SYNTHETIC: Final = schemathesis.openapi.from_dict(synthetic_spec())
MODELS: Final = [name for name in response_roots() if model_class(name) is not None]


def _documents(name: str) -> st.SearchStrategy[Any]:
    return SYNTHETIC[f"/__gen__/{name}"]["POST"].as_strategy().map(lambda case: case.body)


def test_the_models_cover_the_main_outputs() -> None:
    # Guards the discovery: an empty list would make the tests below vacuous.
    assert {"TaskOutput", "PoolOutput", "JobOutput", "ScalingOutput", "TaskOutputPage"} <= set(MODELS)


@pytest.mark.parametrize("name", MODELS)
def test_valid_documents_take_the_fast_path_and_build_what_from_dict_builds(name: str) -> None:
    cls: Any = model_class(name)
    fast = DECODERS._decoder(cls)
    if fast is None:
        pytest.skip(f"{name} is decoded by from_dict (a member type the compiler does not handle)")

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(_documents(name))
    def run(doc: Any) -> None:
        expected = cls.from_dict(copy.deepcopy(doc))
        try:
            mine = fast(copy.deepcopy(doc))
        except _Fallback:
            pytest.fail(f"a valid {name} document left the fast path: {doc!r}")
        assert mine == expected
        assert mine.to_dict() == expected.to_dict()
        assert type(mine) is cls

    run()
