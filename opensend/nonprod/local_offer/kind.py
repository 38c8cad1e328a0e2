"""A sort of service in the demo Local Offer (see catalogue.py)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    category: str  # a CATEGORIES code
    names: tuple[str, ...]  # "{place}" is the locality's name
    organisations: tuple[int, ...]  # indexes into ORGANISATIONS
    descriptions: tuple[str, ...]
    ages: tuple[int, int]
    needs: tuple[str, ...]
    costs: tuple[str, ...]  # "" is free, else an amount in pounds
    delivery: str  # "in_person", "online" or "phone"
    schedule: str  # "weekly", "fortnightly", "monthly", "holiday", "one_off" or ""
    days: tuple[str, ...] = ("SA",)
    hours: tuple[int, int] = (10, 12)
    venue: str = "Community Centre"
    localities: int = 6
    tier: str = ""
    referral: str = "self"
    # True: each name is a different service (with the description and organisation at
    # the same index); a name without "{place}" is one area-wide service. False: the
    # names are wordings of one service, offered in `localities` places.
    distinct: bool = False
