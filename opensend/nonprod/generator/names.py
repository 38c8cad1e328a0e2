"""Invented names for the demo area: people, places and organisations.

Northmoor is fictional. Place names are made up; any likeness to a real place, school
or person is chance. Postcodes use the area letters "NM", which no real postcode area
uses, in a valid Royal Mail format.
"""

import random

from opensend.nonprod.generator.mix import one_of

AREA = "Northmoor"
LA_NAME = "Northmoor Council"
LA_CODE = "987"  # DfE LA codes in the 900s above 938 are unused
ONS_CODE = "E06000987"
EMAIL_DOMAIN = "northmoor.example"  # RFC 2606: .example never resolves
POSTCODE_AREA = "NM"
# Measures (issue 3, api): Northmoor has no published DfE figures, so it compares as a real
# area of a similar kind: Northumberland's figures, region and statistical neighbours.
COMPARES_AS = "E06000057"  # Northumberland
COMPARES_AS_NAME = "Northumberland"
REGION_CODE = "E12000001"  # North East

# The north of the area keeps the three-tier pattern (first / middle / high schools);
# the south has primary and secondary schools.
NORTH_LOCALITIES = (
    "Fellbeck",
    "Brackenholm",
    "Ravensby",
    "Ulleskirk",
    "Hawkshaw",
    "Cragside Moor",
    "Alderwick",
    "Thrunton Edge",
)
SOUTH_LOCALITIES = (
    "Northmoor",
    "Millbrook",
    "Stanwick Vale",
    "Cawdon",
    "Elderby",
    "Thornleigh",
    "Wexley",
    "Harrowden Green",
    "Lowther Bridge",
    "Kilnsey Park",
)
SCHOOL_FLAVOURS = (
    "",
    "Church of England ",
    "Community ",
    "Academy ",
    "Park ",
    "Riverside ",
    "Hillside ",
    "St Cuthbert's ",
    "St Hilda's ",
    "Meadow ",
    "Oakfield ",
    "Willow Bank ",
    "Beacon ",
    "Moorside ",
)

BOYS = (
    "Oliver",
    "Noah",
    "George",
    "Leo",
    "Arthur",
    "Harry",
    "Oscar",
    "Jack",
    "Charlie",
    "Muhammad",
    "Freddie",
    "Theo",
    "Alfie",
    "Archie",
    "Jacob",
    "Ethan",
    "Isaac",
    "Tommy",
    "Reuben",
    "Kai",
    "Yusuf",
    "Ibrahim",
    "Zain",
    "Kofi",
    "Tobias",
    "Finley",
    "Rory",
    "Dylan",
    "Mason",
    "Logan",
    "Ravi",
    "Arjun",
    "Samuel",
    "Joseph",
    "Elijah",
    "Luca",
    "Mateo",
    "Caleb",
    "Ezra",
    "Jayden",
    "Callum",
    "Owen",
    "Liam",
    "Daniel",
    "Aaron",
    "Bilal",
    "Hamza",
    "Patryk",
    "Jakub",
    "Kayden",
)
GIRLS = (
    "Olivia",
    "Amelia",
    "Isla",
    "Ava",
    "Lily",
    "Freya",
    "Ivy",
    "Florence",
    "Sophia",
    "Grace",
    "Mia",
    "Evie",
    "Poppy",
    "Ella",
    "Willow",
    "Aisha",
    "Maryam",
    "Zara",
    "Amara",
    "Chloe",
    "Harper",
    "Ruby",
    "Daisy",
    "Sienna",
    "Maya",
    "Priya",
    "Anaya",
    "Erin",
    "Niamh",
    "Holly",
    "Esme",
    "Phoebe",
    "Matilda",
    "Layla",
    "Hannah",
    "Nadia",
    "Imani",
    "Zuzanna",
    "Lena",
    "Megan",
    "Jessica",
    "Leah",
    "Fatima",
    "Khadija",
    "Orla",
    "Rosie",
    "Bethany",
    "Keira",
    "Tia",
    "Ellie",
)
SURNAMES = (
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Robinson",
    "Wright",
    "Thompson",
    "Evans",
    "Walker",
    "White",
    "Roberts",
    "Green",
    "Hall",
    "Wood",
    "Jackson",
    "Clarke",
    "Patel",
    "Khan",
    "Hussain",
    "Ahmed",
    "Ali",
    "Begum",
    "Singh",
    "Kaur",
    "Okafor",
    "Mensah",
    "Adeyemi",
    "Nowak",
    "Kowalski",
    "Murphy",
    "O'Neill",
    "Kelly",
    "Campbell",
    "Stewart",
    "Armstrong",
    "Charlton",
    "Milburn",
    "Robson",
    "Dodds",
    "Forster",
    "Hedley",
    "Elliott",
    "Bell",
    "Graham",
    "Nixon",
    "Pattinson",
    "Younger",
    "Turnbull",
    "Scott",
    "Hope",
    "Redpath",
    "Carr",
    "Heron",
    "Ridley",
    "Summers",
    "Fenwick",
    "Lowes",
    "Coulson",
    "Rutherford",
    "Mitchell",
    "Chen",
    "Wong",
    "Nguyen",
    "Osei",
    "Bakr",
    "Rahman",
    "Mahmood",
    "Ferreira",
    "Silva",
    "Costa",
    "Novak",
    "Horvat",
    "Brennan",
    "Doyle",
    "Quinn",
    "Marshall",
)
ADULTS = (
    BOYS[:30]
    + GIRLS[:30]
    + (
        "Sarah",
        "Claire",
        "Joanne",
        "Michael",
        "David",
        "Paul",
        "Helen",
        "Rachel",
        "Mark",
        "Andrew",
        "Nicola",
        "Gemma",
        "Karen",
        "Stephen",
        "Lisa",
        "Emma",
        "James",
        "Laura",
    )
)
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def person_name(rng: random.Random, sex: str = "") -> tuple[str, str]:
    if sex == "M":
        forename = one_of(rng, BOYS)
    elif sex == "F":
        forename = one_of(rng, GIRLS)
    else:
        forename = one_of(rng, BOYS + GIRLS)
    return forename, one_of(rng, SURNAMES)


def adult_name(rng: random.Random) -> str:
    return f"{one_of(rng, ADULTS)} {one_of(rng, SURNAMES)}"


def postcode(rng: random.Random, district: int) -> str:
    """A valid-format postcode in the invented NM area, e.g. "NM12 4TX"."""
    inward = f"{rng.randrange(10)}{one_of(rng, _INWARD_LETTERS)}{one_of(rng, _INWARD_LETTERS)}"
    return f"{POSTCODE_AREA}{district} {inward}"


def email_local(name: str) -> str:
    cleaned = "".join(ch for ch in name.lower() if ch.isalnum() or ch == " ")
    return ".".join(cleaned.split())
