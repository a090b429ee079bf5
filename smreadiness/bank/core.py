"""The core question contract of ``readiness-model.md``: ids and option values, best first.

Answers files, reports and other tools refer to these, so a bank that declares ``core = true``
must carry every one of them unchanged.
"""

from __future__ import annotations

CORE_QUESTIONS: dict[str, tuple[str, ...] | str] = {
    "purpose.goals": ("measurable", "vague", "none"),
    "purpose.growth": ("grow", "steady", "content"),
    "purpose.plan_fit": ("integrated", "separate", "no_plan"),
    "market.audience": ("precise", "broad", "everyone"),
    "market.online": ("known", "unknown", "not_online"),
    "market.position": ("direct", "mixed", "subcontractor"),
    "market.industry": ("none", "regulated", "contested"),
    "market.employees": "number",
    "message.pitch": "text",
    "message.content_plan": ("documented", "informal", "none"),
    "message.focus": ("customer_value", "mixed", "self_promotion"),
    "resources.owner": ("named", "side_task", "nobody"),
    "resources.hours": "number",
    "resources.budget": ("planned", "ad_hoc", "none"),
    "resources.skills": ("skilled", "learning", "none"),
    "resources.staff": ("committed", "some", "no"),
    "culture.hierarchy": ("flat", "moderate", "strict"),
    "culture.leadership": ("participative", "mixed", "authoritarian"),
    "culture.openness": ("open", "cautious", "closed"),
    "culture.criticism": ("respond", "unsure", "delete_or_ignore"),
    "culture.secrets": ("low", "manageable", "high"),
    "culture.already_social": ("actively", "sometimes", "rarely"),
    "foundation.website": ("converting", "brochure", "none"),
    "foundation.blog": ("regular", "occasional", "none"),
    "foundation.email": ("active", "basic", "none"),
    "foundation.search": ("strong", "some", "weak"),
    "measurement.metrics": ("business", "engagement", "vanity", "none"),
    "measurement.tools": ("yes", "partly", "no"),
    "risk.identified": ("planned", "some", "none"),
    "risk.units": ("no", "managed", "unmanaged"),
}

CORE_NUMBER_RANGES: dict[str, tuple[float, float]] = {
    "market.employees": (1, 100_000),
    "resources.hours": (0, 168),
}
