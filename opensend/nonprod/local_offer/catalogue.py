"""The demo Local Offer's services, written for the demo: who runs what, for whom.

Every organisation, service and sentence here is invented for Northmoor. A `Kind` is a
sort of service; the generator offers each kind in several localities, picking among
its wordings so that neighbouring listings do not read alike.
"""

from dataclasses import dataclass

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
    ("Northmoor Council Short Breaks Team", "The council team that plans and funds short breaks for disabled children across Northmoor.", "shortbreaks.northmoor.example"),
    ("Northmoor Leisure Trust", "A charitable trust running the area's leisure centres and pools.", "leisure.northmoor.example"),
    ("Fellbeck Otters Swimming Club", "A volunteer-led club teaching swimming to children of all abilities since 1987.", "fellbeck-otters.example"),
    ("Kestrel Play CIC", "A community interest company running inclusive play schemes in the holidays.", "kestrelplay.example"),
    ("Moorside Youth Trust", "A youth charity with clubs, trips and mentoring for young people aged 11 to 25.", "moorside-youth.example"),
    ("Northmoor Parent Carer Forum", "Parents and carers of disabled children working with services to make them better.", "northmoor-pcf.example"),
    ("Northmoor SENDIASS", "The SEND Information, Advice and Support Service: free, confidential and impartial.", "sendiass.northmoor.example"),
    ("Northmoor and Cawdon Children's Health (NHS)", "Community paediatrics, therapies and nursing for children in Northmoor.", "childrenshealth.northmoor.example"),
    ("Brackenholm Wheels", "Community transport with wheelchair-accessible minibuses and trained drivers.", "brackenholm-wheels.example"),
    ("Northmoor Equipment Loans", "A loan store for specialist equipment, run with the council's occupational therapists.", "equipment.northmoor.example"),
    ("Pathways to Adulthood Northmoor", "Supported internships, travel training and independent living skills for 14 to 25 year olds.", "pathways.northmoor.example"),
    ("Harrowden Green Scouts and Guides", "Uniformed groups with leaders trained in including disabled young people.", "hgscouts.example"),
    ("Tumble and Bounce Trampoline Club", "Rebound therapy and trampolining sessions led by qualified coaches.", "tumbleandbounce.example"),
    ("Millbrook Sensory Arts", "Music, art and drama sessions built around the senses.", "millbrook-sensory.example"),
    ("Stanwick Vale Riding for the Disabled", "Riding and carriage driving for disabled children and adults.", "stanwick-rda.example"),
    ("Northmoor Carers Network", "Support and breaks for people who care for a family member.", "carers.northmoor.example"),
    ("Elderby Dads Together", "A group for dads and male carers of children with additional needs.", "elderby-dads.example"),
    ("Thornleigh Community Farm", "A working farm where children and young people learn and volunteer.", "thornleigh-farm.example"),
)


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


KINDS = (
    Kind("SPORT", ("Quiet swim in {place}", "{place} autism-friendly swimming", "Calm pool session, {place}"),
         (1, 2), (
             "A swimming session with the music off, the lights dimmed and only a few families in the pool. Staff know the children by name and the changing village has private cubicles.",
             "Relaxed swimming for autistic children and their families. Fewer swimmers, no whistles or wave machine, and a quiet area to wait in before you go in.",
             "A quieter swim for children who find busy pools overwhelming. Bring a sibling; carers swim free.",
         ), (4, 14), ("ASD", "SLCN", "SEMH"), ("", "2.50"), "in_person", "weekly",
         ("SA", "SU"), (9, 10), "Leisure Centre", 18, "universal"),
    Kind("SPORT", ("{place} inclusive football", "Football for all, {place}"),
         (1, 11), (
             "Friendly football coached at each player's pace, in small groups. No experience needed and no kit to buy.",
             "Weekly football for children who would like to play in a team that adapts to them. Boots not required.",
         ), (6, 16), ("MLD", "ASD", "SEMH", "DS"), ("", "3.00"), "in_person", "weekly",
         ("WE", "TH"), (17, 18), "Sports Hall", 14, "universal"),
    Kind("SPORT", ("Rebound therapy, {place}", "{place} trampoline club"),
         (12,), (
             "Trampolining and rebound therapy with hoist access to the bed. Coaches hold rebound therapy qualifications.",
             "Bouncing for fun, balance and strength. Sessions are one to one or in pairs.",
         ), (3, 19), ("PMLD", "PD", "SLD", "MSI"), ("4.00", "6.00"), "in_person", "weekly",
         ("TU", "FR"), (16, 17), "Sports Hall", 10, "targeted"),
    Kind("SPORT", ("Adapted riding at Stanwick Vale",), (14,), (
             "Riding lessons on calm ponies with side-walkers, ramps and a mounting block with a hoist.",
         ), (5, 18), ("PD", "ASD", "SLD", "VI"), ("12.00",), "in_person", "weekly",
         ("SA",), (11, 12), "Community Centre", 1, "targeted"),
    Kind("SB", ("Saturday short break club, {place}", "{place} Saturday club"),
         (0, 3), (
             "A Saturday club with one-to-one or two-to-one support, so children try new activities and parents get a few hours' break.",
             "Games, cooking, crafts and trips for disabled children, with trained staff and a high staffing ratio.",
         ), (5, 17), ("SLD", "PMLD", "ASD", "PD", "DS", "MSI"), ("", "10.00"), "in_person", "weekly",
         ("SA",), (10, 15), "Family Hub", 14, "targeted", "either"),
    Kind("SB", ("Overnight short breaks, {place}",), (0,), (
             "Planned overnight stays in a homely children's home for children with complex needs, after a social care assessment.",
         ), (8, 17), ("PMLD", "SLD", "MSI", "PD"), ("",), "in_person", "",
         ("FR",), (16, 10), "Family Hub", 2, "specialist", "assessment"),
    Kind("HOL", ("{place} holiday play scheme", "Winter play days, {place}", "Holiday club at {place}"),
         (3, 0), (
             "Play, crafts, sport and a trip out every day of the school holidays. Each child has a named play worker.",
             "A holiday scheme where disabled children and their brothers and sisters play together. Lunch included.",
             "Days packed with messy play, music, den building and cooking. Quiet room for time out.",
         ), (5, 14), ("ASD", "MLD", "SLD", "SEMH", "DS", "PD"), ("", "8.00", "15.00"), "in_person", "holiday",
         ("MO", "TU", "WE", "TH", "FR"), (10, 15), "Community Centre", 18, "targeted"),
    Kind("YOUTH", ("{place} youth club", "Friday social, {place}", "{place} inclusive youth night"),
         (4, 11), (
             "A youth club for young people with additional needs: pool, games consoles, cooking, and trips planned by the members.",
             "Meet friends, try something new and have a say in what happens next. Youth workers trained in autism and mental health.",
             "An evening club where nobody has to explain themselves. Drop in, or ask us for a visit first.",
         ), (11, 19), ("ASD", "SEMH", "MLD", "SLCN", "DS"), ("", "1.00", "2.00"), "in_person", "weekly",
         ("TU", "FR"), (18, 20), "Youth Centre", 18, "universal"),
    Kind("YOUTH", ("{place} scouts for all",), (11,), (
             "Scouting with leaders who adapt badges and camps so every member can take part.",
         ), (6, 14), ("ASD", "PD", "MLD", "HI"), ("3.50",), "in_person", "weekly",
         ("MO",), (18, 19), "Community Centre", 10, "universal"),
    Kind("YOUTH", ("Sensory music and art, {place}", "{place} sensory arts"),
         (13,), (
             "Sound, light and texture sessions for children with profound and multiple learning difficulties, with their carers.",
             "Music making with big instruments, lights and vibration, at the child's own pace.",
         ), (0, 11), ("PMLD", "MSI", "SLD", "VI", "HI"), ("", "3.00"), "in_person", "fortnightly",
         ("WE",), (13, 14), "Library", 12, "universal"),
    Kind("PARENT", ("{place} parent carer coffee morning", "Parent carer drop-in, {place}"),
         (5, 15), (
             "An informal coffee morning for parents and carers of children with SEND. Share what has worked, and meet others who understand.",
             "Come along for a chat, a cuppa and information about local services. Younger children welcome.",
         ), (0, 25), ("ASD", "SEMH", "SLCN", "MLD", "SPLD", "PD"), ("",), "in_person", "monthly",
         ("1TH", "2WE"), (10, 12), "Family Hub", 18, "universal"),
    Kind("PARENT", ("Dads' group, {place}",), (16,), (
             "A relaxed meet-up for dads and male carers, sometimes at the climbing wall, sometimes over breakfast.",
         ), (0, 25), ("ASD", "PD", "SLD", "DS"), ("",), "in_person", "monthly",
         ("-1SA",), (9, 11), "Community Centre", 4, "universal"),
    Kind("PARENT", ("Understanding autism: a course for parents", "Understanding anxiety: an online course"),
         (7, 5), (
             "A six-week online course for parents and carers after a diagnosis: what autism is, sensory needs, and planning for school.",
             "An online course about anxiety in children with SEND, with practical ideas to try at home between sessions.",
         ), (2, 18), ("ASD", "SEMH"), ("",), "online", "weekly",
         ("TU",), (19, 21), "Family Hub", 1, "universal", distinct=True),
    Kind("ADVICE", ("SENDIASS helpline",),
         (6,), (
             "Free, impartial and confidential advice about special educational needs, EHC needs assessments, plans and appeals.",
             "Talk to a trained adviser about SEN support at school, EHC plans, exclusions and tribunals. We can come to meetings with you.",
         ), (0, 25), ("ASD", "SEMH", "MLD", "SPLD", "SLCN", "PD", "HI", "VI"), ("",), "phone", "",
         ("MO",), (9, 17), "Library", 1, "", "self"),
    Kind("ADVICE", ("SENDIASS drop-in, {place}",), (6,), (
             "Bring your letters and questions: an adviser helps you understand the EHC process and what to ask for.",
         ), (0, 25), ("ASD", "SEMH", "MLD", "SPLD", "SLCN"), ("",), "in_person", "monthly",
         ("2TU",), (13, 15), "Library", 12, "", "self"),
    Kind("THERAPY", ("Speech and language therapy, {place} clinic", "Children's occupational therapy, {place}", "Physiotherapy for children, {place}"),
         (7,), (
             "Assessment and therapy for children whose speech, language, communication or swallowing needs extra help. Referral by a GP, health visitor or school.",
             "Support with everyday skills such as dressing, writing and eating, and advice on equipment at home and school.",
             "Therapy to help children move, balance and build strength, with programmes for home and school.",
         ), (0, 18), ("SLCN", "PD", "ASD", "DS", "SLD"), ("",), "in_person", "",
         ("MO",), (9, 17), "Family Hub", 8, "", "professional", distinct=True),
    Kind("TRAVEL", ("Home to school transport", "Independent travel training", "Accessible community minibus, {place}"),
         (0, 10, 8), (
             "Transport to school or college for children and young people who cannot walk or use public transport because of their needs.",
             "One-to-one training to use buses and trains safely, at the young person's pace, until they can travel alone.",
             "Door-to-door wheelchair-accessible minibus trips to clubs, appointments and shops. Book by phone.",
         ), (4, 25), ("PD", "SLD", "ASD", "VI", "MLD"), ("", "3.50"), "phone", "",
         ("MO",), (9, 16), "Community Centre", 4, "", "assessment", distinct=True),
    Kind("EQUIP", ("Specialist equipment loans", "Sensory toy library, {place}", "Home adaptations advice"),
         (9, 0), (
             "Short and long-term loans of specialist seating, standing frames, bathing aids and sleep systems.",
             "Borrow sensory toys, weighted blankets and communication aids free of charge for up to four weeks.",
             "Advice and grants for adaptations at home, such as ramps, level-access showers and hoists.",
         ), (0, 25), ("PD", "PMLD", "MSI", "VI", "HI"), ("",), "in_person", "monthly",
         ("1FR",), (10, 13), "Library", 10, "", "either", distinct=True),
    Kind("PFA", ("Supported internships", "Getting ready for work, {place}", "Living independently course"),
         (10, 4), (
             "A year-long study programme based at an employer, with a job coach, for young people with an EHC plan aged 16 to 24.",
             "Weekly sessions on CVs, interviews and what work is like, with visits to local employers.",
             "Cooking, budgeting, travel and looking after a home: a practical course for young people moving towards independence.",
         ), (14, 25), ("MLD", "SLD", "ASD", "DS", "SEMH"), ("", "5.00"), "in_person", "weekly",
         ("WE",), (14, 16), "Youth Centre", 12, "", "either", distinct=True),
    Kind("PFA", ("Volunteering at Thornleigh Community Farm",), (17,), (
             "Feeding animals, growing vegetables and running the farm shop with support from farm staff.",
         ), (14, 25), ("MLD", "ASD", "SEMH", "DS"), ("",), "in_person", "weekly",
         ("TH",), (10, 13), "Community Centre", 1, "", "self"),
)

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
