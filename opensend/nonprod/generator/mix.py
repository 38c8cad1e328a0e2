"""The national figures the demo area follows, as weights for random draws.

Every figure comes from /work/shared/docs/domain.md ("National figures", DfE statistics
for England, January 2025 unless stated). The generator draws from these so that the demo
area's dashboard looks like a real area's; tests check the generated mix against them.
"""

import random
from collections.abc import Sequence

# Primary need, all plans January 2025 (percent). DS (new in 2025) is not published
# yet: it takes the 0.7 left over so the weights add up to 100.
PRIMARY_NEED = {
    "ASD": 31.5,
    "SLCN": 21.3,
    "SEMH": 20.7,
    "MLD": 10.6,
    "SLD": 4.0,
    "PD": 3.9,
    "SPLD": 2.3,
    "HI": 1.4,
    "PMLD": 1.3,
    "OTH": 1.2,
    "VI": 0.8,
    "MSI": 0.3,
    "DS": 0.7,
}

# Where children and young people with plans are, January 2025 (percent). The 4.4
# left over (early years and not recorded) is counted with mainstream here.
SETTINGS_NATIONAL = {
    "mainstream": 43.6,
    "special": 30.4,
    "further_education": 13.8,
    "elsewhere": 7.8,
}

# Requests and new plans, 2024 activity (Jan 2025 release).
REQUESTS_REFUSED = 0.252  # requests not assessed
PLANS_WITHIN_20_WEEKS = 0.464  # excluding exceptions (the headline)
PLANS_OVER_52_WEEKS = 0.072
REVIEWS_DECIDED_WITHIN_4_WEEKS = 0.444  # annual reviews 2024
TRIBUNAL_RATE = 0.032  # appeals registered / appealable decisions, 2024

# Not published nationally as a share; plausible values for a demo area.
ASSESSED_NOT_ISSUED = 0.09  # assessments ending in a decision not to issue
DECISION_WITHIN_6_WEEKS = 0.88
ADVICE_ON_TIME = 0.68
EXCEPTION_RATE = 0.05  # assessments with a Reg 5(4) / 13(3) exception
MEDIATION_RATE = 0.06
RECENT_REQUEST_SHARE = 0.18  # children whose request came in the last ~14 months

# Age (years, on the day of generation) of the children and young people known to the
# service: most plans are held by 8-15-year-olds; few by the over-19s.
AGE_WEIGHTS = {
    1: 0.6,
    2: 1.5,
    3: 2.5,
    4: 3.5,
    5: 4.5,
    6: 5.5,
    7: 6.5,
    8: 7.0,
    9: 7.5,
    10: 7.5,
    11: 7.5,
    12: 7.5,
    13: 7.5,
    14: 7.5,
    15: 7.0,
    16: 6.5,
    17: 6.0,
    18: 5.0,
    19: 4.0,
    20: 2.0,
    21: 1.5,
    22: 1.0,
    23: 0.8,
    24: 0.6,
    25: 0.4,
}

# Setting category by stage of education, chosen so that the area-wide mix lands near
# SETTINGS_NATIONAL once weighted by AGE_WEIGHTS.
SCHOOL_AGE_SETTING = {"mainstream": 52.0, "special": 40.0, "elsewhere": 8.0}
POST16_SETTING = {"further_education": 57.0, "special": 14.0, "mainstream": 12.0, "elsewhere": 17.0}
# How much more (or less) likely a special school is for each primary need; the
# average over PRIMARY_NEED is about 1, so the overall special share holds.
SPECIAL_TILT = {
    "PMLD": 2.4,
    "SLD": 2.2,
    "MSI": 2.0,
    "DS": 1.8,
    "ASD": 1.25,
    "PD": 1.0,
    "SEMH": 0.9,
    "VI": 0.8,
    "OTH": 0.8,
    "MLD": 0.8,
    "HI": 0.7,
    "SLCN": 0.6,
    "SPLD": 0.15,
}
ELSEWHERE_SCHOOL_AGE = {"EHE": 35, "NIEC": 20, "OLA": 30, "OPA": 15}
ELSEWHERE_POST16 = {"NEET": 55, "OTH": 25, "NIEO": 20}

SEX = {"M": 72.0, "F": 27.8, "U": 0.2}
ETHNICITY = {
    "WBRI": 66.0,
    "WOTH": 4.5,
    "WIRI": 0.3,
    "WROM": 0.6,
    "WIRT": 0.2,
    "MWBC": 2.0,
    "MWBA": 1.0,
    "MWAS": 1.5,
    "MOTH": 2.0,
    "AIND": 1.8,
    "APKN": 4.0,
    "ABAN": 1.5,
    "AOTH": 1.5,
    "BCRB": 1.2,
    "BAFR": 4.0,
    "BOTH": 0.9,
    "CHNE": 0.3,
    "OOTH": 2.0,
    "REFU": 1.0,
    "NOBT": 1.7,
}
REQUEST_SOURCE = {"1": 40.0, "2": 46.0, "3": 8.0, "4": 3.5, "5": 2.5}
REVIEW_OUTCOME = {"maintain": 52.0, "amend": 46.0, "cease": 2.0}
# SEN2 cease reasons: young people (19+) and children.
CEASE_REASON_ADULT = {"3": 20, "4": 20, "6": 25, "2": 15, "5": 8, "7": 2, "9": 10}
CEASE_REASON_CHILD = {"2": 45, "5": 35, "7": 8, "9": 10, "8": 2}


def pick(rng: random.Random, weights: dict[str, float]) -> str:
    """One key, drawn with the given weights."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def pick_int(rng: random.Random, weights: dict[int, float]) -> int:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def chance(rng: random.Random, probability: float) -> bool:
    return rng.random() < probability


def one_of[T](rng: random.Random, items: Sequence[T]) -> T:
    return items[rng.randrange(len(items))]
