"""Shared code of the spec-upgrade scripts (``spec_diff.py``, ``api_diff.py``, ``upgrade.py``).

Modules:

- ``normalize``: either dialect (ours, or the vendor's ASP.NET Core + Swashbuckle 3.0.x) to ours;
- ``semantic``: both sides normalized, NEW's components matched to ours by structure, house
  material adopted (the dialect-blind part of the diff);
- ``merge``: ours plus a vendor revision's semantic changes (``make upgrade``);
- ``export_vendor``: ``openapi.yaml`` rendered in the vendor dialect (the tests' fixture generator);
- ``upgrade_report``: the merge, facade and changelog parts of ``UPGRADE_REPORT.md``;
- ``rules``: the classification table (what each kind of change breaks, by position);
- ``specsource``: reading a spec from a path or ``REF:path``, and the git helpers;
- ``schemadiff``: comparing two JSON Schemas (OpenAPI 3.1 dialect) into atomic changes;
- ``classify``: the whole-document diff (operations, parameters, bodies, statuses, security,
  component schemas) and the position-dependent classification;
- ``optic``: running ``@useoptic/optic`` and setting its verdict beside ours;
- ``render``, ``specdiff``: the spec-diff report (text, Markdown, JSON) and how it is built;
- ``naming``, ``impact``, ``regen``, ``flow``: generated names, the AST scan of our code,
  workspaces, regeneration and type-checking against a regenerated client;
- ``apidiff``: the public-API diff of ``qarnot_ext`` (griffe);
- ``errors``: the one error type (exit code 2) and the exit codes.
"""
