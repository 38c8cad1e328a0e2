"""A family's shortlist: service ids in the session (nothing about the family), or
read from a shared link (?s=<id>,<id>)."""

import uuid

from django.http import HttpRequest

KEY = "local_offer_shortlist"
MOST = 50


def parse_ids(text: str) -> list[uuid.UUID]:
    ids = []
    for part in text.replace(" ", ",").split(","):
        try:
            service_id = uuid.UUID(part.strip())
        except ValueError:
            continue
        if service_id not in ids:
            ids.append(service_id)
    return ids[:MOST]


def saved(request: HttpRequest) -> list[uuid.UUID]:
    return parse_ids(",".join(request.session.get(KEY, [])))


def add(request: HttpRequest, service_id: uuid.UUID) -> None:
    ids = [str(i) for i in saved(request)]
    if str(service_id) not in ids and len(ids) < MOST:
        request.session[KEY] = [*ids, str(service_id)]


def remove(request: HttpRequest, service_id: uuid.UUID) -> None:
    request.session[KEY] = [str(i) for i in saved(request) if i != service_id]
