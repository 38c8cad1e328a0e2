"""A small area built through the casework services, with its figures counted by hand.

Northfold (the area) in 2026, today 22 November 2026:

    amy   M, born 2015-03-01, ASD, WBRI: request 2026-01-05, final plan 2026-05-11
          (18 weeks: on time), naming Brook Primary (mainstream, in the area)
    bea   F, born 2010-06-01, SEMH, BAFR: request 2026-02-02, final plan 2026-07-27
          (25 weeks: late), naming Far Hill Special (special, another area)
    cal   F, born 2009-09-01, SEMH, WBRI: request 2026-02-02, final plan 2026-07-27 (late)
          with a Reg 13(3) exception (personal circumstances) in the 20 weeks; Far Hill
    dan   M, born 2019-01-10, no need recorded: request 2026-10-01, not yet decided

and one case of another area (never counted). Every case is Cara's.
"""

import datetime as dt
from dataclasses import dataclass

from opensend.casework.models import Case, VersionKind
from opensend.people.models import Organisation, Role, User
from opensend.statutory import codes
from tests import factories as f

D = dt.date


@dataclass
class World:
    la: Organisation
    other_la: Organisation
    cara: User
    sam: User
    amy: Case
    bea: Case
    cal: Case
    dan: Case
    elsewhere: Case


def _child(la: Organisation, born: dt.date, sex: str, ethnicity: str, need: str | None):
    child = f.ChildFactory(local_authority=la, date_of_birth=born, sex=sex, ethnicity=ethnicity)
    if need:
        f.ChildNeedFactory(child=child, need=need, rank=1)
    return child


def _late_plan(child, cara: User, setting: Organisation) -> Case:
    received = D(2026, 2, 2)
    case = f.case_with_draft_plan(
        child=child, caseworker=cara, received_on=received, named_setting=setting
    )
    f.plan_issue(
        case, kind=VersionKind.FINAL, issued_on=received + 25 * f.WEEK, named_setting=setting
    )
    return Case.objects.get(pk=case.pk)


def build_world() -> World:
    la = f.LocalAuthorityFactory(name="Northfold Council")
    other_la = f.LocalAuthorityFactory(name="Southfold Council")
    cara = f.staff_user(Role.CASEWORKER, la)
    sam = f.staff_user(Role.SEN_MANAGER, la)
    brook = f.SchoolFactory(local_authority=la, name="Brook Primary", locality="Brookside")
    far_hill = f.SchoolFactory(
        local_authority=other_la,
        name="Far Hill Special",
        is_special=True,
        phase=codes.SettingPhase.SPECIAL.value,
        locality="Far Hill",
    )
    sex, eth = codes.Sex, codes.Ethnicity
    amy = f.case_with_final_plan(
        child=_child(la, D(2015, 3, 1), sex.MALE, eth.WBRI, "ASD"),
        caseworker=cara,
        received_on=D(2026, 1, 5),
        named_setting=brook,
    )
    bea = _late_plan(_child(la, D(2010, 6, 1), sex.FEMALE, eth.BAFR, "SEMH"), cara, far_hill)
    cal = _late_plan(_child(la, D(2009, 9, 1), sex.FEMALE, eth.WBRI, "SEMH"), cara, far_hill)
    f.clock_exception(cal, start=D(2026, 3, 2), end=D(2026, 3, 20))
    dan = f.case_with_request(
        child=_child(la, D(2019, 1, 10), sex.MALE, eth.WBRI, None),
        caseworker=cara,
        received_on=D(2026, 10, 1),
    )
    elsewhere = f.case_with_final_plan(
        child=f.ChildFactory(local_authority=other_la), received_on=D(2026, 1, 5)
    )
    return World(la, other_la, cara, sam, amy, bea, cal, dan, elsewhere)
