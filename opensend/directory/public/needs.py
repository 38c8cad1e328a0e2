"""SEN2 need codes in the words families use. The filter shows these; the search
document carries them, so "autism" or "deaf" finds the services that list the code."""

from opensend.statutory.codes import NeedType

PLAIN_NEEDS: dict[str, str] = {
    NeedType.ASD.value: "Autism",
    NeedType.SLCN.value: "Speech, language and communication",
    NeedType.SEMH.value: "Social, emotional and mental health",
    NeedType.SPLD.value: "Specific learning difficulty, such as dyslexia",
    NeedType.MLD.value: "Moderate learning difficulty",
    NeedType.SLD.value: "Severe learning difficulty",
    NeedType.PMLD.value: "Profound and multiple learning difficulties",
    NeedType.HI.value: "Deaf or hearing impairment",
    NeedType.VI.value: "Blind or vision impairment",
    NeedType.MSI.value: "Deafblind or multi-sensory impairment",
    NeedType.PD.value: "Physical disability",
    NeedType.DS.value: "Down syndrome",
    NeedType.OTH.value: "Other difficulty or disability",
}

# Extra words a family might search with, put into the search document with the need.
NEED_SYNONYMS: dict[str, str] = {
    NeedType.ASD.value: "autism autistic asd asc",
    NeedType.SLCN.value: "speech language communication talking slcn",
    NeedType.SEMH.value: "anxiety emotional wellbeing behaviour semh",
    NeedType.SPLD.value: "dyslexia dyspraxia dyscalculia",
    NeedType.HI.value: "deaf hearing",
    NeedType.VI.value: "blind sight visual",
    NeedType.MSI.value: "deafblind",
    NeedType.PD.value: "wheelchair mobility physical",
    NeedType.DS.value: "down syndrome",
}

ORDER = list(PLAIN_NEEDS)


def need_words(code: str) -> str:
    return f"{PLAIN_NEEDS.get(code, '')} {NEED_SYNONYMS.get(code, '')}".strip()


def plain_need(code: str) -> str:
    return PLAIN_NEEDS.get(code, code)
