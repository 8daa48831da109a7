"""The catalogue of time limits: data only, one `Rule` per row.

Every figure, source and confidence tag is cited to a public source; rows
added for the whole caseload (reviews, transfers, tribunal orders) were checked
against the primary text where it could be read, and say so where it could not. Rows are grouped by family; the order here
is the order of ``sendkit rules`` and of the generated Rules page.
A change of figure or source here needs a matching row in
``tests/data/deadline_examples.csv``.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from ._model import (
    AlternativeClock,
    Basis,
    Confidence,
    Counting,
    Direction,
    Period,
    Roll,
    Rule,
    Uncounted,
    Unit,
)

__all__ = ["CATALOGUE"]

# -- sources ------------------------------------------------------------------

_LDRS_NOTTS: Final = (
    "https://www.hucknalldispatch.co.uk/news/politics/council/action-plan-to-drive-"
    "improvements-after-nottinghamshire-councils-special-needs-failings-revealed-4152387"
)
_SUMMARY_OF_CHANGES: Final = (
    "https://www.gov.uk/government/publications/area-send-framework-and-handbook/"
    "summary-of-changes"
)
_TES: Final = (
    "https://tes.com/magazine/news/specialist-sector/"
    "urgent-send-problems-in-third-areas-inspected-ofsted-cqc"
)
_SGPC: Final = "https://sgpc.org.uk/news-feed/inspection-possible-outcomes"
_NOTTS_OMG: Final = (
    "https://www.nottinghamshire.gov.uk/global-content/one-minute-guides/"
    "ofsted-and-care-quality-commission-local-area-send-inspections"
)
_LANCASHIRE: Final = (
    "https://www.lancashire.gov.uk/children-education-families/"
    "special-educational-needs-and-disabilities/your-local-offer/send-inspections/"
)
_PQ_LEGACY_WSOA: Final = "https://parallelparliament.co.uk/question/43359/special-educational-needs-local-government"
_SCHOOLS_WEEK_REPRIEVE: Final = (
    "https://schoolsweek.co.uk/failed-send-councils-could-get-four-year-reprieve/"
)
_WESTMINSTER: Final = "https://committees.westminster.gov.uk/mgAi.aspx?ID=9525"
_IPSEA_REVISITS: Final = "https://www.ipsea.org.uk/news/ofsted-and-the-cqc-to-revisit-failing-local-authorities"
_ESSEX_LEGACY: Final = (
    "https://schools.essex.gov.uk/admin/CQC_Ofsted_Local_Area_Review_Inspection/"
    "Pages/default.aspx"
)
_SNJ: Final = (
    "https://www.specialneedsjungle.com/after-ofsted-how-can-las-be-held-accountable-"
    "after-their-one-shot-send-inspection/"
)
_DERBY_SENDIASS: Final = "https://derbysendiass.org.uk/area-send-inspections-start-up/"
_PQ_APP: Final = (
    "https://parallelparliament.co.uk/question/6435/special-educational-needs"
)
_CUMBRIA: Final = "http://councilportal.cumbria.gov.uk/mgAi.aspx?ID=54839"
_DERBYSHIRE: Final = (
    "https://www.erewashsound.com/news/borough-wide/derbyshire-council-and-partners-"
    "plans-to-improve-special-educational-needs-services-after-critical-report"
)
_REG5: Final = "https://legislation.gov.uk/uksi/2014/1530/regulation/5/data.htm"
_REG8: Final = "https://edyourself.org/send-regulations/"
_REG10: Final = (
    "http://www.legislation.gov.uk/uksi/2014/1530/regulation/10/made/data.xht"
    "?view=snippet&wrap=true"
)
_REG13: Final = (
    "http://www.legislation.gov.uk/uksi/2014/1530/regulation/13/made/data.xht"
    "?view=snippet&wrap=true"
)
_REG27: Final = (
    "http://www.legislation.gov.uk/uksi/2014/1530/regulation/27/made?view=plain"
)
_S44_NOTES: Final = "http://www.legislation.gov.uk/ukpga/2014/6/notes/division/4/3/11/8"
_REG20: Final = (
    "http://www.legislation.gov.uk/uksi/2014/1530/regulation/20/data.xht"
    "?view=snippet&wrap=true"
)
_REG21: Final = (
    "http://www.legislation.gov.uk/uksi/2014/1530/regulation/21/made/data.xht"
    "?view=snippet&wrap=true"
)
_ESSEX_REVIEW: Final = (
    "https://send.essex.gov.uk/help-learning/step-by-step/steps-annual-review-process/"
    "what-happens-next"
)
_REG22: Final = (
    "https://legislation.gov.uk/cy/uksi/2014/1530/regulation/22/2020-05-01"
    "?view=plain+extent"
)
_DEVON: Final = (
    "https://www.lasen.co.uk/post/annual-reviews-high-court-clarifies-timetable-and-"
    "12-week-deadline-for-amendments"
)
_REG18: Final = (
    "https://legislation.gov.uk/uksi/2014/1530/part/2/crossheading/"
    "reviews-and-reassessments"
)
_MEDIATION: Final = (
    "http://www.legislation.gov.uk./uksi/2014/1530/part/2/crossheading/mediation/made"
)
_MUMSNET_COP: Final = (
    "https://www.mumsnet.com/talk/special_needs/1872434-draft-SEN-0-25-CoP-is-out-now"
)
_SEFTON: Final = (
    "http://www.seftondirectory.com/kb5/sefton/directory/site.page"
    "?id=05SE0eCpP_s&localofferchannel=1"
)
_IPSEA_MEDIATION: Final = "https://www.ipsea.org.uk/the-mediation-process"
_REG42: Final = "https://legislation.gov.uk/uksi/2014/1530/regulation/42/2014-09-01/data.htm?view=plain"
_TRIBUNAL_R20: Final = (
    "https://www.legislation.gov.uk/uksi/2008/2699/article/20/data.html"
)
_REG45: Final = (
    "https://legislation.gov.uk/id/uksi/2015/359/regulation/8/b?timeline=false"
)

_S44: Final = "https://www.legislation.gov.uk/ukpga/2014/6/section/44"
_TALEM_S44: Final = (
    "http://talemlaw.co.uk/the-local-government-and-social-care-ombudsman-update-"
    "nottinghamshire-county-council-18-001-869/"
)
_JAR_REG3: Final = "https://legislation.gov.uk/uksi/2015/1792/regulation/3"
_JAR_REG4: Final = "https://www.legislation.gov.uk/uksi/2015/1792/regulation/4"
_REG15: Final = "http://www.legislation.gov.uk./uksi/2014/1530/regulation/15/made"
_REG44: Final = "https://sendfamilymagic.mykajabi.com/blog/appeal-guidance"
_SURREY_UNOPPOSED: Final = (
    "https://www.sendadvicesurrey.org.uk/information-advice-and-resources/appeals/"
    "withdrawingstopping-an-appeal"
)
_IPSEA_RESPONSE: Final = (
    "https://www.ipsea.org.uk/faqs/after-i-made-my-appeal-my-la-agreed-to-make-the-"
    "changes-i-was-asking-for-in-sections-b-and-f-what-do-i-need-to-do"
)
_PB_REGS: Final = "https://legislation.gov.uk/uksi/2014/1652?timeline=false"
_SEN_EXPERT_PB: Final = (
    "https://www.senexpertsolicitors.co.uk/site/news/"
    "personal-budgets-direct-payments-and-sen-2"
)
_COP: Final = "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25"
_REASSESS: Final = "https://edyourself.org/send-regulations/"
_CPR_6_26: Final = (
    "https://www.justice.gov.uk/courts/procedure-rules/civil/rules/part06"
)

# -- validity -----------------------------------------------------------------

#: The 2016 local area SEND inspections began in May 2016 and the framework
#: was replaced on 1 January 2023 (Ofsted, local area SEND inspection guidance for inspectors).
_LEGACY_FROM: Final = dt.date(2016, 5, 1)
_LEGACY_UNTIL: Final = dt.date(2022, 12, 31)
#: The area SEND framework applies from 1 January 2023 (section 1).
_AREA_SEND_FROM: Final = dt.date(2023, 1, 1)
#: EHC plans and the SEND Regulations 2014 began on 1 September 2014.
_SEND_REGS_FROM: Final = dt.date(2014, 9, 1)

_EXCEPTIONS: Final = (
    "The limit does not apply where an exception in reg 10(4)(a)-(d) applies "
    "(an institution closed for 4 weeks or more, exceptional personal "
    "circumstances, absence from the area for 4 weeks or more); exceptions "
    "suspend the limit rather than extend it by a fixed amount."
)
_CLEAR_DAYS_READING: Final = (
    "Read as clear days (neither the day notice goes out nor the meeting day "
    "counts), so notice goes out at least 15 days before the meeting. That is "
    "the usual reading of 'at least' periods in English law (R v Turner "
    "[1910] 1 KB 346; Re Hector Whaling Ltd [1936] Ch 208), but no SEND source "
    "settles it: an unsettled reading. Override the rule's counting "
    "(start_is_day_zero: 14 days before) if your council reads it otherwise."
)
_REG44_TEXT: Final = (
    "Reg 44(2)(b)-(c) as reproduced by SEND Family Magic; the text of reg 44 "
    "was not read on legislation.gov.uk. The Tribunal may direct a different "
    "period (reg 44(1)); exceptions in reg 44(3)."
)
_AFTER_JUNE_2025: Final = (
    "The June 2025 handbook changed 'the process for priority action plans'; the "
    "new text could not be read, so this figure may have changed. Override it "
    "with a local rule file if your area has been told otherwise."
)

CATALOGUE: Final[tuple[Rule, ...]] = (
    # -- area SEND inspections (framework from 1 January 2023) ---------------
    Rule(
        code="area-send.pap.submit",
        summary="Submit the priority action plan to Ofsted and CQC (outcome 3)",
        clock_starts="the final full-inspection report is received",
        period=Period(35, Unit.WORKING_DAYS),
        basis=Basis.FRAMEWORK,
        source=(
            "Area SEND framework and handbook (2023), as reported by the Local "
            "Democracy Reporting Service (Nottinghamshire, May 2023)"
        ),
        url=_LDRS_NOTTS,
        confidence=Confidence.SECONDARY,
        valid_from=_AREA_SEND_FROM,
        note=(
            f"{_AFTER_JUNE_2025} A third-party claim of '35 to 50 working days' "
            "is weak and not used."
        ),
    ),
    Rule(
        code="area-send.pap.publish",
        summary="Publish the priority action plan (outcome 3)",
        clock_starts="the final full-inspection report is received (unconfirmed base)",
        period=Period(70, Unit.WORKING_DAYS),
        basis=Basis.FRAMEWORK,
        source=(
            "Area SEND framework and handbook (2023), as reported by the Local "
            "Democracy Reporting Service (Nottinghamshire, May 2023)"
        ),
        url=_LDRS_NOTTS,
        confidence=Confidence.SECONDARY,
        valid_from=_AREA_SEND_FROM,
        note=(
            "The source says only 'within 70 working days': whether the days run "
            "from receiving the report or from its publication is unconfirmed. "
            "If the priority action plan is the written statement of SI 2015/1792 "
            "regs 3-4 (the July 2025 handbook uses reg 3's term 'principal "
            "authority'), reg 4's 70 working days from receipt apply: an "
            "inference, not confirmed. Since 2025 feedback on the plan comes from "
            f"DfE and NHS England, not Ofsted and CQC. {_AFTER_JUNE_2025}"
        ),
    ),
    Rule(
        code="area-send.monitoring-inspection",
        summary="Monitoring inspection after a 'widespread and/or systemic failings' outcome",
        clock_starts="the partnership receives its final full-inspection report",
        period=Period(18, Unit.MONTHS),
        basis=Basis.USUAL_PRACTICE,
        source="Area SEND framework and handbook, para 21 (June 2025), per the summary of changes",
        url=_SUMMARY_OF_CHANGES,
        confidence=Confidence.PRIMARY_PARTIAL,
        valid_from=_AREA_SEND_FROM,
        note=(
            "'Usually' 18 months: an expected date. Monitoring inspections were "
            "paused in 2024-25 and resumed in summer 2025; Hertfordshire's came "
            "about 23 months after publication. Earlier press counted from the "
            "inspection, para 21 counts from receipt of the report."
        ),
    ),
    Rule(
        code="area-send.full-inspection.after-positive",
        summary="Next full inspection after a 'typically positive' outcome",
        clock_starts="the previous full inspection's final report",
        period=Period(60, Unit.MONTHS),
        basis=Basis.USUAL_PRACTICE,
        source="Tes report of the area SEND framework ('usually within about 5 years')",
        url=_TES,
        confidence=Confidence.SECONDARY,
        valid_from=_AREA_SEND_FROM,
        note=(
            "About 5 years, an expected date; every area is inspected at least "
            "once in any 5-year period (South Glos Parent Carers, Contact). The "
            "source does not say which date of the previous inspection starts the "
            "clock; sendkit uses its final report."
        ),
    ),
    Rule(
        code="area-send.full-inspection.after-inconsistent",
        summary="Next full inspection after an 'inconsistent experiences' outcome",
        clock_starts="the previous full inspection's final report",
        period=Period(36, Unit.MONTHS),
        basis=Basis.USUAL_PRACTICE,
        source="Tes report of the area SEND framework ('usually within about 3 years')",
        url=_TES,
        confidence=Confidence.SECONDARY,
        valid_from=_AREA_SEND_FROM,
        note="About 3 years, an expected date; the clock's base is not stated by the source.",
    ),
    Rule(
        code="area-send.full-inspection.after-systemic",
        summary="Next full inspection after a 'widespread and/or systemic failings' outcome",
        clock_starts="the previous full inspection's final report",
        period=Period(36, Unit.MONTHS),
        basis=Basis.USUAL_PRACTICE,
        source=(
            "South Glos Parent Carers, reproducing the framework's outcomes table; "
            "Tes ('within 3 years')"
        ),
        url=_SGPC,
        confidence=Confidence.SECONDARY,
        valid_from=_AREA_SEND_FROM,
        note="About 3 years, an expected date; a monitoring inspection comes first.",
    ),
    Rule(
        code="area-send.full-inspection.legacy-wsoa",
        summary=(
            "First full inspection of an area whose 2016-framework written "
            "statement of action was never revisited"
        ),
        clock_starts="the area SEND framework begins (1 January 2023)",
        period=Period(36, Unit.MONTHS),
        basis=Basis.USUAL_PRACTICE,
        counting=Counting.START_IS_DAY_ONE,
        source=(
            "Parliamentary answer of 9 April 2025; Schools Week ('Failed SEND "
            "councils could get four-year reprieve')"
        ),
        url=_PQ_LEGACY_WSOA,
        confidence=Confidence.SECONDARY,
        valid_from=_AREA_SEND_FROM,
        valid_until=_AREA_SEND_FROM,
        note=(
            "Revisits under the 2016 framework ended in December 2022; areas with "
            "a written statement that were not revisited were promised a full "
            "inspection within the first 3 years of the new framework. 3 years "
            "beginning with 1 January 2023 end on 31 December 2025. A promise, so "
            f"an expected date. Schools Week: {_SCHOOLS_WEEK_REPRIEVE}"
        ),
    ),
    Rule(
        code="area-send.engagement-meeting",
        summary="Annual engagement meeting with Ofsted and CQC",
        clock_starts="the previous engagement meeting (or the last full inspection)",
        period=Period(12, Unit.MONTHS),
        basis=Basis.USUAL_PRACTICE,
        source="Nottinghamshire County Council one-minute guide to area SEND inspections",
        url=_NOTTS_OMG,
        confidence=Confidence.SECONDARY,
        valid_from=_AREA_SEND_FROM,
        note=(
            "'Annual' comes from a council guide only; the June 2025 handbook "
            "revised the engagement-meeting text (para 17), which could not be read."
        ),
    ),
    Rule(
        code="area-send.on-site",
        summary="Inspectors arrive on site for the fieldwork week of a full inspection",
        clock_starts="the partnership is notified (a Monday morning)",
        period=Period(10, Unit.WORKING_DAYS),
        basis=Basis.USUAL_PRACTICE,
        source=(
            "Lancashire County Council's account of the framework ('10 working days "
            "before inspectors come on site'); Hackney Local Offer (3-week inspection "
            "from a Monday call)"
        ),
        url=_LANCASHIRE,
        confidence=Confidence.SECONDARY,
        valid_from=_AREA_SEND_FROM,
        note=(
            "Not checked against the handbook, whose December 2023 update changed "
            "'the number of days before fieldwork begins'. Lancashire also says "
            "8 working days before fieldwork begins."
        ),
    ),
    # -- DfE / NHS England support and challenge -------------------------------
    Rule(
        code="dfe.stocktake",
        summary="DfE and NHS England stocktake of progress after an outcome 3",
        clock_starts="the outcome-3 full-inspection report",
        period=Period(6, Unit.MONTHS),
        basis=Basis.USUAL_PRACTICE,
        source=(
            "Derbyshire County Council cabinet member, December 2024, as reported "
            "locally ('a stocktake after six months')"
        ),
        url=_DERBYSHIRE,
        confidence=Confidence.SECONDARY,
        valid_from=_AREA_SEND_FROM,
        note=(
            "One area's account, not a national rule: the DfE guidance's per-outcome "
            "text could not be read, and no fixed 6-month stocktake is confirmed. "
            "Nottinghamshire's stocktake came about 8 months after its report."
        ),
    ),
    # -- 2016-2022 framework (written statement of action) ----------------------
    Rule(
        code="legacy.on-site",
        summary="Local area SEND inspection begins on site (2016-2022 framework)",
        clock_starts="the area is notified (a Monday)",
        period=Period(5, Unit.WORKING_DAYS),
        basis=Basis.USUAL_PRACTICE,
        source=(
            "Essex and Durham local offer pages and an Ofsted blog (2017): notified "
            "on a Monday, inspection from the following Monday"
        ),
        url=_ESSEX_LEGACY,
        confidence=Confidence.SECONDARY,
        valid_from=_LEGACY_FROM,
        valid_until=_LEGACY_UNTIL,
        note="5 working days' notice; the on-site inspection usually lasted 5 days.",
    ),
    Rule(
        code="legacy.letter.published",
        summary="Inspection outcome letter published (2016-2022 framework)",
        clock_starts="the on-site inspection",
        period=Period(2, Unit.MONTHS),
        basis=Basis.USUAL_PRACTICE,
        source="Special Needs Jungle ('usually about two months after the inspection')",
        url=_SNJ,
        confidence=Confidence.SECONDARY,
        valid_from=_LEGACY_FROM,
        valid_until=_LEGACY_UNTIL,
        note="Observed in Ofsted's data: 44-149 calendar days from the start, median 66.",
    ),
    Rule(
        code="legacy.wsoa.submit",
        summary="Submit the written statement of action (2016-2022 framework)",
        clock_starts="the inspection report (outcome letter) is received",
        period=Period(70, Unit.WORKING_DAYS),
        basis=Basis.LAW,
        source=(
            "Children Act 2004 (Joint Area Reviews) Regulations 2015 (SI 2015/1792), "
            "reg 4 ('within 70 working days of receiving the report'); reg 3 "
            "requires the report and names the principal authority"
        ),
        url=_JAR_REG4,
        confidence=Confidence.PRIMARY_PARTIAL,
        valid_from=_LEGACY_FROM,
        valid_until=_LEGACY_UNTIL,
        note=(
            "Law, counted from receipt of the report. Reg 3 was read on "
            f"legislation.gov.uk ({_JAR_REG3}); the 70-working-day wording of "
            "reg 4 is as quoted in Westminster City Council committee minutes "
            f"({_WESTMINSTER}) and could not be read on legislation.gov.uk, so the "
            "figure stays flagged until it is. Since 2025, feedback on a priority "
            "action plan comes from DfE and NHS England, not Ofsted and CQC."
        ),
    ),
    Rule(
        code="legacy.wsoa.dfe-review",
        summary="DfE and NHS England review of progress on the written statement of action",
        clock_starts="the previous review (or the statement being accepted)",
        period=Period(3, Unit.MONTHS),
        basis=Basis.USUAL_PRACTICE,
        source="Cumbria and Darlington council records ('quarterly' monitoring)",
        url=_CUMBRIA,
        confidence=Confidence.SECONDARY,
        valid_from=_LEGACY_FROM,
        valid_until=_LEGACY_UNTIL,
        note="Typically quarterly; local practice, not a published rule.",
    ),
    Rule(
        code="legacy.revisit",
        summary="Ofsted and CQC revisit an area with a written statement of action",
        clock_starts="the written statement of action is accepted as fit for purpose",
        period=Period(18, Unit.MONTHS),
        basis=Basis.USUAL_PRACTICE,
        source="DfE announcement of revisits (November 2018), as reported by IPSEA and nasen",
        url=_IPSEA_REVISITS,
        confidence=Confidence.SECONDARY,
        valid_from=_LEGACY_FROM,
        valid_until=_LEGACY_UNTIL,
        note=(
            "'Usually within 18 months'. Revisits began in December 2018, paused "
            "for COVID from March 2020 to April 2021 and ended in December 2022; "
            "areas never revisited were promised a full inspection by the end of 2025."
        ),
    ),
    Rule(
        code="legacy.revisit.on-site",
        summary="Revisit of an area with a written statement of action begins",
        clock_starts="the area is notified of the revisit",
        period=Period(10, Unit.WORKING_DAYS),
        basis=Basis.USUAL_PRACTICE,
        source="Derby SENDIASS quoting Ofsted's 2021 revisit guidance ('10 working days')",
        url=_DERBY_SENDIASS,
        confidence=Confidence.SECONDARY,
        valid_from=_LEGACY_FROM,
        valid_until=_LEGACY_UNTIL,
        note="Earlier descriptions say '10 days' without the unit; revisits lasted 2-4 days.",
    ),
    Rule(
        code="legacy.revisit.report",
        summary="Revisit report published",
        clock_starts="the revisit ends",
        period=Period(33, Unit.CALENDAR_DAYS),
        basis=Basis.USUAL_PRACTICE,
        source="DfE announcement of revisits (November 2018), as reported by IPSEA",
        url=_IPSEA_REVISITS,
        confidence=Confidence.UNCONFIRMED,
        valid_from=_LEGACY_FROM,
        valid_until=_LEGACY_UNTIL,
        note=(
            "'Usually 33 days': the unit (calendar or working days) is not stated, "
            "so calendar days are assumed. Observed: 39-149 calendar days from the "
            "start of the revisit."
        ),
    ),
    Rule(
        code="legacy.app.review",
        summary="Formal review of an accelerated progress plan (after insufficient progress)",
        clock_starts="the revisit report",
        period=Period(6, Unit.MONTHS),
        basis=Basis.USUAL_PRACTICE,
        source="Parliamentary answer of 27 May 2021 ('within at least 6 months')",
        url=_PQ_APP,
        confidence=Confidence.SECONDARY,
        valid_from=_LEGACY_FROM,
        note="Reviews then continue six-monthly until progress is sufficient (South Gloucestershire).",
    ),
    # -- EHC needs assessment and plan (SEND Regulations 2014) -----------------
    Rule(
        code="ehc.decision-to-assess",
        summary="Notify the decision whether to carry out an EHC needs assessment",
        clock_starts="the request for an assessment is received (or the LA becomes responsible)",
        period=Period(6, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014 (SI 2014/1530), reg 5(1)",
        url=_REG5,
        confidence=Confidence.PRIMARY,
        valid_from=_SEND_REGS_FROM,
        note="Exceptions in reg 5(4) (institution closures; further limbs not read).",
    ),
    Rule(
        code="ehc.advice",
        summary="Advice and information requested for an EHC needs assessment provided",
        clock_starts="the request for advice",
        period=Period(6, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 8, as summarised by edyourself.org",
        url=_REG8,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
        note=(
            "Not required where the parent or young person failed to keep an "
            "appointment for an examination or test in the period."
        ),
    ),
    Rule(
        code="ehc.decision-not-to-issue",
        summary="Notify a decision not to issue an EHC plan after assessment",
        clock_starts="the request for an assessment is received (or the LA becomes responsible)",
        period=Period(16, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 10(1)",
        url=_REG10,
        confidence=Confidence.PRIMARY,
        valid_from=_SEND_REGS_FROM,
        note=_EXCEPTIONS,
    ),
    Rule(
        code="ehc.draft-representations",
        summary="Last day of the parent's or young person's window to respond to a draft plan",
        clock_starts="the draft EHC plan is served",
        period=Period(15, Unit.CALENDAR_DAYS),
        basis=Basis.LAW,
        counting=Counting.START_IS_DAY_ONE,
        source="SEND Regulations 2014, reg 13(1) ('at least 15 days beginning with the day on which it was served')",
        url=_REG13,
        confidence=Confidence.PRIMARY,
        valid_from=_SEND_REGS_FROM,
        note=(
            "A minimum: the LA must allow at least this long, so it must not "
            "finalise the plan before this day has passed."
        ),
    ),
    Rule(
        code="ehc.final-plan",
        summary="Issue the final EHC plan",
        clock_starts="the request for an assessment is received (or the LA becomes responsible)",
        period=Period(20, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 13(2); exceptions reg 13(3)",
        url=_REG13,
        confidence=Confidence.PRIMARY,
        valid_from=_SEND_REGS_FROM,
        note=(
            "'As soon as practicable, and in any event within 20 weeks': the due "
            "date is the latest compliant day. Whether the end day is inclusive is "
            f"settled by no source. {_EXCEPTIONS}"
        ),
    ),
    Rule(
        code="ehc.reassessment",
        summary="Finalise the amended or replacement plan after a reassessment",
        clock_starts="the reg 25(1) notification, or the decision to reassess under s44(3)",
        period=Period(14, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 27(2)-(3)",
        url=_REG27,
        confidence=Confidence.PRIMARY,
        valid_from=_SEND_REGS_FROM,
        note="Exceptions in reg 27(3), the same as for the 20-week limit.",
    ),
    # -- reviewing an EHC plan --------------------------------------------------
    Rule(
        code="ehc.review.annual",
        summary="Review the EHC plan",
        clock_starts="the plan was first made, then the previous review",
        period=Period(12, Unit.MONTHS),
        basis=Basis.LAW,
        counting=Counting.START_IS_DAY_ONE,
        source=(
            "Children and Families Act 2014, s44(1) ('during the period of 12 "
            "months starting with the date on which the EHC plan was made', then "
            "each 12 months starting with the date of the last review)"
        ),
        url=_S44,
        confidence=Confidence.PRIMARY_PARTIAL,
        valid_from=_SEND_REGS_FROM,
        note=(
            "A period starting with a day counts that day as day 1, so a plan "
            "made on 15 March 2024 must be reviewed by 14 March 2025, and one made "
            "on 29 February 2024 by 28 February 2025. The 12 months are in the "
            f"Act's explanatory notes ({_S44_NOTES}); the 'starting with' wording "
            f"is as quoted by Talem Law ({_TALEM_S44}), the Act's own page was not "
            "read. Reg 15(5)(a), read in full, uses the same 'beginning with' form "
            "for a transferred plan."
        ),
    ),
    Rule(
        code="ehc.review.under-5",
        summary="Consider reviewing the EHC plan of a child under 5",
        clock_starts="the plan was made, then the previous review",
        period=Period(6, Unit.MONTHS),
        basis=Basis.USUAL_PRACTICE,
        counting=Counting.START_IS_DAY_ONE,
        source=(
            "SEND Code of Practice 0 to 25 (2015), para 9.178 ('should consider "
            "reviewing an EHC plan for a child under 5 at least every three to "
            "six months')"
        ),
        url=_COP,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
        note=(
            "Statutory guidance ('should'), not a time limit in law: an expected "
            "date at the outer end of the 3-6 month range. The paragraph's "
            "wording is as reported; the Code itself was not read."
        ),
    ),
    Rule(
        code="ehc.review.meeting-notice",
        summary="Give notice of an EHC plan review meeting",
        clock_starts="the review meeting",
        period=Period(2, Unit.WEEKS),
        basis=Basis.LAW,
        direction=Direction.BEFORE,
        counting=Counting.CLEAR_DAYS,
        source=(
            "SEND Regulations 2014, reg 20(3) (attends school) and reg 21(3) "
            "(does not): 'At least two weeks' notice of the date of the meeting'"
        ),
        url=_REG20,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
        note=(
            "The 2 weeks were read in regs 20(3) and 21(3). The due date is the "
            f"last day notice can go out. {_CLEAR_DAYS_READING}"
        ),
    ),
    Rule(
        code="ehc.review.advice-circulated",
        summary="Circulate advice and information for an EHC plan review meeting",
        clock_starts="the review meeting",
        period=Period(2, Unit.WEEKS),
        basis=Basis.LAW,
        direction=Direction.BEFORE,
        counting=Counting.CLEAR_DAYS,
        source=(
            "SEND Regulations 2014, reg 20(4) (attends school) and reg 21(4) "
            "(does not): circulate advice 'at least two weeks in advance of the "
            "review meeting'"
        ),
        url=_REG21,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
        note=(f"The 2 weeks were read in regs 20(4) and 21(4). {_CLEAR_DAYS_READING}"),
    ),
    Rule(
        code="ehc.review.report",
        summary="Prepare and send the review report with recommendations",
        clock_starts="the review meeting",
        period=Period(2, Unit.WEEKS),
        basis=Basis.LAW,
        source=(
            "SEND Regulations 2014, reg 21(7) (not attending school); the reg 20 "
            "equivalent per Birmingham Local Offer and Code of Practice 9.176"
        ),
        url=_REG21,
        confidence=Confidence.PRIMARY_PARTIAL,
        valid_from=_SEND_REGS_FROM,
        note="Reg 21(7) was read; the school-attending rule (reg 20) is from secondary sources.",
    ),
    Rule(
        code="ehc.review.decision",
        summary="Notify the decision after a review (keep, amend or cease the plan)",
        clock_starts="the review meeting",
        period=Period(4, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 20(10) and reg 21 equivalent, per Essex Local Offer and Code of Practice 9.168-9.169",
        url=_ESSEX_REVIEW,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
        note="The text of reg 20(10) was not read.",
    ),
    Rule(
        code="ehc.review.amendment-representations",
        summary="Last day of the window to respond to proposed amendments",
        clock_starts="the notice of proposed amendments is served",
        period=Period(15, Unit.CALENDAR_DAYS),
        basis=Basis.LAW,
        counting=Counting.START_IS_DAY_ONE,
        source="SEND Regulations 2014, reg 22(2)(c) ('at least 15 days, beginning with the day on which the notice was served')",
        url=_REG22,
        confidence=Confidence.PRIMARY,
        valid_from=_SEND_REGS_FROM,
    ),
    Rule(
        code="ehc.review.amended-plan",
        summary="Issue the final amended EHC plan",
        clock_starts="the LA sends the amendment notice with the proposed amendments",
        period=Period(8, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 22(3)",
        url=_REG22,
        confidence=Confidence.PRIMARY,
        valid_from=_SEND_REGS_FROM,
        note=(
            "Since R (L & Ors) v Devon CC [2022] EWHC 493 (Admin) the amendments "
            "must go with the 4-week post-review notice, so in practice the final "
            "plan is due 12 weeks after the review meeting "
            "(ehc.review.amended-plan-from-meeting)."
        ),
    ),
    Rule(
        code="ehc.review.amended-plan-from-meeting",
        summary="Issue the final amended EHC plan, counted from the review meeting",
        clock_starts="the review meeting",
        period=Period(12, Unit.WEEKS),
        basis=Basis.LAW,
        source=(
            "SEND Regulations 2014, reg 20(10) and 22(3) as read in R (L & Ors) v "
            "Devon County Council [2022] EWHC 493 (Admin), per LASEN"
        ),
        url=_DEVON,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
        note="4 weeks for the notice with the amendments plus 8 weeks for the final plan.",
    ),
    Rule(
        code="ehc.phase-transfer",
        summary="Review and amend the plan before a transfer between phases (not to post-16)",
        clock_starts="the transfer (its calendar year sets the date)",
        period=Period(15, Unit.FIXED_DATE, month=2),
        basis=Basis.LAW,
        counting=Counting.DAY_BEFORE,
        source="SEND Regulations 2014, reg 18(1)(b) ('before 15th February in the calendar year of the transfer')",
        url=_REG18,
        confidence=Confidence.PRIMARY,
        valid_from=_SEND_REGS_FROM,
        note=(
            "Early years to school, infant to junior, primary to middle, primary "
            "or middle to secondary (phases defined in reg 2(1)). 'Before' 15 "
            "February: the last day in time is 14 February."
        ),
    ),
    Rule(
        code="ehc.phase-transfer.post-16",
        summary="Review and amend the plan before a transfer from secondary school to post-16",
        clock_starts="the transfer (its calendar year sets the date)",
        period=Period(31, Unit.FIXED_DATE, month=3),
        basis=Basis.LAW,
        counting=Counting.DAY_BEFORE,
        source="SEND Regulations 2014, reg 18(1)(a) ('before 31st March in the calendar year of the transfer')",
        url=_REG18,
        confidence=Confidence.PRIMARY,
        valid_from=_SEND_REGS_FROM,
        note="'Before' 31 March: the last day in time is 30 March.",
    ),
    Rule(
        code="ehc.phase-transfer.between-post-16",
        summary="Review and amend the plan before a transfer between post-16 institutions",
        clock_starts="the transfer",
        period=Period(5, Unit.MONTHS),
        basis=Basis.LAW,
        direction=Direction.BEFORE,
        source="SEND Regulations 2014, reg 18(2) ('at least 5 months before the transfer')",
        url=_REG18,
        confidence=Confidence.PRIMARY,
        valid_from=_SEND_REGS_FROM,
    ),
    # -- plans moving between councils (SEND Regulations 2014 reg 15) ----------
    Rule(
        code="ehc.transfer.plan",
        summary="Old council transfers the EHC plan to the new council after a move",
        clock_starts="the old council learns of the move",
        period=Period(15, Unit.WORKING_DAYS),
        basis=Basis.LAW,
        counting=Counting.START_IS_DAY_ONE,
        source=(
            "SEND Regulations 2014, reg 15(2) ('within 15 working days beginning "
            "with the day on which it did become aware')"
        ),
        url=_REG15,
        confidence=Confidence.PRIMARY,
        valid_from=_SEND_REGS_FROM,
        note=(
            "Applies when the old council learns of the move less than 15 working "
            "days before it; otherwise the plan goes on the day of the move. The "
            "SEND Regulations do not define 'working day': Monday to Friday "
            "without bank holidays is assumed."
        ),
    ),
    Rule(
        code="ehc.transfer.notify",
        summary="New council tells the family the plan has moved, whether it will assess, and when it will review",
        clock_starts="the plan is transferred",
        period=Period(6, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 15(4) ('within 6 weeks of the date of the transfer')",
        url=_REG15,
        confidence=Confidence.PRIMARY,
        valid_from=_SEND_REGS_FROM,
    ),
    Rule(
        code="ehc.transfer.review",
        summary="New council reviews a transferred EHC plan",
        clock_starts="the plan is transferred",
        period=Period(3, Unit.MONTHS),
        basis=Basis.LAW,
        counting=Counting.START_IS_DAY_ONE,
        alternatives=(
            AlternativeClock(
                input="last_review",
                clock_starts="the plan was made or last reviewed (by the old council)",
                period=Period(12, Unit.MONTHS),
                counting=Counting.START_IS_DAY_ONE,
            ),
        ),
        source=(
            "SEND Regulations 2014, reg 15(5): before the later of 12 months "
            "beginning with the date the plan was made or last reviewed, and 3 "
            "months beginning with the date of the transfer"
        ),
        url=_REG15,
        confidence=Confidence.PRIMARY_PARTIAL,
        valid_from=_SEND_REGS_FROM,
        note=(
            "Reg 15(5)(a) (12 months) was read; the 3 months of limb (b) are from "
            "secondary accounts, as the text read was cut off there. Give "
            "last_review= for the 12-month clock."
        ),
    ),
    # -- reassessment requests (SEND Regulations 2014 regs 24-25) ----------------
    Rule(
        code="ehc.reassessment.decision",
        summary="Notify the decision whether to reassess after a request",
        clock_starts="the request for a reassessment is received",
        period=Period(15, Unit.CALENDAR_DAYS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 25(1) (number believed), per domain summaries such as edyourself.org",
        url=_REASSESS,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
        note="Regs 24-25 were not read on legislation.gov.uk.",
    ),
    Rule(
        code="ehc.reassessment.repeat-request",
        summary="End of the period in which a repeat request for a reassessment may be refused",
        clock_starts="the last EHC needs assessment",
        period=Period(6, Unit.MONTHS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 24 (number believed): a request may be refused within 6 months of the last assessment",
        url=_REASSESS,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
        note=(
            "Not a deadline for the council: the first day after which the "
            "6-month ground for refusing a repeat request no longer applies. "
            "Regs 24-25 were not read on legislation.gov.uk."
        ),
    ),
    # -- personal budgets (SI 2014/1652) ------------------------------------------
    Rule(
        code="personal-budget.direct-payments.first-review",
        summary="First review of direct payments for special educational provision",
        clock_starts="direct payments are first made",
        period=Period(3, Unit.MONTHS),
        basis=Basis.LAW,
        source=(
            "Special Educational Needs (Personal Budgets) Regulations 2014 "
            "(SI 2014/1652), reg 11, as described by SEN Expert Solicitors"
        ),
        url=_SEN_EXPERT_PB,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
        note=(
            "Reviewed within the first 3 months, then at each annual review and "
            f"reassessment. The regulations ({_PB_REGS}) were read only in part "
            "(regs 1-3); the 2012 pilot order it replaced had the same 3 months."
        ),
    ),
    # -- mediation (SEND Regulations 2014, Part 2) -------------------------------
    Rule(
        code="mediation.contact",
        summary="Contact a mediation adviser (where a certificate is needed before appeal)",
        clock_starts="written notice of the LA's decision is sent",
        period=Period(2, Unit.MONTHS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 33",
        url=_MEDIATION,
        confidence=Confidence.PRIMARY,
        valid_from=_SEND_REGS_FROM,
    ),
    Rule(
        code="mediation.certificate",
        summary="Mediation certificate issued when the parent or young person does not want mediation",
        clock_starts="the parent or young person tells the mediation adviser",
        period=Period(3, Unit.WORKING_DAYS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 34 (number believed), as quoted from the Code of Practice on Mumsnet; SOS!SEN says 'three days'",
        url=_MUMSNET_COP,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
        note="Regs 34-39 were not read; the SEND Regulations do not define 'working day'.",
    ),
    Rule(
        code="mediation.health-notice",
        summary="LA tells each relevant ICB that mediation includes health care provision",
        clock_starts="the LA is told the parent or young person wants mediation",
        period=Period(3, Unit.WORKING_DAYS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, mediation provisions, as described by IPSEA",
        url=_IPSEA_MEDIATION,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
    ),
    Rule(
        code="mediation.held",
        summary="Mediation takes place",
        clock_starts="the LA is notified that the parent or young person wants mediation",
        period=Period(30, Unit.CALENDAR_DAYS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, regs 35-37 (numbers believed), per Sefton Local Offer and Wokingham SENDIASS",
        url=_SEFTON,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
        note=(
            "If the LA cannot arrange mediation in time, the adviser issues a "
            "certificate within 3 working days (mediation.deemed-certificate)."
        ),
    ),
    Rule(
        code="mediation.deemed-certificate",
        summary="Certificate issued when the LA cannot arrange mediation in time",
        clock_starts="the mediation adviser is told mediation cannot take place within 30 days",
        period=Period(3, Unit.WORKING_DAYS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, mediation provisions, as described by IPSEA (Sefton says '3 days')",
        url=_IPSEA_MEDIATION,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
    ),
    Rule(
        code="mediation.certificate-after",
        summary="Mediation certificate issued after mediation ends",
        clock_starts="the mediation concludes",
        period=Period(3, Unit.WORKING_DAYS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 39 (number believed), per Sefton Local Offer and the Code of Practice as quoted on Mumsnet",
        url=_SEFTON,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
    ),
    Rule(
        code="mediation.agreement",
        summary="Act on a mediation agreement about a matter with no right of appeal",
        clock_starts="the mediation agreement is made",
        period=Period(2, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 42(2)-(4)",
        url=_REG42,
        confidence=Confidence.PRIMARY,
        valid_from=_SEND_REGS_FROM,
        note="For appealable matters the tribunal-order time limits of reg 44 apply instead.",
    ),
    Rule(
        code="mediation.agreement.notify-la",
        summary="Commissioning body tells the LA about a mediation agreement the LA was not party to",
        clock_starts="the mediation agreement is made",
        period=Period(1, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 42(2)-(4)",
        url=_REG42,
        confidence=Confidence.PRIMARY,
        valid_from=_SEND_REGS_FROM,
    ),
    # -- First-tier Tribunal (SEND) ---------------------------------------------
    Rule(
        code="tribunal.appeal",
        summary="Appeal to the First-tier Tribunal (SEND)",
        clock_starts="written notice of the decision being appealed is sent",
        period=Period(2, Unit.MONTHS),
        basis=Basis.LAW,
        roll=Roll.TRIBUNAL_RULE_12,
        alternatives=(
            AlternativeClock(
                input="certificate_issued",
                clock_starts="the mediation certificate is issued",
                period=Period(1, Unit.MONTHS),
            ),
        ),
        source=(
            "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, rule "
            "20(1)(c); rule 12(2)-(3) for non-working days, August and Christmas"
        ),
        url=_TRIBUNAL_R20,
        confidence=Confidence.PRIMARY,
        note=(
            "2 months from the decision notice or 1 month from the mediation "
            "certificate, whichever is later. Rule 12(3) is taken from its amended "
            "text as quoted at mentalhealthlaw.co.uk."
        ),
    ),
    Rule(
        code="tribunal.unopposed.assessment",
        summary="LA that will not oppose an appeal notifies that the assessment will be made",
        clock_starts="the LA tells the Tribunal it will not oppose the appeal",
        period=Period(2, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 45 as amended by SI 2015/359 reg 8",
        url=_REG45,
        confidence=Confidence.PRIMARY,
        valid_from=_SEND_REGS_FROM,
    ),
    Rule(
        code="tribunal.unopposed.not-to-issue",
        summary="LA that will not oppose an appeal notifies a decision not to issue a plan",
        clock_starts="the LA tells the Tribunal it will not oppose the appeal",
        period=Period(10, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 45 as amended by SI 2015/359 reg 8",
        url=_REG45,
        confidence=Confidence.PRIMARY,
        valid_from=_SEND_REGS_FROM,
    ),
    Rule(
        code="tribunal.unopposed.final-plan",
        summary="LA that will not oppose an appeal issues the final EHC plan",
        clock_starts="the LA tells the Tribunal it will not oppose the appeal",
        period=Period(14, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 45 as amended by SI 2015/359 reg 8",
        url=_REG45,
        confidence=Confidence.PRIMARY,
        valid_from=_SEND_REGS_FROM,
    ),
    Rule(
        code="tribunal.unopposed.amended-plan",
        summary="LA that will not oppose an appeal issues the amended EHC plan",
        clock_starts="the LA tells the Tribunal it will not oppose the appeal",
        period=Period(5, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 45 as amended by SI 2015/359 reg 8",
        url=_REG45,
        confidence=Confidence.PRIMARY,
        valid_from=_SEND_REGS_FROM,
    ),
    Rule(
        code="tribunal.unopposed.draft-plan",
        summary="LA that will not oppose a refusal-to-issue appeal issues a draft EHC plan",
        clock_starts="the LA tells the Tribunal it will not oppose the appeal",
        period=Period(5, Unit.WEEKS),
        basis=Basis.LAW,
        source=(
            "SEND Regulations 2014, reg 45 as amended by SI 2015/359 reg 8 "
            "(appeal under s51(2)(b)), per SEND Advice Surrey"
        ),
        url=_SURREY_UNOPPOSED,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
        note="The refusal-to-issue limb of reg 45 was not read; tribunal.unopposed.final-plan is for appeals against a refusal to assess.",
    ),
    Rule(
        code="tribunal.unopposed.plan-after-refusal",
        summary="LA that will not oppose a refusal-to-issue appeal issues the final EHC plan",
        clock_starts="the LA tells the Tribunal it will not oppose the appeal",
        period=Period(11, Unit.WEEKS),
        basis=Basis.LAW,
        source=(
            "SEND Regulations 2014, reg 45 as amended by SI 2015/359 reg 8 "
            "(appeal under s51(2)(b)), per SEND Advice Surrey"
        ),
        url=_SURREY_UNOPPOSED,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
    ),
    Rule(
        code="tribunal.unopposed.name-school",
        summary="LA that will not oppose a placement-only appeal names the school",
        clock_starts="the LA tells the Tribunal it will not oppose the appeal",
        period=Period(2, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 45 as amended by SI 2015/359 reg 8, per SEND Advice Surrey",
        url=_SURREY_UNOPPOSED,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
        note="Section I only; a placement and contents appeal takes 5 weeks (tribunal.unopposed.amended-plan).",
    ),
    Rule(
        code="tribunal.response",
        summary="LA sends its response to an appeal to the Tribunal",
        clock_starts="the LA receives the appeal from the Tribunal",
        period=Period(30, Unit.WORKING_DAYS),
        basis=Basis.LAW,
        uncounted=Uncounted.TRIBUNAL_CLOSED,
        source=(
            "First-tier Tribunal (HESC) Rules 2008, rule 21 (response), as "
            "described by IPSEA ('within 30 working days'); rule 12(3)(b) leaves "
            "August and 25 December-1 January out of the count"
        ),
        url=_IPSEA_RESPONSE,
        confidence=Confidence.SECONDARY,
        note=(
            "Rule 12(3)(b) is a different counting from rule 12(3)(a)'s roll of "
            "an appeal deadline: the days are not counted at all. HMCTS guidance "
            "is reported to say about 6 weeks. Neither rule 21 nor rule 12(3)(b) "
            "was read on legislation.gov.uk."
        ),
    ),
    # -- tribunal orders (SEND Regulations 2014 reg 44) ---------------------------
    Rule(
        code="tribunal.order.assess.notify",
        summary="After an order to assess or reassess, tell the family the assessment will be made",
        clock_starts="the Tribunal's order is made",
        period=Period(2, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 44(2)(b)",
        url=_REG44,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
        note=_REG44_TEXT,
    ),
    Rule(
        code="tribunal.order.assess.not-to-issue",
        summary="After an order to assess, notify a decision not to issue a plan",
        clock_starts="the Tribunal's order is made",
        period=Period(10, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 44(2)(b)(i)",
        url=_REG44,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
        note=_REG44_TEXT,
    ),
    Rule(
        code="tribunal.order.assess.final-plan",
        summary="After an order to assess, issue the final EHC plan",
        clock_starts="the Tribunal's order is made",
        period=Period(14, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 44(2)(b)(ii)",
        url=_REG44,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
        note=_REG44_TEXT,
    ),
    Rule(
        code="tribunal.order.make-plan.draft",
        summary="After an order to make and maintain a plan, issue the draft plan",
        clock_starts="the Tribunal's order is made",
        period=Period(5, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 44(2)(c)(i)",
        url=_REG44,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
        note=_REG44_TEXT,
    ),
    Rule(
        code="tribunal.order.make-plan.final",
        summary="After an order to make and maintain a plan, issue the final plan",
        clock_starts="the Tribunal's order is made",
        period=Period(11, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 44(2)(c)(ii)",
        url=_REG44,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
        note=_REG44_TEXT,
    ),
    Rule(
        code="tribunal.order.amend",
        summary="After an order to amend the plan's needs or provision, issue the amended plan",
        clock_starts="the Tribunal's order is made",
        period=Period(5, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 44(2) (the amendment limb), as summarised in secondary accounts",
        url=_REG44,
        confidence=Confidence.SECONDARY,
        valid_from=_SEND_REGS_FROM,
        note="The limb for orders to amend was not read in any reproduction of the text; 5 weeks is the figure secondary accounts give.",
    ),
    Rule(
        code="tribunal.order.name-school",
        summary="After an order about the school named (section I only), issue the amended plan",
        clock_starts="the Tribunal's order is made",
        period=Period(2, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 44(2) (placement limb), figure unconfirmed",
        url=_REG44,
        confidence=Confidence.UNCONFIRMED,
        valid_from=_SEND_REGS_FROM,
        note=(
            "No source for the order limb could be read: 2 weeks mirrors the "
            "unopposed placement appeal (reg 45). Override it with a local rule "
            "file once checked."
        ),
    ),
    Rule(
        code="tribunal.order.continue-and-amend",
        summary="After an order to continue and amend a plan the LA meant to cease, issue the amended plan",
        clock_starts="the Tribunal's order is made",
        period=Period(5, Unit.WEEKS),
        basis=Basis.LAW,
        source="SEND Regulations 2014, reg 44(2) (continue-to-maintain limb), figure unconfirmed",
        url=_REG44,
        confidence=Confidence.UNCONFIRMED,
        valid_from=_SEND_REGS_FROM,
        note=(
            "No source for this limb could be read: 5 weeks mirrors the unopposed "
            "cessation appeal (reg 45). An order only to continue the plan takes "
            "effect at once and has no period. Override it once checked."
        ),
    ),
    # -- service of documents -------------------------------------------------------
    Rule(
        code="service.first-class-post",
        summary="A document sent by first class post is deemed served",
        clock_starts="the document is posted",
        period=Period(2, Unit.WORKING_DAYS),
        basis=Basis.USUAL_PRACTICE,
        source=(
            "Interpretation Act 1978 s7 (served when it would be delivered 'in the "
            "ordinary course of post'), with the civil courts' second business day "
            "after posting (CPR 6.26) as the usual reading"
        ),
        url=_CPR_6_26,
        confidence=Confidence.SECONDARY,
        note=(
            "The SEND Regulations 2014 set no deemed-service rule for the draft "
            "plan (reg 13) or the amendment notice (reg 22). s7 applies to Acts "
            "and, through s23, to regulations; the day used is an assumption, "
            "flagged. By hand or by agreed email, sendkit treats the sending day "
            "as the service day."
        ),
    ),
    Rule(
        code="service.second-class-post",
        summary="A document sent by second class post is deemed served",
        clock_starts="the document is posted",
        period=Period(4, Unit.WORKING_DAYS),
        basis=Basis.USUAL_PRACTICE,
        source=(
            "Interpretation Act 1978 s7 ('ordinary course of post'); the fourth "
            "working day is the long-standing court practice for second class post"
        ),
        url=_CPR_6_26,
        confidence=Confidence.UNCONFIRMED,
        note="No current source read for the fourth working day; an assumption, flagged.",
    ),
)
