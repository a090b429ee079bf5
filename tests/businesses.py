"""Twelve example businesses across trades, with the verdict expected from the sources.

Each verdict, and the reasons expected with it, was written down from the four source
articles before the tool was run on these answers (issue 12). ``reasons`` must all be present;
``absent`` must not be. The review script (``bench/review_advice.py``) prints them too.
"""

from __future__ import annotations

from typing import Any, NamedTuple

# A middling business: every answer a plausible one, nothing decisive either way.
_BASE: dict[str, Any] = {
    "purpose.goals": "vague",
    "purpose.growth": "grow",
    "purpose.plan_fit": "separate",
    "purpose.backing": "backing",
    "purpose.capacity": "room",
    "market.audience": "precise",
    "market.online": "known",
    "market.position": "direct",
    "market.industry": "none",
    "market.employees": 5,
    "message.content_plan": "informal",
    "message.focus": "mixed",
    "message.trends": "some_trends",
    "resources.owner": "named",
    "resources.hours": 4,
    "resources.budget": "ad_hoc",
    "resources.skills": "learning",
    "resources.staff": "some",
    "culture.hierarchy": "flat",
    "culture.leadership": "participative",
    "culture.openness": "open",
    "culture.criticism": "respond",
    "culture.secrets": "manageable",
    "culture.already_social": "sometimes",
    "foundation.website": "brochure",
    "foundation.blog": "occasional",
    "foundation.email": "basic",
    "foundation.search": "some",
    "measurement.metrics": "business",
    "measurement.tools": "partly",
    "risk.identified": "some",
    "risk.units": "no",
}


class Business(NamedTuple):
    id: str
    name: str
    trade: str
    answers: dict[str, Any]
    expected: str
    reasons: frozenset[str]
    absent: frozenset[str]
    why: str


def _b(
    id: str,  # noqa: A002 - the record's field name
    name: str,
    trade: str,
    expected: str,
    why: str,
    reasons: tuple[str, ...] = (),
    absent: tuple[str, ...] = (),
    **changes: Any,
) -> Business:
    answers = dict(_BASE)
    for key, value in changes.items():
        question = key.replace("__", ".")
        if value is None:
            answers.pop(question, None)
        else:
            answers[question] = value
    return Business(id, name, trade, answers, expected, frozenset(reasons), frozenset(absent), why)


BUSINESSES: tuple[Business, ...] = (
    _b(
        "accountant",
        "Aho Accounting",
        "accounting firm",
        "go",
        "Knows its clients and where they are (002), talks with them actively (003), judges by "
        "business results (000); its online foundations are thin, which 003 calls a "
        "prerequisite: a go with that to watch.",
        reasons=("weak-foundation", "already-social", "business-metrics"),
        absent=("practise-conversation",),
        market__employees=3,
        message__pitch="We do the books and payroll for small firms in Tampere, so owners "
        "can get on with their work.",
        message__focus="customer_value",
        culture__already_social="actively",
        foundation__blog="none",
        resources__hours=3,
    ),
    _b(
        "software-vague",
        "Cloudberry Software",
        "software firm",
        "not_yet",
        "Audience 'small firms' and no idea where they are online: the first cause of failure "
        "in 000 and 001, whatever the owner and the culture. Self-promotion (000) and "
        "engagement-only measurement are things to watch.",
        reasons=("audience-unclear", "self-promotion", "engagement-only"),
        market__employees=25,
        market__audience="broad",
        market__online="unknown",
        message__focus="self_promotion",
        measurement__metrics="engagement",
        resources__hours=6,
        message__pitch="Cloud software for small firms.",
        foundation__website="converting",
        culture__already_social="actively",
    ),
    _b(
        "salon-fully-booked",
        "Studio Kaisla",
        "hair salon",
        "no_go",
        "Four people, booked weeks ahead: the few-person firm that sees no benefit (002 "
        "comments); social media would only add work.",
        reasons=("small-firm-no-room",),
        absent=("no-goals", "low-score"),
        market__employees=4,
        purpose__capacity="full",
        message__pitch="Cuts and colour for busy people in Kallio, open until 8 pm.",
        culture__already_social="actively",
    ),
    _b(
        "plumber-subcontractor",
        "Mäki Plumbing",
        "plumbing subcontractor",
        "no_go",
        "Works for three main contractors and wants to stay as it is: the clear subcontractor "
        "position of 002. Only the knock-out, at most three weak areas and a bridge.",
        reasons=("subcontractor-no-growth",),
        absent=("no-owner", "no-goals", "too-few-hours", "low-score"),
        market__employees=6,
        market__position="subcontractor",
        purpose__growth="steady",
        resources__owner="nobody",
        resources__hours=0,
        purpose__goals="none",
        message__pitch="Pipework for new builds in the Turku region.",
    ),
    _b(
        "physio-clinic",
        "Liike Physiotherapy",
        "regulated clinic",
        "not_yet",
        "Regulated, very afraid of patient details leaking and no risk list: 002 says fear of "
        "leaks makes open social media a risk unless the firm's own rules are set; unsure how "
        "to answer criticism (000).",
        reasons=("secrets-no-risk-plan", "regulated-industry", "criticism-unsure"),
        market__employees=8,
        market__industry="regulated",
        culture__secrets="high",
        risk__identified="none",
        culture__criticism="unsure",
        message__pitch="Physiotherapy for desk workers with back pain, evening appointments "
        "in Espoo.",
    ),
    _b(
        "webshop-ready",
        "Polku Outdoor",
        "web shop",
        "go",
        "Everything the sources ask for is in place, including working online marketing (003): "
        "a go with nothing weak to watch.",
        reasons=("measurable-goals", "working-foundation", "business-metrics"),
        absent=("weak-foundation", "weak-resources", "elevator-story"),
        market__employees=5,
        purpose__goals="measurable",
        purpose__plan_fit="integrated",
        message__content_plan="documented",
        message__focus="customer_value",
        message__trends="own_course",
        resources__hours=8,
        resources__budget="planned",
        resources__skills="skilled",
        resources__staff="committed",
        culture__secrets="low",
        culture__already_social="actively",
        foundation__website="converting",
        foundation__blog="regular",
        foundation__email="active",
        foundation__search="strong",
        measurement__tools="yes",
        risk__identified="planned",
        message__pitch="Light hiking gear tested in Lapland, sent the same day.",
    ),
    _b(
        "cafe-sceptical-owner",
        "Café Verso",
        "café",
        "not_yet",
        "The owner doubts it is worth it while a barista is keen: 001 describes exactly this, "
        "social media handed to whoever is interested while the decision maker does not see "
        "the value.",
        reasons=("management-sceptical",),
        market__employees=4,
        purpose__backing="sceptical",
        resources__owner="side_task",
        resources__hours=3,
        message__pitch="Coffee and lunch soups by the Tammela market square.",
        culture__already_social="actively",
    ),
    _b(
        "brewery-busy",
        "Kettu Brewing",
        "craft brewery",
        "go",
        "Ready in most areas, but 14 hours a week is more than the hour a day beyond content "
        "that 001 calls likely waste, it chases every trend (000) and alcohol is regulated: "
        "a go with three things to watch.",
        reasons=("too-many-hours", "chasing-trends", "regulated-industry"),
        absent=("named-owner",),
        market__employees=7,
        market__industry="regulated",
        purpose__goals="measurable",
        resources__hours=14,
        message__trends="trends",
        message__focus="customer_value",
        culture__already_social="actively",
        foundation__website="converting",
        message__pitch="Sour beers brewed in Lahti; taproom open Thursday to Saturday.",
    ),
    _b(
        "consultancy-top-down",
        "Nordic Strategy Partners",
        "consultancy",
        "not_yet",
        "Strict hierarchy and a boss who decides everything would be a knock-out (002), but "
        "the consultants already answer clients every day (003): a blocker with a bridge. "
        "Its buzzword pitch needs work (002's elevator story).",
        reasons=("top-down-social",),
        absent=("closed-culture",),
        market__employees=10,
        culture__hierarchy="strict",
        culture__leadership="authoritarian",
        culture__already_social="actively",
        message__pitch="We deliver innovative, holistic solutions for world-class business "
        "excellence.",
    ),
    _b(
        "photographer-solo",
        "Photographer Ella Rinne",
        "one-person photographer",
        "go",
        "A firm of one who knows her couples and where they are, with time and a converting "
        "site: a go. No staff question for a firm of one, no staff advice.",
        reasons=("precise-audience", "named-owner"),
        absent=("staff-not-ready",),
        market__employees=1,
        resources__staff=None,
        purpose__goals="measurable",
        message__focus="customer_value",
        resources__skills="skilled",
        culture__already_social="actively",
        foundation__website="converting",
        foundation__email="none",
        measurement__tools="yes",
        resources__hours=5,
        message__pitch="Relaxed wedding photos for couples in Uusimaa who hate posing.",
    ),
    _b(
        "builder-content",
        "Koski Renovation",
        "small builder",
        "no_go",
        "Three people, happy as they are, no wish to grow: 002's comments say social media "
        "would then be only extra work and cost.",
        reasons=("no-wish-to-grow",),
        absent=("low-score",),
        market__employees=3,
        purpose__growth="content",
        message__pitch="Kitchen and bathroom renovations in Jyväskylä.",
    ),
    _b(
        "hotel-everyone",
        "Hotel Aalto",
        "hotel",
        "not_yet",
        "'Everyone' as the target group (001) and no budget set aside, as if social media were "
        "free (001): fix both first.",
        reasons=("audience-everyone", "no-budget"),
        market__employees=30,
        market__audience="everyone",
        resources__budget="none",
        message__pitch="A hotel by the lake in Tampere for business and leisure travellers.",
    ),
)

TRADE_WORDS = ("wool socks", "sourdough", "office breakfast", "gutters", "kallio", "counter")
"""Examples that once leaked from one trade into every report (issue 12)."""
