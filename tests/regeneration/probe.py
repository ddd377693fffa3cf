"""Run by test_regeneration.py in a subprocess, with a regenerated build first on the path:
reports, as JSON on stdout, what the public API does after the drill's spec changes."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import attrs
import httpx
import klaviyo_generated

from catalog_clients import (
    AsyncKlaviyoClient,
    Category,
    CategoryDict,
    Directives,
    KlaviyoClient,
    PropellerClient,
    errors,
)
from catalog_clients.cli.inputs import read_csv
from catalog_clients.cli.jobs_output import JOB_FIELDS
from catalog_clients.klaviyo import DEFAULT_REVISION, Job, JobStatus
from catalog_clients.propeller import category_problems
from catalog_clients.propeller._chunks import MAX_CHUNK_SIZE
from catalog_clients.propeller._inputs import directives_to_wire


def job_attributes(**extra: Any) -> dict[str, Any]:
    return {"status": "queued", "created_at": "2026-01-01T00:00:00+00:00", **extra}


def page(jobs: list[dict[str, Any]], next_link: str | None = None) -> dict[str, Any]:
    data = [
        {"type": "catalog-category-bulk-update-job", "id": f"j{i}", "attributes": a}
        for i, a in enumerate(jobs)
    ]
    return {"data": data, "links": {"self": "x", "next": next_link}}


def klaviyo_client(handler: Any, **kwargs: Any) -> KlaviyoClient:
    return KlaviyoClient(
        api_key="pk_drill", transport=httpx.MockTransport(handler), rate_limits=None, **kwargs
    )


def probe_job() -> dict[str, Any]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=page([job_attributes(priority=5)]))

    with klaviyo_client(handler) as client:
        [job] = client.list_category_bulk_update_jobs(fields=["priority", "status"]).jobs
    same = Job(id=job.id, status=job.status, created_at=job.created_at, priority=5)
    other = Job(id=job.id, status=job.status, created_at=job.created_at, priority=6)
    return {
        "fields": [f.name for f in attrs.fields(Job)],
        "priority": job.priority,
        "repr": repr(job),
        "equal_when_same": job == same,
        "equal_when_priority_differs": job == other,
        "to_dict": job.to_dict(),
        "fields_param": seen[0].url.params["fields[catalog-category-bulk-update-job]"],
        "cli_columns": list(JOB_FIELDS),
    }


def probe_parameter() -> dict[str, Any]:
    seen: list[dict[str, str]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(dict(request.url.params))
        if "page[cursor]" in request.url.params:
            return httpx.Response(200, json=page([job_attributes()]))
        link = "https://a.klaviyo.com/api/x?page%5Bcursor%5D=c2"
        return httpx.Response(200, json=page([job_attributes()], link))

    with klaviyo_client(handler) as client:
        client.list_category_bulk_update_jobs(page_size=5)
        first = seen.pop()
        jobs = list(client.iter_category_bulk_update_jobs(page_size=5))
        assert len(jobs) == 2
        try:
            client.list_category_bulk_update_jobs(page_size=0)
            refused: list[str | None] = []
        except errors.InputValidationError as exc:
            refused = [p.field for p in exc.problems]
    return {"first_page": first, "pages": seen, "refused": refused}


def probe_revision() -> dict[str, Any]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=page([]))

    with klaviyo_client(handler) as client:
        client.list_category_bulk_update_jobs()
    with klaviyo_client(handler, revision="2024-07-15") as old:
        old.list_category_bulk_update_jobs()
    return {
        "default": DEFAULT_REVISION,
        "sent": {"path": seen[0].url.path, "revision": seen[0].headers["revision"]},
        "old_path": seen[1].url.path,
    }


def category(i: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": i,
        "language": "EN",
        "names": [{"language": "EN", "value": f"c{i}"}],
        "parent": {"id": 1},
        **extra,
    }


def propeller_client(handler: Any) -> PropellerClient:
    return PropellerClient(
        client_id="drill", client_secret="drill", transport=httpx.MockTransport(handler)
    )


def probe_category() -> dict[str, Any]:
    sent: list[dict[str, Any]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/token"):
            return httpx.Response(200, json={"access_token": "t", "expires_in": 1800})
        body = json.loads(request.content)
        sent.extend(body["categories"])
        data = [
            {"action": "create", "id": c["id"], "key": c["id"], "success": True}
            for c in body["categories"]
        ]
        return httpx.Response(200, json={"data": data})

    items = [category(1, hidden=True), category(2, hidden=False)]
    with propeller_client(handler) as client:
        result = client.bulk_upsert_categories_by_id(items)
    assert result.created == 2, result
    csv = b"id,language,parent_id,name_EN,hidden\n7,EN,1,Bikes,true\n"
    [record] = list(read_csv(csv.splitlines(keepends=True)))
    return {
        "dict_problems": [str(p) for p in category_problems(0, category(1, hidden=True))],
        "typed_wire": Category(
            id=1, language="EN", names={"EN": "x"}, parent_id=1, hidden=True
        ).to_wire(),
        "csv_item": record.item,
        "skip_wire": Directives(skip_if_not_empty=["hidden"]).to_wire(),
        "sent_hidden": [c["hidden"] for c in sent],
        "typed_dict_hidden": CategoryDict.__annotations__["hidden"] is bool,
    }


def probe_tightened() -> dict[str, Any]:
    names = [{"language": lang, "value": "x"} for lang in ("EN", "NL", "DE")]
    chunks: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/token"):
            return httpx.Response(200, json={"access_token": "t", "expires_in": 1800})
        body = json.loads(request.content)
        chunks.append(len(body["categories"]))
        data = [
            {"action": "update", "id": c["id"], "key": c["id"], "success": True}
            for c in body["categories"]
        ]
        return httpx.Response(200, json={"data": data})

    with propeller_client(handler) as client:
        result = client.bulk_upsert_categories_by_id([category(i) for i in range(600)])
    assert result.updated == 600, result
    lowercase = category(1, names=[{"language": "en", "value": "x"}])
    return {
        "too_many_names": [
            [p.field, p.message] for p in category_problems(0, category(1, names=names))
        ],
        "lowercase_language": [[p.field, p.message] for p in category_problems(0, lowercase)],
        "max_chunk": MAX_CHUNK_SIZE,
        "chunks": chunks,
    }


def probe_loosened() -> dict[str, Any]:
    item = category(1)
    del item["parent"]
    return {"without_parent": [str(p) for p in category_problems(0, item)]}


def probe_directive() -> dict[str, Any]:
    typed = Directives(skip_if_unchanged=True).to_wire()  # type: ignore[call-arg]
    try:
        directives_to_wire([{"operation": "skipIfUnchanged", "fields": []}])
        problems: list[str] = []
    except errors.InputValidationError as exc:
        problems = [str(p) for p in exc.problems]
    return {"typed": typed, "wire_problems": problems}


def category_handler(seen: list[httpx.Request], statuses: list[int]) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith("/missing/"):
            error = {"id": "e", "status": 404, "code": "not_found", "title": "Not found."}
            return httpx.Response(404, json={"errors": [error]})
        if not statuses:
            statuses.append(429)
            return httpx.Response(429, headers={"Retry-After": "0"}, json={"errors": []})
        statuses.append(200)
        data = {"type": "catalog-category", "id": "c1", "attributes": {"name": "Shoes"}}
        return httpx.Response(200, json={"data": data})

    return handler


def describe_call(model: Any, seen: list[httpx.Request], statuses: list[int], missing: Any) -> Any:
    return {
        "model": {
            "type": model.data.type_,
            "id": model.data.id,
            "name": model.data.attributes.name,
        },
        "statuses": statuses,
        "authorization": [r.headers["Authorization"] for r in seen[:2]],
        "revision": [r.headers["revision"] for r in seen[:2]],
        "path": seen[0].url.path,
        "not_found": missing,
    }


def probe_operation_sync() -> dict[str, Any]:
    seen: list[httpx.Request] = []
    statuses: list[int] = []
    with KlaviyoClient(
        api_key="pk_drill",
        revision="2024-02-15",
        transport=httpx.MockTransport(category_handler(seen, statuses)),
    ) as client:
        model = client.operations.get_catalog_category(id="c1")  # type: ignore[attr-defined]
        try:
            client.operations.get_catalog_category(id="missing")  # type: ignore[attr-defined]
            missing: Any = None
        except errors.APIStatusError as exc:
            missing = {"type": type(exc).__name__, "status": exc.status_code}
    return describe_call(model, seen, statuses, missing)


async def probe_operation_async() -> dict[str, Any]:
    seen: list[httpx.Request] = []
    statuses: list[int] = []
    async with AsyncKlaviyoClient(
        api_key="pk_drill",
        revision="2024-02-15",
        transport=httpx.MockTransport(category_handler(seen, statuses)),
    ) as client:
        model = await client.operations.get_catalog_category(id="c1")  # type: ignore[attr-defined]
        try:
            await client.operations.get_catalog_category(id="missing")  # type: ignore[attr-defined]
            missing: Any = None
        except errors.APIStatusError as exc:
            missing = {"type": type(exc).__name__, "status": exc.status_code}
    return describe_call(model, seen, statuses, missing)


def main() -> None:
    report = {
        "generated_from": klaviyo_generated.__file__,
        "job": probe_job(),
        "status": {
            "member": JobStatus.ARCHIVED.value,  # type: ignore[attr-defined]
            "is_known": JobStatus("archived").is_known,
        },
        "parameter": probe_parameter(),
        "revision": probe_revision(),
        "category": probe_category(),
        "tightened": probe_tightened(),
        "loosened": probe_loosened(),
        "directive": probe_directive(),
        "operation": {
            "sync": probe_operation_sync(),
            "async": asyncio.run(probe_operation_async()),
        },
    }
    print(json.dumps(report, default=str))


if __name__ == "__main__":
    main()
