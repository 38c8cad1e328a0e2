# ruff: noqa: E501  (hand-written prose)
"""The demo Local Offer's services, written for the demo: who runs what, for whom.

Every organisation, service and sentence here is invented for Northmoor. A `Kind` is a
sort of service; the generator offers each kind in several localities, picking among
its wordings so that neighbouring listings do not read alike.
"""

from opensend.nonprod.local_offer.kind import Kind
from opensend.nonprod.local_offer.kinds_activities import ACTIVITY_KINDS
from opensend.nonprod.local_offer.kinds_support import SUPPORT_KINDS

# The Local Offer category taxonomy (code, name, description).
CATEGORIES = (
    ("SB", "Short breaks", "Time for children to enjoy themselves and for carers to rest"),
    ("HOL", "Holiday clubs and play schemes", "Play and activities in the school holidays"),
    ("SPORT", "Sport and leisure", "Swimming, sport, dance and outdoor activities"),
    ("YOUTH", "Youth clubs and social groups", "Places to meet friends and try new things"),
    ("PARENT", "Support for parents and carers", "Groups, courses and someone to talk to"),
    ("ADVICE", "Information, advice and support", "Impartial advice about SEND and the law"),
    ("THERAPY", "Therapy and health", "Speech and language, occupational and other therapies"),
    ("TRAVEL", "Transport and travel", "Getting to school, college and activities"),
    ("EQUIP", "Equipment and adaptations", "Aids, adaptations and loans of equipment"),
    ("PFA", "Preparing for adulthood", "Work, independent living, friends and health from 14"),
)

# (name, description, website host): invented providers.
ORGANISATIONS = (
    (
        "Northmoor Council Short Breaks Team",
        "The council team that plans and funds short breaks for disabled children across Northmoor.",
        "shortbreaks.northmoor.example",
    ),
    (
        "Northmoor Leisure Trust",
        "A charitable trust running the area's leisure centres and pools.",
        "leisure.northmoor.example",
    ),
    (
        "Fellbeck Otters Swimming Club",
        "A volunteer-led club teaching swimming to children of all abilities since 1987.",
        "fellbeck-otters.example",
    ),
    (
        "Kestrel Play CIC",
        "A community interest company running inclusive play schemes in the holidays.",
        "kestrelplay.example",
    ),
    (
        "Moorside Youth Trust",
        "A youth charity with clubs, trips and mentoring for young people aged 11 to 25.",
        "moorside-youth.example",
    ),
    (
        "Northmoor Parent Carer Forum",
        "Parents and carers of disabled children working with services to make them better.",
        "northmoor-pcf.example",
    ),
    (
        "Northmoor SENDIASS",
        "The SEND Information, Advice and Support Service: free, confidential and impartial.",
        "sendiass.northmoor.example",
    ),
    (
        "Northmoor and Cawdon Children's Health (NHS)",
        "Community paediatrics, therapies and nursing for children in Northmoor.",
        "childrenshealth.northmoor.example",
    ),
    (
        "Brackenholm Wheels",
        "Community transport with wheelchair-accessible minibuses and trained drivers.",
        "brackenholm-wheels.example",
    ),
    (
        "Northmoor Equipment Loans",
        "A loan store for specialist equipment, run with the council's occupational therapists.",
        "equipment.northmoor.example",
    ),
    (
        "Pathways to Adulthood Northmoor",
        "Supported internships, travel training and independent living skills for 14 to 25 year olds.",
        "pathways.northmoor.example",
    ),
    (
        "Harrowden Green Scouts and Guides",
        "Uniformed groups with leaders trained in including disabled young people.",
        "hgscouts.example",
    ),
    (
        "Tumble and Bounce Trampoline Club",
        "Rebound therapy and trampolining sessions led by qualified coaches.",
        "tumbleandbounce.example",
    ),
    (
        "Millbrook Sensory Arts",
        "Music, art and drama sessions built around the senses.",
        "millbrook-sensory.example",
    ),
    (
        "Stanwick Vale Riding for the Disabled",
        "Riding and carriage driving for disabled children and adults.",
        "stanwick-rda.example",
    ),
    (
        "Northmoor Carers Network",
        "Support and breaks for people who care for a family member.",
        "carers.northmoor.example",
    ),
    (
        "Elderby Dads Together",
        "A group for dads and male carers of children with additional needs.",
        "elderby-dads.example",
    ),
    (
        "Thornleigh Community Farm",
        "A working farm where children and young people learn and volunteer.",
        "thornleigh-farm.example",
    ),
)


KINDS: tuple[Kind, ...] = ACTIVITY_KINDS + SUPPORT_KINDS

BOOKING = (
    "Booking is essential: places are limited.",
    "Just turn up: no need to book.",
    "Please book by phone or email before your first visit.",
    "Ring us first for a chat about your child's needs.",
    "Book online or by phone; we keep a waiting list when full.",
)
SEND_SUPPORT = (
    "Staff have autism awareness and Makaton training.",
    "We can meet you beforehand and send photos of the building and the people.",
    "A quiet room is always available, and ear defenders are there to borrow.",
    "We write a one-page profile with you so staff know what helps your child.",
    "Personal care and medication can be provided by trained staff.",
    "Visual timetables are used at every session.",
)
CANCELLATION_REASONS = (
    "The pool is closed for maintenance.",
    "The hall is being used as a polling station.",
    "Staff training day.",
    "Heating failure at the venue.",
)
